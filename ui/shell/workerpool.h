#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace fp::ui {

// The threads every job's work runs on, for the whole process. A job never waits for its work
// (closing the window returns at once); the process does, once, before it ends, so that no work
// runs while the application object and the statics are destroyed: main() calls stopAll() once
// the window is gone, and the application object's destructor does for any other program (the
// tests). The wait is bounded: work that ignores its cancel flag for longer cannot hold the
// process, which then ends at once (its database transactions roll back on the next open).
class WorkerPool final
{
public:
    static constexpr std::chrono::seconds kStopWait{10};

    // Runs `work` on a worker thread. `cancel` is set when the process is about to end.
    static void start(std::shared_ptr<std::atomic_bool> cancel, std::function<void()> work);
    static int runningCount();

    // Cancels all running work and waits up to `timeout` for it to end. False if some still runs.
    static bool cancelAndWait(std::chrono::milliseconds timeout);
    // cancelAndWait(kStopWait); if work still runs, ends the process with `exitCode` now.
    static void stopAll(int exitCode);
};

} // namespace fp::ui
