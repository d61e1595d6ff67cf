#pragma once

// A deterministic synthetic flash-sale market whose true demand is known exactly.
// It feeds the bundled demo data, the tests that check models against the truth (elasticities,
// censoring bias, planner vs oracle) and the benchmarks (millions of rows, streamed).
// The second family, scannermarket.h (weekly, no categories, bounded price response), differs
// from this one on purpose, so that no model is tuned to one generator.
//
// Demand of product p on day t (all factors are public truth functions below):
//   E[D] = baseLevel * calendar(category, t) * trend(p, t)          baselineDemand()
//        * discountMultiplier(p, d)                                   price response
//        * featuredLift(p, k)            on day k of a flash-sale event (k = 0 strongest)
//        * postEventFactor(p, t)         dip in the days after a flash-sale event
//   D | E[D] ~ Poisson(E[D] * G * X), X ~ Gamma(dispersion) with mean 1 (negative binomial per
//   day), G ~ Gamma(eventShockShape) with mean 1, shared by all days of one product's event (G = 1
//   otherwise). units = min(D, stock); a row is sold out when units == stock.
//
// Randomness: every draw comes from a stream keyed by (seed, what, product, day), so the rows do
// not depend on the order they are produced in, and our own samplers (no std::*_distribution) give
// the same numbers with every standard library.

#include "base/civildate.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fp::synth {

struct MarketConfig
{
    std::uint64_t seed = 20261111;
    int products = 150;
    int categories = 6; // 1..12; products are dealt to categories round-robin
    // The demo's history: two years ending the day before 2026-11-11.
    DayNumber firstDay = daysFromCivil(2024, 11, 11);
    int days = 730; // history length in days, also when weekly
    // Weekly rows: 7-day buckets from firstDay (an incomplete last week is dropped).
    bool weekly = false;
    // 0 = never sold out, 1 = realistic, 3 = heavy stockouts (scales the share of tight event
    // allocations, how lean regular inventory runs, and supplier delays).
    double stockoutIntensity = 1.0;
    // Flash-sale events a product joins per year, on average (as far as the campaign calendar and
    // the 10-day gap between a product's events allow).
    double eventsPerProductYear = 6.0;
    // Ordinary discounts (5-20% off for about a week, no event id) per product per year.
    double promosPerProductYear = 3.0;
    // How unlike one another products of a category are beyond their price point: scales the
    // spread of each product's level (log sd 1.1: slow movers to tens a day), trend, elasticity
    // and event lift. Below 1, a product's category peers say what it sells (cold-start tests).
    double productSpread = 1.0;
    // Optional CSV columns.
    bool withNameCategory = true;
    bool withListPrice = true;
    bool withCost = true;
    bool withStock = true;
    bool withViews = true;
    bool withEvent = true;
    enum class Order
    {
        ByDate,
        BySku
    };
    Order order = Order::ByDate; // row order of forEachRow and of the CSV
};

struct CategoryTruth
{
    std::string name;                // "Shoes"
    std::string skuPrefix;           // "SH"
    std::array<double, 7> weekday{}; // demand multiplier Monday..Sunday, mean 1
    // Yearly season: exp(a1 cos(2 pi (y - peak1)) + a2 cos(4 pi (y - peak2))), y in years,
    // peaks given as day of year.
    double seasonAmplitude1 = 0.0;
    double seasonPeak1 = 0.0;
    double seasonAmplitude2 = 0.0;
    double seasonPeak2 = 0.0;
    double holidaySensitivity = 1.0; // calendar lift = 1 + sensitivity * holidayLift(day)
    double elasticityMean = 2.0;     // products deviate around it
    double dispersion = 3.0;         // negative binomial size r: Var[D] = mu + mu^2 / r
    double eventShockShape = 5.0;    // shape s of the per-event shock: mean 1, variance 1 / s
};

struct ProductTruth
{
    std::string sku;      // "SH-0001"
    std::string name;     // "Trail Runner 3"
    std::string category; // "Shoes"
    int categoryIndex = 0;
    double listPrice = 0.0; // whole cents
    double unitCost = 0.0;  // whole cents, 35-70% of the list price
    // Expected units per day at list price on an ordinary day: calendar factor 1, trend at the
    // middle of the history, no event.
    double baseLevel = 0.0;
    // Constant price elasticity: a price cut to (1 - d) of list multiplies expected demand by
    // (1 - d)^-elasticity, so a 1% lower price sells about elasticity% more. Exact up to 50% off.
    double elasticity = 2.0;
    // Threshold effect of headline deals: extra factor rising smoothly from 1 at 50% off to
    // 1 + thresholdLift at 70% off and beyond.
    double thresholdLift = 0.0;
    double dispersion = 3.0;      // copied from the category
    double eventShockShape = 5.0; // copied from the category
    // Being featured in a flash-sale event multiplies demand on its day k (0-based) by
    // 1 + featuredLift * featuredDecay^k, on top of the price effect.
    double featuredLift = 0.8;
    double featuredDecay = 0.5;
    // Buyers pulled forward: j = 1..7 days after an event of discount d, demand is multiplied by
    // 1 - dipDepth * min(1, d / 0.5) * 0.65^(j - 1).
    double dipDepth = 0.2;
    double trendPerYear = 0.0;    // log change of demand per year
    double conversion = 0.04;     // units per page view
    double eventPropensity = 1.0; // relative chance to join a flash-sale campaign (mean 1)
    double stockCoverDays = 30.0; // regular inventory is reordered up to about this many days
};

