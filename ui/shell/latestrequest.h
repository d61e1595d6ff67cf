#pragma once

#include <QObject>
#include <functional>

namespace fp::ui {

class JobBase;

// "The latest request wins" over a job, for views that show what the user chose last (a product,
// a project): a request while a run is in progress discards that run (its result is stale) and
// starts the newest request once the run has ended. Any number of quick requests cost at most
// two runs, and only the last one's result is delivered.
class LatestRequest final : public QObject
{
    Q_OBJECT
public:
    // `start` starts the newest request on `job`, from what its owner shows now. Lives as long
    // as the job (it is the job's child).
    LatestRequest(JobBase* job, std::function<void()> start);

    void request();
    // Forgets any request: a running run is discarded and nothing starts after it.
    void drop();
    bool isWaiting() const { return m_waiting; }

private:
    JobBase* m_job;
    std::function<void()> m_start;
    bool m_waiting = false; // a request waits for the running (discarded) run to end
};

} // namespace fp::ui
