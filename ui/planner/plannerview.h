#pragma once

#include "plan/workingplan.h"
#include "shell/job.h"

#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace fp::plan {
struct OptimizedPlan;
struct PlannerData;
struct WorkingPlan;
} // namespace fp::plan

namespace fp::ui {

using plan::PlannerData;
class CampaignSetup;
class DiscountChart;
class LatestRequest;
class PlanOverviewCharts;
class PlanSaver;
class PlanTableModel;
class PlanTableView;
class PlannerDocument;
using PlannerState = plan::WorkingPlan;
class ProjectController;
class ScenarioPanel;
struct ReviewReport;
class TotalsBar;

// What the planner loads for a project: its history and model, and the working plan it keeps.
struct PlannerLoad
{
    std::shared_ptr<const PlannerData> data;
    std::optional<plan::StoredWorkingPlan> stored; // none saved yet
    std::optional<Problem> storedProblem;          // the saved plan could not be read
};

// The planner: campaign setup on the left, the plan table with a slider per product and the
// totals in the middle, saved scenarios on the right. The project's history and model load on a
// worker when the project or model changes; Optimize runs on a worker with progress and Cancel
// and keeps locked products; every edit can be undone; exports never leave a partial file.
class PlannerView final : public QWidget
{
    Q_OBJECT
public:
    explicit PlannerView(ProjectController* project, QWidget* parent = nullptr);

    // The selected products of the products list, for "Add Selected".
    void setSelectionSource(std::function<QList<qint64>()> source);
    // The Review tab's review and backtest, for the PDF report's Review section (null: none).
    void setReviewSource(std::function<std::shared_ptr<const ReviewReport>()> source);

    void optimize();

    // The side panel (campaign setup and scenarios, a tab each) folds away for the plan table's
    // sake; its width, tab and whether it shows are remembered.
    void setSidePanelShown(bool shown);
    bool isSidePanelShown() const;
    QTabWidget* sidePanel() const { return m_side; }

    // Once the project's data has loaded, sets this window and loads this campaign.csv (the demo's
    // campaign), leaving no undo history behind, and optimizes it when `optimize` says so. Only
    // for a project that keeps no plan yet: a kept plan wins.
    void setPendingCampaign(const QString& campaignCsv, qint64 startDay, int days,
                            bool optimize = false);

    // Exports; each shows a clear message on failure and returns false. The file chooser versions
    // ask for a path first.
    bool exportRecommended(const QString& path); // .csv or .xlsx, by the suffix
    bool exportForecast(const QString& path);
    bool exportReport(const QString& path); // PDF
    void chooseRecommendedExport();
    void chooseForecastExport();
    void chooseReportExport();
    void chooseChartExport();

    // Before the project closes (New, Open, Quit): writes the working plan now and, when that
    // fails, asks whether to go on without it. False: the user chose to stay.
    bool mayClosePlan();
    // The plan's state word, with the optimizer's gap and what changed last (a retrain).
    QString planStatusText() const;

    PlannerDocument* document() const { return m_document; }
    PlanSaver* saver() const { return m_saver; }
    CampaignSetup* setup() const { return m_setup; }
    PlanTableView* table() const { return m_table; }
    PlanTableModel* tableModel() const { return m_model; }
    TotalsBar* totalsBar() const { return m_totals; }
    ScenarioPanel* scenarios() const { return m_scenarios; }
    DiscountChart* discountChart() const { return m_chart; }
    PlanOverviewCharts* overviewCharts() const { return m_overview; }
    using LoadJob = Job<PlannerLoad>;
    using OptimizeJob = Job<std::shared_ptr<const plan::OptimizedPlan>>;
    using ExportJob = Job<QString>; // the path written
    LoadJob* loadJob() const { return m_loadJob; }
    OptimizeJob* optimizeJob() const { return m_optimizeJob; }
    ExportJob* exportJob() const { return m_exportJob; }
    QPushButton* optimizeButton() const { return m_optimize; }
    QAction* optimizeAction() const { return m_optimizeAction; } // Ctrl+R
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }

signals:
    void statusMessage(const QString& text);
    void exported(const QString& path);

private:
    QWidget* buildCenter();
    void reload();
    void startLoad();
    void applyLoaded(const PlannerLoad& loaded);
    // Says how the totals moved when the plan was evaluated again with a new model.
    void noteModelChange(std::int64_t modelBefore, const plan::PlanTotals& before);
    void updatePlanStatus();
    void restoreLayout();
    void saveLayout();
    void applyOptimized(const plan::OptimizedPlan& optimized);
    void showRow(int row);
    void drawProductCurves(DiscountChart* chart, int row) const;
    void updateTotals();
    void setBusy(bool busy);
    bool canExport();
    QString suggestedPath(const QString& suffix) const;
    // Runs `write` (which owns copies of what it writes) on the export job; it gets the job's
    // progress, which is how a writer that takes a ProgressFn learns of Cancel.
    bool startExport(const QString& title, const QString& path,
                     std::function<void(const ProgressFn& progress)> write);

    ProjectController* m_project;
    PlannerDocument* m_document;
    PlanSaver* m_saver;
    LoadJob* m_loadJob;
    LatestRequest* m_load; // the latest project or model wins
    OptimizeJob* m_optimizeJob;
    ExportJob* m_exportJob;
    CampaignSetup* m_setup = nullptr;
    PlanTableModel* m_model = nullptr;
    PlanTableView* m_table = nullptr;
    TotalsBar* m_totals = nullptr;
    ScenarioPanel* m_scenarios = nullptr;
    DiscountChart* m_chart = nullptr;
    PlanOverviewCharts* m_overview = nullptr;
    QTabWidget* m_chartTabs = nullptr;
    QSplitter* m_splitter = nullptr;
    QTabWidget* m_side = nullptr;
    QToolButton* m_sideToggle = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_placeholder = nullptr;
    QLabel* m_planStatus = nullptr;
    QPushButton* m_optimize = nullptr;
    QAction* m_optimizeAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QToolButton* m_undo = nullptr;
    QToolButton* m_redo = nullptr;
    std::function<std::shared_ptr<const ReviewReport>()> m_reviewSource;
    std::shared_ptr<const PlannerState>
        m_optimizeFrom; // the state the running Optimize started from
    std::shared_ptr<const PlannerData> m_optimizeData;
    int m_chartRow = -1;
    QString m_loadedPath; // the project the document's data came from
    QString m_stateNote;  // what changed last, shown after the state word
    QString m_pendingCampaign;
    qint64 m_pendingStart = 0;
    int m_pendingDays = 0;
    bool m_pendingOptimize = false;
};

} // namespace fp::ui
