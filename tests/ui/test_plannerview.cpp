// The planner view driven as a user would, on the demo project (import + structured model):
// optimize the demo campaign, move sliders, lock, undo/redo, scenarios and exports. Every number
// shown must be the one core computes.
#include "charts/planoverviewcharts.h"
#include "data/panel.h"
#include "export/recommendedtable.h"
#include "model/modelstore.h"
#include "plan/campaignevaluator.h"
#include "plan/optimizer.h"
#include "plan/plannerdata.h"
#include "plan/scenariocompare.h"
#include "plan/scenariostore.h"
#include "planner/campaignsetup.h"
#include "planner/campaigntablemodel.h"
#include "planner/plannerdocument.h"
#include "planner/plannerview.h"
#include "planner/plantablemodel.h"
#include "planner/plantableview.h"
#include "planner/scenariocompareview.h"
#include "planner/scenariopanel.h"
#include "planner/totalsbar.h"
#include "settings/planstatetext.h"
#include "settings/problemtext.h"
#include "shell/job.h"
#include "shell/projectcontroller.h"
#include "support/tempdir.h"
#include "support/weeklyproject.h"
#include "synth/demoproject.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QValueAxis>
#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>

using namespace fp;

namespace {

QString money(double v)
{
    return QLocale().toString(v, 'f', 2);
}

std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted) {
            cells.push_back(cell);
            cell.clear();
        } else
            cell += c;
    }
    cells.push_back(cell);
    return cells;
}

