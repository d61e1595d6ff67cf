#include "review/backtestcharts.h"

#include "review/backtest.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>

namespace fp::ui {

namespace {

// The translation context of the charts' texts.
class BacktestCharts final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::BacktestCharts)
};

void reset(QChart* chart, const QString& title)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setLocalizeNumbers(true);
}

void attach(QChart* chart, QBarSeries* series, const QStringList& categories, double top,
            const QString& valueTitle)
{
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis(chart);
    x->append(categories);
    auto* y = new QValueAxis(chart);
    y->setRange(0, std::max(1.0, top * 1.1));
    y->applyNiceNumbers();
    y->setLabelFormat("%.0f");
    y->setTitleText(valueTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

} // namespace

void drawBacktestEvents(QChart* chart, const review::BacktestResult& result)
{
    reset(chart, BacktestCharts::tr("Forecast and actual units per event"));
    auto* series = new QBarSeries(chart);
    auto* forecast = new QBarSet(BacktestCharts::tr("Forecast"), series);
    auto* actual = new QBarSet(BacktestCharts::tr("Actual"), series);
    forecast->setColor(QColor(31, 119, 180));
    actual->setColor(QColor(120, 120, 120));
    QStringList categories;
    double top = 0;
    for (const review::BacktestEvent& e : result.events) {
        forecast->append(e.forecastUnits);
        actual->append(e.actualUnits);
        top = std::max({top, e.forecastUnits, e.actualUnits});
        // The start date, short enough to stay whole under its bars; the table names the event.
        categories << QString::fromStdString(formatIsoDate(e.start)).mid(5);
    }
    series->append(forecast);
    series->append(actual);
    attach(chart, series, categories, top, BacktestCharts::tr("Units"));
    chart->axes(Qt::Horizontal).front()->setTitleText(BacktestCharts::tr("Event start"));
}

void drawCalibration(QChart* chart, const review::BacktestResult& result)
{
    reset(chart, BacktestCharts::tr("Calibration: where the actual fell in the forecast (PIT)"));
    auto* series = new QBarSeries(chart);
    auto* counts = new QBarSet(BacktestCharts::tr("Product-days"), series);
    counts->setColor(QColor(255, 127, 14));
    QStringList categories;
    double top = 0;
    for (size_t b = 0; b < result.pitHistogram.size(); ++b) {
        counts->append(result.pitHistogram[b]);
        top = std::max(top, double(result.pitHistogram[b]));
        categories << QLocale().toString(double(b) / 10, 'f', 1); // the tenth's lower end
    }
    series->append(counts);
    attach(chart, series, categories, top, BacktestCharts::tr("Product-days"));
    chart->axes(Qt::Horizontal)
        .front()
        ->setTitleText(BacktestCharts::tr("PIT in tenths (flat when honest)"));
}

} // namespace fp::ui
