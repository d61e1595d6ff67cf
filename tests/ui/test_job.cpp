#include "base/error.h"
#include "shell/job.h"
#include "shell/latestrequest.h"
#include "shell/workerpool.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

using fp::ui::Job;
using fp::ui::JobBase;
using fp::ui::LatestRequest;
using fp::ui::WorkerPool;

namespace {

// A result type no QVariant knows: what the typed job delivers is the work's own value.
struct Sum
{
    int value = 0;
    std::string text;
};

// A gate a work waits at until the test opens it (or `limit` passes); shared with the work, so
// the work owns what it uses and may outlive the test's locals.
struct Gate
{
    std::mutex mutex;
    std::condition_variable opened;
    bool open = false;
    std::atomic_bool reached{false};

    void release()
    {
        {
            const std::lock_guard lock(mutex);
            open = true;
        }
        opened.notify_all();
    }
    bool wait(std::chrono::seconds limit)
    {
        reached = true;
        std::unique_lock lock(mutex);
        return opened.wait_for(lock, limit, [this] { return open; });
    }
};

} // namespace

class TestJob : public QObject
{
    Q_OBJECT
private slots:
    void deliversTheTypedResultWithItsRunIdOnTheGuiThread()
    {
        Job<Sum> job;
        QSignalSpy progressed(&job, &JobBase::progressed);
        QSignalSpy ended(&job, &JobBase::ended);
        quint64 deliveredRun = 0;
        Sum delivered;
        Qt::HANDLE resultThread = nullptr;
        bool runningAtDelivery = true;
        int endedAtDelivery = -1;
        job.onFinished(this, [&](quint64 run, const Sum& sum) {
            deliveredRun = run;
            delivered = sum;
            resultThread = QThread::currentThreadId();
            runningAtDelivery = job.isRunning();
            endedAtDelivery = static_cast<int>(ended.count());
        });
        std::atomic<Qt::HANDLE> workThread = nullptr;
        const quint64 run = job.start("sum", [&workThread](const fp::ProgressFn& progress) {
            workThread = QThread::currentThreadId();
            Sum sum;
            for (int i = 0; i <= 10; ++i) {
                progress(i, 10);
                sum.value += i;
            }
            sum.text = "fifty-five";
            return sum;
        });
        QVERIFY(run > 0);
        QVERIFY(job.isRunning());
        QCOMPARE(job.currentRun(), run);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QCOMPARE(deliveredRun, run);
        QCOMPARE(delivered.value, 55);
        QCOMPARE(delivered.text, std::string("fifty-five"));
        QCOMPARE(resultThread, QThread::currentThreadId());
        QVERIFY(workThread.load() != QThread::currentThreadId());
        QVERIFY(!runningAtDelivery);  // idle before anyone reacts: a handler may start the next run
        QCOMPARE(endedAtDelivery, 0); // the result comes before ended()
        QCOMPARE(ended.first().at(0).toULongLong(), run);
        QVERIFY(!progressed.isEmpty());
        QCOMPARE(progressed.last().at(1).toLongLong(), 10); // the last update always arrives
    }

    void cancelIsReportedAsCancelledNotAsAResult()
    {
        Job<int> job;
        QSignalSpy cancelled(&job, &JobBase::cancelled);
        QSignalSpy failed(&job, &JobBase::failed);
        QSignalSpy ended(&job, &JobBase::ended);
        int results = 0;
        job.onFinished(this, [&](quint64, const int&) { ++results; });
        std::atomic_bool started{false};
        const quint64 run = job.start("forever", [&started](const fp::ProgressFn& progress) {
            started = true;
            for (std::int64_t i = 0;; ++i) {
                if (!progress(i, -1))
                    throw fp::Cancelled();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return 0;
        });
        QTRY_VERIFY(started.load());
        job.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(cancelled.first().at(0).toULongLong(), run);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(results, 0);
        QVERIFY(!job.isRunning());
    }

    void exceptionsAreReportedAsFailuresWithTheirProblem_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("problemKind");
        QTest::addColumn<QString>("message");
        QTest::newRow("FlashPlanError")
            << 0 << int(fp::ProblemKind::NoSales)
            << "p.flashplan holds no sales yet; import a sales CSV first";
        QTest::newRow("std::exception") << 1 << int(fp::ProblemKind::Internal) << "vector too long";
        QTest::newRow("anything else")
            << 2 << int(fp::ProblemKind::Unexpected) << "unexpected error";
    }

