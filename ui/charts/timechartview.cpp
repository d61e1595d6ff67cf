#include "charts/timechartview.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QValueAxis>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace fp::ui {

namespace {
constexpr double kDayMs = 86'400'000.0;
constexpr double kMinSpanMs = 3 * kDayMs;
constexpr double kMinFullSpanMs = 7 * kDayMs;
} // namespace

qint64 msOfDay(DayNumber day)
{
    return static_cast<qint64>(day) * 86'400'000 + 43'200'000;
}

TimeChartView::TimeChartView(QChart* chart, QDateTimeAxis* axis, QWidget* parent)
    : QChartView(chart, parent), m_axis(axis), m_band(new QRubberBand(QRubberBand::Rectangle, this))
{
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Wheel: zoom in time. Drag: zoom to a span. Right-drag or Shift+wheel: pan."));
    m_axis->setFormat(tr("d MMM yyyy", "QDateTime format of the time axis labels"));
}

void TimeChartView::setFullRange(qint64 fromMs, qint64 toMs)
{
    m_fullFrom = static_cast<double>(fromMs);
    m_fullTo = std::max(static_cast<double>(toMs), m_fullFrom + kDayMs);
    if (m_fullTo - m_fullFrom < kMinFullSpanMs) {
        // A history of a day or two: a week around it, from a noon (where msOfDay puts a day), so
        // that its labels are days apart, each on its day, rather than one date repeated.
        const double middle = (m_fullFrom + m_fullTo) / 2;
        m_fullFrom = std::floor(middle / kDayMs) * kDayMs + kDayMs / 2 - 3 * kDayMs;
        m_fullTo = m_fullFrom + kMinFullSpanMs;
    }
    resetZoom();
}

void TimeChartView::resetZoom()
{
    showRange(m_fullFrom, m_fullTo);
}

bool TimeChartView::isZoomed() const
{
    return m_from > m_fullFrom + 1 || m_to < m_fullTo - 1;
}

void TimeChartView::showRange(double fromMs, double toMs)
{
    const double full = m_fullTo - m_fullFrom;
    double span = std::clamp(toMs - fromMs, std::min(kMinSpanMs, full), full);
    const double middle = (fromMs + toMs) / 2;
    double from = std::clamp(middle - span / 2, m_fullFrom, m_fullTo - span);
    m_from = from;
    m_to = from + span;
    m_axis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(m_from)),
                     QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(m_to)));
    updateTicks();
    emit zoomChanged(isZoomed());
}

double TimeChartView::valueAt(double widgetX) const
{
    const QRectF plot = chart()->plotArea();
    const double sceneX = mapToScene(QPoint(static_cast<int>(widgetX), 0)).x();
    const double f = plot.width() > 0 ? (sceneX - plot.left()) / plot.width() : 0.5;
    return m_from + std::clamp(f, 0.0, 1.0) * (m_to - m_from);
}

void TimeChartView::zoomBy(double factor, double anchorMs)
{
    // The date under the anchor stays where it is.
    showRange(anchorMs - (anchorMs - m_from) * factor, anchorMs + (m_to - anchorMs) * factor);
}

void TimeChartView::panBy(double ms)
{
    const double span = m_to - m_from;
    const double from = std::clamp(m_from + ms, m_fullFrom, m_fullTo - span);
    showRange(from, from + span);
}

void TimeChartView::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    const bool pan =
        (event->modifiers() & Qt::ShiftModifier) || std::abs(delta.x()) > std::abs(delta.y());
    const double steps = (pan && delta.x() != 0 ? delta.x() : delta.y()) / 120.0;
    if (pan)
        panBy(-steps * (m_to - m_from) / 10);
    else
        zoomBy(std::pow(0.8, steps), valueAt(event->position().x()));
    event->accept();
}

void TimeChartView::mousePressEvent(QMouseEvent* event)
{
    m_pressPos = event->pos();
    if (event->button() == Qt::LeftButton) {
        m_drag = Drag::Zoom;
        const QRectF plot = chart()->plotArea();
        m_band->setGeometry(QRect(m_pressPos.x(), static_cast<int>(plot.top()), 0,
                                  static_cast<int>(plot.height())));
        m_band->show();
    } else if (event->button() == Qt::RightButton || event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        m_panAnchor = valueAt(event->position().x());
        setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void TimeChartView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag == Drag::Zoom) {
        const QRectF plot = chart()->plotArea();
        const int x0 = std::min(m_pressPos.x(), event->pos().x());
        const int x1 = std::max(m_pressPos.x(), event->pos().x());
        m_band->setGeometry(
            QRect(x0, static_cast<int>(plot.top()), x1 - x0, static_cast<int>(plot.height())));
    } else if (m_drag == Drag::Pan) {
        panBy(m_panAnchor - valueAt(event->position().x()));
    }
    event->accept();
}

void TimeChartView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == Drag::Zoom) {
        m_band->hide();
        if (std::abs(event->pos().x() - m_pressPos.x()) >= 4) {
            const double a = valueAt(m_pressPos.x());
            const double b = valueAt(event->pos().x());
            showRange(std::min(a, b), std::max(a, b));
        }
    } else if (m_drag == Drag::Pan) {
        unsetCursor();
    }
    m_drag = Drag::None;
    event->accept();
}

void TimeChartView::keyPressEvent(QKeyEvent* event)
{
    const double middle = (m_from + m_to) / 2;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(0.8, middle);
        break;
    case Qt::Key_Minus:
        zoomBy(1.25, middle);
        break;
    case Qt::Key_Left:
        panBy(-(m_to - m_from) / 10);
        break;
    case Qt::Key_Right:
        panBy((m_to - m_from) / 10);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimeChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    updateTicks();
}

void TimeChartView::updateTicks()
{
    // About one label per 130 pixels, so dates never overlap.
    // And no more than one a day: the labels are dates.
    const int days = static_cast<int>(std::floor((m_to - m_from) / kDayMs + 1e-9));
    const int ticks = std::clamp(static_cast<int>(chart()->plotArea().width() / 130) + 1, 2,
                                 std::clamp(days + 1, 2, 12));
    if (m_axis->tickCount() != ticks)
        m_axis->setTickCount(ticks);
}

void UnitsTimeChart::addSeries(QAbstractSeries* series) const
{
    chart->addSeries(series);
    series->attachAxis(time);
    series->attachAxis(units);
}

UnitsTimeChart makeUnitsTimeChart(QWidget* parent)
{
    UnitsTimeChart made;
    made.chart = new QChart;
    made.chart->legend()->setAlignment(Qt::AlignBottom);
    made.chart->setMargins(QMargins(4, 4, 4, 4));
    made.chart->setLocalizeNumbers(true); // 10,000 (or 10.000): the locale's grouping
    made.time = new QDateTimeAxis(made.chart);
    made.units = new QValueAxis(made.chart);
    made.units->setLabelFormat("%.0f");
    made.units->setTitleText(TimeChartView::tr("Units per day"));
    made.chart->addAxis(made.time, Qt::AlignBottom);
    made.chart->addAxis(made.units, Qt::AlignLeft);
    made.view = new TimeChartView(made.chart, made.time, parent);
    return made;
}

} // namespace fp::ui
