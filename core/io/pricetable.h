#pragma once

#include "base/civildate.h"
#include "base/error.h"

#include <optional>
#include <string>
#include <vector>

namespace fp::io {

// One planned price of a product on a day: `forecast --prices` (spec/cli.md).
struct PlannedPrice
{
    std::int64_t line = 0;
    DayNumber day = 0;
    std::string sku;
    double price = 0;
    std::optional<double> listPrice;
    bool event = false;
    std::string eventId; // the event column's text: periods with different ids are different events
    std::optional<double> stock;
    // What a sku without sales history (a new product) is: its row's name, category, like_sku.
    std::string name, category, likeSku;
};

struct PriceTable
{
    std::string path;
    std::vector<PlannedPrice> rows;
    std::vector<Problem> problems; // the first 100; the table is unusable when not empty
    std::int64_t problemCount = 0;
};

// Reads a CSV with date, sku, price and optional list_price, event, stock, and for new products
// name, category, like_sku (headers and synonyms as for sales; other columns such as units are
// ignored). Every row is validated.
PriceTable readPriceTable(const std::string& path);

} // namespace fp::io
