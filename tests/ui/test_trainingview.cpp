#include "io/salesimporter.h"
#include "model/losschart.h"
#include "model/trainer.h"
#include "model/trainingview.h"
#include "shell/projectcontroller.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "synth/demofiles.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using fp::ui::LossChart;
using fp::ui::ProjectController;
using fp::ui::TrainingView;

namespace {

// A project with `products` x `days` of synthetic daily (or weekly) sales.
QString makeProject(const QTemporaryDir& dir, int products, int days, bool weekly = false)
{
    fp::synth::MarketConfig config;
    config.products = products;
    config.days = days;
    config.weekly = weekly;
    const std::string csv = dir.filePath("sales.csv").toStdString();
    fp::synth::writeSalesCsv(fp::synth::Market(config), csv);
    const QString path = dir.filePath("shop.flashplan");
    fp::store::Store store(path.toStdString());
    const fp::io::ImportReport report = fp::io::importSalesFile(store, csv);
    if (!report.committed)
        qFatal("import of %s failed", csv.c_str());
    return path;
}

// Trains the structured model for one iteration and stores it: a model and its scores, fast.
void storeABarelyFittedModel(const QString& path)
{
    fp::store::Store store(path.toStdString());
    fp::model::TrainOptions options;
    options.model = "structured";
    options.maxIterations = 1;
    fp::model::trainAndStore(store, options);
}

std::vector<fp::store::ModelRecord> modelsIn(const QString& path)
{
    fp::store::Store store(path.toStdString(), fp::store::Store::OpenMode::ReadOnly);
    return store.models();
}

// The rows of the score table by model kind.
QStringList scoreRows(const QTableWidget* table)
{
    QStringList kinds;
    for (int r = 0; r < table->rowCount(); ++r)
        kinds << table->item(r, 0)->data(Qt::UserRole).toString();
    return kinds;
}

void choose(QComboBox* combo, const QString& kind)
{
    const int index = combo->findData(kind);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

// The view and its widgets, as a user finds them.
struct Window
{
    ProjectController controller;
    TrainingView view{&controller};
    QComboBox* model = view.findChild<QComboBox*>("modelChoice");
    QPushButton* train = view.findChild<QPushButton*>("trainButton");
    QPushButton* cancel = view.findChild<QPushButton*>("cancelButton");
    QTableWidget* scores = view.findChild<QTableWidget*>("scoreTable");
    QLabel* status = view.findChild<QLabel*>("trainingStatus");
    QLabel* heldOut = view.findChild<QLabel*>("heldOutLine");
    LossChart* chart = view.findChild<LossChart*>("lossChart");
};

// Opens `path` and trains every model (about a second's fit on 60 x 500); returns once a model
// trains (steps 1-4 of 6 take nearly all of the run): past the check for a writer at the start,
// well before the save.
void startAFitAndWaitForItsModels(Window& w, const QString& path)
{
    QString error;
    QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
    choose(w.model, "auto");
    QTest::mouseClick(w.train, Qt::LeftButton);
    const QRegularExpression training("^Step [1-4] of 6");
    QTRY_VERIFY2_WITH_TIMEOUT(training.match(w.status->text()).hasMatch(),
                              qPrintable(w.status->text()), 10000);
}

} // namespace

class TestTrainingView : public QObject
{
    Q_OBJECT
private slots:
    void noSalesYetGivesWayToTheImportAndToTraining()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("empty.flashplan");
        Window w;
        QString error;
        QVERIFY2(w.controller.openProject(path, true, &error), qPrintable(error));
        QVERIFY2(w.heldOut->text().contains("no sales yet"), qPrintable(w.heldOut->text()));
        // An import (as the dialog does it) brings sales: the hint follows at once.
        fp::synth::MarketConfig config;
        config.products = 6;
        config.days = 120;
        const std::string csv = dir.filePath("sales.csv").toStdString();
        fp::synth::writeSalesCsv(fp::synth::Market(config), csv);
        {
            fp::store::Store store(path.toStdString());
            QVERIFY(fp::io::importSalesFile(store, csv).committed);
        }
        w.controller.notifySalesChanged();
        QVERIFY2(w.heldOut->text().contains("No model trained yet"), qPrintable(w.heldOut->text()));
        choose(w.model, "baseline");
        QTest::mouseClick(w.train, Qt::LeftButton);
        QVERIFY2(w.heldOut->text().startsWith("Training"), qPrintable(w.heldOut->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!w.view.isTraining(), 60000);
        QVERIFY(!w.heldOut->text().contains("no sales"));
    }

