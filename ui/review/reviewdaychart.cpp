#include "review/reviewdaychart.h"

#include "charts/chartexport.h"
#include "charts/chartseries.h"
#include "charts/charttheme.h"
#include "review/reviewloader.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

namespace fp::ui {

namespace {

constexpr qint64 kHalfDayMs = 43'200'000;

} // namespace

ReviewDayChart::ReviewDayChart(QWidget* parent) : QWidget(parent)
{
    m_chart = makeUnitsTimeChart(this);
    QChart* chart = m_chart.chart;
    m_band = makeBand(tr("80% interval"), QColor(31, 119, 180, 50), true, chart);
    m_expected = makeLine(tr("Planned"), QColor(31, 119, 180), 2, Qt::SolidLine, chart);
    m_actual = makeLine(tr("Actual"), QColor(90, 90, 90), 2, Qt::SolidLine, chart);
    m_expected->setPointsVisible(true);
    m_actual->setPointsVisible(true);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{m_band, m_expected, m_actual})
        m_chart.addSeries(s);
    applyChartTheme(chart);
    installChartExportMenu(m_chart.view);
    m_chart.view->setMinimumSize(320, 220);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chart.view);
    clear();
}

void ReviewDayChart::clear()
{
    m_chart.chart->setTitle(tr("Select a product to see its sale by day"));
    m_band->upperSeries()->clear();
    m_band->lowerSeries()->clear();
    m_expected->clear();
    m_actual->clear();
}

void ReviewDayChart::showProduct(const QString& title, const ReviewProductDays& days)
{
    QList<QPointF> expected, lower, upper, actual;
    double top = 1;
    // Each period's interval spans its period (a step), so that a sale of one period (a week of
    // weekly data) shows its interval too.
    const qint64 half = days.periodDays * kHalfDayMs;
    for (size_t i = 0; i < days.days.size(); ++i) {
        const double x = double(msOfDay(days.days[i]));
        expected.append({x, days.expected[i]});
        for (const double edge : {x - 0.9 * half, x + 0.9 * half}) {
            lower.append({edge, days.lower[i]});
            upper.append({edge, days.upper[i]});
        }
        actual.append({x, days.actual[i]});
        top = std::max({top, days.upper[i], days.actual[i], days.expected[i]});
    }
    m_chart.chart->setTitle(title);
    m_chart.units->setTitleText(days.periodDays == 7 ? tr("Units per week") : tr("Units per day"));
    m_band->upperSeries()->replace(upper);
    m_band->lowerSeries()->replace(lower);
    m_expected->replace(expected);
    m_actual->replace(actual);
    m_chart.units->setRange(0, top * 1.1);
    m_chart.units->applyNiceNumbers();
    if (!days.days.empty())
        m_chart.view->setFullRange(msOfDay(days.days.front()) - half,
                                   msOfDay(days.days.back()) + half);
}

} // namespace fp::ui
