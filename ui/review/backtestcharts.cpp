#include "review/backtestcharts.h"

#include "review/backtest.h"
#include "settings/numbertext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <algorithm>

namespace fp::ui {

namespace {

constexpr auto kBiasLabelsName = "biasLabels";

QGraphicsItem* biasLayer(QChart* chart);

// The translation context of the charts' texts.
class BacktestCharts final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::BacktestCharts)
};

void reset(QChart* chart, const QString& title)
{
    delete chart->findChild<QObject*>(kBiasLabelsName, Qt::FindDirectChildrenOnly);
    delete biasLayer(chart);
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
    // Counts: at least 0..5, so that whole-number labels do not repeat (0, 0, 1, 1).
    y->setRange(0, std::max(5.0, top * 1.1));
    y->applyNiceNumbers();
    y->setLabelFormat("%.0f");
    y->setTitleText(valueTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

// The share of a category the pair of bars takes, and where the forecast bar's middle is in it.
constexpr double kBarWidth = 0.7;
constexpr double kForecastOffset = -kBarWidth / 4;
constexpr double kCapHalfWidth = kBarWidth / 10;

// The event's 80% interval of its total units as a whisker on its forecast bar (Qt Charts has
// no error bars): caps at both ends joined by a vertical line, in one line series. Only the first
// whisker has a legend entry.
void addWhisker(QChart* chart, QAbstractAxis* x, QAbstractAxis* y, int event,
                const review::CountInterval& interval, bool inLegend)
{
    auto* whisker = new QLineSeries(chart);
    whisker->setName(BacktestCharts::tr("80% interval of the forecast"));
    const double middle = event + kForecastOffset;
    whisker->append({{middle - kCapHalfWidth, double(interval.low)},
                     {middle + kCapHalfWidth, double(interval.low)},
                     {middle, double(interval.low)},
                     {middle, double(interval.high)},
                     {middle - kCapHalfWidth, double(interval.high)},
                     {middle + kCapHalfWidth, double(interval.high)}});
    whisker->setPen(QPen(QColor(40, 40, 40), 2));
    chart->addSeries(whisker);
    whisker->attachAxis(x);
    whisker->attachAxis(y);
    chart->legend()->markers(whisker).front()->setVisible(inLegend);
}

// Each event's bias (forecast over actual units, minus 1) as a label above its pair of bars, kept
// there as the plot area moves: the labels on a layer of their own, moved by a connection of
// their own; the next drawing deletes both.
void addBiasLabels(QChart* chart, const review::BacktestResult& result)
{
    auto* layer = new QGraphicsRectItem(chart); // draws nothing itself
    layer->setPen(Qt::NoPen);
    layer->setData(0, QString::fromLatin1(kBiasLabelsName));
    layer->setZValue(10);
    QList<QGraphicsSimpleTextItem*> labels;
    QList<QPointF> anchors; // the top of each pair, in values
    for (size_t e = 0; e < result.events.size(); ++e) {
        const review::BacktestEvent& event = result.events[e];
        auto* label = new QGraphicsSimpleTextItem(signedPercentText(event.bias()), layer);
        label->setBrush(QColor(200, 40, 40)); // reads on the light and the dark theme
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        labels << label;
        anchors << QPointF(
            double(e), std::max({event.forecastUnits, event.actualUnits,
                                 event.totalInterval ? double(event.totalInterval->high) : 0.0}));
    }
    auto place = [chart, labels, anchors] {
        const QRectF plot = chart->plotArea();
        QAbstractSeries* bars = chart->series().front();
        // Too many events for their labels to stand apart: the table has the bias.
        const double spacing =
            chart->mapToPosition({1, 0}, bars).x() - chart->mapToPosition({0, 0}, bars).x();
        double widest = 0;
        for (const QGraphicsSimpleTextItem* label : labels)
            widest = std::max(widest, label->boundingRect().width());
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const QPointF top = chart->mapToPosition(anchors[i], bars);
            const QRectF box = labels[i]->boundingRect();
            labels[i]->setPos(top.x() - box.width() / 2,
                              std::max(plot.top(), top.y() - box.height() - 2));
            labels[i]->setVisible(labels.size() == 1 || spacing >= widest + 4);
        }
    };
    auto* mover = new QObject(chart);
    mover->setObjectName(kBiasLabelsName);
    QObject::connect(chart, &QChart::plotAreaChanged, mover, place);
    place();
}

// The layer of bias labels on `chart`, if any.
QGraphicsItem* biasLayer(QChart* chart)
{
    for (QGraphicsItem* item : chart->childItems())
        if (item->data(0).toString() == QLatin1String(kBiasLabelsName))
            return item;
    return nullptr;
}

} // namespace