    void trainingDrawsLiveLossesThenScoresAndStoresTheModel()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 15, 200);
        Window w;
        QVERIFY(w.model && w.train && w.cancel && w.scores && w.status && w.chart);
        w.view.show();
        QVERIFY(!w.train->isEnabled()); // no project yet
        QString error;
        QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
        QVERIFY(w.train->isEnabled());
        QVERIFY(!w.cancel->isEnabled());
        QCOMPARE(w.scores->rowCount(), 0);
        QVERIFY(modelsIn(path).empty());

        int modelChanges = 0;
        connect(&w.controller, &ProjectController::modelChanged, this, [&] { ++modelChanges; });
        choose(w.model, "structured");
        QTest::mouseClick(w.train, Qt::LeftButton);
        QVERIFY(w.view.isTraining());
        QVERIFY(!w.train->isEnabled()); // a second run is refused while this one runs
        QVERIFY(!w.view.train());
        QVERIFY(w.cancel->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(w.scores->rowCount(), 2, 60000);
        QVERIFY(!w.view.isTraining());
        QCOMPARE(scoreRows(w.scores), (QStringList{"baseline", "structured"}));
        // The last points are drawn by the chart's next throttled redraw.
        QTRY_VERIFY(w.chart->pointCount("structured refit", false) > 0);
        QVERIFY(w.chart->pointCount("baseline", false) > 0);
        QVERIFY(w.chart->pointCount("structured", false) > 1);
        QVERIFY(w.chart->pointCount("structured", true) > 1); // validation on the held-out days
        QVERIFY(w.scores->item(1, 0)->font().bold());         // the chosen one
        QVERIFY(w.scores->item(1, 0)->text().contains("chosen"));
        QVERIFY(!w.scores->item(0, 0)->font().bold());
        QVERIFY(w.heldOut->text().contains("(28 days)"));
        QVERIFY(w.train->isEnabled());
        QVERIFY(!w.cancel->isEnabled());
        QCOMPARE(modelChanges, 1);

        const auto models = modelsIn(path);
        QCOMPARE(models.size(), size_t(1));
        QVERIFY(models.front().active);
        QCOMPARE(models.front().kind, std::string("structured"));

        // Opened again (a new start), the plot shows the stored model's own training curve.
        Window again;
        QVERIFY2(again.controller.openProject(path, false, &error), qPrintable(error));
        QTRY_VERIFY(again.chart->pointCount("structured refit", false) > 1);
        QVERIFY(again.chart->pointCount("structured refit", false) >=
                w.chart->pointCount("structured refit", false));
    }

