// The planner never loses a plan or shows a doubtful number without saying so (issue 14): the
// working plan is written to the project with every edit and reopened exactly; a retrain keeps
// it and evaluates it again; one state word follows every kind of edit; prices never fall below
// cost by default; skus without history are skipped with the rest planned; an odd sale window is
// warned of; the plan table shows what matters on a 1366x768 laptop, with a side panel that folds
// away and columns that can be hidden, both remembered. On the demo project, as a user drives it.
#include "model/modelstore.h"
#include "model/trainer.h"
#include "plan/campaignevaluator.h"
#include "plan/plannerdata.h"
#include "planner/campaignsetup.h"
#include "planner/campaigntablemodel.h"
#include "planner/plannerdocument.h"
#include "planner/plannerview.h"
#include "planner/plansaver.h"
#include "planner/plantablemodel.h"
#include "planner/plantableview.h"
#include "settings/appsettings.h"
#include "settings/planstatetext.h"
#include "shell/mainwindow.h"
#include "shell/projectcontroller.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/demoproject.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <memory>

using namespace fp;

namespace {

QString money(double v)
{
    return QLocale().toString(v, 'f', 2);
}

// A planner on its own project controller, as a fresh start of the program makes it.
struct Planner
{
    ui::ProjectController project;
    std::unique_ptr<ui::PlannerView> view;

    bool open(const QString& path)
    {
        QString error;
        if (!project.openProject(path, false, &error))
            return false;
        view = std::make_unique<ui::PlannerView>(&project);
        view->resize(1500, 900);
        view->show();
        return QTest::qWaitForWindowExposed(view.get());
    }
    ui::PlannerDocument* doc() const { return view->document(); }
};

} // namespace

class TestWorkingPlan : public QObject
{
    Q_OBJECT
private:
    test::TempDir m_dir;
    QString m_projectPath;
    QString m_campaignCsv;
    Planner m_planner;

    ui::PlannerDocument* doc() const { return m_planner.doc(); }
    ui::PlannerView* view() const { return m_planner.view.get(); }
    QString word() const { return ui::planStateText(doc()->planState()); }
    QString status() const { return view()->findChild<QLabel*>("planStatus")->text(); }

    void waitOptimized()
    {
        const int before = doc()->undoStack()->index();
        view()->optimize();
        QTRY_COMPARE_WITH_TIMEOUT(doc()->undoStack()->index(), before + 1, 30000);
        QTRY_VERIFY(!view()->optimizeJob()->isRunning());
    }

    // What core says of the document's plan with the project's model now.
    plan::PlanTotals coreTotals() const
    {
        const auto data = plan::PlannerData::load(m_projectPath.toStdString(), {});
        const plan::CampaignEvaluator evaluator(data->panel, data->trained,
                                                doc()->state().campaign);
        std::vector<plan::ProductPlan> rows;
        for (int i = 0; i < evaluator.productCount(); ++i)
            rows.push_back(evaluator.evaluate(i, doc()->state().discounts[i]));
        return plan::totalsOf(rows);
    }

