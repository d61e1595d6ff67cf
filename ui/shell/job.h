#pragma once

#include "base/error.h"
#include "base/progress.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace fp::ui {

class JobLink;

// One long core operation at a time on a worker thread (the GUI thread only draws): what every
// job shares, and what the status bar shows. The work gets a ProgressFn that reports progress
// (at most ~25 updates a second) and returns false once cancel() was called, which is how core
// operations learn to stop. Every run has an id, and all it reports arrives on the GUI thread in
// order: started, progressed (and partial results), one outcome (the typed result of Job, failed
// or cancelled), then ended. Exceptions are caught at the edge of the worker: fp::Cancelled is
// reported as cancelled(), any other as failed() with its Problem (problemText() says it in the
// language shown).
// A job never waits for its work: destroying it cancels the run and drops what the run still
// reports; the work, which owns what it uses (copies, shared_ptr), ends on its own (WorkerPool).
class JobBase : public QObject
{
    Q_OBJECT
public:
    explicit JobBase(QObject* parent = nullptr);
    ~JobBase() override;

    bool isRunning() const { return m_running; }
    quint64 currentRun() const { return m_run; }
    const QString& title() const { return m_title; }

    // Asks the running work to stop at its next progress check. Work that returns anyway has
    // finished (and committed what it commits): its result is reported, not a cancel.
    void cancel();
    // Cancels the running run and drops all it still reports but ended(): its result is stale.
    void discard();

signals:
    void started(quint64 run, const QString& title);
    void progressed(quint64 run, qint64 done, qint64 total);
    void failed(quint64 run, const fp::Problem& problem);
    void cancelled(quint64 run);
    void ended(quint64 run); // after the outcome; also after a discarded run

protected:
    // On the GUI thread, for a run that still counts: hands a (partial) result to its handlers.
    using Delivery = std::function<void(quint64 run)>;
    // From the worker: queues a delivery of the partial results of this run.
    using Post = std::function<void(Delivery delivery)>;
    // The worker's part of a run: does the work and returns the delivery of its result.
    using Body = std::function<Delivery(const ProgressFn& progress, const Post& post)>;

    // Starts `body` on a worker unless a run is in progress (then returns 0). Returns the run id.
    quint64 launch(const QString& title, Body body);

private:
    void deliver(quint64 run, const Delivery& delivery);
    void complete(quint64 run, const std::function<void()>& outcome);

    std::shared_ptr<JobLink> m_link;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_run = 0;
    bool m_running = false;
    bool m_discarded = false;
    QString m_title;
};

// The callbacks for one kind of value of a job, each called while its context object lives.
template <typename Value> class JobHandlers final
{
public:
    using Handler = std::function<void(quint64 run, const Value& value)>;
    void add(QObject* context, Handler handler)
    {
        m_handlers.push_back({context, std::move(handler)});
    }
    void call(quint64 run, const Value& value) const;

private:
    std::vector<std::pair<QPointer<QObject>, Handler>> m_handlers;
};

// The Partial of a job that reports no partial results.
struct NoPartials
{
};

// A job whose work returns a Result, delivered on the GUI thread to the onFinished() handlers:
//   m_job->onFinished(this, [this](quint64, const Stats& stats) { show(stats); });
//   m_job->start(tr("Counting"), [path](const ProgressFn& p) { return count(path, p); });
// With a Partial type, the work also gets a function that sends partial results (a training's
// loss points) to the onPartial() handlers, in order and before the result.
template <typename Result, typename Partial = NoPartials> class Job final : public JobBase
{
public:
    static constexpr bool kHasPartials = !std::is_same_v<Partial, NoPartials>;
    using PartialFn = std::function<void(Partial partial)>;
    using Work =
        std::conditional_t<kHasPartials, std::function<Result(const ProgressFn&, const PartialFn&)>,
                           std::function<Result(const ProgressFn&)>>;

    using JobBase::JobBase;

    void onFinished(QObject* context, typename JobHandlers<Result>::Handler handler)
    {
        m_finished.add(context, std::move(handler));
    }
    void onPartial(QObject* context,
                   typename JobHandlers<Partial>::Handler handler) requires kHasPartials
    {
        m_partials.add(context, std::move(handler));
    }

    // Starts `work` on a worker unless a run is in progress (then returns 0). Returns the run id.
    quint64 start(const QString& title, Work work);

private:
    JobHandlers<Result> m_finished;
    JobHandlers<Partial> m_partials;
};

template <typename Value> void JobHandlers<Value>::call(quint64 run, const Value& value) const
{
    // By index and by copy: a handler may add another.
    for (size_t i = 0; i < m_handlers.size(); ++i)
        if (const auto [context, handler] = m_handlers[i]; context)
            handler(run, value);
}

template <typename Result, typename Partial>
quint64 Job<Result, Partial>::start(const QString& title, Work work)
{
    // Runs on the worker: `this` is only captured into deliveries, which run on the GUI thread
    // and only while the job lives.
    return launch(
        title,
        [this, work = std::move(work)](const ProgressFn& progress, const Post& post) -> Delivery {
            std::shared_ptr<const Result> result;
            if constexpr (kHasPartials) {
                const PartialFn partial = [this, &post](Partial value) {
                    auto shared = std::make_shared<const Partial>(std::move(value));
                    post([this, shared](quint64 run) { m_partials.call(run, *shared); });
                };
                result = std::make_shared<const Result>(work(progress, partial));
            } else {
                result = std::make_shared<const Result>(work(progress));
            }
            return [this, result](quint64 run) {
                m_finished.call(run, *result);
            };
        });
}

} // namespace fp::ui

Q_DECLARE_METATYPE(fp::Problem) // what failed() carries
