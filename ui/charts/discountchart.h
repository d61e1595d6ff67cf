#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <Qt>

class QAreaSeries;
class QLineSeries;
class QValueAxis;

namespace fp::plan {
struct DiscountPoint;
}

namespace fp::ui {

// One curve of the product against the discount (0..90%): expected window units, or revenue and
// profit, with the product's usual discount as a vertical line and, for units, the 80% band.
// Past the deepest discount the history supports the curves go on dashed, and the value axis is
// scaled to the supported part (the model extrapolates beyond it).
class DiscountChart final : public QChartView
{
    Q_OBJECT
public:
    enum class Kind
    {
        Units, // expected units in the sale window, with the 80% interval
        Money  // expected revenue and profit
    };
    explicit DiscountChart(Kind kind, QWidget* parent = nullptr);

    // Draws the curves of `points`; `usual` is the product's usual discount (0..1; none for a
    // product without sales history), `supported` the deepest its history supports (dashed
    // beyond).
    void setCurves(const std::vector<plan::DiscountPoint>& points, std::optional<double> usual,
                   int windowDays, double supported = 1.0);
    void clearCurves();
    // Marks the planned discount with a vertical line (the planner's current choice).
    void setPlanned(double discount);

    QLineSeries* mainSeries() const { return m_main; }         // units, or revenue
    QLineSeries* profitSeries() const { return m_profit; }     // Money only; empty without a cost
    QAreaSeries* bandSeries() const { return m_band; }         // Units only
    QLineSeries* usualSeries() const { return m_usual; }       // the vertical line
    QLineSeries* plannedSeries() const { return m_planned; }   // empty until setPlanned()
    QLineSeries* beyondSeries() const { return m_mainBeyond; } // the main curve, dashed beyond
    double valueAxisMax() const;

private:
    void showValueAxis(bool shown);

    Kind m_kind;
    QValueAxis* m_x = nullptr;
    QValueAxis* m_y = nullptr;
    QLineSeries* m_main = nullptr;
    QLineSeries* m_profit = nullptr;
    QAreaSeries* m_band = nullptr;
    QLineSeries* m_usual = nullptr;
    QLineSeries* m_planned = nullptr;
    QLineSeries* m_mainBeyond = nullptr;
    QLineSeries* m_profitBeyond = nullptr;
};

} // namespace fp::ui
