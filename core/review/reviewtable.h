#pragma once

#include "review/salereview.h"

#include <string>

namespace fp::review {

// The review as a table (docs/review.md), one row per product:
// sku, name, planned_discount, charged_discount, expected_units, units_low, units_high,
// actual_units, sold_out, expected_revenue, actual_revenue, expected_profit, actual_profit,
// within_interval, expected_units_at_charged_price.
// Discounts are fractions with 4 decimals, units and money 2; sold_out is the date of the first
// sold-out period (empty: it did not sell out); within_interval is 1 or 0; an unknown profit is
// empty. RFC 4180 quoting, text cells safe from spreadsheet formulas, '.' decimals; written to a
// temporary name and renamed (a failure throws FlashPlanError and leaves `path` as it was).
void writeReviewCsv(const SaleReview& review, const std::string& path);

} // namespace fp::review
