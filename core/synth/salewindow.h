#pragma once

// A flash sale that has happened, drawn from a daily market's truth: what a review compares a plan
// with (the sales the merchandiser imports after the sale).

#include "synth/market.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fp::synth {

// One product of the sale at the discount it was actually sold at.
struct SaleOffer
{
    int product = 0;
    double discount = 0.0;    // charged; the price is rounded to whole cents
    std::optional<int> stock; // allocated to the whole window; nullopt = never sold out
};

// The rows of [start, start + days) as a flash-sale event named `event` (which must outlive the
// rows), product by product, day by day: expected demand from the truth (featured, day k of the
// event), one demand shock per product shared by its days, daily negative binomial noise, and
// units capped by what is left of the allocation (a row is sold out when units == stock).
// Deterministic for the market's seed, the window and the offers.
std::vector<SalesRow> simulateSale(const Market& market, const std::vector<SaleOffer>& offers,
                                   DayNumber start, int days, std::string_view event);

// Writes `rows` as sales.csv with the market's columns (as the history's file), to import.
void writeSaleCsv(const Market& market, const std::vector<SalesRow>& rows, const std::string& path);

} // namespace fp::synth
