#pragma once

#include "base/progress.h"

#include <QObject>
#include <QString>
#include <QVariant>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace fp::ui {

// Runs one long core operation on a worker thread (the GUI thread only draws). The work gets a
// ProgressFn that reports progress (throttled to ~25 updates a second) and returns false once
// cancel() was called, which is how core operations learn to stop. Every run has an id; signals
// carry it so a view can drop a stale result from a run it already replaced or cancelled.
// Exceptions are caught at the edge of the worker and reported through failed().
class BackgroundJob final : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<QVariant(const ProgressFn& progress)>;

    explicit BackgroundJob(QObject* parent = nullptr);
    ~BackgroundJob() override; // cancels a running job and waits for it

    // Starts `work` unless a run is in progress (then returns 0). Returns the new run id.
    quint64 start(const QString& title, Work work);
    void cancel();
    bool isRunning() const { return m_running; }
    quint64 currentRun() const { return m_run; }
    const QString& title() const { return m_title; }

signals:
    void started(quint64 run, const QString& title);
    void progressed(quint64 run, qint64 done, qint64 total);
    void succeeded(quint64 run, const QVariant& result);
    void failed(quint64 run, const QString& message);
    void cancelled(quint64 run);
    void ended(quint64 run); // after any of the three above

private:
    void finish(quint64 run);

    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_run = 0;
    bool m_running = false;
    QString m_title;
};

} // namespace fp::ui
