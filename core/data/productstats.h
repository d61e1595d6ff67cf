#pragma once

#include "base/civildate.h"
#include "base/progress.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace fp::store {
class Store;
}

namespace fp::data {

class Panel;

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

// The discount depths of a history's recorded periods (filled ones left out), each from its own
// period's regular price as the models read it (per period where the panel reads regular prices
// so): how many were at least 1% below it, their mean and the deepest, and counts by depth:
// [0,1%), [1,10%), [10,30%), [30,50%), [50,70%), >=70%.
struct DepthSummary
{
    std::int64_t priced = 0; // recorded periods with a price and a regular price
    std::int64_t discounted = 0;
    double meanWhenDiscounted = 0;
    double deepest = 0;
    std::array<std::int64_t, 6> buckets{};
};
DepthSummary depthSummary(const Panel& panel);

} // namespace fp::data
