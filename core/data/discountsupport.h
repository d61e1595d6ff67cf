#pragma once

#include <vector>

namespace fp::data {

class Panel;

// How many product-periods must have sold at a discount for a model to be said to know it.
constexpr int kDiscountSupport = 3;

// Per category of a sales history, the deepest discount (whole points, 0..0.95) that at least
// kDiscountSupport of its product-periods were sold at (periods only filled in do not count).
// Deeper than that the history says nothing: forecasts continue cautiously and say so.
std::vector<double> deepestSupportedDiscounts(const Panel& panel);

} // namespace fp::data