    // Closes any message box the next call opens with `button`.
    void answerNextBox(QMessageBox::StandardButton button, QStringList* seen)
    {
        QTimer::singleShot(50, this, [button, seen] {
            for (QWidget* w : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                    *seen << box->text();
                    box->button(button)->click();
                }
        });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::AppSettings::useFile(QString::fromStdString(m_dir.file("settings.ini")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const std::string files = m_dir.file("demo-files");
        m_projectPath = QString::fromStdString(m_dir.file("demo.flashplan"));
        synth::buildDemoProject(files, m_projectPath.toStdString());
        m_campaignCsv = QString::fromStdString(files + "/campaign.csv");
        QVERIFY(m_planner.open(m_projectPath));
        QTRY_VERIFY_WITH_TIMEOUT(doc()->hasData(), 30000);
        QCOMPARE(doc()->productCount(), 0); // a new project keeps no plan yet
        view()->setup()->setWindow(synth::kDemoCampaignStart, synth::kDemoCampaignDays);
        QVERIFY(view()->setup()->loadCampaignFile(m_campaignCsv));
        QCOMPARE(doc()->productCount(), synth::kDemoCampaignProducts);
    }

    void theStateWordChangesOnEveryKindOfEdit()
    {
        QCOMPARE(doc()->planState(), plan::PlanState::NotOptimized);
        QVERIFY2(status().startsWith("Not optimized yet"), qPrintable(status()));
        waitOptimized();
        QCOMPARE(word(), QString("Optimal"));
        QVERIFY2(status().startsWith("Optimal"), qPrintable(status()));
        QCOMPARE(doc()->planResult().state, plan::PlanState::Optimal);
        QUndoStack* undo = doc()->undoStack();
        ui::PlanTableModel* table = view()->tableModel();
        ui::CampaignTableModel* campaign = view()->setup()->model();
        const int row = 2;
        const plan::CampaignProduct cp = doc()->state().campaign.products[row];
        const double other = doc()->state().discounts[row] > cp.minDiscount + 0.005
                                 ? cp.minDiscount
                                 : doc()->deepestAllowed(row);
        QVERIFY(other != doc()->state().discounts[row]);

        struct Edit
        {
            const char* name;
            std::function<void()> apply;
            plan::PlanState expected;
        };
        const std::vector<Edit> edits = {
            {"a discount",
             [&] {
                 table->setData(table->index(row, ui::PlanTableModel::Discount), other,
                                Qt::EditRole);
             },
             plan::PlanState::Edited},
            {"a lock",
             [&] {
                 table->setData(table->index(row, ui::PlanTableModel::Lock), Qt::Checked,
                                Qt::CheckStateRole);
             },
             plan::PlanState::Edited},
            {"a stock",
             [&] {
                 campaign->setData(campaign->index(row, ui::CampaignTableModel::Stock), "7",
                                   Qt::EditRole);
             },
             plan::PlanState::Edited},
            {"the objective",
             [&] {
                 auto* objective = view()->setup()->findChild<QComboBox*>("objective");
                 objective->setCurrentIndex(objective->findData(int(plan::Objective::Profit)));
                 emit objective->activated(objective->currentIndex());
             },
             plan::PlanState::Edited},
            {"the cost guard",
             [&] { view()->setup()->findChild<QCheckBox*>("neverBelowCost")->click(); },
             plan::PlanState::Edited},
            {"a removed product",
             [&] {
                 view()->setup()->table()->selectRow(row);
                 view()->setup()->removeSelectedProducts();
             },
             plan::PlanState::Edited},
            {"the window's start",
             [&] {
                 view()->setup()->setWindow(synth::kDemoCampaignStart + 7,
                                            synth::kDemoCampaignDays);
             },
             plan::PlanState::Stale},
            {"the window's length",
             [&] {
                 view()->setup()->setWindow(synth::kDemoCampaignStart,
                                            synth::kDemoCampaignDays + 1);
             },
             plan::PlanState::Stale},
        };
        for (const Edit& edit : edits) {
            const int index = undo->index();
            edit.apply();
            QVERIFY2(undo->index() == index + 1, edit.name);
            QVERIFY2(doc()->planState() == edit.expected, edit.name);
            QVERIFY2(status().startsWith(ui::planStateText(edit.expected)), edit.name);
            QCOMPARE(doc()->planResult().state, edit.expected);
            undo->undo(); // back to the optimizer's plan, and so to its word
            QVERIFY2(doc()->planState() == plan::PlanState::Optimal, edit.name);
            QVERIFY2(status().startsWith("Optimal"), qPrintable(status()));
        }
        QCOMPARE(ui::planStateText(plan::PlanState::Stale),
                 QString("Model or window changed: re-optimize"));
    }

    void aClickOnASlidersHandleRecordsNothing()
    {
        ui::PlanTableView* tableView = view()->table();
        const int row = 4;
        tableView->scrollTo(tableView->proxy()->mapFromSource(
            view()->tableModel()->index(row, ui::PlanTableModel::Slider)));
        const QRect rect = tableView->sliderRect(row);
        const QModelIndex source = view()->tableModel()->index(row, ui::PlanTableModel::Slider);
        const int handle = ui::DiscountSliderDelegate::xOf(
            doc()->state().discounts[row], rect,
            source.data(ui::PlanTableModel::MinDiscountRole).toDouble(),
            source.data(ui::PlanTableModel::MaxDiscountRole).toDouble());
        const int index = doc()->undoStack()->index();
        const double before = doc()->state().discounts[row];
        QTest::mouseClick(tableView->viewport(), Qt::LeftButton, {},
                          QPoint(handle + 2, rect.center().y()));
        QCOMPARE(doc()->undoStack()->index(), index);
        QCOMPARE(doc()->state().discounts[row], before);
        QCOMPARE(doc()->planState(), plan::PlanState::Optimal);
    }

    void pricesNeverFallBelowCostByDefault()
    {
        QUndoStack* undo = doc()->undoStack();
        const int index = undo->index();
        QVERIFY(doc()->state().settings.marginFloor == 0.0); // the default: never below cost
        QVERIFY(view()->setup()->findChild<QCheckBox*>("neverBelowCost")->isChecked());
        // Revenue first, every product allowed down to 90% off: the deepest discounts would
        // sell below cost, so the guard is what stops them.
        ui::CampaignTableModel* campaign = view()->setup()->model();
        QString error;
        QString column;
        for (int i = 0; i < doc()->productCount(); ++i)
            column += "90\n";
        QVERIFY(campaign->paste(0, ui::CampaignTableModel::MaxDiscount, column, &error) > 0);
        auto belowCost = [this] {
            int below = 0;
            for (const plan::ProductPlan& row : doc()->rows())
                below += row.unitCost && row.salePrice < *row.unitCost - 1e-6;
            return below;
        };
        waitOptimized();
        QCOMPARE(belowCost(), 0);
        // By hand: the slider and the spin box stop at the cost.
        ui::PlanTableModel* table = view()->tableModel();
        for (int i = 0; i < doc()->productCount(); ++i)
            table->setData(table->index(i, ui::PlanTableModel::Discount), 0.9, Qt::EditRole);
        QCOMPARE(belowCost(), 0);
        for (const plan::ProductPlan& row : doc()->planResult().rows)
            QVERIFY(!row.flags.has(plan::RowFlag::BelowCost));
        // Allowed, the optimizer goes below cost for revenue, and those rows are flagged.
        view()->setup()->findChild<QCheckBox*>("neverBelowCost")->click();
        QVERIFY(!doc()->state().settings.marginFloor);
        waitOptimized();
        QVERIFY(belowCost() > 0);
        int flagged = 0;
        for (const plan::ProductPlan& row : doc()->planResult().rows)
            flagged += row.flags.has(plan::RowFlag::BelowCost);
        QCOMPARE(flagged, belowCost());
        // Switched back on, the plan comes back above cost at once.
        view()->setup()->findChild<QCheckBox*>("neverBelowCost")->click();
        QCOMPARE(belowCost(), 0);
        while (undo->index() > index)
            undo->undo();
        QCOMPARE(doc()->planState(), plan::PlanState::Optimal);
    }

    void unknownSkusAreSkippedAndTheRestPlanned()
    {
        QUndoStack* undo = doc()->undoStack();
        const int index = undo->index();
        const std::string path =
            m_dir.write("mixed.csv", "sku,stock\nSH-0001,50\nNEW-1,20\nEL-0001,40\n");
        QVERIFY(view()->setup()->loadCampaignFile(QString::fromStdString(path)));
        QCOMPARE(doc()->productCount(), 2);
        QLabel* notice = view()->setup()->skippedNotice();
        QVERIFY(notice->isVisibleTo(view()));
        QVERIFY2(notice->text().contains("line 3: sku 'NEW-1' has no sales history: skipped"),
                 qPrintable(notice->text()));
        QVERIFY2(notice->text().startsWith("mixed.csv: 1 product"), qPrintable(notice->text()));
        waitOptimized();
        QCOMPARE(doc()->rows()[0].sku, std::string("SH-0001"));
        QCOMPARE(doc()->rows()[1].sku, std::string("EL-0001"));
        // A file whose products all have a history hides the notice again.
        QVERIFY(view()->setup()->loadCampaignFile(m_campaignCsv));
        QVERIFY(!notice->isVisibleTo(view()));
        while (undo->index() > index)
            undo->undo();
        QCOMPARE(doc()->productCount(), synth::kDemoCampaignProducts);
    }

    void aSaleWindowInsideOrFarAfterTheHistoryIsWarnedOf()
    {
        QUndoStack* undo = doc()->undoStack();
        const int index = undo->index();
        QLabel* warning = view()->setup()->windowWarning();
        QVERIFY(!warning->isVisibleTo(view()));
        const DayNumber lastDay = synth::kDemoCampaignStart - 1; // the history's last day
        view()->setup()->setWindow(lastDay - 30, 3);
        QVERIFY(warning->isVisibleTo(view()));
        QVERIFY2(warning->text().contains("inside the sales history"), qPrintable(warning->text()));
        QCOMPARE(doc()->productCount(), synth::kDemoCampaignProducts); // planned anyway
        view()->setup()->setWindow(lastDay + 200, 3);
        QVERIFY2(warning->text().contains("200 days after the sales history ends"),
                 qPrintable(warning->text()));
        view()->setup()->setWindow(lastDay + 1, 3);
        QVERIFY(!warning->isVisibleTo(view()));
        while (undo->index() > index)
            undo->undo();
        QCOMPARE(doc()->planState(), plan::PlanState::Optimal);
    }

    void reopeningTheProjectRestoresThePlanExactly()
    {
        // A plan with every kind of content: optimized with a budget, then a lock, a moved
        // discount and a stock.
        ui::PlannerState next = doc()->state();
        next.settings.budget = 0.6 * doc()->totals().markdownCost;
        doc()->editState(next, "Set a budget");
        waitOptimized();
        ui::PlanTableModel* table = view()->tableModel();
        table->setData(table->index(1, ui::PlanTableModel::Lock), Qt::Checked, Qt::CheckStateRole);
        table->setData(table->index(3, ui::PlanTableModel::Discount),
                       doc()->state().campaign.products[3].minDiscount, Qt::EditRole);
        ui::CampaignTableModel* campaign = view()->setup()->model();
        campaign->setData(campaign->index(5, ui::CampaignTableModel::Stock), "11", Qt::EditRole);
        QVERIFY(!view()->saver()->isSaved()); // written a moment after the edit
        QTRY_VERIFY(view()->saver()->isSaved());
        const ui::PlannerState saved = doc()->state();
        const plan::PlanTotals totals = doc()->totals();
        const plan::PlanState state = doc()->planState();
        QCOMPARE(state, plan::PlanState::Edited);

        // A fresh start of the program on the project shows the same plan.
        Planner again;
        QVERIFY(again.open(m_projectPath));
        QTRY_VERIFY_WITH_TIMEOUT(again.doc()->hasData(), 30000);
        const ui::PlannerState& back = again.doc()->state();
        QVERIFY(ui::sameCampaign(back.campaign, saved.campaign));
        QVERIFY(back.settings == saved.settings);
        QCOMPARE(back.discounts, saved.discounts);
        QCOMPARE(back.locked, saved.locked);
        QVERIFY(back.limits == saved.limits);
        QCOMPARE(back.upperBound, saved.upperBound);
        QCOMPARE(again.doc()->planState(), state);
        QCOMPARE(again.doc()->totals().revenue, totals.revenue);
        QCOMPARE(again.doc()->totals().profit, totals.profit);
        QCOMPARE(again.doc()->planResult().optimalityGap, doc()->planResult().optimalityGap);
        // Undone to the optimizer's plan, the reopened plan is the optimizer's again.
        again.doc()->undoStack()->clear();
        ui::PlannerState optimal = back;
        optimal.campaign = back.optimized->campaign;
        optimal.discounts = back.optimized->discounts;
        optimal.locked = back.optimized->locked;
        again.doc()->editState(optimal, "Back to the optimized plan");
        QCOMPARE(again.doc()->planState(), plan::PlanState::Optimal);
        again.view->saver()->discard(); // that test edit is not the user's
        again.view.reset();
    }

    void aRetrainKeepsThePlanAndEvaluatesItAgain()
    {
        waitOptimized();
        QCOMPARE(doc()->planState(), plan::PlanState::Optimal);
        const ui::PlannerState before = doc()->state();
        const plan::PlanTotals totalsBefore = doc()->totals();
        const std::int64_t modelBefore = doc()->modelId();
        const int undoIndex = doc()->undoStack()->index();
        {
            // Another model: the structured model stopped early fits differently.
            store::Store store(m_projectPath.toStdString(), store::Store::OpenMode::MustExist);
            model::TrainOptions options;
            options.model = "structured";
            options.maxIterations = 25;
            model::trainAndStore(store, options);
        }
        m_planner.project.notifyModelChanged();
        QTRY_VERIFY_WITH_TIMEOUT(doc()->modelId() != modelBefore, 30000);
        QTRY_VERIFY(doc()->hasData());
        // The same plan, its undo history kept, evaluated with the new model.
        QVERIFY(ui::sameCampaign(doc()->state().campaign, before.campaign));
        QCOMPARE(doc()->state().discounts, before.discounts);
        QCOMPARE(doc()->state().locked, before.locked);
        QCOMPARE(doc()->undoStack()->index(), undoIndex);
        QVERIFY(doc()->undoStack()->canUndo());
        const plan::PlanTotals after = coreTotals();
        QCOMPARE(doc()->totals().revenue, after.revenue);
        QCOMPARE(doc()->totals().units, after.units);
        QVERIFY(after.revenue != totalsBefore.revenue);
        // Said, with the totals before and after.
        QCOMPARE(doc()->planState(), plan::PlanState::Stale);
        QVERIFY2(status().startsWith("Model or window changed: re-optimize"), qPrintable(status()));
        QVERIFY2(status().contains(money(totalsBefore.revenue)) &&
                     status().contains(money(after.revenue)),
                 qPrintable(status()));
        // Re-optimized, it is optimal for the new model.
        waitOptimized();
        QCOMPARE(doc()->planState(), plan::PlanState::Optimal);
        QVERIFY(!status().contains("model changed"));
    }

    void aPlanTheProjectCannotTakeIsAskedAboutBeforeClosing()
    {
        ui::PlanTableModel* table = view()->tableModel();
        const QString moved = m_projectPath + ".away";
        QTRY_VERIFY(view()->saver()->isSaved());
        QVERIFY(QFile::rename(m_projectPath, moved)); // the file is gone: the write fails
        table->setData(table->index(0, ui::PlanTableModel::Discount),
                       doc()->state().campaign.products[0].minDiscount + 0.01, Qt::EditRole);
        QVERIFY(!view()->saver()->saveNow());
        QVERIFY(!view()->saver()->isSaved());
        QVERIFY2(status().contains("not saved"), qPrintable(status()));
        QStringList seen;
        answerNextBox(QMessageBox::Cancel, &seen);
        QVERIFY(!view()->mayClosePlan()); // the user stays
        QCOMPARE(seen.size(), 1);
        QVERIFY(seen[0].contains("could not be written"));
        QVERIFY(QFile::rename(moved, m_projectPath)); // back: now it saves without a question
        QVERIFY(view()->mayClosePlan());
        QVERIFY(view()->saver()->isSaved());
        QVERIFY(!status().contains("not saved"));
    }

    void theKeyColumnsFitA1366By768Window()
    {
        ui::MainWindow window;
        window.setWindowState(Qt::WindowNoState); // the first start fills the (offscreen) screen
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(m_projectPath));
        window.tabs()->setCurrentWidget(window.plannerView());
        ui::PlannerView* planner = window.plannerView();
        QTRY_VERIFY_WITH_TIMEOUT(planner->document()->productCount() > 0, 30000);
        QVERIFY(planner->isSidePanelShown()); // the setup shows, and still the columns fit
        ui::PlanTableView* table = planner->table();
        QCOMPARE(table->horizontalScrollBar()->value(), 0);
        const QRect viewport = table->viewport()->rect();
        for (const int column : {ui::PlanTableModel::Sku, ui::PlanTableModel::Name,
                                 ui::PlanTableModel::Slider, ui::PlanTableModel::Discount,
                                 ui::PlanTableModel::Revenue, ui::PlanTableModel::Profit}) {
            const QRect cell = table->visualRect(table->proxy()->index(0, column));
            QVERIFY2(viewport.contains(cell), qPrintable(QStringLiteral("column %1 at %2..%3 of %4")
                                                             .arg(column)
                                                             .arg(cell.left())
                                                             .arg(cell.right())
                                                             .arg(viewport.width())));
        }
        // Folded away, the side panel gives the table its width.
        const int before = table->viewport()->width();
        planner->setSidePanelShown(false);
        QTRY_VERIFY(table->viewport()->width() > before + 200);
        planner->setSidePanelShown(true);
        QTRY_COMPARE(table->viewport()->width(), before);
    }

    void theSidePanelAndHiddenColumnsAreRemembered()
    {
        view()->setSidePanelShown(false);
        view()->sidePanel()->setCurrentIndex(1); // scenarios
        view()->table()->setColumnShown(ui::PlanTableModel::Interval, false);
        QVERIFY(view()->table()->isColumnHidden(ui::PlanTableModel::Interval));
        {
            Planner again;
            QVERIFY(again.open(m_projectPath));
            QVERIFY(!again.view->isSidePanelShown());
            QCOMPARE(again.view->sidePanel()->currentIndex(), 1);
            QVERIFY(again.view->table()->isColumnHidden(ui::PlanTableModel::Interval));
            QVERIFY(!again.view->table()->isColumnHidden(ui::PlanTableModel::Revenue));
            QTRY_VERIFY_WITH_TIMEOUT(again.doc()->hasData(), 30000);
        }
        view()->setSidePanelShown(true);
        view()->sidePanel()->setCurrentIndex(0);
        view()->table()->setColumnShown(ui::PlanTableModel::Interval, true);
    }
};

QTEST_MAIN(TestWorkingPlan)
#include "test_workingplan.moc"
