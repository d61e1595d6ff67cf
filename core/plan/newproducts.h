#pragma once

#include "base/error.h"

#include <vector>

namespace fp::io {
struct PriceTable;
}

namespace fp::plan {

struct PlannerData;

// The new products (skus without sales history) of a forecast's prices file: each is described by
// its rows (the first name, category and like_sku given; its list_price, else its highest price)
// and placed among its peers (PlannerData::addNewProducts), so its rows are forecast like the
// others and flagged cold_start. The rows of one that cannot be placed are dropped. Returns the
// warnings, each naming its sku and its first line (skipped, or a like_sku ignored).
std::vector<Problem> placeNewProducts(io::PriceTable& table, PlannerData& data);

} // namespace fp::plan
