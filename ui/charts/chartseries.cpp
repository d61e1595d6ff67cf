#include "charts/chartseries.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <QPen>

namespace fp::ui {

QLineSeries* makeLine(const QString& name, const QColor& color, qreal width, Qt::PenStyle style,
                      QObject* parent)
{
    auto* series = new QLineSeries(parent);
    series->setName(name);
    series->setPen(QPen(color, width, style));
    return series;
}

QAreaSeries* makeBand(const QString& name, const QColor& fill, bool withLower, QObject* parent)
{
    auto* band = new QAreaSeries(parent);
    band->setUpperSeries(new QLineSeries(band));
    if (withLower)
        band->setLowerSeries(new QLineSeries(band));
    band->setName(name);
    band->setPen(Qt::NoPen);
    band->setBrush(fill);
    return band;
}

} // namespace fp::ui
