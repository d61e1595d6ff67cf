#pragma once

#include "review/reviewloader.h"
#include "shell/job.h"

#include <QWidget>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace fp::ui {

class FileExporter;
class LatestRequest;
class ProjectController;
class ReviewDayChart;
class ReviewTableModel;
class ReviewTotalsView;

// A sale that has happened next to its plan: pick a saved scenario or a recommended table, and
// once the sale's sales are imported the view shows the totals side by side, the products sorted
// by the money they missed, and the selected product's expected and actual units by day. The
// review runs on a worker (core's reviewSale, as flashplan-cli review computes it).
class ReviewView final : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewView(ProjectController* project, QWidget* parent = nullptr);
    ~ReviewView() override;

    // Reviews the scenario saved under `name`, or the recommended table at `path`.
    void reviewScenario(const QString& name);
    void reviewPlanFile(const QString& path);
    void refreshScenarios(); // the project's saved scenarios, into the combo
    void selectProduct(int proxyRow);

    // Exports (file dialogs first for the choose* ones).
    bool exportTable(const QString& path); // .xlsx, else CSV
    bool exportChart(const QString& path);
    void chooseTableExport();
    void chooseChartExport();
    void choosePlanFile();

    // What is shown: the review (none yet), for the PDF report and the tests.
    const std::optional<LoadedReview>& shown() const { return m_shown; }
    Job<LoadedReview>* job() const { return m_job; }
    Job<QString>* exportJob() const;
    ReviewTableModel* tableModel() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    ReviewTotalsView* totals() const { return m_totals; }
    ReviewDayChart* dayChart() const { return m_chart; }
    QComboBox* scenarioCombo() const { return m_scenarios; }
    QString message() const; // what the view says in place of a review (empty: a review shows)

signals:
    void statusMessage(const QString& text);
    void reviewed(); // a new review is shown

protected:
    void showEvent(QShowEvent* event) override; // the planner may have saved a scenario since

private:
    void start();
    void apply(const LoadedReview& loaded);
    void showMessage(const QString& text);
    void clearReview();
    void onProjectChanged();

    ProjectController* m_project;
    Job<LoadedReview>* m_job;
    LatestRequest* m_latest;
    FileExporter* m_exporter;
    ReviewSource m_source;
    std::optional<LoadedReview> m_shown;

    QComboBox* m_scenarios = nullptr;
    QPushButton* m_file = nullptr;
    QToolButton* m_export = nullptr;
    QLabel* m_info = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_content = nullptr;
    ReviewTotalsView* m_totals = nullptr;
    ReviewTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    ReviewDayChart* m_chart = nullptr;
};

} // namespace fp::ui
