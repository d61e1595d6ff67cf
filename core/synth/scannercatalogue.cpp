#include "synth/scannercatalogue.h"

#include "synth/random.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace fp::synth {

namespace {

constexpr double kPriceElasticityMean = 1.5;
constexpr double kArcElasticityMean = 2.5; // saturating products' arc elasticity to 30% off
constexpr double kDenseRate = 1.7;         // dense products' promotions per year, relative
constexpr int kEarliestLateEntry = 4;      // late entrants start after this many weeks
constexpr int kFirstPriceChange = 4;       // weeks after entry before the list price may move
constexpr double kDeepShare = 0.3;         // promotions deeper than 40% off (but dense products')

std::string skuOf(int p)
{
    char text[16];
    std::snprintf(text, sizeof text, "W-%04d", p + 1);
    return text;
}

// +-[lo, hi] away from `mean`, the side by a coin: dense products' own elasticities.
double awayFrom(SplitMix64& rng, double mean, double lo, double hi)
{
    const double offset = uniform(rng, lo, hi);
    return uniform01(rng) < 0.5 ? mean - offset : mean + offset;
}

int entryWeekOf(const ScannerConfig& config, SplitMix64& rng, bool dense)
{
    const double u = uniform01(rng);
    if (dense || u >= config.lateEntryShare)
        return 0;
    const int lastStart = std::max(kEarliestLateEntry, config.weeks - config.lastEntryWeeks);
    if (u < config.lastWeeksEntryShare)
        return std::min(config.weeks - 1, uniformInt(rng, lastStart, config.weeks - 1));
    return std::min(config.weeks - 1, uniformInt(rng, kEarliestLateEntry, lastStart - 1));
}

DiscountResponse responseOf(const ScannerConfig& config, SplitMix64& rng, bool dense)
{
    if (uniform01(rng) < config.saturatingShare) {
        const double scale = uniform(rng, 0.12, 0.35);
        const double arc =
            dense ? awayFrom(rng, kArcElasticityMean, 0.7, 1.2)
                  : std::clamp(kArcElasticityMean * std::exp(0.3 * normal(rng)), 1.2, 4.5);
        return DiscountResponse::saturating(arc, scale);
    }
    const double threshold = uniform(rng, 0.3, 0.55);
    const double width = uniform(rng, 0.02, 0.05);
    const double ceiling = std::exp(uniform(rng, std::log(2.0), std::log(7.0)));
    return DiscountResponse::jump(threshold, width, ceiling, uniform(rng, 0.3, 1.5));
}

} // namespace

std::vector<ScannerProduct> makeScannerProducts(const ScannerConfig& config)
{
    std::vector<ScannerProduct> products(static_cast<std::size_t>(config.products));
    for (int p = 0; p < config.products; ++p) {
        SplitMix64 rng(streamKey(config.seed, kTagProduct, p));
        ScannerProduct& t = products[static_cast<std::size_t>(p)];
        t.sku = skuOf(p);
        t.dense = uniform01(rng) < config.denseShare;
        t.entryWeek = entryWeekOf(config, rng, t.dense);
        t.firstListPrice = std::max(0.99, roundCents(std::exp(std::log(8.0) + 0.8 * normal(rng))));
        t.unitCost = roundCents(t.firstListPrice * uniform(rng, 0.35, 0.7));
        t.baseLevel = t.dense ? std::exp(std::log(120.0) + 0.5 * normal(rng))
                              : std::max(0.5, std::exp(std::log(12.0) + 0.9 * normal(rng)));
        t.priceElasticity = t.dense
                                ? awayFrom(rng, kPriceElasticityMean, 0.6, 1.0)
                                : std::clamp(kPriceElasticityMean + 0.35 * normal(rng), 0.4, 2.8);
        t.response = responseOf(config, rng, t.dense);
        t.featureLift = uniform(rng, 0.2, 1.0);
        t.seasonAmplitude = uniform(rng, 0.0, 0.3);
        t.seasonPeak = uniform(rng, 0.0, 365.0);
        t.trendPerYear = std::clamp(0.06 * normal(rng), -0.15, 0.15);
        t.dispersion = t.dense ? uniform(rng, 5.0, 15.0) : uniform(rng, 2.5, 12.0);
    }
    return products;
}

std::vector<ListPriceChange> makeListPrices(const ScannerConfig& config,
                                            const ScannerProduct& product, int p)
{
    SplitMix64 rng(streamKey(config.seed, kTagPlan, p, 0));
    std::vector<ListPriceChange> path{{product.entryWeek, product.firstListPrice}};
    const int first = product.entryWeek + kFirstPriceChange;
    if (first >= config.weeks)
        return path;
    const int count = product.dense ? uniformInt(rng, 4, 6)
                                    : std::min(4, poisson(rng, 1.2 * config.weeks / 156.0));
    std::set<int> weeks; // distinct, in order
    for (int attempt = 0; attempt < 100 && static_cast<int>(weeks.size()) < count; ++attempt)
        weeks.insert(uniformInt(rng, first, config.weeks - 1));
    for (int week : weeks) {
        const double size = product.dense ? uniform(rng, 0.08, 0.25) : uniform(rng, 0.04, 0.15);
        const double factor = uniform01(rng) < 0.65 ? 1.0 + size : 1.0 / (1.0 + size);
        path.push_back({week, std::max(0.5, roundCents(path.back().price * factor))});
    }
    return path;
}

std::vector<ScannerPromotion> makePromotions(const ScannerConfig& config,
                                             const ScannerProduct& product, int p)
{
    SplitMix64 rng(streamKey(config.seed, kTagPlan, p, 1));
    std::vector<ScannerPromotion> plan;
    const int activeWeeks = config.weeks - product.entryWeek;
    const double rate = config.promotionsPerYear * (product.dense ? kDenseRate : 1.0);
    const int count = poisson(rng, rate * activeWeeks * 7.0 / 365.25);
    const int capSteps = static_cast<int>(std::floor(config.maxHistoryDiscount / 0.05 + 1e-9));
    static constexpr int kLengths[] = {1, 1, 1, 1, 2, 2, 2, 3, 3, 4};
    for (int i = 0; i < count; ++i) {
        ScannerPromotion promo;
        promo.weeks = std::min(kLengths[uniformInt(rng, 0, 9)], activeWeeks);
        const bool deep = uniform01(rng) < kDeepShare;
        const int lo = product.dense || !deep ? 2 : 9; // in 5% steps: 10%, 45%
        const int hi = product.dense || deep ? capSteps : 8;
        promo.discount = 0.05 * uniformInt(rng, std::min(lo, capSteps), std::min(hi, capSteps));
        promo.featured = uniform01(rng) < config.featuredShare;
        for (int attempt = 0; attempt < 30; ++attempt) {
            promo.startWeek = uniformInt(rng, product.entryWeek, config.weeks - promo.weeks);
            const bool clear =
                std::none_of(plan.begin(), plan.end(), [&](const ScannerPromotion& o) {
                    return promo.startWeek <= o.startWeek + o.weeks &&
                           o.startWeek <= promo.startWeek + promo.weeks;
                });
            if (clear) {
                plan.push_back(promo);
                break;
            }
        }
    }
    std::sort(plan.begin(), plan.end(), [](const ScannerPromotion& a, const ScannerPromotion& b) {
        return a.startWeek < b.startWeek;
    });
    return plan;
}

} // namespace fp::synth
