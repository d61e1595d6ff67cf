#pragma once

#include "base/civildate.h"
#include "base/progress.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace fp::store {
class Store;
}

namespace fp::data {

// What the products table shows about one product's history. Periods are days for daily data and
// weeks for weekly data; periods filled in for gaps in the files (0 units) are not counted.
struct ProductStats
{
    std::int64_t productId = 0;
    std::int64_t days = 0; // periods recorded in the files
    double units = 0;
    double revenue = 0;                 // sum of units x price charged
    std::int64_t discountedDays = 0;    // at least 1% below the regular price
    double averageDiscount = 0;         // mean depth on the discounted periods; 0 when none
    std::int64_t stockoutDays = 0;      // sold out: units >= stock
    std::optional<DayNumber> lastEvent; // last period featured in a flash-sale event
};

// The statistics of every product of the project with at least one sale, in product id order, from
// one aggregate query over the sales (a few seconds for 7 million rows). Progress counts products;
// returning false stops the query and throws Cancelled.
std::vector<ProductStats> productStats(store::Store& store, const ProgressFn& progress = {});

} // namespace fp::data
