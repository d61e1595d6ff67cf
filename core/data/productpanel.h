#pragma once

#include "base/civildate.h"
#include "data/panel.h"

#include <cstdint>
#include <optional>

namespace fp::store {
class Store;
}

namespace fp::data {

struct DayRange
{
    DayNumber first = 0;
    DayNumber last = 0;
};

// The first and last day of the project's sales, nullopt when it has none. Two index look-ups per
// product instead of a scan of every sale (tens of milliseconds for 10,000 products).
std::optional<DayRange> salesDayRange(store::Store& store);
// The first and last day of one product's sales.
std::optional<DayRange> productDayRange(store::Store& store, std::int64_t productId);

// A panel holding only one product (project id `productId`) over the periods of `range`, read with
// one index range query: milliseconds, however big the project. With the project's salesDayRange()
// its periods and category indices are those of Panel::load, so a trained model can predict its
// cells. Throws FlashPlanError for an unknown product.
Panel loadProductPanel(store::Store& store, std::int64_t productId, const DayRange& range);

} // namespace fp::data
