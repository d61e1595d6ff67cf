#include "shell/backgroundjob.h"

#include "base/error.h"

#include <QElapsedTimer>
#include <QThread>

namespace fp::ui {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent)
{
    // Connected first, so the job is idle again before any view reacts to the result.
    connect(this, &BackgroundJob::succeeded, this, [this](quint64 run) { finish(run); });
    connect(this, &BackgroundJob::failed, this, [this](quint64 run) { finish(run); });
    connect(this, &BackgroundJob::cancelled, this, [this](quint64 run) { finish(run); });
}

BackgroundJob::~BackgroundJob()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

quint64 BackgroundJob::start(const QString& title, Work work)
{
    if (m_running)
        return 0;
    if (m_thread) { // the previous run's thread has finished; reclaim it
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    const quint64 run = ++m_run;
    m_running = true;
    m_title = title;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelFlag;
    // Signals emitted from the worker reach receivers in the GUI thread as queued events.
    m_thread = QThread::create([this, run, cancelFlag, work = std::move(work)] {
        QElapsedTimer sinceUpdate;
        sinceUpdate.start();
        const ProgressFn progress = [&](std::int64_t done, std::int64_t total) {
            if (sinceUpdate.elapsed() >= 40 || done >= total) {
                sinceUpdate.restart();
                emit progressed(run, done, total);
            }
            return !cancelFlag->load();
        };
        try {
            // Work that returns has finished (and committed what it commits), even when a
            // cancel arrived too late to stop it: report what really happened.
            emit succeeded(run, work(progress));
        } catch (const Cancelled&) {
            emit cancelled(run);
        } catch (const std::exception& e) {
            emit failed(run, QString::fromStdString(e.what()));
        } catch (...) {
            emit failed(run, tr("unexpected error"));
        }
        emit ended(run);
    });
    emit started(run, title);
    m_thread->start();
    return run;
}

void BackgroundJob::finish(quint64 run)
{
    if (run == m_run)
        m_running = false;
}

void BackgroundJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace fp::ui
