#pragma once

#include "shell/job.h"

#include <QMainWindow>

class QMenu;
class QTabWidget;

namespace fp::ui {

class FitView;
class HelpDialog;
class JobStatus;
class PlannerView;
class ProductHistoryChart;
class ProductsView;
class ProjectController;
class ReviewTab;
class TrainingView;

struct DemoProject;
// The application window: a composition of small views around one ProjectController. It owns the
// menus and routes the selected product to the chart and fit views; every long job runs on a
// worker and shows in the status bar with Cancel.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    bool openProject(const QString& path); // shows a message and returns false on failure
    // Before the open project closes (New, Open, the demo, Quit): asks about what would be lost,
    // a running import or training and a plan the project could not take. False: stay.
    bool mayLeaveProject();
    void openDemo(); // builds a fresh demo project (import + model), opens it
    void importSales(const QString& csvPath = {});

    ProjectController* controller() const { return m_controller; }
    ProductsView* productsView() const { return m_products; }
    TrainingView* trainingView() const { return m_training; }
    FitView* fitView() const { return m_fit; }
    PlannerView* plannerView() const { return m_planner; }
    ProductHistoryChart* historyChart() const { return m_chart; }
    ReviewTab* reviewTab() const { return m_review; }
    QTabWidget* tabs() const { return m_tabs; }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createPlanMenus();
    void createEditMenu();
    void createHelpMenu();
    void showPreferences();
    void showGuide(const QString& section = {});
    void showShortcuts();
    void showAbout();
    void restoreLayout();
    void newProject();
    void chooseProject();
    void rememberRecent(const QString& path);
    void fillRecentMenu();
    void onProjectChanged(const QString& path);

    ProjectController* m_controller = nullptr;
    ProductsView* m_products = nullptr;
    QTabWidget* m_tabs = nullptr;
    ProductHistoryChart* m_chart = nullptr;
    TrainingView* m_training = nullptr;
    FitView* m_fit = nullptr;
    PlannerView* m_planner = nullptr;
    ReviewTab* m_review = nullptr;
    JobStatus* m_jobStatus = nullptr;
    Job<DemoProject>* m_demoJob = nullptr;
    QMenu* m_recentMenu = nullptr;
    HelpDialog* m_help = nullptr; // made on first use, then kept with its place in the guide
    qint64 m_selectedId = 0;
    QString m_selectedSku;
};

} // namespace fp::ui
