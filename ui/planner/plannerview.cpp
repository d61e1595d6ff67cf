#include "planner/plannerview.h"

#include "charts/chartexport.h"
#include "charts/discountchart.h"
#include "charts/planoverviewcharts.h"
#include "export/forecasttable.h"
#include "export/recommendedtable.h"
#include "plan/campaignevaluator.h"
#include "plan/optimizer.h"
#include "plan/plannerdata.h"
#include "plan/productfit.h"
#include "planner/campaignsetup.h"
#include "planner/plannerdocument.h"
#include "planner/plansaver.h"
#include "planner/plantablemodel.h"
#include "planner/plantableview.h"
#include "planner/scenariopanel.h"
#include "planner/totalsbar.h"
#include "report/planreport.h"
#include "settings/appsettings.h"
#include "settings/numbertext.h"
#include "settings/planstatetext.h"
#include "settings/problemtext.h"
#include "shell/elidedlabel.h"
#include "shell/latestrequest.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QAction>
#include <QChart>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <memory>

namespace fp::ui {

namespace {

using DataPtr = std::shared_ptr<const PlannerData>;

constexpr int kSideWidth = 340; // the side panel's first width: the setup's form fits
constexpr auto kSplitterLayout = "planner/splitter";
constexpr auto kSideTabLayout = "planner/sideTab";

constexpr double kCurveStep = 0.01; // the selected product's curve: every point of discount

// On a worker: the history, the model and the working plan the project keeps, with its new
// products placed among their peers again first (one that no longer can be is left out, said in
// the plan's notes), then the saved scenarios' (so that each opens; one that cannot be placed is
// said when its scenario opens). `placedBefore`: the new products the planner held for this
// project, placed again first in their order, so that a new model keeps their indices (and the
// undo history).
PlannerLoad loadPlanner(const std::string& path, const std::vector<model::NewProduct>& placedBefore,
                        const ProgressFn& progress)
{
    PlannerLoad load;
    PlannerData data = PlannerData::read(path, progress);
    data.addNewProducts(placedBefore);
    try {
        store::Store store(path, store::Store::OpenMode::ReadOnly);
        const std::vector<model::NewProductResult> placed =
            data.addNewProducts(plan::loadNewProducts(store));
        data.addNewProducts(plan::loadScenarioNewProducts(store)); // a placed sku stays as it is
        load.data = std::make_shared<const PlannerData>(std::move(data));
        load.stored = plan::loadWorkingPlan(store, load.data->panel);
        for (const model::NewProductResult& result : placed)
            if (load.stored && result.panelProduct < 0)
                load.stored->notes.insert(load.stored->notes.end(), result.problems.begin(),
                                          result.problems.end());
    } catch (const FlashPlanError& e) {
        load.storedProblem = e.problem(); // the history still plans; the old plan is said lost
    }
    if (!load.data)
        load.data = std::make_shared<const PlannerData>(std::move(data));
    return load;
}

} // namespace

PlannerView::PlannerView(ProjectController* project, QWidget* parent)
    : QWidget(parent), m_project(project), m_document(new PlannerDocument(this)),
      m_saver(new PlanSaver(m_document, project, this)), m_loadJob(new LoadJob(this)),
      m_load(new LatestRequest(m_loadJob, [this] { startLoad(); })),
      m_optimizeJob(new OptimizeJob(this)), m_exportJob(new ExportJob(this))
{
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName("plannerPlaceholder");
    m_stack->addWidget(m_placeholder);

    // The campaign setup and the scenarios share one side panel (a tab each) that folds away, so
    // that the plan table keeps the width (a 1366-pixel laptop shows its key columns).
    m_splitter = new QSplitter(Qt::Horizontal, m_stack);
    m_splitter->setObjectName("plannerSplitter");
    m_side = new QTabWidget(m_splitter);
    m_side->setObjectName("plannerSide");
    m_setup = new CampaignSetup(m_document, m_side);
    m_side->addTab(m_setup, tr("Campaign setup"));
    m_scenarios = new ScenarioPanel(m_document, project, m_side);
    m_side->addTab(m_scenarios, tr("Scenarios"));
    m_splitter->addWidget(m_side);
    m_splitter->addWidget(buildCenter());
    m_splitter->setCollapsible(0, true);
    m_splitter->setCollapsible(1, false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({kSideWidth, 1000});
    m_stack->addWidget(m_splitter);
    restoreLayout();
    connect(m_splitter, &QSplitter::splitterMoved, this, &PlannerView::saveLayout);
    connect(m_side, &QTabWidget::currentChanged, this, &PlannerView::saveLayout);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_stack);

    connect(m_document, &PlannerDocument::totalsChanged, this, &PlannerView::updateTotals);
    auto followDisplay = [this] {
        const DisplaySettings display = AppSettings().display();
        m_totals->setLabels(display.currencySymbol, display.unitsLabel);
    };
    followDisplay();
    auto followDefaults = [this] {
        const PlannerDefaults defaults = AppSettings().plannerDefaults();
        plan::PlanSettings settings;
        settings.objective = defaults.objective;
        settings.blendWeight = defaults.blendWeight;
        settings.step = defaults.ladderStep;
        m_document->setDefaultSettings(settings);
    };
    followDefaults();
    connect(SettingsNotifier::instance(), &SettingsNotifier::plannerDefaultsChanged, this,
            followDefaults);
    connect(SettingsNotifier::instance(), &SettingsNotifier::displayChanged, this, followDisplay);
    connect(m_document, &PlannerDocument::rowChanged, this, [this](int row) {
        if (row == m_chartRow)
            m_chart->setPlanned(m_document->state().discounts[static_cast<size_t>(row)]);
    });
    connect(m_document, &PlannerDocument::totalsChanged, this, &PlannerView::updatePlanStatus);
    connect(m_saver, &PlanSaver::savedChanged, this, &PlannerView::updatePlanStatus);
    connect(m_document, &PlannerDocument::campaignReset, this, [this] {
        // Keep a product in the chart: the one shown before the rows were rebuilt (an optimize or
        // an undo keeps the products), else the first row.
        if (m_table->currentSourceRow() < 0 && m_document->productCount() > 0) {
            const bool stillThere = m_chartRow >= 0 && m_chartRow < m_document->productCount();
            m_table->selectRow(stillThere ? m_table->viewRow(m_chartRow) : 0);
        }
        showRow(m_table->currentSourceRow());
    });
    connect(m_table, &PlanTableView::currentProductChanged, this, &PlannerView::showRow);
    connect(project, &ProjectController::projectChanged, this, &PlannerView::reload);
    connect(project, &ProjectController::modelChanged, this, &PlannerView::reload);
    connect(project, &ProjectController::salesChanged, this, &PlannerView::reload);
    m_loadJob->onFinished(this,
                          [this](quint64, const PlannerLoad& loaded) { applyLoaded(loaded); });
    connect(m_loadJob, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        m_document->setData(nullptr);
        m_loadedPath.clear();
        m_placeholder->setText(tr("<h3>Nothing to plan yet</h3><p>%1</p><p>Import a sales "
                                  "history (File > Import Sales CSV) and train a model (Model > "
                                  "Train); then plan a campaign here.</p>")
                                   .arg(problemText(problem).toHtmlEscaped()));
        m_stack->setCurrentIndex(0);
    });
    m_optimizeJob->onFinished(
        this, [this](quint64, const std::shared_ptr<const plan::OptimizedPlan>& plan) {
            applyOptimized(*plan);
        });
    connect(m_optimizeJob, &JobBase::ended, this, [this] {
        m_optimizeFrom.reset();
        m_optimizeData.reset();
        setBusy(false);
    });
    connect(m_optimizeJob, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        QMessageBox::warning(this, tr("Cannot optimize"), problemText(problem));
    });
    m_exportJob->onFinished(this, [this](quint64, const QString& path) {
        emit statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
        emit exported(path);
    });
    connect(m_exportJob, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        QMessageBox::warning(this, tr("Export failed"),
                             tr("%1\n\nNo file was changed.").arg(problemText(problem)));
    });
    reload();
}

