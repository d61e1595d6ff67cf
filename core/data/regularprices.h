#pragma once

#include <span>
#include <vector>

namespace fp::data {

// How far (in days, each side) a period looks for the regular price it was sold at or cut from.
inline constexpr int kRegularWindowDays = 28;

// The regular price in force in each period of a product whose file gave no list price, from the
// prices it sold at (one per period; 0 or NaN: none). A promotion is a dip below the prices on
// both sides; a change of the regular price is a step that stays. So a period's regular price is
// the lower of the highest prices within `window` periods before and after it (only one side
// near the ends), never below its own price: a cut reads against the price around it, and a
// price that rose or fell is the new regular price from the period it changed, not a discount
// from the highest price ever charged. 0 where the product sold at no price nearby.
std::vector<float> regularPrices(std::span<const float> prices, int window);

// The window of regularPrices() for a period length.
inline int regularWindowPeriods(int periodDays)
{
    return std::max(1, kRegularWindowDays / std::max(periodDays, 1));
}

} // namespace fp::data