QString runTool(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestPlannerView : public QObject
{
    Q_OBJECT
private:
    test::TempDir m_dir;
    QString m_projectPath;
    QString m_campaignCsv;
    ui::ProjectController m_project;
    std::unique_ptr<ui::PlannerView> m_view;

    ui::PlannerDocument* doc() const { return m_view->document(); }

    // An independent evaluator over the same project, campaign and model: what core says.
    struct Core
    {
        std::shared_ptr<const ui::PlannerData> data;
        std::unique_ptr<plan::CampaignEvaluator> evaluator;
    };
    Core core() const
    {
        Core c;
        c.data = ui::PlannerData::load(m_projectPath.toStdString(), {});
        c.evaluator = std::make_unique<plan::CampaignEvaluator>(c.data->panel, c.data->trained,
                                                                doc()->state().campaign);
        return c;
    }

    // Clicks Optimize and waits until its plan is applied: one more step on the undo stack.
    void waitOptimized()
    {
        const int before = doc()->undoStack()->index();
        QTest::mouseClick(m_view->optimizeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(doc()->undoStack()->index(), before + 1, 30000);
        QCOMPARE(doc()->undoStack()->undoText(), QString("Optimize"));
        QTRY_VERIFY(!m_view->optimizeJob()->isRunning());
    }

    // Drags row's slider to `fraction` of its width, as the mouse does.
    void dragSlider(int row, double fraction)
    {
        ui::PlanTableView* table = m_view->table();
        table->scrollTo(table->proxy()->mapFromSource(
            m_view->tableModel()->index(row, ui::PlanTableModel::Slider)));
        const QRect rect = table->sliderRect(row);
        const QPoint from = rect.center();
        const QPoint to(rect.left() + 6 + static_cast<int>(fraction * (rect.width() - 12)),
                        rect.center().y());
        QTest::mousePress(table->viewport(), Qt::LeftButton, {}, from);
        QTest::mouseMove(table->viewport(), (from + to) / 2);
        QTest::mouseMove(table->viewport(), to);
        QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, to);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The demo project, built as File > Open Demo Project builds it.
        const std::string files = m_dir.file("demo-files");
        m_projectPath = QString::fromStdString(m_dir.file("demo.flashplan"));
        synth::buildDemoProject(files, m_projectPath.toStdString());
        m_campaignCsv = QString::fromStdString(files + "/campaign.csv");
        QString message;
        QVERIFY2(m_project.openProject(m_projectPath, false, &message), qPrintable(message));
        m_view = std::make_unique<ui::PlannerView>(&m_project);
        m_view->resize(1500, 900);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QTRY_VERIFY_WITH_TIMEOUT(doc()->hasData(), 30000);
        m_view->setup()->setWindow(synth::kDemoCampaignStart, synth::kDemoCampaignDays);
        QVERIFY(m_view->setup()->loadCampaignFile(m_campaignCsv));
        QCOMPARE(doc()->productCount(), synth::kDemoCampaignProducts);
    }

    void optimizingTheDemoCampaignGivesCoresPlan()
    {
        waitOptimized();
        Core c = core();
        const plan::OptimizedPlan expected =
            plan::optimize(*c.evaluator, plan::toOptimizerSettings(doc()->state().settings));
        QCOMPARE(doc()->rows().size(), expected.rows.size());
        for (size_t i = 0; i < expected.rows.size(); ++i) {
            QCOMPARE(doc()->rows()[i].discount, expected.rows[i].discount);
            QCOMPARE(doc()->rows()[i].expectedRevenue, expected.rows[i].expectedRevenue);
            QCOMPARE(doc()->rows()[i].limitedBy, expected.rows[i].limitedBy);
        }
        const plan::PlanTotals totals = plan::totalsOf(expected.rows);
        QCOMPARE(m_view->totalsBar()->valueText("revenue"), money(totals.revenue));
        QCOMPARE(m_view->totalsBar()->valueText("markdown"), money(totals.markdownCost));
        // The optimized plan earns more than no discount at all.
        double undiscounted = 0;
        for (int i = 0; i < doc()->productCount(); ++i)
            undiscounted +=
                c.evaluator->evaluate(i, doc()->state().campaign.products[i].minDiscount)
                    .expectedRevenue;
        QVERIFY(totals.revenue >= undiscounted);
    }

    void movingASliderShowsCoresNumbersForThatDiscount()
    {
        const int row = 3;
        const double before = doc()->state().discounts[row];
        dragSlider(row, before > 0.3 ? 0.1 : 0.9);
        const double after = doc()->state().discounts[row];
        QVERIFY(after != before);
        QCOMPARE(std::round(after * 100) / 100, after); // whole points

        Core c = core();
        const plan::ProductPlan expected = c.evaluator->evaluate(row, after);
        ui::PlanTableModel* model = m_view->tableModel();
        QCOMPARE(model->index(row, ui::PlanTableModel::Revenue).data().toString(),
                 money(expected.expectedRevenue));
        QCOMPARE(model->index(row, ui::PlanTableModel::Revenue)
                     .data(ui::PlanTableModel::SortRole)
                     .toDouble(),
                 expected.expectedRevenue);
        std::vector<plan::ProductPlan> rows;
        for (int i = 0; i < doc()->productCount(); ++i)
            rows.push_back(c.evaluator->evaluate(i, doc()->state().discounts[i]));
        const plan::PlanTotals totals = plan::totalsOf(rows);
        QCOMPARE(m_view->totalsBar()->valueText("revenue"), money(totals.revenue));
        QCOMPARE(m_view->totalsBar()->valueText("units"), QLocale().toString(totals.units, 'f', 1));
        QCOMPARE(doc()->totals().revenue, totals.revenue);
        // One drag is one undo step.
        QCOMPARE(doc()->undoStack()->undoText().contains("off"), true);
        doc()->undoStack()->undo();
        QCOMPARE(doc()->state().discounts[row], before);
        doc()->undoStack()->redo();
        QCOMPARE(doc()->state().discounts[row], after);
    }

    void theSpinBoxSetsTheDiscountInPercent()
    {
        const int row = 5;
        ui::PlanTableView* table = m_view->table();
        const QModelIndex index = table->proxy()->mapFromSource(
            m_view->tableModel()->index(row, ui::PlanTableModel::Discount));
        table->setCurrentIndex(index);
        table->edit(index);
        auto* spin = table->findChild<QDoubleSpinBox*>();
        QVERIFY(spin);
        const plan::CampaignProduct& cp = doc()->state().campaign.products[row];
        const double target = std::round((cp.minDiscount + cp.maxDiscount) * 50.0 * 2) / 2; // in %
        spin->selectAll();
        QTest::keyClicks(spin, QLocale().toString(target, 'f', 1));
        QTest::keyClick(spin, Qt::Key_Return);
        QTRY_COMPARE(doc()->state().discounts[row], target / 100.0);
    }

    void aLockedRowKeepsItsDiscountWhenReoptimized()
    {
        const int row = 7;
        ui::PlanTableModel* model = m_view->tableModel();
        // Move it off its optimum, then lock it with the check box.
        dragSlider(row, 0.0);
        const double held = doc()->state().discounts[row];
        QVERIFY(model->setData(model->index(row, ui::PlanTableModel::Lock), Qt::Checked,
                               Qt::CheckStateRole));
        QVERIFY(doc()->state().locked[row]);
        waitOptimized();
        QCOMPARE(doc()->state().discounts[row], held);
        QCOMPARE(doc()->rows()[row].limitedBy, plan::Limit::Locked);
        QCOMPARE(model->index(row, ui::PlanTableModel::Lock).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        // The others are what core's optimizer gives with this product locked.
        Core c = core();
        plan::Campaign campaign = doc()->state().campaign;
        campaign.products[row].lockedDiscount = held;
        const plan::CampaignEvaluator evaluator(c.data->panel, c.data->trained, campaign);
        const plan::OptimizedPlan expected =
            plan::optimize(evaluator, plan::toOptimizerSettings(doc()->state().settings));
        for (size_t i = 0; i < expected.rows.size(); ++i)
            QCOMPARE(doc()->state().discounts[i], expected.rows[i].discount);
        QVERIFY(model->setData(model->index(row, ui::PlanTableModel::Lock), Qt::Unchecked,
                               Qt::CheckStateRole));
    }

    void undoAndRedoRestoreExactValues()
    {
        const ui::PlannerState start = doc()->state();
        const plan::PlanTotals startTotals = doc()->totals();
        QUndoStack* undo = doc()->undoStack();
        const int index = undo->index();

        dragSlider(1, 0.8);
        dragSlider(2, 0.2);
        m_view->tableModel()->setData(m_view->tableModel()->index(4, ui::PlanTableModel::Lock),
                                      Qt::Checked, Qt::CheckStateRole);
        ui::CampaignTableModel* campaign = m_view->setup()->model();
        QVERIFY(campaign->setData(campaign->index(0, ui::CampaignTableModel::Stock), "17",
                                  Qt::EditRole));
        QString error;
        QCOMPARE(campaign->paste(1, ui::CampaignTableModel::Stock, "5\t9.5\n6\t\n", &error), 4);
        QCOMPARE(*doc()->state().campaign.products[1].stock, 5.0);
        QCOMPARE(*doc()->state().campaign.products[1].unitCost, 9.5);
        QVERIFY(!doc()->state().campaign.products[2].unitCost);
        QCOMPARE(campaign->paste(1, ui::CampaignTableModel::Stock, "-3\n", &error), -1);
        QVERIFY(error.contains("negative"));
        const ui::PlannerState edited = doc()->state();
        const plan::PlanTotals editedTotals = doc()->totals();
        QCOMPARE(undo->index(), index + 5);

        while (undo->index() > index)
            undo->undo();
        QCOMPARE(doc()->state().discounts, start.discounts);
        QCOMPARE(doc()->state().locked, start.locked);
        QVERIFY(doc()->state().limits == start.limits); // the optimizer's limits come back too
        QCOMPARE(doc()->totals().productsAtLimit, startTotals.productsAtLimit);
        QVERIFY(ui::sameCampaign(doc()->state().campaign, start.campaign));
        QCOMPARE(doc()->totals().revenue, startTotals.revenue);
        QCOMPARE(doc()->totals().units, startTotals.units);
        QCOMPARE(doc()->totals().profit, startTotals.profit);

        while (undo->canRedo())
            undo->redo();
        QCOMPARE(doc()->state().discounts, edited.discounts);
        QCOMPARE(doc()->state().locked, edited.locked);
        QVERIFY(doc()->state().limits == edited.limits);
        QVERIFY(ui::sameCampaign(doc()->state().campaign, edited.campaign));
        QCOMPARE(doc()->totals().revenue, editedTotals.revenue);
        QCOMPARE(doc()->totals().markdownCost, editedTotals.markdownCost);
    }

    void scenariosAreSavedComparedAndReopened()
    {
        ui::ScenarioPanel* panel = m_view->scenarios();
        const std::int64_t a = panel->saveCurrent("Plan A");
        QVERIFY(a > 0);
        const std::vector<double> discountsA = doc()->state().discounts;
        const plan::PlanResult planA = doc()->planResult();
        dragSlider(0, 1.0);
        dragSlider(6, 0.0);
        const std::int64_t b = panel->saveCurrent("Plan B");
        QVERIFY(b > 0 && b != a);
        const plan::PlanResult planB = doc()->planResult();
        QCOMPARE(panel->list()->count(), 2);

        panel->compare(a, b);
        auto* view = qobject_cast<ui::ScenarioCompareView*>(panel->lastComparison());
        QVERIFY(view);
        const plan::ScenarioComparison expected = plan::compareScenarios(planA, planB);
        QCOMPARE(view->comparison().products.size(), expected.products.size());
        QCOMPARE(view->comparison().b.revenue - view->comparison().a.revenue,
                 expected.b.revenue - expected.a.revenue);
        int changed = 0, expectedChanged = 0;
        for (const plan::ProductDifference& d : view->comparison().products)
            changed += d.discountA != d.discountB;
        for (size_t i = 0; i < discountsA.size(); ++i)
            expectedChanged += discountsA[i] != doc()->state().discounts[i];
        QVERIFY(expectedChanged >= 1);
        QCOMPARE(changed, expectedChanged);

        QVERIFY(panel->openScenario(a));
        QCOMPARE(doc()->state().discounts, discountsA);
        QCOMPARE(doc()->totals().revenue, planA.totals.revenue);
        doc()->undoStack()->undo(); // back to plan B's discounts
        QCOMPARE(doc()->totals().revenue, planB.totals.revenue);
        QVERIFY(panel->deleteScenario(b));
        QCOMPARE(panel->list()->count(), 1);
    }

    void exportsWriteThePlan()
    {
        const plan::PlanResult plan = doc()->planResult();
        QSignalSpy exported(m_view.get(), &ui::PlannerView::exported);

        const QString csv = QString::fromStdString(m_dir.file("plan.csv"));
        QVERIFY(m_view->exportRecommended(csv));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
        std::ifstream in(csv.toStdString());
        std::string line;
        std::getline(in, line);
        QVERIFY(line.rfind("sku,name,category,list_price", 0) == 0);
        size_t n = 0;
        while (std::getline(in, line)) {
            const std::vector<std::string> cells = splitCsvLine(line);
            QVERIFY(n < plan.rows.size());
            QCOMPARE(cells[0], plan.rows[n].sku);
            QCOMPARE(std::stod(cells[6]), std::round(plan.rows[n].discount * 1e4) / 1e4);
            QCOMPARE(std::stod(cells[11]), std::round(plan.rows[n].expectedRevenue * 100) / 100);
            ++n;
        }
        QCOMPARE(n, plan.rows.size());

        const QString xlsx = QString::fromStdString(m_dir.file("plan.xlsx"));
        QVERIFY(m_view->exportRecommended(xlsx));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, 10000);
        QFile book(xlsx);
        QVERIFY(book.open(QIODevice::ReadOnly));
        QCOMPARE(book.read(2), QByteArray("PK")); // a zip container, as XLSX is

        const QString forecast = QString::fromStdString(m_dir.file("forecast.csv"));
        QVERIFY(m_view->exportForecast(forecast));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 3, 10000);
        std::ifstream fin(forecast.toStdString());
        std::getline(fin, line);
        QCOMPARE(line, std::string("date,sku,forecast,lower,upper,flags"));
        int forecastRows = 0;
        while (std::getline(fin, line))
            ++forecastRows;
        QCOMPARE(forecastRows, doc()->productCount() * synth::kDemoCampaignDays);

        const QString pdf = QString::fromStdString(m_dir.file("plan.pdf"));
        QVERIFY(m_view->exportReport(pdf));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 4, 30000);
        QFile report(pdf);
        QVERIFY(report.open(QIODevice::ReadOnly));
        QCOMPARE(report.read(5), QByteArray("%PDF-"));
        const QString info = runTool("pdfinfo", {pdf});
        if (info.isEmpty())
            QSKIP("pdfinfo/pdftotext (poppler-utils) are not installed");
        QVERIFY(info.contains(QRegularExpression("Pages:\\s+[1-9]")));
        const QString text = runTool("pdftotext", {"-layout", pdf, "-"});
        const plan::PlanTotals& t = plan.totals;
        QVERIFY2(text.contains(money(t.revenue)), qPrintable(text.left(2000)));
        QVERIFY(text.contains(QLocale().toString(t.units, 'f', 1)));
        QVERIFY(text.contains(money(t.markdownCost)));
        QVERIFY(text.contains(ui::planStateText(doc()->planState())));
        QVERIFY(text.contains(QString::fromStdString(plan.rows.back().sku)));
    }

    void theExportedPlanKeepsTheOptimizersGap()
    {
        QUndoStack* undo = doc()->undoStack();
        const int index = undo->index();
        // A markdown budget that binds: half of what the plan spends now.
        ui::PlannerState next = doc()->state();
        next.settings.budget = 0.5 * doc()->totals().markdownCost;
        doc()->editState(next, "Set a budget");
        QVERIFY(!doc()->state().upperBound);
        QCOMPARE(doc()->planResult().optimalityGap, 0.0);
        waitOptimized();

        // The bound is core's, for this campaign (locks included) and these settings.
        Core c = core();
        plan::Campaign campaign = doc()->state().campaign;
        for (size_t i = 0; i < campaign.products.size(); ++i)
            if (doc()->state().locked[i])
                campaign.products[i].lockedDiscount = doc()->state().discounts[i];
        const plan::CampaignEvaluator evaluator(c.data->panel, c.data->trained, campaign);
        const plan::OptimizerSettings settings = plan::toOptimizerSettings(doc()->state().settings);
        const plan::OptimizedPlan expected = plan::optimize(evaluator, settings);
        QVERIFY(doc()->state().upperBound);
        QCOMPARE(*doc()->state().upperBound, expected.upperBound);

        // Moved by hand, the plan falls short of the bound, and the export says by how much.
        int row = 0;
        while (row < doc()->productCount() &&
               (doc()->state().locked[row] ||
                doc()->state().discounts[row] < campaign.products[row].minDiscount + 0.01))
            ++row;
        QVERIFY(row < doc()->productCount());
        dragSlider(row, 0.0);
        double objective = 0;
        for (const plan::ProductPlan& r : doc()->rows())
            objective += plan::objectiveOf(r, settings.objective, settings.blendWeight);
        const double gap = doc()->planResult().optimalityGap;
        QVERIFY(gap > 0);
        QVERIFY(std::abs(gap - (expected.upperBound - objective)) < 1e-6 * expected.upperBound);

        // Other settings: the bound no longer holds. Undo brings it back.
        next = doc()->state();
        next.settings.step = 0.1;
        doc()->editState(next, "Change the step");
        QVERIFY(!doc()->state().upperBound);
        QCOMPARE(doc()->planResult().optimalityGap, 0.0);
        undo->undo();
        QCOMPARE(doc()->planResult().optimalityGap, gap);
        while (undo->index() > index)
            undo->undo();
    }

    void aDiscountDeeperThanTheCategoryEverSoldAtIsFlagged()
    {
        // Deep discounts may sell below cost: allow that here (the default forbids it).
        ui::PlannerState allowed = doc()->state();
        allowed.settings.marginFloor.reset();
        doc()->editState(allowed, "Allow prices below cost");
        const data::Panel& panel = doc()->data()->panel;
        ui::PlanTableModel* model = m_view->tableModel();
        int checked = 0;
        for (int row = 0; row < doc()->productCount(); ++row) {
            const plan::CampaignProduct cp = doc()->state().campaign.products[row];
            const int category = panel.products()[cp.product].category;
            // The deepest whole point that at least 3 sold periods of the category reached.
            double deepest = 0;
            for (int point = 95; point >= 0 && deepest == 0; --point) {
                int periods = 0;
                for (int p = 0; p < panel.productCount(); ++p)
                    for (int t = 0; t < panel.periodCount(); ++t)
                        periods += panel.products()[p].category == category &&
                                   panel.present(p, t) && !panel.filled(p, t) &&
                                   std::lround(panel.discount(p, t) * 100.0f) >= point;
                if (periods >= 3)
                    deepest = point / 100.0;
            }
            // Allow discounts up to 90% so that one beyond the history can be set.
            ui::CampaignTableModel* campaign = m_view->setup()->model();
            QVERIFY(campaign->setData(campaign->index(row, ui::CampaignTableModel::MaxDiscount),
                                      "90", Qt::EditRole));
            const double beyond = std::round((deepest + 0.05) * 100.0) / 100.0;
            if (beyond > 0.9 || deepest < cp.minDiscount) {
                doc()->undoStack()->undo();
                continue;
            }
            const QModelIndex cell = model->index(row, ui::PlanTableModel::Discount);
            QVERIFY(model->setData(cell, deepest, Qt::EditRole));
            QVERIFY(!model->beyondHistory(row));
            QVERIFY(!cell.data(Qt::ToolTipRole).toString().contains("extrapolates"));
            QVERIFY(model->setData(cell, beyond, Qt::EditRole));
            QVERIFY(model->beyondHistory(row));
            QVERIFY(cell.data(Qt::ToolTipRole).toString().contains("extrapolates"));
            QVERIFY(cell.data(Qt::ForegroundRole).isValid());
            for (int step = 0; step < 3; ++step) // the two discounts and the limit
                doc()->undoStack()->undo();
            if (++checked == 3)
                break;
        }
        QVERIFY(checked > 0);
        doc()->undoStack()->undo(); // never below cost again
    }

    void everyControlOfThePlannerHasATooltip()
    {
        QStringList missing;
        for (QWidget* w : m_view->findChildren<QWidget*>()) {
            const bool control =
                qobject_cast<QAbstractButton*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                qobject_cast<QComboBox*>(w) || qobject_cast<QChartView*>(w) ||
                (qobject_cast<QAbstractItemView*>(w) && !qobject_cast<QHeaderView*>(w));
            // Qt's own parts of composite widgets (tab scrollers, the table corner) are not ours.
            const bool internal =
                w->objectName().startsWith("qt_") || qobject_cast<QTabBar*>(w->parentWidget()) ||
                qobject_cast<QAbstractItemView*>(w->parentWidget()) ||
                (w->parentWidget() && w->parentWidget()->objectName() == "qt_scrollarea_viewport");
            if (control && !internal && w->toolTip().trimmed().isEmpty())
                missing << QStringLiteral("%1 '%2'").arg(w->metaObject()->className(),
                                                         w->objectName());
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(", ")));
    }

    void anExportIntoAnUnwritableFolderFailsClearly()
    {
        QSignalSpy failed(m_view->exportJob(), &ui::JobBase::failed);
        // The failure is shown in a message box; close it as a user would.
        const QString bad = "/proc/flashplan-no-such-dir/plan.csv";
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(w))
                    box->accept();
        });
        closer.start(50);
        QVERIFY(m_view->exportRecommended(bad));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        const auto problem = failed.first().at(1).value<Problem>();
        QCOMPARE(problem.kind, ProblemKind::CannotWriteFile);
        QVERIFY(ui::problemText(problem).contains("flashplan-no-such-dir"));
        QVERIFY(!QFile::exists(bad));
    }

    // The overview's revenue axis: as many ticks as their labels have room for side by side,
    // at nice steps (its labels ran into each other in a narrow chart: "10,00020,000").
    void theRevenueAxisHasNoMoreTicksThanItsLabelsFit()
    {
        std::vector<plan::ProductPlan> rows(7);
        for (size_t i = 0; i < rows.size(); ++i) {
            rows[i].sku = "SKU-" + std::to_string(i);
            rows[i].discount = 0.3;
            rows[i].expectedRevenue = 39310.95 - 4000.0 * double(i);
        }
        for (const int width : {360, 1200}) {
            QChart chart;
            ui::drawRevenueByProduct(&chart, rows, 15, width);
            const auto* axis = qobject_cast<const QValueAxis*>(chart.axes(Qt::Horizontal).front());
            QVERIFY(axis);
            QVERIFY(axis->max() >= 39310.95);
            const int ticks = axis->tickCount();
            QVERIFY2(width == 360 ? ticks >= 2 && ticks <= 4 : ticks > 4,
                     qPrintable(QString::number(ticks)));
            const double step = axis->max() / (ticks - 1);
            const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
            QVERIFY2(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
                         std::abs(mantissa - 2.5) < 1e-9 || std::abs(mantissa - 5) < 1e-9,
                     qPrintable(QString::number(step)));
        }
    }

    // A weekly model knows weeks: a new campaign on a weekly history is a week long (the days
    // after the history's last week), so it needs no note that its days are planned as a week.
    void aWeeklyHistoryOpensOnAWeekLongSale()
    {
        const test::TempDir dir;
        const std::string path = dir.file("weekly.flashplan");
        QVERIFY(test::makeWeeklyProject(dir, path, 40));
        ui::PlannerDocument document;
        document.setData(std::make_shared<const plan::PlannerData>(plan::PlannerData::read(path)));
        const plan::Campaign& campaign = document.state().campaign;
        QCOMPARE(campaign.days, 7);
        QCOMPARE(campaign.start, test::kWeeklyProjectStart + 7 * 40);
        QVERIFY(!plan::weeklyWindowNote(document.data()->panel, campaign.start, campaign.days));
    }
};

QTEST_MAIN(TestPlannerView)
#include "test_plannerview.moc"
