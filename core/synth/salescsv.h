#pragma once

// Writing a synthetic family's rows as sales.csv (spec/data-format.md, section 1): one writer for
// both families (market.h, scannermarket.h), fast enough for millions of rows.

#include "base/progress.h"
#include "synth/market.h"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace fp::synth {

// What a family writes: the header and, per product, its constant text columns.
struct SalesCsvTable
{
    // date, sku[, name, category], units, price[, list_price][, unit_cost][, stock][, views]
    // [, event]: the numeric columns in this order, each one written when it is in the header.
    std::vector<std::string> columns;
    // Per product: the text between the date and units, e.g. ",SH-0001,\"Trail Runner\",Shoes,".
    std::vector<std::string> productFields;
    std::int64_t rowCount = 0; // for progress
    // Streams the rows in file order; stops when the callback returns false.
    std::function<void(const std::function<bool(const SalesRow&)>&)> forEachRow;
};

// Prices and costs in cents with two decimals, units/stock/views as integers. Failures show in
// the stream's state.
void writeSalesCsv(const SalesCsvTable& table, std::ostream& out);
// The same into a file, replaced atomically (AtomicFile). Progress counts rows. Throws
// FlashPlanError (CannotWriteFile) on failure and Cancelled when progress asks to stop; then the
// file is as it was.
void writeSalesCsv(const SalesCsvTable& table, const std::string& path,
                   const ProgressFn& progress = {});

// Money with exactly two decimals, from whole cents (no floating-point formatting): "12.50".
std::string formatCents(double value);

} // namespace fp::synth
