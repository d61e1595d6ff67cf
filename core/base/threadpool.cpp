#include "base/threadpool.h"

#include <algorithm>

namespace fp {

ThreadPool::ThreadPool(int threads)
{
    for (int t = 1; t < threads; ++t)
        m_workers.emplace_back([this, t] { work(t); });
}

ThreadPool::~ThreadPool()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread& worker : m_workers)
        worker.join();
}

void ThreadPool::forEachIndex(int count, const Body& body)
{
    if (count <= 0)
        return;
    if (m_workers.empty() || count == 1) { // nothing to share: no locks, no wake-ups
        for (int index = 0; index < count; ++index)
            body(index, 0);
        return;
    }
    const std::lock_guard loop(m_loopMutex);
    std::unique_lock lock(m_mutex);
    m_body = &body;
    m_count = count;
    m_next = 0;
    m_running = 0;
    m_errorIndex = count;
    m_error = nullptr;
    ++m_generation;
    lock.unlock();
    m_wake.notify_all();
    lock.lock();
    drain(lock, 0);
    m_finished.wait(lock, [this] { return m_next >= m_count && m_running == 0; });
    m_body = nullptr;
    if (m_error) {
        std::exception_ptr error = std::move(m_error);
        m_error = nullptr;
        std::rethrow_exception(error);
    }
}

void ThreadPool::drain(std::unique_lock<std::mutex>& lock, int thread)
{
    while (m_next < m_count) {
        const int index = m_next++;
        const Body& body = *m_body;
        ++m_running;
        lock.unlock();
        std::exception_ptr error;
        try {
            body(index, thread);
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        --m_running;
        if (error) {
            if (index < m_errorIndex) {
                m_errorIndex = index;
                m_error = std::move(error);
            }
            m_next = m_count; // skip what nobody has started
        }
        if (m_next >= m_count && m_running == 0)
            m_finished.notify_all();
    }
}

void ThreadPool::work(int thread)
{
    std::uint64_t seen = 0;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
        if (m_stop)
            return;
        seen = m_generation;
        drain(lock, thread);
    }
}

IndexRange partOf(std::size_t size, int parts, int part)
{
    parts = std::max(parts, 1);
    const auto n = static_cast<std::size_t>(parts);
    const auto i = static_cast<std::size_t>(std::clamp(part, 0, parts));
    return {size * i / n, size * std::min(i + 1, n) / n};
}

} // namespace fp
