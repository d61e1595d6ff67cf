#include "charts/brokenline.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <algorithm>

namespace fp::ui {

BrokenLine::BrokenLine(QLineSeries* first) : m_first(first) {}

void BrokenLine::replace(const QList<QList<QPointF>>& runs)
{
    QChart* chart = m_first->chart();
    const qsizetype more = std::max<qsizetype>(runs.size() - 1, 0);
    while (m_more.size() < more) {
        auto* series = new QLineSeries(chart);
        chart->addSeries(series);
        for (QAbstractAxis* axis : m_first->attachedAxes())
            series->attachAxis(axis);
        m_more.append(series);
    }
    m_first->replace(runs.isEmpty() ? QList<QPointF>() : runs.front());
    m_first->setPointsVisible(!runs.isEmpty() && runs.front().size() == 1);
    for (qsizetype i = 0; i < m_more.size(); ++i) {
        QLineSeries* series = m_more[i];
        const bool used = i < more;
        series->replace(used ? runs[i + 1] : QList<QPointF>());
        series->setPen(m_first->pen());
        series->setPointsVisible(used && runs[i + 1].size() == 1);
        series->setVisible(m_first->isVisible());
        for (QLegendMarker* marker : chart->legend()->markers(series))
            marker->setVisible(false);
    }
}

QList<QLineSeries*> BrokenLine::series() const
{
    return QList<QLineSeries*>{m_first} + m_more;
}

QList<QPointF> BrokenLine::points() const
{
    QList<QPointF> all = m_first->points();
    for (const QLineSeries* series : m_more)
        all += series->points();
    return all;
}

QList<QList<QPointF>> BrokenLine::runsOf(const QList<QPointF>& points, qreal gap)
{
    QList<QList<QPointF>> runs;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const bool breaks = i == 0 || points[i].x() - points[i - 1].x() > gap;
        if (breaks && runs.size() < kMaxRuns)
            runs.append(QList<QPointF>());
        runs.back().append(points[i]);
    }
    return runs;
}

} // namespace fp::ui