    void cancellingKeepsTheStoredModelAndTheWindowUsable()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 60, 500);
        Window w;
        w.view.show();
        QString error;
        QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
        choose(w.model, "baseline"); // a stored model to keep
        QTest::mouseClick(w.train, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w.scores->rowCount(), 1, 60000);
        const auto before = modelsIn(path);
        QCOMPARE(before.size(), size_t(1));

        choose(w.model, "auto");
        QTest::mouseClick(w.train, Qt::LeftButton);
        QVERIFY(w.view.isTraining());
        QTRY_VERIFY_WITH_TIMEOUT(!w.chart->curveNames().isEmpty(), 60000); // first losses drawn
        QTest::mouseClick(w.cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.view.isTraining(), 60000);

        QVERIFY2(w.status->text().contains("cancelled"), qPrintable(w.status->text()));
        QVERIFY(w.train->isEnabled());
        QVERIFY(!w.cancel->isEnabled());
        QVERIFY(w.model->isEnabled());
        QCOMPARE(scoreRows(w.scores), QStringList{"baseline"}); // still the stored model's
        const auto after = modelsIn(path);
        QCOMPARE(after.size(), before.size());
        QCOMPARE(after.front().id, before.front().id);
        QVERIFY(after.front().active);
    }

    // Issue 16, finding 7: a writer already at work refuses the run at once (not minutes later
    // at the save), and one that starts during the fit is waited for past the usual 5 s lock
    // timeout, saying so; the finished fit is stored when it ends, or dropped on Cancel.
    void aWriterAtTheStartRefusesTheRunAtOnce()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 15, 200);
        Window w;
        QString error;
        QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
        fp::store::Store writer(path.toStdString(), fp::store::Store::OpenMode::MustExist);
        fp::sql::Transaction lock(writer.database());
        choose(w.model, "baseline");
        QTest::mouseClick(w.train, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.view.isTraining(), 10000);
        QVERIFY2(w.status->text().contains("being written by another program"),
                 qPrintable(w.status->text()));
        QVERIFY(w.chart->curveNames().isEmpty()); // nothing was trained
        lock.commit();
        QVERIFY(modelsIn(path).empty());
    }

    void aWriterDuringTheFitIsWaitedForAndTheFitStored()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 60, 500);
        Window w;
        startAFitAndWaitForItsModels(w, path);
        if (QTest::currentTestFailed())
            return;
        {
            fp::store::Store writer(path.toStdString(), fp::store::Store::OpenMode::MustExist);
            fp::sql::Transaction lock(writer.database());
            QTRY_VERIFY_WITH_TIMEOUT(w.status->text().contains("(6 s)"), 60000);
            QVERIFY2(w.status->text().contains("waiting for it to finish"),
                     qPrintable(w.status->text()));
            QVERIFY(w.view.isTraining());
            lock.commit();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!w.view.isTraining(), 60000);
        QVERIFY2(w.status->text().startsWith("Trained"), qPrintable(w.status->text()));
        const auto models = modelsIn(path);
        QCOMPARE(models.size(), size_t(1));
        QVERIFY(models.front().active);
    }

    void cancellingWhileWaitingForAWriterDropsTheFit()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 60, 500);
        Window w;
        startAFitAndWaitForItsModels(w, path);
        if (QTest::currentTestFailed())
            return;
        fp::store::Store writer(path.toStdString(), fp::store::Store::OpenMode::MustExist);
        fp::sql::Transaction lock(writer.database());
        QTRY_VERIFY_WITH_TIMEOUT(w.status->text().contains("waiting for it to finish"), 60000);
        QTest::mouseClick(w.cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.view.isTraining(), 10000);
        QVERIFY2(w.status->text().contains("cancelled"), qPrintable(w.status->text()));
        lock.commit();
        QVERIFY(modelsIn(path).empty());
    }

    void aFailureIsReportedAndTheWindowStaysUsable()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 5, 40); // shorter than held-out days + 8 weeks
        Window w;
        QString error;
        QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
        QTest::mouseClick(w.train, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w.view.isTraining(), 60000);
        QVERIFY2(w.status->text().contains("too little history"), qPrintable(w.status->text()));
        QVERIFY(w.train->isEnabled());
        QCOMPARE(w.scores->rowCount(), 0);
        QVERIFY(modelsIn(path).empty());
    }

    void openingAProjectShowsItsStoredModelsScores()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 15, 200);
        storeABarelyFittedModel(path); // likely no better than the baseline
        const std::string json = modelsIn(path).front().scores;
        const bool beatsBaseline = fp::model::overallScoresIn(json, "structured")->wape <
                                   fp::model::overallScoresIn(json, "baseline")->wape;
        Window w;
        QString error;
        QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
        QCOMPARE(scoreRows(w.scores), (QStringList{"baseline", "structured"}));
        QVERIFY(w.scores->item(1, 0)->font().bold());
        for (int c = 1; c < w.scores->columnCount(); ++c)
            QVERIFY2(!w.scores->item(1, c)->text().isEmpty(), qPrintable(QString::number(c)));
        QVERIFY(w.heldOut->text().contains("structured"));
        QVERIFY(w.scores->item(1, 0)->text().contains("chosen"));
        // The warning follows the stored scores: an icon and words on the model's row.
        QCOMPARE(w.scores->item(1, 0)->icon().isNull(), beatsBaseline);
        QCOMPARE(w.scores->item(1, 0)->text().contains("baseline"), !beatsBaseline);
        QVERIFY(w.scores->item(0, 0)->icon().isNull());

        w.controller.closeProject();
        QCOMPARE(w.scores->rowCount(), 0);
        QVERIFY(!w.train->isEnabled());
    }

    void aBlendThatScoresLowestWithinTheMarginIsMarkedNotKept()
    {
        QTemporaryDir dir;
        const QString path = makeProject(dir, 15, 200);
        storeABarelyFittedModel(path);
        // The stored scores of an auto run, as auto writes them: the blend a hair below
        // structured (within the 1% margin), or clearly below it (then chosen).
        auto storeScores = [&](double blendWape, const std::string& chosen, double widening = 0.04,
                               double coverage = 0.765,
                               std::optional<fp::model::WapeGain> neuralGain = {}) {
            fp::model::TrainSummary summary;
            for (const auto& [kind, wape] :
                 {std::pair<std::string, double>{"baseline", 0.5},
                  {"structured", 0.30},
                  {"neural", neuralGain ? 0.30 - neuralGain->gain : 0.35},
                  {"blend", blendWape}}) {
                fp::model::ModelReport r;
                r.kind = kind;
                r.evaluation.overall.wape = wape;
                if (kind == "neural")
                    r.overStructured = neuralGain;
                summary.reports.push_back(r);
            }
            if (neuralGain)
                summary.selectionStandardErrors = neuralGain->neededStandardErrors();
            summary.chosen = chosen;
            summary.reports.back().intervalWidening = widening; // the blend's were too narrow
            summary.reports.back().evaluation.overall.coverage = coverage;
            summary.blendMargin = 0.01;
            summary.holdoutPeriods = 28;
            fp::store::Store store(path.toStdString());
            fp::sql::Statement update(store.database(), "UPDATE models SET scores = ?");
            update.bind(1, fp::model::summaryJson(summary)).run();
        };
        for (const bool clearlyLower : {false, true}) {
            storeScores(clearlyLower ? 0.28 : 0.299, clearlyLower ? "blend" : "structured");
            Window w;
            QString error;
            QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
            QCOMPARE(scoreRows(w.scores),
                     (QStringList{"baseline", "structured", "neural", "blend"}));
            const QString blendRow = w.scores->item(3, 0)->text();
            QCOMPARE(blendRow.contains("not kept: not 1% below"), !clearlyLower);
            QCOMPARE(blendRow.contains("chosen"), clearlyLower);
            QCOMPARE(w.scores->item(1, 0)->font().bold(), !clearlyLower);
            QVERIFY(!w.scores->item(2, 0)->text().contains("not kept"));
            // Only the chosen model's widening is the stored model's: said when it is the blend.
            QCOMPARE(w.heldOut->text().contains("held 76.5% of the held-out units"), clearlyLower);
        }
        {
            // Far wider than 80% on calm held-out periods: the stored intervals were narrowed.
            storeScores(0.28, "blend", -0.05, 0.97);
            Window w;
            QString error;
            QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
            QVERIFY(w.heldOut->text().contains("held 97.0% of the held-out units"));
            QVERIFY(w.heldOut->text().contains("narrowed halfway to holding 80%"));
            QVERIFY(!w.heldOut->text().contains("widened"));
        }
        // The neural model scored lower than structured, but within chance of it (a gain of
        // 0.02 against a standard error of 0.03, 1.44 needed): structured was kept, and says why.
        storeScores(0.299, "structured", 0.0, 0.8, fp::model::WapeGain{0.02, 0.03, 7});
        Window w;
        QString error;
        QVERIFY2(w.controller.openProject(path, false, &error), qPrintable(error));
        const QString neuralRow = w.scores->item(2, 0)->text();
        QVERIFY2(neuralRow.contains("not kept: within chance of"), qPrintable(neuralRow));
        QVERIFY(w.scores->item(2, 0)->toolTip().contains("less than 1.44 standard errors (0.030)"));
        QVERIFY(w.scores->item(1, 0)->text().contains("chosen"));
    }

    void theHeldOutDaysFollowTheProjectsPeriodAsTheCliDoes()
    {
        QTemporaryDir daily, weekly;
        const QString dailyPath = makeProject(daily, 5, 200);
        const QString weeklyPath = makeProject(weekly, 5, 400, true);
        Window w;
        auto* holdout = w.view.findChild<QSpinBox*>("holdoutDays");
        QVERIFY(holdout);
        QString error;
        QVERIFY2(w.controller.openProject(weeklyPath, false, &error), qPrintable(error));
        QCOMPARE(holdout->value(), fp::model::defaultHoldoutDays(7)); // 8 weeks, as `train`
        QCOMPARE(holdout->value(), 56);
        QCOMPARE(holdout->singleStep(), 7);
        w.controller.closeProject();
        QVERIFY2(w.controller.openProject(dailyPath, false, &error), qPrintable(error));
        QCOMPARE(holdout->value(), 28);
        QCOMPARE(holdout->singleStep(), 1);
    }

    void theLossChartSkipsMissingValidationAndSwitchesToALogAxis()
    {
        LossChart chart;
        chart.addPoint("structured", {1, 2.5, 2.7});
        chart.addPoint("structured", {2, 2.0, std::nan("")});
        chart.addPoint("neural", {1, 1.5, 1.6});
        QCOMPARE(chart.pointCount("structured", false), 0); // drawn on the next redraw, at once
        QTRY_COMPARE(chart.pointCount("structured", false), 2);
        QCOMPARE(chart.pointCount("structured", true), 1);
        QCOMPARE(chart.curveNames(), (QStringList{"structured", "neural"}));
        chart.setLogScale(true);
        QCOMPARE(chart.pointCount("neural", true), 1);
        chart.clear();
        QVERIFY(chart.curveNames().isEmpty());
        QCOMPARE(chart.pointCount("structured", false), 0);
    }
};

QTEST_MAIN(TestTrainingView)
#include "test_trainingview.moc"