void drawBacktestEvents(QChart* chart, const review::BacktestResult& result)
{
    reset(chart, BacktestCharts::tr("Forecast and actual units per event, the bias above each"));
    auto* series = new QBarSeries(chart);
    series->setBarWidth(kBarWidth);
    auto* forecast = new QBarSet(BacktestCharts::tr("Forecast"), series);
    auto* actual = new QBarSet(BacktestCharts::tr("Actual"), series);
    forecast->setColor(QColor(31, 119, 180));
    actual->setColor(QColor(120, 120, 120));
    QStringList categories;
    double top = 0;
    for (const review::BacktestEvent& e : result.events) {
        forecast->append(e.forecastUnits);
        actual->append(e.actualUnits);
        top = std::max({top, e.forecastUnits, e.actualUnits,
                        e.totalInterval ? double(e.totalInterval->high) : 0.0});
        // The start date, short enough to stay whole under its bars; the table names the event.
        // Events starting the same day need labels of their own: the axis merges equal ones,
        // and their bars would go unlabelled (or unseen).
        const QString date = QString::fromStdString(formatIsoDate(e.start)).mid(5);
        // A letter keeps them as short as the date ("02-24", "02-24b", "02-24c").
        QString label = date;
        for (int n = 1; categories.contains(label); ++n)
            label = n < 26 ? date + QChar(u'a' + n) : QStringLiteral("%1 %2").arg(date).arg(n + 1);
        categories << label;
    }
    series->append(forecast);
    series->append(actual);
    attach(chart, series, categories, top, BacktestCharts::tr("Units"));
    QAbstractAxis* x = chart->axes(Qt::Horizontal).front();
    QAbstractAxis* y = chart->axes(Qt::Vertical).front();
    x->setTitleText(BacktestCharts::tr("Event start"));
    bool first = true;
    for (size_t e = 0; e < result.events.size(); ++e)
        if (const std::optional<review::CountInterval>& interval = result.events[e].totalInterval) {
            addWhisker(chart, x, y, int(e), *interval, first);
            first = false;
        }
    if (!result.events.empty())
        addBiasLabels(chart, result);
}

void drawCalibration(QChart* chart, const review::BacktestResult& result)
{
    reset(chart, BacktestCharts::tr("Calibration: where the actual fell in the forecast (PIT)"));
    auto* series = new QBarSeries(chart);
    const QString cells = result.periodDays == 7 ? BacktestCharts::tr("Product-weeks")
                                                 : BacktestCharts::tr("Product-days");
    auto* counts = new QBarSet(cells, series);
    counts->setColor(QColor(255, 127, 14));
    QStringList categories;
    double top = 0;
    for (size_t b = 0; b < result.pitHistogram.size(); ++b) {
        counts->append(result.pitHistogram[b]);
        top = std::max(top, double(result.pitHistogram[b]));
        categories << QLocale().toString(double(b) / 10, 'f', 1); // the tenth's lower end
    }
    series->append(counts);
    attach(chart, series, categories, top, cells);
    chart->axes(Qt::Horizontal)
        .front()
        ->setTitleText(BacktestCharts::tr("PIT in tenths (flat when honest)"));
}

QList<QGraphicsSimpleTextItem*> biasLabels(QChart* chart)
{
    QList<QGraphicsSimpleTextItem*> labels;
    if (QGraphicsItem* layer = biasLayer(chart))
        for (QGraphicsItem* item : layer->childItems())
            if (auto* label = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(item))
                labels << label;
    return labels;
}

} // namespace fp::ui
