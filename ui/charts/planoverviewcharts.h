#pragma once

#include <QWidget>
#include <vector>

class QChart;
class QChartView;
class QTimer;

namespace fp::plan {
struct ProductPlan;
}

namespace fp::ui {

class PlannerDocument;

// Draws the plan's top products by expected revenue (with their discounts) as bars: at most
// `maxBars`, so that each bar's label has the room to be read, and no more ticks on the revenue
// axis than a chart `width` pixels wide shows apart (0: as many as nice numbers give).
void drawRevenueByProduct(QChart* chart, const std::vector<plan::ProductPlan>& rows,
                          int maxBars = 15, int width = 0);
// Draws each stocked product's expected sell-through against its planned discount.
void drawSellThrough(QChart* chart, const std::vector<plan::ProductPlan>& rows);

// Two charts of the whole plan: revenue of the top products with their discounts, and each
// product's sell-through against its discount. Charts are slow to rebuild, so they follow the
// plan at most every 200 ms, and only while shown.
class PlanOverviewCharts final : public QWidget
{
    Q_OBJECT
public:
    explicit PlanOverviewCharts(PlannerDocument* document, QWidget* parent = nullptr);

    QChartView* revenueChart() const { return m_revenue; }
    QChartView* sellThroughChart() const { return m_sellThrough; }
    void refreshNow();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void scheduleRefresh();
    int barsThatFit() const; // labelled bars the revenue chart's height holds

    PlannerDocument* m_document;
    QChartView* m_revenue;
    QChartView* m_sellThrough;
    QTimer* m_timer;
    bool m_stale = true;
};

} // namespace fp::ui
