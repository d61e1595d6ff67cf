#include "charts/discountchart.h"

#include "charts/chartseries.h"
#include "charts/charttheme.h"
#include "plan/productfit.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>
#include <initializer_list>

namespace fp::ui {

DiscountChart::DiscountChart(Kind kind, QWidget* parent) : QChartView(parent), m_kind(kind)
{
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setLocalizeNumbers(true); // the locale's grouping of thousands
    m_x = new QValueAxis(chart);
    m_x->setRange(0, 90);
    m_x->setTickCount(10);
    m_x->setLabelFormat("%.0f"); // localized numbers take no "%%": the title says percent
    m_x->setTitleText(tr("Discount (%)"));
    m_y = new QValueAxis(chart);
    m_y->setLabelFormat("%.0f");
    showValueAxis(false);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);

    if (kind == Kind::Units) {
        m_band = makeBand(tr("80% interval"), QColor(31, 119, 180, 45), true, chart);
        m_main = makeLine(tr("Expected units"), QColor(31, 119, 180), 2, Qt::SolidLine, chart);
        m_y->setTitleText(tr("Units in the sale"));
        chart->addSeries(m_band);
        m_band->attachAxis(m_x);
        m_band->attachAxis(m_y);
    } else {
        m_main = makeLine(tr("Revenue"), QColor(31, 119, 180), 2, Qt::SolidLine, chart);
        m_profit = makeLine(tr("Profit"), QColor(44, 160, 44), 2, Qt::SolidLine, chart);
        m_y->setTitleText(tr("Revenue, profit"));
    }
    m_usual = makeLine(tr("Usual discount"), QColor(214, 39, 40), 1.5, Qt::DashLine, chart);
    m_planned = makeLine(tr("Planned"), QColor(255, 127, 14), 2.5, Qt::SolidLine, chart);
    m_mainBeyond = makeLine(tr("Extrapolated"), m_main->color(), 1.5, Qt::DashLine, chart);
    if (m_profit)
        m_profitBeyond = makeLine(QString(), m_profit->color(), 1.5, Qt::DashLine, chart);
    for (QLineSeries* s : {m_main, m_profit, m_usual, m_planned, m_mainBeyond, m_profitBeyond}) {
        if (!s)
            continue;
        chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_planned->setVisible(false); // only the planner marks a planned discount
    if (m_profitBeyond)
        chart->legend()->markers(m_profitBeyond).constFirst()->setVisible(false); // one entry
    applyChartTheme(chart);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(280, 220);
    setToolTip(kind == Kind::Units
                   ? tr("Expected units sold in a flash sale of this product at each discount, "
                        "with stock unlimited")
                   : tr("Expected revenue (sale price x units) and profit ((sale price - unit "
                        "cost) x units) in the sale at each discount"));
}

void DiscountChart::setPlanned(double discount)
{
    const double x = 100 * discount;
    m_planned->setName(tr("Planned %1%").arg(x, 0, 'f', 0));
    m_planned->replace(QList<QPointF>{{x, m_y->min()}, {x, m_y->max()}});
    m_planned->setVisible(true);
}

void DiscountChart::clearCurves()
{
    for (QLineSeries* s : {m_main, m_profit, m_usual, m_planned, m_mainBeyond, m_profitBeyond})
        if (s)
            s->clear();
    m_planned->setVisible(false);
    if (m_band) {
        m_band->upperSeries()->clear();
        m_band->lowerSeries()->clear();
    }
    showValueAxis(false);
}

void DiscountChart::showValueAxis(bool shown)
{
    // Without curves the axis has no scale: whole-number labels of its 0..1 read "0 0 1 1 1", and
    // its title without labels is squeezed to an ellipsis.
    m_y->setLabelsVisible(shown);
    m_y->setTitleVisible(shown);
}

double DiscountChart::valueAxisMax() const
{
    return m_y->max();
}

namespace {

// `points` with one more at `supported` when it falls between two of them (interpolated), so that
// the dashed extrapolation starts where the solid line ends.
std::vector<plan::DiscountPoint> withPointAt(const std::vector<plan::DiscountPoint>& points,
                                             double supported)
{
    std::vector<plan::DiscountPoint> out;
    out.reserve(points.size() + 1);
    for (size_t i = 0; i < points.size(); ++i) {
        // (A depth kept as a float is on a step when within a millionth of it.)
        if (i > 0 && points[i - 1].discount < supported - 1e-6 &&
            points[i].discount > supported + 1e-6) {
            const plan::DiscountPoint& a = points[i - 1];
            const plan::DiscountPoint& b = points[i];
            const double w = (supported - a.discount) / (b.discount - a.discount);
            const auto between = [w](double x, double y) {
                return x + w * (y - x);
            };
            plan::DiscountPoint at;
            at.discount = supported;
            at.units = between(a.units, b.units);
            at.unitsLow = between(a.unitsLow, b.unitsLow);
            at.unitsHigh = between(a.unitsHigh, b.unitsHigh);
            at.revenue = between(a.revenue, b.revenue);
            if (a.profit && b.profit)
                at.profit = between(*a.profit, *b.profit);
            out.push_back(at);
        }
        out.push_back(points[i]);
    }
    return out;
}

} // namespace

void DiscountChart::setCurves(const std::vector<plan::DiscountPoint>& curve,
                              std::optional<double> usual, int windowDays, double supported)
{
    const std::vector<plan::DiscountPoint> points = withPointAt(curve, supported);
    QList<QPointF> main, profit, low, high, mainBeyond, profitBeyond;
    double lo = 0, hi = 1;
    double loBeyond = 0, hiBeyond = 0; // the extrapolation's extremes
    bool hasProfit = false;
    for (const plan::DiscountPoint& p : points) {
        const double x = 100 * p.discount;
        // The supported part sets the scale; beyond it (from its last point on) runs dashed.
        const bool within = p.discount <= supported + 1e-6;
        const bool beyond = p.discount >= supported - 1e-6 && supported < 1.0;
        const double value = m_kind == Kind::Units ? p.units : p.revenue;
        if (within)
            main.append({x, value});
        if (beyond) {
            mainBeyond.append({x, value});
            hiBeyond = std::max(hiBeyond, value);
        }
        if (m_kind == Kind::Units) {
            low.append({x, p.unitsLow});
            high.append({x, p.unitsHigh});
            if (within)
                hi = std::max({hi, p.units, p.unitsHigh});
        } else {
            if (within)
                hi = std::max(hi, p.revenue);
            if (p.profit) {
                hasProfit = true;
                if (within) {
                    profit.append({x, *p.profit});
                    lo = std::min(lo, *p.profit);
                    hi = std::max(hi, *p.profit);
                }
                if (beyond) {
                    profitBeyond.append({x, *p.profit});
                    loBeyond = std::min(loBeyond, *p.profit);
                    hiBeyond = std::max(hiBeyond, *p.profit);
                }
            }
        }
    }
    m_mainBeyond->replace(mainBeyond);
    m_mainBeyond->setVisible(mainBeyond.size() > 1);
    if (m_profitBeyond) {
        m_profitBeyond->replace(profitBeyond);
        m_profitBeyond->setVisible(hasProfit && profitBeyond.size() > 1);
    }
    // The extrapolation is shown up to half the supported curves' span past them: further, it
    // would squash the curves it continues (it leaves the plot there, dashed).
    const double span = hi - lo;
    hi = std::max(hi, std::min(hiBeyond, hi + 0.5 * span));
    lo = std::min(lo, std::max(loBeyond, lo - 0.5 * span));
    m_y->setRange(lo < 0 ? lo * 1.08 : 0, hi * 1.08);
    m_y->applyNiceNumbers();
    showValueAxis(true);
    const double x = 100 * usual.value_or(0.0);
    // One decimal, as the products list shows a product's average discount (23.6%, not 24%).
    m_usual->setName(tr("Usual discount %1%").arg(QLocale().toString(x, 'f', 1)));
    m_usual->replace(QList<QPointF>{{x, m_y->min()}, {x, m_y->max()}});
    m_usual->setVisible(usual.has_value());
    m_main->replace(main);
    if (m_band) {
        m_band->upperSeries()->replace(high);
        m_band->lowerSeries()->replace(low);
    }
    if (m_profit) {
        m_profit->replace(profit);
        m_profit->setVisible(hasProfit);
    }
    if (m_kind == Kind::Units)
        chart()->setTitle(windowDays % 7 == 0
                              ? tr("Demand curve: a %n-week flash sale", nullptr, windowDays / 7)
                              : tr("Demand curve: a %n-day flash sale", nullptr, windowDays));
    else
        chart()->setTitle(hasProfit ? tr("Revenue and profit vs discount")
                                    : tr("Revenue vs discount (profit needs a unit cost)"));
}

} // namespace fp::ui
