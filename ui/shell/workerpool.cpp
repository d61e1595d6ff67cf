#include "shell/workerpool.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace fp::ui {

namespace {

struct Registry
{
    QThreadPool threads;
    std::mutex mutex;
    std::vector<std::shared_ptr<std::atomic_bool>> running; // the cancel flags of running work
};

Registry& registry()
{
    // Made once and never destroyed: QThreadPool's destructor would wait without a bound.
    static Registry* const instance = [] {
        auto* made = new Registry;
        // Every job runs at once (a long training never holds up a chart); few run at a time.
        made->threads.setMaxThreadCount(std::max(64, QThread::idealThreadCount()));
        // Programs that never call stopAll() (the tests) stop their work as the application
        // object goes.
        qAddPostRoutine([] { WorkerPool::stopAll(EXIT_FAILURE); });
        return made;
    }();
    return *instance;
}

} // namespace

void WorkerPool::start(std::shared_ptr<std::atomic_bool> cancel, std::function<void()> work)
{
    Registry& pool = registry();
    {
        const std::lock_guard lock(pool.mutex);
        pool.running.push_back(cancel);
    }
    pool.threads.start([cancel = std::move(cancel), work = std::move(work)]() mutable {
        work();
        work = nullptr; // what the work owns goes while it still counts as running
        Registry& ended = registry();
        const std::lock_guard lock(ended.mutex);
        std::erase(ended.running, cancel);
    });
}

int WorkerPool::runningCount()
{
    Registry& pool = registry();
    const std::lock_guard lock(pool.mutex);
    return static_cast<int>(pool.running.size());
}

bool WorkerPool::cancelAndWait(std::chrono::milliseconds timeout)
{
    Registry& pool = registry();
    {
        const std::lock_guard lock(pool.mutex);
        for (const auto& cancel : pool.running)
            cancel->store(true);
    }
    return pool.threads.waitForDone(static_cast<int>(timeout.count()));
}

void WorkerPool::stopAll(int exitCode)
{
    if (cancelAndWait(kStopWait))
        return;
    std::fprintf(stderr,
                 "flashplan: background work did not stop within %lld s of being cancelled; "
                 "ending without waiting for it\n",
                 static_cast<long long>(kStopWait.count()));
    std::fflush(stderr);
    std::_Exit(exitCode); // destroying the statics under running work would be worse
}

} // namespace fp::ui
