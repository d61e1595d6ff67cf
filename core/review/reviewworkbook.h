#pragma once

#include "review/backtest.h"
#include "review/salereview.h"

#include <string>

namespace fp::review {

// The review and the backtest as XLSX workbooks: the same columns and rounding as their CSV files
// (docs/review.md), with number formats, a frozen header and an autofilter, and a second sheet of
// totals. Written to a temporary name and renamed (a failure throws FlashPlanError and leaves
// `path` as it was).

// Sheets "Review" (one row per product) and "Totals" (expected, at the charged prices, actual).
void writeReviewXlsx(const SaleReview& review, const std::string& path);

// Sheets "Backtest" (one row per event day and product), "Events" (per event totals, bias and
// hit rate) and "Calibration" (the PIT histogram).
void writeBacktestXlsx(const BacktestResult& result, const std::string& path);

} // namespace fp::review