QWidget* PlannerView::buildCenter()
{
    auto* center = new QWidget(this);
    auto* layout = new QVBoxLayout(center);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* bar = new QHBoxLayout;
    m_optimizeAction = new QAction(tr("&Optimize"), this);
    m_optimizeAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_optimizeAction->setStatusTip(tr("Find the discounts that maximize the goal within the "
                                      "limits, keeping locked products"));
    addAction(m_optimizeAction);
    connect(m_optimizeAction, &QAction::triggered, this, &PlannerView::optimize);
    m_optimize = new QPushButton(tr("Optimize"), center);
    m_optimize->setObjectName("optimizeButton");
    m_optimize->setDefault(true);
    m_optimize->setToolTip(tr("Find the discounts that maximize the goal within the limits, "
                              "keeping locked products (Ctrl+R)"));
    connect(m_optimize, &QPushButton::clicked, m_optimizeAction, &QAction::trigger);
    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setStatusTip(tr("Undo the last change to the plan or the campaign"));
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setStatusTip(tr("Redo the change you undid last"));
    addActions({m_undoAction, m_redoAction});
    m_undo = new QToolButton(center);
    m_undo->setDefaultAction(m_undoAction);
    m_undo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_redo = new QToolButton(center);
    m_redo->setDefaultAction(m_redoAction);
    m_redo->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Elided: a long note (a retrain's totals before and after) would widen the window's layout
    // and squeeze the products dock to a sliver.
    m_planStatus = new ElidedLabel(center);
    m_planStatus->setObjectName("planStatus");
    m_planStatus->setForegroundRole(QPalette::PlaceholderText);
    m_sideToggle = new QToolButton(center);
    m_sideToggle->setObjectName("sidePanelToggle");
    m_sideToggle->setCheckable(true);
    m_sideToggle->setChecked(true);
    m_sideToggle->setText(tr("Setup"));
    m_sideToggle->setToolTip(tr("Show or hide the campaign setup and the scenarios (the plan "
                                "table gets their width)"));
    connect(m_sideToggle, &QToolButton::toggled, this, &PlannerView::setSidePanelShown);
    bar->addWidget(m_sideToggle);
    bar->addWidget(m_optimize);
    bar->addWidget(m_undo);
    bar->addWidget(m_redo);
    bar->addWidget(m_planStatus, 1);
    layout->addLayout(bar);

    m_totals = new TotalsBar(center);
    layout->addWidget(m_totals);

    auto* split = new QSplitter(Qt::Vertical, center);
    m_model = new PlanTableModel(m_document, this);
    m_table = new PlanTableView(m_document, m_model, split);
    m_table->setObjectName("planTable");
    split->addWidget(m_table);
    m_chartTabs = new QTabWidget(split);
    m_chart = new DiscountChart(DiscountChart::Kind::Money, m_chartTabs);
    installChartExportMenu(m_chart);
    m_chartTabs->addTab(m_chart, tr("Selected product"));
    m_overview = new PlanOverviewCharts(m_document, m_chartTabs);
    m_chartTabs->addTab(m_overview, tr("Campaign overview"));
    split->addWidget(m_chartTabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    return center;
}

void PlannerView::setSidePanelShown(bool shown)
{
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (shown && sizes.value(0) == 0)
        m_splitter->setSizes({kSideWidth, std::max(1, total - kSideWidth)});
    else if (!shown && sizes.value(0) > 0)
        m_splitter->setSizes({0, total});
    const QSignalBlocker quiet(m_sideToggle);
    m_sideToggle->setChecked(shown);
    saveLayout();
}

bool PlannerView::isSidePanelShown() const
{
    return m_splitter->sizes().value(0) > 0;
}

void PlannerView::restoreLayout()
{
    const AppSettings settings;
    m_splitter->restoreState(settings.viewState(kSplitterLayout));
    m_side->setCurrentIndex(settings.viewState(kSideTabLayout).toInt());
    const QSignalBlocker quiet(m_sideToggle);
    m_sideToggle->setChecked(isSidePanelShown());
}

void PlannerView::saveLayout()
{
    const QSignalBlocker quiet(m_sideToggle);
    m_sideToggle->setChecked(isSidePanelShown()); // dragged shut, or open again
    AppSettings settings;
    settings.setViewState(kSplitterLayout, m_splitter->saveState());
    settings.setViewState(kSideTabLayout, QByteArray::number(m_side->currentIndex()));
}

void PlannerView::setPendingCampaign(const QString& campaignCsv, qint64 startDay, int days,
                                     bool optimize)
{
    m_pendingCampaign = campaignCsv;
    m_pendingStart = startDay;
    m_pendingDays = days;
    m_pendingOptimize = optimize;
}

void PlannerView::setReviewSource(std::function<std::shared_ptr<const ReviewReport>()> source)
{
    m_reviewSource = std::move(source);
}

void PlannerView::setSelectionSource(std::function<QList<qint64>()> source)
{
    m_setup->setSelectionSource(std::move(source));
}

void PlannerView::reload()
{
    // The plan of the project or model going away is written first (a failure was asked about
    // before the project closed: mayClosePlan()).
    m_saver->saveNow();
    m_saver->discard();
    if (!m_project->hasProject()) {
        m_document->setData(nullptr);
        m_loadedPath.clear();
        m_placeholder->setText(tr("<h3>No project open</h3><p>Open a project or the demo (File "
                                  "menu) to plan a flash sale.</p>"));
        m_stack->setCurrentIndex(0);
        m_load->drop(); // a load still on its way is for the project just closed
        return;
    }
    m_load->request();
}

void PlannerView::startLoad()
{
    if (!m_project->hasProject())
        return;
    m_placeholder->setText(tr("Loading the sales history and the model..."));
    m_stack->setCurrentIndex(0);
    const std::string path = m_project->projectPath().toStdString();
    std::vector<model::NewProduct> placedBefore;
    if (m_document->hasData() && m_loadedPath == m_project->projectPath())
        placedBefore = m_document->data()->newProducts();
    m_loadJob->start(tr("Loading the planner"), [path, placedBefore](const ProgressFn& progress) {
        return loadPlanner(path, placedBefore, progress);
    });
}

void PlannerView::applyLoaded(const PlannerLoad& loaded)
{
    const QString path = m_project->projectPath();
    const bool sameProject = m_document->hasData() && m_loadedPath == path;
    const std::int64_t modelBefore = m_document->modelId();
    const plan::PlanTotals totalsBefore = m_document->totals();
    m_loadedPath = path;
    m_setup->setProjectPath(path);
    m_stack->setCurrentIndex(1);
    // A new model for the same products: the plan and its undo history stay, evaluated again.
    if (sameProject && m_document->replaceData(loaded.data)) {
        noteModelChange(modelBefore, totalsBefore);
        return;
    }
    m_document->setData(loaded.data);
    m_stateNote.clear();
    if (loaded.stored) {
        // The plan the project keeps (written before this load began), products found by id.
        QStringList notes;
        for (const Problem& note : loaded.stored->notes)
            notes << problemMessage(note);
        if (const int unknown = m_document->restore(loaded.stored->plan))
            notes << tr("%n product(s) of the plan are not in the trained model and were left "
                        "out; train the model again to include them.",
                        nullptr, unknown);
        noteModelChange(sameProject ? modelBefore : loaded.stored->modelId,
                        sameProject ? totalsBefore : loaded.stored->totals);
        if (!notes.isEmpty())
            emit statusMessage(notes.join(' '));
    } else if (!m_pendingCampaign.isEmpty()) {
        m_setup->setWindow(m_pendingStart, m_pendingDays);
        const bool optimizeAfter = m_pendingOptimize;
        auto settle = [this, optimizeAfter] {
            m_document->undoStack()->clear();
            if (optimizeAfter)
                optimize();
        };
        m_setup->loadCampaignFile(m_pendingCampaign);
        if (m_setup->placeJob()->isRunning()) // its new products are being placed
            connect(m_setup->placeJob(), &JobBase::ended, this, settle, Qt::SingleShotConnection);
        else
            settle();
    }
    m_pendingCampaign.clear();
    if (loaded.storedProblem)
        m_stateNote =
            tr("the saved plan could not be read: %1").arg(problemText(*loaded.storedProblem));
    updatePlanStatus();
}

void PlannerView::noteModelChange(std::int64_t modelBefore, const plan::PlanTotals& before)
{
    if (modelBefore == 0 || modelBefore == m_document->modelId() || m_document->productCount() == 0)
        return;
    const plan::PlanTotals& after = m_document->totals();
    m_stateNote = tr("the model changed: revenue %1 → %2, profit %3 → %4")
                      .arg(moneyText(before.revenue), moneyText(after.revenue),
                           moneyText(before.profit), moneyText(after.profit));
    updatePlanStatus();
    emit statusMessage(tr("The plan was evaluated again with the new model: %1").arg(m_stateNote));
}

QString PlannerView::planStatusText() const
{
    if (!m_document->hasData() || m_document->productCount() == 0)
        return m_stateNote;
    const plan::PlanState state = m_document->planState();
    QString text = planStateText(state);
    if (state == plan::PlanState::Optimal) {
        const double gap = m_document->planResult().optimalityGap;
        if (gap > 0)
            text = tr("%1, within %2 of the best possible").arg(text, moneyText(gap));
    }
    if (!m_stateNote.isEmpty())
        text += QStringLiteral(" · ") + m_stateNote;
    if (const std::optional<Problem>& failure = m_saver->failure(); failure && !m_saver->isSaved())
        text += QStringLiteral(" · ") + tr("not saved: %1").arg(problemText(*failure));
    return text;
}

void PlannerView::updatePlanStatus()
{
    const bool attention =
        m_document->productCount() > 0 && m_document->planState() != plan::PlanState::Optimal;
    QPalette palette = this->palette();
    if (attention)
        palette.setColor(QPalette::WindowText, QColor(0xe6, 0x7e, 0x00)); // amber, as warnings
    m_planStatus->setPalette(palette);
    m_planStatus->setForegroundRole(attention ? QPalette::WindowText : QPalette::PlaceholderText);
    m_planStatus->setText(planStatusText());
}

bool PlannerView::mayClosePlan()
{
    if (m_saver->saveNow())
        return true;
    const QMessageBox::StandardButton answer = QMessageBox::warning(
        this, tr("The plan is not saved"),
        tr("The working plan could not be written to the project:\n%1\n\nClose the project "
           "anyway and lose the changes since it was last saved?")
            .arg(problemText(*m_saver->failure())),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return false;
    m_saver->discard();
    return true;
}

void PlannerView::updateTotals()
{
    if (m_document->productCount() == 0)
        m_totals->clear();
    else
        m_totals->setTotals(m_document->totals(), m_document->state().settings.budget,
                            m_document->productCount());
}

void PlannerView::showRow(int row)
{
    m_chartRow = row;
    if (row < 0 || !m_document->evaluator() || row >= m_document->productCount()) {
        m_chart->clearCurves();
        m_chart->chart()->setTitle(tr("Select a product to see its revenue and profit curves"));
        return;
    }
    drawProductCurves(m_chart, row);
}

void PlannerView::drawProductCurves(DiscountChart* chart, int row) const
{
    // Revenue and profit over every discount, with one model call (about 100 evaluations).
    const plan::CampaignEvaluator* evaluator = m_document->evaluator();
    std::vector<std::pair<int, double>> queries;
    for (double d = 0; d <= 0.9 + 1e-9; d += kCurveStep)
        queries.emplace_back(row, d);
    const std::vector<model::NegBin> demands = evaluator->windowDemands(queries);
    std::vector<plan::DiscountPoint> points;
    for (size_t i = 0; i < queries.size(); ++i) {
        const plan::ProductPlan p = evaluator->evaluate(row, queries[i].second, demands[i]);
        points.push_back({p.discount, p.expectedUnits, p.unitsLow, p.unitsHigh, p.expectedRevenue,
                          p.expectedProfit});
    }
    const int product = m_document->state().campaign.products[static_cast<size_t>(row)].product;
    const PlannerData& planner = *m_document->data();
    // A new product has no usual discount: it never sold.
    const std::optional<double> usual =
        planner.isNewProduct(product)
            ? std::nullopt
            : std::optional<double>(planner.usualDiscount[static_cast<size_t>(product)]);
    chart->setCurves(points, usual, m_document->state().campaign.days,
                     planner.deepestDiscountFor(product));
    chart->setPlanned(m_document->state().discounts[static_cast<size_t>(row)]);
    const plan::ProductPlan& plan = m_document->rows()[static_cast<size_t>(row)];
    chart->chart()->setTitle(
        tr("%1 %2: revenue and profit vs discount (stock %3)")
            .arg(QString::fromStdString(plan.sku), QString::fromStdString(plan.name),
                 plan.stock ? QLocale().toString(*plan.stock, 'f', 0) : tr("unlimited")));
}

void PlannerView::setBusy(bool busy)
{
    m_optimize->setEnabled(!busy);
    m_optimizeAction->setEnabled(!busy);
    m_model->setEditable(!busy);
    m_setup->setEditable(!busy);
    m_scenarios->setEnabled(!busy);
    // The undo actions follow the stack; while busy, no edit may slip in.
    if (busy) {
        m_undoAction->setEnabled(false);
        m_redoAction->setEnabled(false);
    } else {
        m_undoAction->setEnabled(m_document->undoStack()->canUndo());
        m_redoAction->setEnabled(m_document->undoStack()->canRedo());
    }
}

void PlannerView::optimize()
{
    if (!m_document->hasData() || m_document->productCount() == 0) {
        QMessageBox::information(this, tr("Nothing to optimize"),
                                 tr("Add products to the campaign first: Add Selected, Add > Top "
                                    "Products by Revenue, or Load CSV."));
        return;
    }
    // The worker gets its own copies; locked products carry their discount into the optimizer.
    const PlannerState start = m_document->state();
    plan::Campaign campaign = start.campaign;
    for (size_t i = 0; i < campaign.products.size(); ++i)
        if (start.locked[i])
            campaign.products[i].lockedDiscount = start.discounts[i];
    const DataPtr plannerData = m_document->data();
    const plan::OptimizerSettings settings = plan::toOptimizerSettings(start.settings);
    const quint64 run =
        m_optimizeJob->start(tr("Optimizing %n product(s)", nullptr, m_document->productCount()),
                             [plannerData, campaign, settings](const ProgressFn& progress) {
                                 const plan::CampaignEvaluator evaluator(
                                     plannerData->panel, plannerData->trained, campaign);
                                 return std::make_shared<const plan::OptimizedPlan>(
                                     plan::optimize(evaluator, settings, progress));
                             });
    if (run == 0)
        return;
    m_optimizeFrom = std::make_shared<const PlannerState>(start);
    m_optimizeData = plannerData;
    setBusy(true);
}

void PlannerView::applyOptimized(const plan::OptimizedPlan& optimized)
{
    // A plan for another project or model (one opened meanwhile) is dropped.
    if (!m_optimizeFrom || m_document->data() != m_optimizeData)
        return;
    const PlannerState& start = *m_optimizeFrom;
    PlannerState next = start;
    for (size_t i = 0; i < optimized.rows.size(); ++i) {
        next.discounts[i] = optimized.rows[i].discount;
        next.limits[i] = optimized.rows[i].limitedBy;
    }
    next.upperBound = optimized.upperBound;
    auto mark = std::make_shared<plan::OptimizedPlanMark>();
    mark->modelId = m_document->modelId();
    mark->campaign = next.campaign;
    mark->settings = next.settings;
    mark->discounts = next.discounts;
    mark->locked = next.locked;
    next.optimized = std::move(mark);
    m_stateNote = optimized.budgetInfeasible
                      ? tr("even the smallest discounts exceed the budget; the plan uses them")
                      : QString();
    m_document->editState(next, tr("Optimize"));
    emit statusMessage(planStatusText());
}

QString PlannerView::suggestedPath(const QString& suffix) const
{
    const QFileInfo project(m_project->projectPath());
    // A demo project lives in FlashPlan's own data folder: its exports go where people look.
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString folder = project.absolutePath().startsWith(appData)
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : project.absolutePath();
    return folder + "/" + project.completeBaseName() + "-plan." + suffix;
}

bool PlannerView::canExport()
{
    if (m_document->productCount() > 0)
        return true;
    QMessageBox::information(this, tr("Nothing to export"),
                             tr("Plan a campaign first: add products and optimize."));
    return false;
}

bool PlannerView::startExport(const QString& title, const QString& path,
                              std::function<void(const ProgressFn& progress)> write)
{
    return m_exportJob->start(title, [path, write = std::move(write)](const ProgressFn& progress) {
        write(progress);
        return path;
    }) != 0;
}

bool PlannerView::exportRecommended(const QString& path)
{
    if (!canExport())
        return false;
    const bool xlsx = path.endsWith(".xlsx", Qt::CaseInsensitive);
    return startExport(tr("Exporting the recommended table"), path,
                       [result = m_document->planResult(), target = path.toStdString(),
                        xlsx](const ProgressFn& progress) {
                           if (xlsx)
                               exports::writeRecommendedXlsx(result, target, progress);
                           else
                               exports::writeRecommendedCsv(result, target, progress);
                       });
}

bool PlannerView::exportForecast(const QString& path)
{
    if (!canExport())
        return false;
    return startExport(tr("Exporting the forecast"), path,
                       [plannerData = m_document->data(), campaign = m_document->state().campaign,
                        discounts = m_document->state().discounts,
                        target = path.toStdString()](const ProgressFn& progress) {
                           exports::writeForecastCsv(plannerData->panel, plannerData->trained,
                                                     campaign, discounts, target, progress);
                       });
}

bool PlannerView::exportReport(const QString& path)
{
    if (!canExport())
        return false;
    // Charts are widgets: render them here, write the PDF on the worker.
    PlanReport report;
    report.plan = m_document->planResult();
    report.projectName = QFileInfo(m_project->projectPath()).completeBaseName();
    report.title = tr("Flash sale %1, %n day(s)", nullptr, report.plan.days)
                       .arg(QString::fromStdString(formatIsoDate(report.plan.start)));
    if (const std::shared_ptr<const plan::PlannerData> planner = m_document->data()) {
        report.periodDays = planner->panel.periodDays();
        if (const std::optional<Problem> note =
                plan::weeklyWindowNote(planner->panel, report.plan.start, report.plan.days))
            report.windowNote = problemMessage(*note);
    }
    // Each chart is drawn in a view of its own at the page's proportions, whatever the planner
    // shows at the moment.
    const QSize size(900, 480); // logical pixels: the page shows the charts' text readably
    auto render = [size](QChartView* view) {
        std::unique_ptr<QChartView> owner(view);
        view->setAttribute(Qt::WA_DontShowOnScreen);
        view->resize(size);
        view->show();
        // Lay the chart out now (QtCharts applies geometry through posted layout requests).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        return renderChart(view, size);
    };
    auto* revenue = new QChartView(new QChart);
    drawRevenueByProduct(revenue->chart(), report.plan.rows, 15, size.width());
    report.charts.append({tr("Revenue by product"), render(revenue)});
    auto* sellThrough = new QChartView(new QChart);
    drawSellThrough(sellThrough->chart(), report.plan.rows);
    report.charts.append({tr("Sell-through and discount"), render(sellThrough)});
    if (m_chartRow >= 0) {
        auto* product = new DiscountChart(DiscountChart::Kind::Money);
        drawProductCurves(product, m_chartRow);
        report.charts.append({product->chart()->title(), render(product)});
    }
    if (m_reviewSource)
        report.review = m_reviewSource();
    return startExport(tr("Writing the PDF report"), path,
                       [report, path](const ProgressFn&) { writePlanReport(report, path); });
}

void PlannerView::chooseRecommendedExport()
{
    if (!canExport())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export recommended discounts"),
                                                      suggestedPath("xlsx"),
                                                      tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (!path.isEmpty())
        exportRecommended(path);
}

void PlannerView::chooseForecastExport()
{
    if (!canExport())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export forecast"), suggestedPath("forecast.csv"), tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportForecast(path);
}

void PlannerView::chooseReportExport()
{
    if (!canExport())
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF report"),
                                                      suggestedPath("pdf"), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportReport(path);
}

void PlannerView::chooseChartExport()
{
    QChartView* view = m_chartTabs->currentWidget() == m_chart ? static_cast<QChartView*>(m_chart)
                                                               : m_overview->revenueChart();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart as PNG"),
                                                      suggestedPath("png"), tr("PNG (*.png)"));
    if (path.isEmpty())
        return;
    // The chart is a widget: draw it here, encode and write the image on the worker.
    startExport(
        tr("Saving the chart"), path,
        [image = renderChart(view, {}), path](const ProgressFn&) { saveChartImage(image, path); });
}

} // namespace fp::ui
