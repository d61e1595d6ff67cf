#pragma once

// The second synthetic family: a weekly scanner-panel market, built to differ from the first
// family (market.h) wherever a model could be tuned to one generator. Deterministic for a seed;
// its true demand is public so tests and benchmarks can score forecasts and plans against it.
//
//                       first family (Market)              scanner family (ScannerMarket)
//   rows                one per product per day            one per product per week
//   categories          6 with shared calendars            none (no category column)
//   products            all sell from the first day        a share enter mid-history, some in
//                                                          the last weeks before its end
//   price response      constant elasticity, a threshold   bounded: saturating or threshold
//                       lift from 50% to 70% off           (discountresponse.h), per product
//   regular price       fixed                              moves a few times; demand follows
//                                                          the price level with its own elasticity
//   promotion lift      fades by day of the event,         the same every week of a multi-week
//                       dip after it                       promotion, no dip after it
//   calendar            weekday, shared season, holidays   a yearly season and a mild trend that
//                                                          differ by product
//   noise               NB per day x shock per event       NB per week
//   deepest discount    70%                                capped (maxHistoryDiscount, 0.7), so
//                                                          80-90% off is an extrapolation with a
//                                                          known truth
//
// Expected units of product p in week w at discount d (all public truth functions below):
//   E[D] = baseLevel * season(p, w) * trend(p, w)                   baselineDemand()
//        * (listPrice / firstListPrice)^-priceElasticity             the price level
//        * response.multiplier(d)                                    the price cut
//        * (1 + featureLift)          in a featured week (an ad: `event` column AD-<week start>)
//   D | E[D] ~ negative binomial with size `dispersion`; units = min(D, stock) when the config
//   limits stock (a row is sold out when units == stock).
//
// Randomness: every draw comes from a stream keyed by (seed, what, product, week) (random.h), so a
// product's rows do not depend on the others or on the order rows are produced in.

#include "base/civildate.h"
#include "synth/discountresponse.h"
#include "synth/market.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fp::synth {

struct ScannerConfig
{
    std::uint64_t seed = 20230102;
    int products = 300;
    int weeks = 156;
    DayNumber firstDay = daysFromCivil(2023, 1, 2); // a Monday; week w starts 7 w days later
    // Share of products that start selling after the first week (uniformly over the history),
    // and of products that start only in the last `lastEntryWeeks` weeks (included in the first).
    double lateEntryShare = 0.3;
    double lastWeeksEntryShare = 0.05;
    int lastEntryWeeks = 8;
    // Share of dense products: selling from the first week, many units and promotions at varied
    // depths, price changes, and elasticities 0.6+ away from the population's.
    double denseShare = 0.1;
    double promotionsPerYear = 6.0;  // per product (dense: 1.7 times as many)
    double featuredShare = 0.6;      // promotions with an ad, the rest are plain price cuts
    double saturatingShare = 0.5;    // products whose response saturates; the rest have a threshold
    double maxHistoryDiscount = 0.7; // no promotion in the history goes deeper
    bool withListPrice = true;       // the list_price column
    bool stockLimits = false;        // a stock column; a quarter of promotion weeks run short
};

// One product's truth. Prices in whole cents.
struct ScannerProduct
{
    std::string sku;    // "W-0001"
    int entryWeek = 0;  // its first row
    bool dense = false; // see ScannerConfig::denseShare
    double firstListPrice = 0.0;
    double unitCost = 0.0; // 35-70% of the first list price
    // Expected units per week at the first list price, no promotion, season 1, trend 1 (the
    // middle of the history).
    double baseLevel = 0.0;
    // Elasticity of the regular price level: demand ~ listPrice^-priceElasticity.
    double priceElasticity = 1.5;
    DiscountResponse response;    // the promotion's price cut, on top of the price level
    double featureLift = 0.5;     // a featured week multiplies demand by 1 + featureLift
    double seasonAmplitude = 0.0; // season = exp(amplitude * cos(2 pi (year - peak)))
    double seasonPeak = 0.0;      // day of year
    double trendPerYear = 0.0;    // log change of demand per year
    double dispersion = 4.0;      // negative binomial size r: Var[D] = mu + mu^2 / r
};

// A change of a product's regular price, from `week` on.
struct ListPriceChange
{
    int week = 0;
    double price = 0.0;
};

// A promotion: `weeks` consecutive weeks at one discount, featured (an ad) or a plain price cut.
struct ScannerPromotion
{
    int startWeek = 0;
    int weeks = 1;
    double discount = 0.0; // a multiple of 5%, at most ScannerConfig::maxHistoryDiscount
    bool featured = false;
};

class ScannerMarket final
{
public:
    // Throws FlashPlanError (Internal) for a config outside its documented ranges.
    explicit ScannerMarket(const ScannerConfig& config);

    const ScannerConfig& config() const { return m_config; }
    const std::vector<ScannerProduct>& products() const { return m_products; }
    // Sorted by week; the first entry is the product's entry week at firstListPrice.
    const std::vector<ListPriceChange>& listPrices(int p) const { return m_listPrices[p]; }
    // Sorted by start, inside the product's selling weeks of the history.
    const std::vector<ScannerPromotion>& promotions(int p) const { return m_promotions[p]; }

    DayNumber weekStart(int week) const { return m_config.firstDay + 7 * week; }
    // The week a day falls in (negative before the first day).
    int weekOf(DayNumber day) const;
    std::int64_t rowCount() const;

    // --- The exact truth. Valid for any week, also after the history (forecast windows). ---
    double seasonFactor(int p, int week) const;
    double trendFactor(int p, int week) const;
    // The regular price in a week: the last change at or before it (after the history: the last).
    double listPriceAt(int p, int week) const;
    // Expected units at the first list price, no promotion.
    double baselineDemand(int p, int week) const;
    // E[D] of product p in `week` at discount d from `listPrice`, featured or not.
    double expectedDemand(int p, int week, double discount, bool featured, double listPrice) const;
    // The same at the week's own list price.
    double expectedDemand(int p, int week, double discount, bool featured = false) const;
    // E[min(D, stock)] of that week's demand under the family's noise, exactly.
    double expectedSales(int p, int week, double discount, bool featured, double stock) const;
    // The promotion running in a week, or nullptr.
    const ScannerPromotion* promotionAt(int p, int week) const;
    // The ad's id in a featured week: "AD-" and the week's first day.
    std::string adId(int week) const;

    // Streams every row, week by week and by product within a week (products before their entry
    // week have no rows). Return false from fn to stop. SalesRow::listPrice is the week's list
    // price, dayInEvent is -1, eventShock 1, and stock is 0 without stock limits.
    void forEachRow(const std::function<bool(const SalesRow&)>& fn) const;

private:
    void buildPlans();
    double promotionPrice(int p, int week, double discount) const;

    ScannerConfig m_config;
    std::vector<ScannerProduct> m_products;
    std::vector<std::vector<ListPriceChange>> m_listPrices;
    std::vector<std::vector<ScannerPromotion>> m_promotions;
    std::vector<std::string> m_adIds; // per history week, for SalesRow::event
    double m_middleWeek = 0.0;        // trend is 1 here
};

} // namespace fp::synth
