#include "shell/latestrequest.h"

#include "shell/job.h"

namespace fp::ui {

LatestRequest::LatestRequest(JobBase* job, std::function<void()> start)
    : QObject(job), m_job(job), m_start(std::move(start))
{
    connect(job, &JobBase::ended, this, [this] {
        if (m_waiting)
            request();
    });
}

void LatestRequest::request()
{
    if (m_job->isRunning()) {
        m_waiting = true;
        m_job->discard();
        return;
    }
    m_waiting = false;
    m_start();
}

void LatestRequest::drop()
{
    m_waiting = false;
    m_job->discard();
}

} // namespace fp::ui
