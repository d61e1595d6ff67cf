#pragma once

#include "review/backtest.h"
#include "shell/job.h"

#include <QWidget>
#include <optional>

class QChartView;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QToolButton;

namespace fp::ui {

class FileExporter;
class LatestRequest;
class ProjectController;

// How the model would have forecast the latest flash-sale events of the history, each refitted
// on the history before it (core's backtestProject, as flashplan-cli backtest runs it): per event
// the forecast and actual units with the bias and the interval hit rate, and the calibration
// histogram. Running it is a project job (its result is stored in the project, replacing the
// previous one) with progress and Cancel; the stored result shows when the project opens.
class BacktestView final : public QWidget
{
    Q_OBJECT
public:
    explicit BacktestView(ProjectController* project, QWidget* parent = nullptr);

    bool run(); // false when it cannot start (no project, another project job runs)
    void cancel();
    void setEvents(int events);

    bool exportRows(const QString& path); // .xlsx, else CSV
    bool exportChart(QChartView* view, const QString& path);
    void chooseRowsExport();

    const std::optional<review::BacktestResult>& shown() const { return m_shown; }
    Job<review::BacktestResult>* runJob() const { return m_runJob; }
    Job<review::BacktestResult>* loadJob() const { return m_loadJob; }
    Job<QString>* exportJob() const;
    QChartView* eventsChart() const { return m_events; }
    QChartView* calibrationChart() const { return m_calibration; }
    QTableWidget* eventsTable() const { return m_table; }
    QString summary() const;

signals:
    void statusMessage(const QString& text);
    void shownChanged(); // a backtest (or none) is shown

private:
    void startLoad();
    void showResult(const review::BacktestResult& result);
    void showNoResult(const QString& text);
    void updateButtons();

    ProjectController* m_project;
    Job<review::BacktestResult>* m_runJob;
    Job<review::BacktestResult>* m_loadJob;
    LatestRequest* m_latestLoad;
    FileExporter* m_exporter;
    std::optional<review::BacktestResult> m_shown;

    QSpinBox* m_eventCount = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_cancel = nullptr;
    QToolButton* m_export = nullptr;
    QLabel* m_summary = nullptr;
    QTableWidget* m_table = nullptr;
    QChartView* m_events = nullptr;
    QChartView* m_calibration = nullptr;
    QWidget* m_charts = nullptr; // both charts, shown once there is a backtest
};

} // namespace fp::ui
