#pragma once

#include "review/backtest.h"
#include "review/salereview.h"

#include <QImage>
#include <QList>
#include <QString>
#include <optional>

namespace fp::ui {

class PdfLayout;

struct ReviewReportChart
{
    QString title;
    QImage image; // drawn at the page width, keeping its aspect ratio
};

// What the PDF report says after the sale, when the Review tab shows it: the review of a plan
// against its sale, the backtest of the model, or both.
struct ReviewReport
{
    std::optional<review::SaleReview> sale;
    QString saleName; // the scenario or the file reviewed
    std::optional<review::BacktestResult> backtest;
    QList<ReviewReportChart> charts; // rendered by the caller with renderChart()
};

// Lays out the report's Review section: the sale's totals side by side (expected, at the charged
// prices, actual), the interval hit rate and the ten largest misses in money; the backtest's
// events (forecast and actual units, bias, hit rate) and calibration; then the charts.
void writeReviewSection(PdfLayout& layout, const ReviewReport& report);

} // namespace fp::ui
