#pragma once

#include "charts/timechartview.h"

#include <QWidget>

class QAreaSeries;
class QLineSeries;

namespace fp::ui {

struct ReviewProductDays;

// One reviewed product by day of the sale: the units the plan expected (with the day's 80%
// interval as a band) against the units that sold.
class ReviewDayChart final : public QWidget
{
    Q_OBJECT
public:
    explicit ReviewDayChart(QWidget* parent = nullptr);

    void showProduct(const QString& title, const ReviewProductDays& days);
    void clear();

    TimeChartView* view() const { return m_chart.view; }
    QLineSeries* expectedSeries() const { return m_expected; }
    QLineSeries* actualSeries() const { return m_actual; }
    QAreaSeries* bandSeries() const { return m_band; }

private:
    UnitsTimeChart m_chart;
    QAreaSeries* m_band = nullptr;
    QLineSeries* m_expected = nullptr;
    QLineSeries* m_actual = nullptr;
};

} // namespace fp::ui
