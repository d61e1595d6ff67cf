#include "base/error.h"
#include "shell/backgroundjob.h"

// QSignalSpy records through a direct connection, in the worker thread: the signal may be in the
// spy before wait() would start, so the tests poll the count (QTRY_*) instead of waiting.
#include <QSignalSpy>
#include <QTest>
#include <atomic>
#include <thread>

using fp::ui::BackgroundJob;

class TestBackgroundJob : public QObject
{
    Q_OBJECT
private slots:
    void deliversTheResultWithItsRunIdOnTheGuiThread()
    {
        BackgroundJob job;
        QSignalSpy succeeded(&job, &BackgroundJob::succeeded);
        QSignalSpy progressed(&job, &BackgroundJob::progressed);
        Qt::HANDLE resultThread = nullptr;
        connect(&job, &BackgroundJob::succeeded, this,
                [&] { resultThread = QThread::currentThreadId(); });
        Qt::HANDLE workThread = nullptr;
        const quint64 run = job.start("sum", [&](const fp::ProgressFn& progress) {
            workThread = QThread::currentThreadId();
            for (int i = 0; i <= 10; ++i)
                progress(i, 10);
            return QVariant(42);
        });
        QVERIFY(run > 0);
        QVERIFY(job.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, 5000);
        QCOMPARE(succeeded.at(0).at(0).toULongLong(), run);
        QCOMPARE(succeeded.at(0).at(1).toInt(), 42);
        QVERIFY(!progressed.isEmpty());
        QCOMPARE(progressed.last().at(1).toLongLong(), 10); // the last update always arrives
        QVERIFY(workThread != QThread::currentThreadId());
        QTRY_VERIFY(resultThread != nullptr); // each queued connection is its own event
        QCOMPARE(resultThread, QThread::currentThreadId());
        QTRY_VERIFY(!job.isRunning());
    }

    void cancelStopsTheWorkThroughItsProgressCallback()
    {
        BackgroundJob job;
        QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
        QSignalSpy succeeded(&job, &BackgroundJob::succeeded);
        std::atomic_bool started{false};
        job.start("forever", [&](const fp::ProgressFn& progress) {
            started = true;
            for (std::int64_t i = 0;; ++i) {
                if (!progress(i, -1))
                    throw fp::Cancelled();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return QVariant();
        });
        QTRY_VERIFY(started.load());
        job.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QVERIFY(succeeded.isEmpty());
        QTRY_VERIFY(!job.isRunning());
    }

    void failuresArriveAsMessages()
    {
        BackgroundJob job;
        QSignalSpy failed(&job, &BackgroundJob::failed);
        job.start("broken", [](const fp::ProgressFn&) -> QVariant {
            throw fp::FlashPlanError("disk on fire");
        });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
        QCOMPARE(failed.at(0).at(1).toString(), QString("disk on fire"));
    }

    void aSecondStartWhileRunningIsRefusedAndAStaleRunIsRecognizable()
    {
        BackgroundJob job;
        QSignalSpy succeeded(&job, &BackgroundJob::succeeded);
        std::atomic_bool release{false};
        const quint64 first = job.start("slow", [&](const fp::ProgressFn&) {
            while (!release.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return QVariant(1);
        });
        QCOMPARE(job.start("other", [](const fp::ProgressFn&) { return QVariant(2); }), quint64(0));
        release = true;
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, 5000);
        QTRY_VERIFY(!job.isRunning());
        const quint64 second = job.start("next", [](const fp::ProgressFn&) { return QVariant(3); });
        QVERIFY(second > first);
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 2, 5000);
        QCOMPARE(succeeded.last().at(0).toULongLong(), second);
        QCOMPARE(job.currentRun(), second);
    }
};

QTEST_MAIN(TestBackgroundJob)
#include "test_backgroundjob.moc"
