#pragma once

#include "data/demandcells.h"

#include <span>

namespace fp::model {

class DemandModel;

// Demand deeper than any discount a product's category sold at (its supported depth,
// data::deepestSupportedDiscounts) is an extrapolation: the data say nothing there. Every model's
// demand is continued past that depth the same cautious way: from the demand at the supported
// depth, with the slope (local elasticity) it had over the last supported stretch, decaying as
// the cut deepens, so the extra lift is bounded by slope x kDecay however deep the discount:
//   log m(x) = log m(xs) + s kDecay (1 - exp(-(x - xs) / kDecay)),  x = -log(1 - discount).
// The continued lift is as uncertain as it is large: its square is added to the cell's relative
// variance, which widens the intervals.
struct DepthGuard
{
    static constexpr double kDecay = 0.15;    // log price cut: the slope halves every ~10% more off
    static constexpr double kSlopeSpan = 0.1; // the last slope is read over [depth - 0.1, depth]

    // means (and, when not empty, extraVariance) of `cells`; supportedDepth is per model product
    // (empty: no guard). extraVariance is 0 for a cell within its supported depth.
    static void predict(const DemandModel& model, std::span<const float> supportedDepth,
                        std::span<const data::DemandCell> cells, std::span<double> means,
                        std::span<double> extraVariance);
};

} // namespace fp::model
