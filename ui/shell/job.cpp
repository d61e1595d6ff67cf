#include "shell/job.h"

#include "base/error.h"
#include "shell/workerpool.h"

#include <QElapsedTimer>
#include <mutex>

namespace fp::ui {

// What a job's workers hold instead of the job, which may go at any time (a window closes):
// then what they report goes nowhere. post() and detach() take the same lock, so a report is
// either queued before the job starts going (and Qt drops it with the job) or not at all.
class JobLink final
{
public:
    explicit JobLink(JobBase* job) : m_job(job) {}

    void detach()
    {
        const std::lock_guard lock(m_mutex);
        m_job = nullptr;
    }

    // Runs `call` on the job's (the GUI) thread, if the job is still there.
    void post(std::function<void(JobBase&)> call)
    {
        const std::lock_guard lock(m_mutex);
        if (m_job)
            QMetaObject::invokeMethod(
                m_job, [job = m_job, call = std::move(call)] { call(*job); }, Qt::QueuedConnection);
    }

private:
    std::mutex m_mutex;
    JobBase* m_job;
};

JobBase::JobBase(QObject* parent) : QObject(parent), m_link(std::make_shared<JobLink>(this)) {}

JobBase::~JobBase()
{
    m_link->detach();
    cancel(); // the work ends on its own; nothing waits for it
}

void JobBase::cancel()
{
    if (m_running && m_cancel)
        m_cancel->store(true);
}

void JobBase::discard()
{
    if (!m_running)
        return;
    m_discarded = true;
    cancel();
}

quint64 JobBase::launch(const QString& title, Body body)
{
    if (m_running)
        return 0;
    const quint64 run = ++m_run;
    m_running = true;
    m_discarded = false;
    m_title = title;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    emit started(run, title);

    // The worker holds the link, never the job.
    WorkerPool::start(m_cancel, [link = m_link, cancel = m_cancel, run, body = std::move(body)] {
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        const ProgressFn progress = [&](std::int64_t done, std::int64_t total) {
            if (sinceUpdate.elapsed() >= 40 || done >= total) {
                sinceUpdate.restart();
                link->post([run, done, total](JobBase& job) {
                    job.deliver(run, [&job, done, total](quint64 r) {
                        emit job.progressed(r, done, total);
                    });
                });
            }
            return !cancel->load();
        };
        const Post post = [&](Delivery delivery) {
            link->post([run, delivery = std::move(delivery)](JobBase& job) {
                job.deliver(run, delivery);
            });
        };
        std::function<void(JobBase&)> outcome;
        try {
            // Work that returns has finished (and committed what it commits), even when a
            // cancel arrived too late to stop it: report what really happened.
            Delivery finished = body(progress, post);
            outcome = [run, finished = std::move(finished)](JobBase& job) {
                job.complete(run, [&] { finished(run); });
            };
        } catch (const Cancelled&) {
            outcome = [run](JobBase& job) {
                job.complete(run, [&] { emit job.cancelled(run); });
            };
        } catch (const std::exception& e) {
            outcome = [run, problem = problemOf(e)](JobBase& job) {
                job.complete(run, [&] { emit job.failed(run, problem); });
            };
        } catch (...) {
            outcome = [run](JobBase& job) {
                const Problem problem = problemOf(ProblemKind::Unexpected);
                job.complete(run, [&] { emit job.failed(run, problem); });
            };
        }
        link->post(std::move(outcome));
    });
    return run;
}

void JobBase::deliver(quint64 run, const Delivery& delivery)
{
    if (run == m_run && m_running && !m_discarded)
        delivery(run);
}

void JobBase::complete(quint64 run, const std::function<void()>& outcome)
{
    if (run != m_run || !m_running)
        return;
    // Idle before anyone reacts to the outcome: a handler may start the next run.
    m_running = false;
    const QPointer<JobBase> self(this); // a handler may also delete the job's owner
    if (!m_discarded)
        outcome();
    if (self)
        emit ended(run);
}

} // namespace fp::ui