    void exceptionsAreReportedAsFailuresWithTheirProblem()
    {
        QFETCH(int, kind);
        QFETCH(int, problemKind);
        QFETCH(QString, message);
        Job<int> job;
        QSignalSpy failed(&job, &JobBase::failed);
        QSignalSpy cancelled(&job, &JobBase::cancelled);
        QSignalSpy ended(&job, &JobBase::ended);
        int results = 0;
        job.onFinished(this, [&](quint64, const int&) { ++results; });
        const quint64 run = job.start("broken", [kind](const fp::ProgressFn&) -> int {
            if (kind == 0)
                throw fp::FlashPlanError(fp::ProblemKind::NoSales, {"p.flashplan"});
            if (kind == 1)
                throw std::length_error("vector too long");
            throw 42;
        });
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().at(0).toULongLong(), run);
        const auto problem = failed.first().at(1).value<fp::Problem>();
        QCOMPARE(int(problem.kind), problemKind);
        QCOMPARE(QString::fromStdString(problem.message()), message);
        QCOMPARE(cancelled.count(), 0);
        QCOMPARE(results, 0);
    }

    void aSecondStartWhileRunningIsRefused()
    {
        Job<int> job;
        QSignalSpy ended(&job, &JobBase::ended);
        QList<int> results;
        job.onFinished(this, [&](quint64, const int& value) { results << value; });
        auto gate = std::make_shared<Gate>();
        const quint64 first = job.start("slow", [gate](const fp::ProgressFn&) {
            gate->wait(std::chrono::seconds(20));
            return 1;
        });
        QCOMPARE(job.start("other", [](const fp::ProgressFn&) { return 2; }), quint64(0));
        gate->release();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        const quint64 second = job.start("next", [](const fp::ProgressFn&) { return 3; });
        QVERIFY(second > first);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 5000);
        QCOMPARE(results, (QList<int>{1, 3}));
    }

    void aDiscardedRunIsStaleAndAllItReportsButEndedIsDropped()
    {
        Job<int, int> job;
        QSignalSpy progressed(&job, &JobBase::progressed);
        QSignalSpy ended(&job, &JobBase::ended);
        QList<int> results, partials;
        job.onFinished(this, [&](quint64, const int& value) { results << value; });
        job.onPartial(this, [&](quint64, const int& value) { partials << value; });
        auto gate = std::make_shared<Gate>();
        auto sawCancel = std::make_shared<std::atomic_bool>(false);
        const quint64 stale = job.start(
            "stale", [gate, sawCancel](const fp::ProgressFn& progress, const auto& partial) {
                gate->wait(std::chrono::seconds(20));
                *sawCancel = !progress(1, 1); // work that ignores cancel still gets told
                partial(7);
                return 1;
            });
        QTRY_VERIFY(gate->reached.load());
        job.discard();
        QVERIFY(job.isRunning()); // until its work has ended
        gate->release();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QCOMPARE(ended.first().at(0).toULongLong(), stale);
        QVERIFY(sawCancel->load());
        QVERIFY(results.isEmpty());
        QVERIFY(partials.isEmpty());
        QVERIFY(progressed.isEmpty());

        const quint64 fresh = job.start("fresh", [](const fp::ProgressFn&, const auto& partial) {
            partial(8);
            return 2;
        });
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 5000);
        QVERIFY(fresh > stale);
        QCOMPARE(results, QList<int>{2});
        QCOMPARE(partials, QList<int>{8});
    }

    void partialResultsArriveInOrderBeforeTheResult()
    {
        Job<QString, int> job;
        QSignalSpy ended(&job, &JobBase::ended);
        QList<int> partials;
        qsizetype partialsAtResult = -1;
        QString result;
        job.onPartial(this, [&](quint64, const int& value) { partials << value; });
        job.onFinished(this, [&](quint64, const QString& value) {
            result = value;
            partialsAtResult = partials.size();
        });
        job.start("count", [](const fp::ProgressFn&, const std::function<void(int)>& partial) {
            for (int i = 0; i < 1000; ++i)
                partial(i);
            return QStringLiteral("counted");
        });
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QCOMPARE(result, QString("counted"));
        QCOMPARE(partialsAtResult, 1000);
        QList<int> expected;
        for (int i = 0; i < 1000; ++i)
            expected << i;
        QCOMPARE(partials, expected);
    }

    void aHandlerGoesWithItsContext()
    {
        Job<int> job;
        QSignalSpy ended(&job, &JobBase::ended);
        int calls = 0;
        auto* context = new QObject;
        job.onFinished(context, [&](quint64, const int&) { ++calls; });
        job.onFinished(this, [&](quint64, const int&) { calls += 10; });
        delete context;
        job.start("one", [](const fp::ProgressFn&) { return 1; });
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QCOMPARE(calls, 10);
    }

    void latestRequestCoalescesQuickRequestsIntoTwoRunsAndAppliesTheLast()
    {
        Job<int> job;
        QSignalSpy ended(&job, &JobBase::ended);
        QList<int> applied;
        job.onFinished(this, [&](quint64, const int& value) { applied << value; });
        auto gate = std::make_shared<Gate>();
        auto runs = std::make_shared<std::atomic_int>(0);
        auto firstSawCancel = std::make_shared<std::atomic_bool>(false);
        int newest = 0;
        auto* latest = new LatestRequest(&job, [&] {
            job.start(QStringLiteral("value %1").arg(newest),
                      [value = newest, gate, runs, firstSawCancel](const fp::ProgressFn& progress) {
                          if (++*runs == 1) { // a slow core call that notices cancel late
                              gate->wait(std::chrono::seconds(20));
                              *firstSawCancel = !progress(1, 1);
                          }
                          return value;
                      });
        });
        newest = 1;
        latest->request();
        QTRY_VERIFY(gate->reached.load());
        for (newest = 2; newest <= 10; ++newest)
            latest->request();
        newest = 10; // what the owner shows now
        QVERIFY(latest->isWaiting());
        gate->release();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 5000);
        QTRY_VERIFY(!job.isRunning());
        QCOMPARE(runs->load(), 2);
        QVERIFY(firstSawCancel->load());
        QCOMPARE(applied, QList<int>{10});
        QVERIFY(!latest->isWaiting());
        QCOMPARE(job.title(), QString("value 10"));
    }

    void droppingForgetsTheWaitingRequest()
    {
        Job<int> job;
        QSignalSpy ended(&job, &JobBase::ended);
        QList<int> applied;
        job.onFinished(this, [&](quint64, const int& value) { applied << value; });
        auto gate = std::make_shared<Gate>();
        int starts = 0;
        auto* latest = new LatestRequest(&job, [&] {
            ++starts;
            job.start("slow", [gate](const fp::ProgressFn&) {
                gate->wait(std::chrono::seconds(20));
                return 1;
            });
        });
        latest->request();
        latest->request(); // waits
        latest->drop();
        gate->release();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
        QTest::qWait(50); // nothing starts after the dropped run
        QCOMPARE(starts, 1);
        QCOMPARE(ended.count(), 1);
        QVERIFY(applied.isEmpty());
    }

    void destroyingAJobReturnsAtOnceAndDropsWhatItsWorkStillReports()
    {
        auto* job = new Job<int>;
        int results = 0;
        int endings = 0;
        job->onFinished(this, [&](quint64, const int&) { ++results; });
        connect(job, &JobBase::ended, this, [&] { ++endings; });
        auto gate = std::make_shared<Gate>();
        auto sawCancel = std::make_shared<std::atomic_bool>(false);
        job->start("blocked", [gate, sawCancel](const fp::ProgressFn& progress) {
            const bool released = gate->wait(std::chrono::seconds(20));
            *sawCancel = !progress(1, 1);
            return released ? 1 : 0;
        });
        QTRY_VERIFY(gate->reached.load());

        QElapsedTimer clock;
        clock.start();
        delete job; // a destructor that waited would sit here until the gate's 20 s ran out
        const qint64 destroying = clock.elapsed();
        gate->release(); // only now
        QVERIFY2(destroying < 5000, qPrintable(QStringLiteral("took %1 ms").arg(destroying)));

        QVERIFY(WorkerPool::cancelAndWait(std::chrono::seconds(10)));
        QCOMPARE(WorkerPool::runningCount(), 0);
        QVERIFY(sawCancel->load()); // the job cancelled its work as it went
        QTest::qWait(50);           // a report wrongly posted would arrive now
        QCOMPARE(results, 0);
        QCOMPARE(endings, 0);
    }

    void theWorkerPoolCancelsAndWaitsForAllWork()
    {
        auto ended = std::make_shared<std::atomic_int>(0);
        for (int i = 0; i < 3; ++i) {
            auto cancel = std::make_shared<std::atomic_bool>(false);
            WorkerPool::start(cancel, [cancel, ended] {
                while (!cancel->load())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                ++*ended;
            });
        }
        QTRY_COMPARE(WorkerPool::runningCount(), 3);
        QVERIFY(WorkerPool::cancelAndWait(std::chrono::seconds(10)));
        QCOMPARE(ended->load(), 3);
        QCOMPARE(WorkerPool::runningCount(), 0);
    }
};

QTEST_MAIN(TestJob)
#include "test_job.moc"