// A sitewide flash-sale campaign that products may join (same id and days for all of them).
struct Campaign
{
    std::string id; // "FS-2025-11-11": FS- and the first day
    DayNumber start = 0;
    int days = 1; // 1..3
    // 11.11, Black Friday, Cyber Monday, 12.12, Christmas, New Year, 6.18 or 3.8.
    bool holiday = false;
    double weight = 1.0; // relative participation (holiday campaigns draw more products)
};

// One entry of a product's price plan: a flash-sale event (campaign >= 0) or an ordinary discount.
struct Promotion
{
    DayNumber start = 0;
    int days = 0;
    double discount = 0.0; // nominal, a multiple of 5%
    double price = 0.0;    // charged, whole cents; the effective discount is 1 - price / listPrice
    int campaign = -1;     // index into Market::campaigns(); -1 = ordinary discount
    double shock = 1.0;    // the event's realized demand shock G (1 for ordinary discounts)
    int eventStock = 0;    // units allocated to the event: the stock on its first day
    bool tightStock = false; // allocated below the expected demand of the event

    bool isEvent() const { return campaign >= 0; }
};

// One row as written (a product-day, or a product-week) plus its truth.
struct SalesRow
{
    DayNumber day = 0; // the day, or the first day of the week
    int product = 0;
    int units = 0;
    double price = 0.0; // whole cents; weekly: revenue / units, or the mean price when units == 0
    double listPrice = 0.0;
    double unitCost = 0.0;
    int stock = 0; // at the start of the day; weekly: see Market::forEachRow
    int views = 0;
    std::string_view event; // campaign id, empty when none; valid while the Market lives
    double discount = 0.0;  // 1 - price / listPrice
    bool featured = false;  // in a flash-sale event (weekly: on any day of the week)
    int dayInEvent = -1;    // 0-based day of the event; -1 when not featured, and for weeks
    double eventShock = 1.0;
    // True E[D] at the price charged: everything except the event shock and the noise
    // (their mean is 1). Daily: == expectedDemand(product, day, discount, featured, dayInEvent).
    double expectedDemand = 0.0;
    int demand = 0;       // realized demand before the stock cap
    bool soldOut = false; // units == stock
};

// Market-wide shopping-holiday lift on a day (0 on ordinary days; -0.3 on Christmas Day). Black
// Friday is data::blackFridayOf's.
double holidayLift(DayNumber day);

class Market final
{
public:
    // Throws FlashPlanError (Internal) for a config outside its documented ranges.
    explicit Market(const MarketConfig& config);

    const MarketConfig& config() const { return m_config; }
    const std::vector<CategoryTruth>& categories() const { return m_categories; }
    const std::vector<ProductTruth>& products() const { return m_products; }
    const std::vector<Campaign>& campaigns() const { return m_campaigns; }
    // The product's flash-sale events and ordinary discounts, sorted by start, inside the history.
    const std::vector<Promotion>& promotions(int p) const { return m_plans[p]; }

    DayNumber firstDay() const { return m_config.firstDay; }
    DayNumber endDay() const { return m_config.firstDay + m_config.days; } // one past the last
    std::int64_t rowCount() const;

    // --- The exact truth. Valid for any day, also after the history (forecast windows). ---
    // Weekday x season x holiday factor of a category on a day.
    double calendarFactor(int category, DayNumber day) const;
    double trendFactor(int p, DayNumber day) const;
    // Expected units at list price, not featured, without post-event dip.
    double baselineDemand(int p, DayNumber day) const;
    // Monotone non-decreasing in d; d is clamped to [-1, 0.95].
    double discountMultiplier(int p, double discount) const;
    double featuredLift(int p, int dayInEvent) const;
    // Dip after the product's flash-sale events in the history; 1 when none is within 7 days.
    double postEventFactor(int p, DayNumber day) const;
    // E[D] of product p on `day` at discount d (0..1), featured in an event or not, ignoring stock.
    double expectedDemand(int p, DayNumber day, double discount, bool featured = false,
                          int dayInEvent = 0) const;

    // --- The window truth for the planner oracle: [start, start + days) as a flash-sale event. ---
    double expectedWindowDemand(int p, DayNumber start, int days, double discount) const;
    // Exact variance of the window total (daily noise plus the shared event shock).
    double windowDemandVariance(int p, DayNumber start, int days, double discount) const;
    // E[min(D_window, stock)] by Monte Carlo with `draws` draws from a fixed stream per (p, start):
    // deterministic, and the same random numbers at every discount, so curves over d are smooth.
    double expectedWindowSales(int p, DayNumber start, int days, double discount, double stock,
                               int draws = 4000) const;

    // Streams every row in the configured order, holding only a little state per product.
    // Return false from fn to stop. Weekly rows sum units, demand, views and expected demand over
    // the week; stock = units when any day of the week sold out (the week is censored), else
    // units + what was left at the end of the week.
    void forEachRow(const std::function<bool(const SalesRow&)>& fn) const;

private:
    void buildCalendar();
    void buildPlans();
    double calendarAt(int category, DayNumber day) const;

    MarketConfig m_config;
    std::vector<CategoryTruth> m_categories;
    std::vector<ProductTruth> m_products;
    std::vector<Campaign> m_campaigns;
    std::vector<std::vector<Promotion>> m_plans; // per product
    std::vector<double> m_calendar;              // calendarFactor per category x history day
    double m_middleDay = 0.0;                    // trend is 1 here
};

} // namespace fp::synth
