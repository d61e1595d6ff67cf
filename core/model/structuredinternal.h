#pragma once

// What the structured model's source files share (structuredmodel.cpp: fitting, prediction,
// storage; structuredobjective.cpp: the likelihood and its gradient; structuredselection.cpp:
// the structure and shrinkage chosen from the data). Not for use outside them.

#include "data/calendar.h"
#include "model/structuredmodel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace fp::model::structured {

// 2: the structure and the trend's end; 3: own or category shapes, the shapes stored / kShapeScale;
// 4: the regular price level's response apart from the discount's.
inline constexpr std::uint32_t kFormatVersion = 4;
inline constexpr int kFourier = data::Calendar::kFourierTerms;
inline constexpr int kHolidays = data::kHolidayCount;
inline constexpr int K = StructuredModel::kSegments;
inline constexpr int E = StructuredModel::kEventDays;
inline const double kInitialSlope = std::log(std::expm1(1.5)); // softplus^-1 of elasticity 1.5
// Where a category's elasticity to its regular price level starts, and the prior's centre.
inline constexpr double kInitialLevelElasticity = 1.0;
// How much better each calendar part must make the forecast of the held-back periods (mean
// negative log-likelihood per cell, in nats) to be kept.
inline constexpr double kPartMargin = 0.002;
// A shopping day's effect is kept only when the data tell it from zero (|estimate| / standard
// error at least this): a weekly panel sees each holiday a few times, mixed with promotions.
inline constexpr double kHolidayEvidence = 2.0;
// A product's own deviation of its price response on each band is stored divided by this: its
// data say little about each band (one band's promotions, a short stretch of log price), so
// unscaled its curvature is thousands of times smaller than a level's and L-BFGS hardly moves it.
inline constexpr double kShapeScale = 10.0;
// The mean of a product's band deviations is its elasticity shift again, which has its own
// learned prior: held near zero, so the shape is only the response's curvature.
inline constexpr double kShapeMeanWeight = 100.0;
// A last period past every cell's (StructuredModel::constant of all the cells).
inline constexpr int kAllPeriods = std::numeric_limits<int>::max();

// The small functions below run inside the objective's loop over every cell: inline on purpose.
inline double softplus(double z)
{
    return z > 30 ? z : std::log1p(std::exp(z));
}
inline double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

// x = -log(1 - d) at each discount knot.
std::array<double, K + 1> knotsInX();
inline const std::array<double, K + 1> kKnotX = knotsInX();

inline double logPriceCut(double discount)
{
    return -std::log1p(-std::clamp(discount, 0.0, 0.95));
}

// The two parts of a cell's log price cut (against the product's latest regular price): the
// discount's, -log(1 - discount) against the period's regular price, and the rest, the regular
// price level's, log(latest regular / period's regular). Models stored before the level had its
// own response put the whole cut on the discount bands (levelApart false).
struct PriceCutParts
{
    double discount = 0.0;
    double level = 0.0;
};
inline PriceCutParts priceCutParts(const data::DemandCell& cell, bool levelApart)
{
    if (!levelApart)
        return {cell.priceCut, 0.0};
    // Most cells sell at the regular price: no logarithm for them (the objective's hot loop).
    const double discount = cell.discount > 0 ? logPriceCut(cell.discount) : 0.0;
    return {discount, cell.priceCut - discount};
}

// How much of the log price cut x lies on band k: its length inside the band; below 0 (dearer
// than the reference price) the first band's slope goes on, as a plain log-log response would.
inline double bandExposure(double x, int k)
{
    if (x < 0)
        return k == 0 ? x : 0.0;
    const double lo = kKnotX[static_cast<size_t>(k)], hi = kKnotX[static_cast<size_t>(k + 1)];
    return std::clamp(x - lo, 0.0, hi - lo);
}

// How many bands, from the first, carry some of x: the others' exposure is 0, so the loops over
// every cell stop there (none at the reference price; only the first when dearer).
inline int bandsExposed(double x)
{
    if (x <= 0)
        return x < 0 ? 1 : 0;
    int k = 1;
    while (k < K && kKnotX[static_cast<size_t>(k)] < x)
        ++k;
    return k;
}

// The recent level is read off this many last periods: four weeks of days, or eight weeks.
int recentLevelPeriods(int periodDays);
// Validation periods fit() holds back to choose the structure: four weeks of days, or eight
// weeks; none when the history is too short to spare them (then the simplest structure).
int structureValidationPeriods(int periods, int periodDays);

} // namespace fp::model::structured

namespace fp::model {

// Where each group of parameters lives in the parameter vector.
struct StructuredModel::Layout
{
    int P, C, D;
    int level, trend, catLevel, weekday, fourier, holiday, eventGlobal, eventCat, eventProduct, dip,
        slopeCat, slopeShift, slopeShape, levelCat, levelShift, size;

    Layout(int products, int categories, int dipPeriods);
};

} // namespace fp::model
