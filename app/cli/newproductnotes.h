#pragma once

#include "base/error.h"

#include <vector>

namespace fp::plan {
struct PlannerData;
}

namespace fp::cli {

// What forecast and plan say on stderr about new products (skus without sales history).

// Each problem as a warning: a new product skipped, or its like_sku ignored.
void printWarnings(const std::vector<Problem>& warnings);

// Notes which of `panelProducts` are new products and where their forecast comes from (their like
// item, or how many products of their category), naming up to a few; returns how many are new.
int noteNewProducts(const plan::PlannerData& data, const std::vector<int>& panelProducts);

} // namespace fp::cli
