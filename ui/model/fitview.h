#pragma once

#include "charts/brokenline.h"
#include "charts/timechartview.h"
#include "shell/job.h"

#include <QWidget>
#include <memory>

class QAreaSeries;
class QCategoryAxis;
class QCheckBox;
class QLabel;
class QLineSeries;
class QSpinBox;
class QValueAxis;

namespace fp::ui {

class ChartPage;
class DiscountChart;
class FitCache;
class LatestRequest;
class ProjectController;
struct FitResult;

// How the project's active model sees the selected product: actual units against the fitted
// values and the forecast continuing 28 days past the history, with the 80% band and the held-out
// period shaded; and, for a flash sale of a few days right after the history, the expected units,
// revenue and profit at each discount with the product's usual discount marked. Computed on a
// worker from the stored model (kept between products) and the product's own rows.
class FitView final : public QWidget
{
    Q_OBJECT
public:
    explicit FitView(ProjectController* project, QWidget* parent = nullptr);
    ~FitView() override;

    void showProduct(qint64 productId, const QString& sku);
    void clear();
    qint64 productId() const { return m_productId; }
    int windowDays() const;
    void setWindowDays(int days);
    // Units on a logarithmic axis (log of 1 + units), so ordinary days show beside an event spike.
    void setLogScale(bool on);
    bool logScale() const;
    // The units axis' range now: it fits the periods shown (zooming refits it).
    double unitsAxisMax() const;

    // What is drawn, for tests and the chart export.
    QString message() const; // empty while the charts show
    TimeChartView* timeView() const { return m_history.view; }
    const BrokenLine& actualLine() const { return *m_actual; }
    const BrokenLine& fittedLine() const { return *m_fitted; }
    QLineSeries* forecastSeries() const { return m_forecast; }
    QAreaSeries* bandSeries() const { return m_band; }
    QAreaSeries* holdoutSeries() const { return m_holdout; }
    DiscountChart* demandChart() const { return m_demand; }
    DiscountChart* moneyChart() const { return m_money; }

signals:
    void loaded(qint64 productId); // the charts now show this product

private:
    void start();
    void invalidate(); // the model or the sales changed: forget what is cached and redo
    void apply(const FitResult& result);
    void matchWindowToPeriod(int periodDays); // weekly data: the sale window in whole weeks
    void showMessage(const QString& text);
    void drawHistory();  // the shown result on the linear or the log axis
    void fitUnitsAxis(); // to the periods in view

    ProjectController* m_project;
    std::shared_ptr<FitCache> m_cache; // the model and day range, for the next product
    Job<FitResult>* m_job = nullptr;
    LatestRequest* m_latest = nullptr;
    qint64 m_productId = 0;
    QString m_sku;

    // The title row with the model and the sale window, or a message instead of the charts.
    ChartPage* m_page = nullptr;
    QLabel* m_modelInfo = nullptr;
    QSpinBox* m_window = nullptr;
    QCheckBox* m_log = nullptr;
    QCategoryAxis* m_logAxis = nullptr; // labels in units at log10(1 + units)
    std::shared_ptr<const FitResult> m_shown;
    // Actual, fitted and forecast units over time, with the band and the held-out period.
    UnitsTimeChart m_history;
    QAreaSeries* m_band = nullptr;
    QAreaSeries* m_holdout = nullptr;
    // Broken where the history has no data (weeks a scanner file left out).
    std::unique_ptr<BrokenLine> m_actual, m_fitted;
    QLineSeries* m_forecast = nullptr;
    // Units, and revenue and profit, against the discount of a sale right after the history.
    DiscountChart* m_demand = nullptr;
    DiscountChart* m_money = nullptr;
};

} // namespace fp::ui
