#pragma once

class QChart;

namespace fp::review {
struct BacktestResult;
}

namespace fp::ui {

// The backtest's charts, drawn into a chart the caller owns (the view's, or one rendered for the
// PDF report): per event the forecast and the actual units as bars, the event's bias in its
// label; and the calibration, the count of product-days in each tenth of the PIT (flat when the
// intervals are honest). Each call replaces what the chart showed.
void drawBacktestEvents(QChart* chart, const review::BacktestResult& result);
void drawCalibration(QChart* chart, const review::BacktestResult& result);

} // namespace fp::ui
