#pragma once

#include "base/civildate.h"

#include <QChartView>

class QAbstractSeries;
class QDateTimeAxis;
class QRubberBand;
class QValueAxis;

namespace fp::ui {

// Milliseconds on a date axis for a day: noon UTC, so the date reads the same in any time zone.
qint64 msOfDay(DayNumber day);

// A chart view that zooms and pans along its date axis only (the value axes stay put): the mouse
// wheel zooms around the cursor, a left drag zooms to the dragged span, a right or middle drag and
// Shift+wheel pan, the keys +, - and the arrows do the same, and resetZoom() shows everything.
class TimeChartView final : public QChartView
{
    Q_OBJECT
public:
    explicit TimeChartView(QChart* chart, QDateTimeAxis* axis, QWidget* parent = nullptr);

    // The span of the data; shows all of it.
    void setFullRange(qint64 fromMs, qint64 toMs);
    void resetZoom();
    bool isZoomed() const;
    qint64 visibleFrom() const { return static_cast<qint64>(m_from); }
    qint64 visibleTo() const { return static_cast<qint64>(m_to); }
    // Shows [fromMs, toMs], kept inside the full range and at least a few days wide.
    void showRange(double fromMs, double toMs);

signals:
    void zoomChanged(bool zoomed);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    enum class Drag
    {
        None,
        Zoom,
        Pan
    };
    double valueAt(double widgetX) const; // ms under a widget x coordinate
    void zoomBy(double factor, double anchorMs);
    void panBy(double ms);
    void updateTicks();

    QDateTimeAxis* m_axis;
    QRubberBand* m_band;
    double m_fullFrom = 0, m_fullTo = 1;
    double m_from = 0, m_to = 1;
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    double m_panAnchor = 0; // the ms under the cursor when a pan started
};

// Units over time as the product views draw them: a date axis below, a units axis on the left
// ("Units per day" until told otherwise), the legend at the bottom, in a TimeChartView.
struct UnitsTimeChart
{
    QChart* chart = nullptr;
    QDateTimeAxis* time = nullptr;
    QValueAxis* units = nullptr;
    TimeChartView* view = nullptr;

    void addSeries(QAbstractSeries* series) const; // drawn against the date and units axes
};
UnitsTimeChart makeUnitsTimeChart(QWidget* parent);

} // namespace fp::ui
