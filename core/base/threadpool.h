#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace fp {

// A fixed set of threads for parallel-for loops over index ranges, started once and reused for
// every loop (starting threads for each small loop costs more than the loop on some machines).
//
// Results never depend on the scheduling: the work is split by index, not by which thread is
// free. A loop body writes what it computes to its own index's place (a slot, or a partial sum
// that the caller adds up in index order afterwards), so a loop gives the same bits on 1 or 16
// threads. The calling thread works too: a pool of n threads starts n - 1 workers, and a pool of 1
// runs every loop on the caller.
//
// One loop at a time: a second caller waits for the first loop to end. A loop body must not start
// a loop on its own pool.
class ThreadPool final
{
public:
    // (index, thread): thread in [0, threads()) names the thread running the index, for scratch
    // space per thread; 0 is the caller.
    using Body = std::function<void(int index, int thread)>;

    explicit ThreadPool(int threads); // at least 1
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int threads() const { return static_cast<int>(m_workers.size()) + 1; }

    // Calls body(index, thread) once for every index in [0, count) and returns when all calls have
    // ended. Indices are claimed in increasing order one at a time, so a thread the system does not
    // schedule in time delays nothing: the others take its share. When calls throw, indices not
    // yet claimed are skipped and the exception of the lowest index that threw is rethrown here
    // (the same one whatever the scheduling, as every lower index was claimed before it).
    void forEachIndex(int count, const Body& body);

private:
    void drain(std::unique_lock<std::mutex>& lock, int thread);
    void work(int thread);

    std::mutex m_loopMutex; // one loop at a time
    std::mutex m_mutex;     // guards everything below
    std::condition_variable m_wake, m_finished;
    const Body* m_body = nullptr;
    int m_count = 0, m_next = 0, m_running = 0;
    int m_errorIndex = 0;
    std::exception_ptr m_error;
    std::uint64_t m_generation = 0; // counts loops, so a worker takes each loop once
    bool m_stop = false;
    std::vector<std::thread> m_workers;
};

// Part `part` of [0, size) split into `parts` contiguous ranges of near-equal length:
// [size * part / parts, size * (part + 1) / parts). The ranges depend on size and parts alone.
struct IndexRange
{
    std::size_t begin = 0;
    std::size_t end = 0;
};
IndexRange partOf(std::size_t size, int parts, int part);

} // namespace fp
