// The planner never loses a plan or shows a doubtful number without saying so (issue 14): the
// working plan is written to the project with every edit and reopened exactly; a retrain keeps
// it and evaluates it again; one state word follows every kind of edit; prices never fall below
// cost by default; skus without history are planned from their peers (or listed when they cannot
// be), kept with the plan, and can be added by hand; an odd sale window is
// warned of; the plan table shows what matters on a 1366x768 laptop, with a side panel that folds
// away and columns that can be hidden, both remembered. On the demo project, as a user drives it.
#include "model/modelstore.h"
#include "model/trainer.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"
#include "plan/plannerdata.h"
#include "plan/scenariostore.h"
#include "planner/campaignsetup.h"
#include "planner/campaigntablemodel.h"
#include "planner/newproductdialog.h"
#include "planner/plannerdocument.h"
#include "planner/plannerview.h"
#include "planner/plansaver.h"
#include "planner/plantablemodel.h"
#include "planner/plantableview.h"
#include "planner/scenariopanel.h"
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
#include <QSignalSpy>
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

    // The category of a product of the history, by sku.
    QString categoryOf(const std::string& sku) const
    {
        const data::Panel& panel = doc()->data()->panel;
        for (const data::PanelProduct& p : panel.products())
            if (p.sku == sku)
                return QString::fromStdString(panel.categories()[static_cast<size_t>(p.category)]);
        return {};
    }
    int rowOf(const std::string& sku) const
    {
        for (size_t i = 0; i < doc()->rows().size(); ++i)
            if (doc()->rows()[i].sku == sku)
                return static_cast<int>(i);
        return -1;
    }

    void newProductsArePlacedAmongTheirPeersAndTheUnplaceableListed()
    {
        QUndoStack* undo = doc()->undoStack();
        const int index = undo->index();
        const std::string path =
            m_dir.write("mixed.csv", "sku,stock,name,category,like_sku,list_price\n"
                                     "SH-0001,50,,,,\n"
                                     "NEW-1,20,Runner Z," +
                                         categoryOf("SH-0001").toStdString() +
                                         ",,59.5\n"
                                         "NEW-2,10,Mystery,No such category,,30\n"
                                         "EL-0001,40,,,,\n");
        QVERIFY(view()->setup()->loadCampaignFile(QString::fromStdString(path)));
        QTRY_COMPARE_WITH_TIMEOUT(doc()->productCount(), 3, 30000);
        QVERIFY(!view()->setup()->placeJob()->isRunning());
        QLabel* notice = view()->setup()->skippedNotice();
        QVERIFY(notice->isVisibleTo(view()));
        QVERIFY2(notice->text().startsWith("mixed.csv: 1 product"), qPrintable(notice->text()));
        QVERIFY2(notice->text().contains("line 4: sku 'NEW-2' has no sales history and nothing to "
                                         "forecast it from"),
                 qPrintable(notice->text()));
        const int row = rowOf("NEW-1");
        QVERIFY(row >= 0);
        QVERIFY(rowOf("NEW-2") < 0);
        QVERIFY(doc()->planResult().rows[row].flags.has(plan::RowFlag::ColdStart));
        QVERIFY(!doc()->planResult().rows[rowOf("SH-0001")].flags.has(plan::RowFlag::ColdStart));
        ui::PlanTableModel* table = view()->tableModel();
        QCOMPARE(table->index(row, ui::PlanTableModel::Name).data().toString(),
                 QString("(new) Runner Z"));
        QVERIFY(table->index(row, ui::PlanTableModel::Sku)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains("cold_start"));

        // Its numbers are core's for the same file: flashplan-cli plan's.
        plan::PlannerData core = plan::PlannerData::read(m_projectPath.toStdString());
        plan::CampaignFile file = plan::readCampaignFile(path, core.panel);
        QCOMPARE(plan::placeNewProducts(file, core).size(), size_t(1));
        plan::Campaign campaign = doc()->state().campaign;
        campaign.products = file.products;
        const plan::CampaignEvaluator evaluator(core.panel, core.trained, campaign);
        QCOMPARE(evaluator.productCount(), 3);
        const plan::ProductPlan expected =
            evaluator.evaluate(row, doc()->state().discounts[static_cast<size_t>(row)]);
        QCOMPARE(doc()->rows()[row].sku, std::string("NEW-1"));
        QCOMPARE(doc()->rows()[row].expectedUnits, expected.expectedUnits);
        QCOMPARE(doc()->rows()[row].unitsHigh, expected.unitsHigh);
        QVERIFY(expected.expectedUnits > 0);

        // Optimize plans it too; the window's export flags it as the command line's does.
        waitOptimized();
        QCOMPARE(doc()->productCount(), 3);
        QSignalSpy exported(view(), &ui::PlannerView::exported);
        const QString csv = QString::fromStdString(m_dir.file("recommended-new.csv"));
        QVERIFY(view()->exportRecommended(csv));
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
        QFile exportedCsv(csv);
        QVERIFY(exportedCsv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(exportedCsv.readAll()).split('\n');
        QVERIFY2(lines.size() > row + 1 && lines[row + 1].startsWith("NEW-1,") &&
                     lines[row + 1].contains("cold_start"),
                 qPrintable(lines.join('\n')));
        QVERIFY(!lines[rowOf("SH-0001") + 1].contains("cold_start"));

        // A reopened project places it again with the plan.
        QTRY_VERIFY(view()->saver()->isSaved());
        QVERIFY(view()->saver()->failure() == std::nullopt);
        {
            Planner again;
            QVERIFY(again.open(m_projectPath));
            QTRY_VERIFY_WITH_TIMEOUT(again.doc()->hasData(), 30000);
            QVERIFY(ui::sameCampaign(again.doc()->state().campaign, doc()->state().campaign));
            QCOMPARE(again.doc()->state().discounts, doc()->state().discounts);
            QCOMPARE(again.doc()->planState(), plan::PlanState::Optimal);
            QCOMPARE(again.doc()->rows()[row].sku, std::string("NEW-1"));
            QCOMPARE(again.doc()->rows()[row].expectedUnits, doc()->rows()[row].expectedUnits);
            QVERIFY(again.doc()->planResult().rows[row].flags.has(plan::RowFlag::ColdStart));
            QCOMPARE(again.doc()->totals().revenue, doc()->totals().revenue);
            again.view->saver()->discard();
        }

        // A scenario keeps it: saved with it, the plan then without it, the project reopened,
        // the scenario opens with it planned as it was.
        const std::int64_t scenario = view()->scenarios()->saveCurrent("with NEW-1");
        QVERIFY(scenario > 0);
        const double newUnits = doc()->rows()[row].expectedUnits;
        const size_t savedRows = doc()->rows().size();
        const double revenue = doc()->totals().revenue;

        // A file whose products all have a history hides the notice again.
        QVERIFY(view()->setup()->loadCampaignFile(m_campaignCsv));
        QVERIFY(!notice->isVisibleTo(view()));
        QVERIFY(rowOf("NEW-1") < 0);
        waitOptimized(); // the last Optimize's mark no longer holds it either
        QTRY_VERIFY(view()->saver()->isSaved());
        {
            Planner again;
            QVERIFY(again.open(m_projectPath));
            QTRY_VERIFY_WITH_TIMEOUT(again.doc()->hasData(), 30000);
            QVERIFY(again.view->scenarios()->openScenario(scenario));
            const std::vector<plan::ProductPlan>& rows = again.doc()->rows();
            const auto opened = std::find_if(rows.begin(), rows.end(),
                                             [](const auto& r) { return r.sku == "NEW-1"; });
            QVERIFY(opened != rows.end());
            QCOMPARE(opened->expectedUnits, newUnits);
            QVERIFY(again.doc()
                        ->planResult()
                        .rows[static_cast<size_t>(opened - rows.begin())]
                        .flags.has(plan::RowFlag::ColdStart));
            QCOMPARE(again.doc()->totals().revenue, revenue);
            again.view->saver()->discard();
        }
        // Where its new product can no longer be placed (its category gone), the scenario opens
        // with the rest and says so in a box that does not hold the window up.
        {
            store::Store project(m_projectPath.toStdString(), store::Store::OpenMode::MustExist);
            project.database().exec("UPDATE scenario_new_products SET category = 'Gone', "
                                    "like_sku = '' WHERE sku = 'NEW-1'");
        }
        {
            Planner again;
            QVERIFY(again.open(m_projectPath));
            QTRY_VERIFY_WITH_TIMEOUT(again.doc()->hasData(), 30000);
            QVERIFY(again.view->scenarios()->openScenario(scenario));
            auto* notes = again.view->findChild<QMessageBox*>("scenarioNotes");
            QVERIFY(notes);
            QTRY_VERIFY(notes->isVisible());
            QVERIFY2(notes->text().contains("NEW-1"), qPrintable(notes->text()));
            const std::vector<plan::ProductPlan>& rows = again.doc()->rows();
            QVERIFY(std::none_of(rows.begin(), rows.end(),
                                 [](const auto& r) { return r.sku == "NEW-1"; }));
            QCOMPARE(rows.size(), savedRows - 1);
            notes->button(QMessageBox::Ok)->click();
            again.view->saver()->discard();
        }
        {
            store::Store project(m_projectPath.toStdString(), store::Store::OpenMode::MustExist);
            plan::deleteScenario(project, scenario);
        }
        while (undo->index() > index)
            undo->undo();
        QCOMPARE(doc()->productCount(), synth::kDemoCampaignProducts);
    }

    void aNewProductAddedByHandIsCheckedPlacedAndUndone()
    {
        QUndoStack* undo = doc()->undoStack();
        const int index = undo->index();
        const int before = doc()->productCount();
        ui::NewProductEntry entry;
        entry.product.sku = "HAND-1";
        entry.product.name = "Added by hand";
        entry.product.category = categoryOf("EL-0001").toStdString();
        entry.product.listPrice = 99;
        entry.product.unitCost = 40;
        entry.stock = 30;

        // Checked first: a sku with history, a like_sku the model does not know, no price.
        const auto problem = [this](const ui::NewProductEntry& e) {
            return ui::newProductEntryProblem(e, *doc()->data(), doc()->state());
        };
        QCOMPARE(problem(entry), QString());
        ui::NewProductEntry bad = entry;
        bad.product.sku = "SH-0001";
        QVERIFY2(problem(bad).contains("already has a sales history"), qPrintable(problem(bad)));
        bad = entry;
        bad.product.likeSku = "NOPE-9";
        QVERIFY2(problem(bad).contains("like_sku 'NOPE-9' is not a product the model knows"),
                 qPrintable(problem(bad)));
        bad = entry;
        bad.product.listPrice = 0;
        QVERIFY2(problem(bad).contains("list price"), qPrintable(problem(bad)));
        bad.product.likeSku = "EL-0001"; // lends its price
        QCOMPARE(problem(bad), QString());
        {
            ui::NewProductDialog dialog(*doc()->data(), doc()->state());
            dialog.setEntry(entry);
            QCOMPARE(dialog.entry().product.sku, entry.product.sku);
            QCOMPARE(dialog.entry().stock, entry.stock);
            QCOMPARE(dialog.entry().product.unitCost, entry.product.unitCost);
            ui::NewProductEntry unknown = entry;
            unknown.product.likeSku = "NOPE-9";
            dialog.setEntry(unknown);
            dialog.accept(); // stays open and says why
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(dialog.findChild<QLabel*>("newProductProblem")->text().contains("NOPE-9"));
        }

        QVERIFY(view()->setup()->addNewProduct(entry));
        QTRY_COMPARE_WITH_TIMEOUT(doc()->productCount(), before + 1, 30000);
        const plan::CampaignProduct& added = doc()->state().campaign.products.back();
        QCOMPARE(added.stock, std::optional<double>(30));
        QCOMPARE(added.unitCost, std::optional<double>(40));
        QCOMPARE(added.listPrice, 99.0);
        QCOMPARE(doc()->rows().back().sku, std::string("HAND-1"));
        QVERIFY(doc()->rows().back().expectedUnits > 0);
        QVERIFY(doc()->planResult().rows.back().flags.has(plan::RowFlag::ColdStart));
        QCOMPARE(undo->undoText(), QString("Add new product HAND-1"));
        // In the campaign now, it cannot be added twice.
        QVERIFY2(problem(entry).contains("already in the campaign"), qPrintable(problem(entry)));
        undo->undo();
        QCOMPARE(doc()->productCount(), before);
        // Undone, it may come back as it was, not as another product under its sku.
        QCOMPARE(problem(entry), QString());
        bad = entry;
        bad.product.listPrice = 120;
        QVERIFY2(problem(bad).contains("added earlier with other details"),
                 qPrintable(problem(bad)));
        undo->redo();
        QCOMPARE(doc()->rows().back().sku, std::string("HAND-1"));
        while (undo->index() > index)
            undo->undo();
        QCOMPARE(doc()->productCount(), before);
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

    void aRetrainKeepsTheNewProductsOfThePlan()
    {
        ui::NewProductEntry entry;
        entry.product.sku = "RETRAIN-1";
        entry.product.category = categoryOf("SH-0001").toStdString();
        entry.product.listPrice = 70;
        entry.stock = 15;
        const int before = doc()->productCount();
        QVERIFY(view()->setup()->addNewProduct(entry));
        QTRY_COMPARE_WITH_TIMEOUT(doc()->productCount(), before + 1, 30000);
        const double unitsBefore = doc()->rows().back().expectedUnits;
        const std::int64_t modelBefore = doc()->modelId();
        const int undoIndex = doc()->undoStack()->index();
        QTRY_VERIFY(view()->saver()->isSaved());
        {
            store::Store store(m_projectPath.toStdString(), store::Store::OpenMode::MustExist);
            model::TrainOptions options;
            options.model = "structured";
            options.maxIterations = 40;
            model::trainAndStore(store, options);
        }
        m_planner.project.notifyModelChanged();
        QTRY_VERIFY_WITH_TIMEOUT(doc()->modelId() != modelBefore, 30000);
        // Placed again among its peers by the new model, the plan and its undo history kept.
        QCOMPARE(doc()->productCount(), before + 1);
        QCOMPARE(doc()->rows().back().sku, std::string("RETRAIN-1"));
        QVERIFY(doc()->planResult().rows.back().flags.has(plan::RowFlag::ColdStart));
        QVERIFY(doc()->rows().back().expectedUnits != unitsBefore);
        QCOMPARE(doc()->undoStack()->index(), undoIndex);
        doc()->undoStack()->undo();
        QCOMPARE(doc()->productCount(), before);
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

        // A long plan status (a retrain's totals before and after) is cut short, not given the
        // room of the products dock: the planner asks for no more width than before.
        auto* status = planner->findChild<QLabel*>("planStatus");
        QTest::qWait(50); // the layouts have taken every text set so far
        const int minimum = planner->minimumSizeHint().width();
        status->setText(
            QString(QStringLiteral("the model changed: revenue 48,088.36 -> ")).repeated(8));
        QTest::qWait(50); // the layouts take the new text
        QCOMPARE(planner->minimumSizeHint().width(), minimum);
        QVERIFY(status->width() < status->fontMetrics().horizontalAdvance(status->text()));
        status->setText(planner->planStatusText());
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
