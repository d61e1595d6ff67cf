#pragma once

#include <QColor>
#include <QString>
#include <Qt>

class QAreaSeries;
class QLineSeries;
class QObject;

namespace fp::ui {

// A line series with a pen, for the fit charts.
QLineSeries* makeLine(const QString& name, const QColor& color, qreal width, Qt::PenStyle style,
                      QObject* parent);
// An area series between two line series it owns (the lower one may be absent: down to 0).
QAreaSeries* makeBand(const QString& name, const QColor& fill, bool withLower, QObject* parent);

} // namespace fp::ui
