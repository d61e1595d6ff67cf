#pragma once

#include <QList>
#include <QPointF>

class QLineSeries;

namespace fp::ui {

// A line that breaks where a history has no data (weeks a scanner panel left out): Qt Charts
// joins every point of a series, and drops a NaN rather than breaking there, so each run of
// points after the first is drawn by a series of its own, with the first one's pen and axes and
// no legend entry. A run of one point shows as a point.
class BrokenLine final
{
public:
    // `first` is in its chart, attached to its axes, and named for the legend.
    explicit BrokenLine(QLineSeries* first);

    void replace(const QList<QList<QPointF>>& runs);
    // Every series drawing the line (the first, then one per further run), to attach or detach
    // axes as one line.
    QList<QLineSeries*> series() const;
    // Every point of every run, in order.
    QList<QPointF> points() const;

    // The runs of `points` (in order of x) broken wherever two neighbours lie more than `gap`
    // apart in x. Beyond kMaxRuns the last run takes the rest, joined as one series would.
    static QList<QList<QPointF>> runsOf(const QList<QPointF>& points, qreal gap);
    static constexpr int kMaxRuns = 200;

private:
    QLineSeries* m_first;
    QList<QLineSeries*> m_more; // kept when fewer runs need them, then empty
};

} // namespace fp::ui
