#pragma once

#include "base/progress.h"
#include "plan/planresult.h"

#include <string>

namespace fp::exports {

// The recommended discount table (spec/data-format.md, section 3), one row per product:
// sku, name, category, list_price, unit_cost, stock, discount, sale_price, expected_units,
// units_low, units_high, expected_revenue, expected_profit, sell_through, limited_by, flags.
//
// Both writers share these rules:
// - Numbers are rounded once, to 2 decimals (money, units) or 4 (discount and sell_through, as
//   fractions), and the CSV and the XLSX hold the same rounded numbers.
// - A missing optional value is an empty cell: no unit cost -> unit_cost and expected_profit;
//   unlimited stock -> stock and sell_through; no flags -> flags (else space-separated names).
// - Text cells pass through neutralizeFormula() (base/text.h), in the XLSX too: libxlsxwriter
//   never writes a formula from a string, but a user who saves the sheet as CSV and opens that
//   would run it.
// - The file is written next to `path` under a temporary name and renamed over `path` at the end,
//   so a failure (unwritable folder, disk full) leaves any earlier file untouched and no partial
//   file behind. Failures throw FlashPlanError naming the path.
// - `progress` counts the table's rows (the XLSX adds a step for closing the workbook); when it
//   returns false the writer throws Cancelled, leaving the target as it was and no temporary file.

// CSV with a header line, RFC 4180 quoting, '\n' line ends, '.' decimals whatever the locale.
// No totals row.
void writeRecommendedCsv(const plan::PlanResult& plan, const std::string& path,
                         const ProgressFn& progress = {});

// XLSX with sheets "Recommended" (the table, with number formats, a frozen header and an
// autofilter), "Summary" (totals and campaign settings) and "Model" (held-out scores per model).
void writeRecommendedXlsx(const plan::PlanResult& plan, const std::string& path,
                          const ProgressFn& progress = {});

} // namespace fp::exports
