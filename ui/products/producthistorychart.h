#pragma once

#include "charts/brokenline.h"
#include "charts/timechartview.h"
#include "shell/job.h"

#include <QWidget>
#include <cstdint>
#include <memory>

class QAreaSeries;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace fp::data {
class Panel;
}

namespace fp::ui {

class ChartPage;
class LatestRequest;
class ProjectController;

// One product's sales history: units per period, the price charged and the regular price on a
// second axis, flash-sale event days shaded and sold-out days marked, on a date axis that zooms
// and pans. Periods without data (absent from the files, and not counted as 0 units sold) break
// the lines. The product's rows are read on a worker (one index range query, milliseconds even
// for a big project); the latest selection wins when the user moves quickly through the list.
class ProductHistoryChart final : public QWidget
{
    Q_OBJECT
public:
    explicit ProductHistoryChart(ProjectController* project, QWidget* parent = nullptr);

    void showProduct(qint64 productId, const QString& sku);
    void clear();
    qint64 productId() const { return m_productId; }

    // What is drawn, for tests and the chart export.
    QChart* chart() const { return m_history.chart; }
    TimeChartView* view() const { return m_history.view; }
    const BrokenLine& unitsLine() const { return *m_units; }
    const BrokenLine& priceLine() const { return *m_price; }
    const BrokenLine& listPriceLine() const { return *m_listPrice; }
    QScatterSeries* soldOutSeries() const { return m_soldOut; }
    QAreaSeries* eventSeries() const { return m_events; }

signals:
    void loaded(qint64 productId); // the chart now shows this product

private:
    void start();
    void apply(const data::Panel& panel);
    void showMessage(const QString& text);

    ProjectController* m_project;
    Job<std::shared_ptr<const data::Panel>>* m_job = nullptr; // null: no sales recorded
    LatestRequest* m_latest = nullptr;
    qint64 m_productId = 0;
    QString m_sku;

    ChartPage* m_page = nullptr; // the title row, or a message instead of the chart
    UnitsTimeChart m_history;
    QValueAxis* m_priceAxis = nullptr;
    std::unique_ptr<BrokenLine> m_units, m_price, m_listPrice;
    QScatterSeries* m_soldOut = nullptr;
    QAreaSeries* m_events = nullptr;
};

} // namespace fp::ui
