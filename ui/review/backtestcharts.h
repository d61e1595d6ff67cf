#pragma once

#include <QList>

class QChart;
class QGraphicsSimpleTextItem;

namespace fp::review {
struct BacktestResult;
}

namespace fp::ui {

// The backtest's charts, drawn into a chart the caller owns (the view's, or one rendered for the
// PDF report): per event the forecast and the actual units as bars, a whisker on the forecast bar
// for the 80% interval of the event's total, and the event's bias as a label above the pair
// (hidden when the events are too many for the labels to stand apart); and the calibration, the
// count of product-days in each tenth of the PIT (flat when the intervals are honest). Each call
// replaces what the chart showed.
void drawBacktestEvents(QChart* chart, const review::BacktestResult& result);
void drawCalibration(QChart* chart, const review::BacktestResult& result);

// The bias labels drawBacktestEvents put on `chart`, in the order of the events.
QList<QGraphicsSimpleTextItem*> biasLabels(QChart* chart);

} // namespace fp::ui
