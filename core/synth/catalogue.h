#pragma once

#include "synth/market.h"

#include <vector>

namespace fp::synth {

// The synthetic market's catalogue: what each category looks like (prices, demand level,
// elasticity, noise, weekday and season patterns) and each product's truth drawn around it.

constexpr int kCatalogueCategories = 12;

// The first `count` categories (1..kCatalogueCategories) of the catalogue, in a fixed order.
std::vector<CategoryTruth> makeCategories(int count);
// config.products products dealt to the categories round-robin; each one's truth comes from its
// own stream, so it does not depend on how many products there are.
std::vector<ProductTruth> makeProducts(const MarketConfig& config,
                                       const std::vector<CategoryTruth>& categories);

} // namespace fp::synth
