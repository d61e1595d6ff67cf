#include "data/calendar.h"
#include "synth/demofiles.h"
#include "synth/market.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

using namespace fp;
using namespace fp::synth;

namespace {

MarketConfig smallConfig(int products = 60, int days = 400)
{
    MarketConfig config;
    config.products = products;
    config.days = days;
    return config;
}

std::vector<SalesRow> collect(const Market& market)
{
    std::vector<SalesRow> rows;
    rows.reserve(static_cast<std::size_t>(market.rowCount()));
    market.forEachRow([&](const SalesRow& row) {
        rows.push_back(row);
        return true;
    });
    return rows;
}

std::string csvOf(const Market& market)
{
    std::ostringstream out;
    writeSalesCsv(market, out);
    return out.str();
}

std::vector<std::string> split(const std::string& line)
{
    std::vector<std::string> fields;
    std::stringstream in(line);
    std::string field;
    while (std::getline(in, field, ','))
        fields.push_back(field);
    if (!line.empty() && line.back() == ',')
        fields.emplace_back();
    return fields;
}

// Unique per process, so that concurrent runs of the suite do not share files.
std::filesystem::path tempPath(const std::string& name)
{
    static const std::string run =
        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    return std::filesystem::path(::testing::TempDir()) / ("flashplan_synth_" + run + "_" + name);
}

std::vector<std::string> readLines(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// Everything a row says, exactly, to compare rows produced in different orders.
std::string describe(const SalesRow& r)
{
    std::ostringstream out;
    out.precision(17);
    out << r.day << ' ' << r.product << ' ' << r.units << ' ' << r.price << ' ' << r.stock << ' '
        << r.views << ' ' << r.event << ' ' << r.demand << ' ' << r.expectedDemand << ' '
        << r.eventShock << ' ' << r.soldOut << ' ' << r.dayInEvent;
    return out.str();
}

double soldOutShare(double intensity)
{
    MarketConfig config = smallConfig(120, 730);
    config.stockoutIntensity = intensity;
    const Market market(config);
    std::int64_t soldOut = 0;
    market.forEachRow([&](const SalesRow& r) {
        soldOut += r.soldOut ? 1 : 0;
        return true;
    });
    return static_cast<double>(soldOut) / static_cast<double>(market.rowCount());
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Determinism

TEST(MarketDeterminism, SameSeedGivesIdenticalCsvBytes)
{
    const std::string a = csvOf(Market(smallConfig()));
    const std::string b = csvOf(Market(smallConfig()));
    EXPECT_GT(a.size(), 100000u);
    EXPECT_EQ(a, b);
}

TEST(MarketDeterminism, DifferentSeedGivesDifferentData)
{
    MarketConfig other = smallConfig();
    other.seed += 1;
    const Market a(smallConfig());
    const Market b(other);
    EXPECT_NE(csvOf(a), csvOf(b));
    EXPECT_NE(a.products()[0].elasticity, b.products()[0].elasticity);
}

TEST(MarketDeterminism, ByDateAndBySkuProduceTheSameRows)
{
    MarketConfig byDate = smallConfig(40, 300);
    MarketConfig bySku = byDate;
    bySku.order = MarketConfig::Order::BySku;
    const Market dateMarket(byDate);
    const Market skuMarket(bySku);
    const std::vector<SalesRow> dateRows = collect(dateMarket);
    const std::vector<SalesRow> skuRows = collect(skuMarket);
    ASSERT_EQ(dateRows.size(), 40u * 300u);
    ASSERT_EQ(dateRows.size(), skuRows.size());
    for (std::size_t i = 1; i < dateRows.size(); ++i) {
        ASSERT_LE(dateRows[i - 1].day, dateRows[i].day);
        ASSERT_LE(skuRows[i - 1].product, skuRows[i].product);
    }
    std::vector<std::string> a;
    std::vector<std::string> b;
    for (const SalesRow& r : dateRows)
        a.push_back(describe(r));
    for (const SalesRow& r : skuRows)
        b.push_back(describe(r));
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    EXPECT_EQ(a, b);
}

TEST(MarketDeterminism, AProductDoesNotDependOnHowManyOthersThereAre)
{
    const Market few(smallConfig(12, 200));
    const Market many(smallConfig(300, 200));
    for (int p = 0; p < 12; ++p) {
        EXPECT_EQ(few.products()[p].sku, many.products()[p].sku);
        EXPECT_EQ(few.products()[p].elasticity, many.products()[p].elasticity);
        EXPECT_EQ(few.promotions(p).size(), many.promotions(p).size());
    }
    std::vector<std::string> a;
    std::vector<std::string> b;
    few.forEachRow([&](const SalesRow& r) {
        a.push_back(describe(r));
        return true;
    });
    many.forEachRow([&](const SalesRow& r) {
        if (r.product < 12)
            b.push_back(describe(r));
        return true;
    });
    EXPECT_EQ(a, b);
}

TEST(MarketDeterminism, ForEachRowStopsWhenTheCallbackSaysSo)
{
    const Market market(smallConfig());
    int seen = 0;
    market.forEachRow([&](const SalesRow&) { return ++seen < 10; });
    EXPECT_EQ(seen, 10);
}

TEST(MarketConfigCheck, RejectsValuesOutsideTheirRange)
{
    MarketConfig config = smallConfig();
    config.products = 0;
    EXPECT_THROW(Market{config}, FlashPlanError);
    config = smallConfig();
    config.categories = 13;
    EXPECT_THROW(Market{config}, FlashPlanError);
    config = smallConfig();
    config.stockoutIntensity = -1.0;
    EXPECT_THROW(Market{config}, FlashPlanError);
}

// ---------------------------------------------------------------------------------------------
// Catalogue

TEST(MarketCatalogue, ProductsArePlausibleAndSkusUnique)
{
    const Market market(smallConfig(600, 30));
    std::set<std::string> skus;
    std::set<std::string> categories;
    int slow = 0;
    int fast = 0;
    for (const ProductTruth& t : market.products()) {
        EXPECT_TRUE(skus.insert(t.sku).second) << t.sku;
        categories.insert(t.category);
        EXPECT_EQ(t.sku.size(), 7u) << t.sku; // "SH-0001"
        EXPECT_EQ(t.sku[2], '-');
        EXPECT_EQ(t.name.find_first_of(",\"\n"), std::string::npos) << t.name;
        EXPECT_FALSE(t.name.empty());
        EXPECT_GE(t.unitCost, 0.35 * t.listPrice - 0.005) << t.sku;
        EXPECT_LE(t.unitCost, 0.70 * t.listPrice + 0.005) << t.sku;
        EXPECT_NEAR(t.listPrice * 100.0, std::round(t.listPrice * 100.0), 1e-6);
        EXPECT_GE(t.elasticity, 1.0);
        EXPECT_LE(t.elasticity, 4.0);
        slow += t.baseLevel < 0.3 ? 1 : 0;
        fast += t.baseLevel > 10.0 ? 1 : 0;
    }
    EXPECT_EQ(categories,
              (std::set<std::string>{"Shoes", "Electronics", "Beauty", "Home", "Toys", "Apparel"}));
    EXPECT_GT(slow, 30); // slow movers with many zero days
    EXPECT_GT(fast, 10); // and products selling tens a day
    EXPECT_EQ(market.products()[0].sku, "SH-0001");
    EXPECT_EQ(market.products()[7].sku, "EL-0002");
}

// ---------------------------------------------------------------------------------------------
// The truth functions

TEST(MarketTruth, DiscountMultiplierIsMonotoneForEveryProduct)
{
    const Market market(smallConfig(300, 30));
    for (int p = 0; p < 300; ++p) {
        double previous = market.discountMultiplier(p, 0.0);
        EXPECT_DOUBLE_EQ(previous, 1.0);
        for (int i = 1; i <= 180; ++i) {
            const double m = market.discountMultiplier(p, i * 0.005);
            ASSERT_GE(m, previous) << "product " << p << " at " << i * 0.005;
            previous = m;
        }
    }
}

TEST(MarketTruth, ElasticityIsTheLogLogSlopeUpToHalfOff)
{
    const Market market(smallConfig(50, 30));
    for (int p = 0; p < 50; ++p) {
        const ProductTruth& t = market.products()[p];
        EXPECT_NEAR(market.discountMultiplier(p, 0.2), std::pow(0.8, -t.elasticity), 1e-12);
        // 1% lower price -> about elasticity% more units.
        const double slope =
            std::log(market.discountMultiplier(p, 0.31) / market.discountMultiplier(p, 0.29)) /
            std::log(0.69 / 0.71);
        EXPECT_NEAR(-slope, t.elasticity, 1e-9);
        // Past 50% the threshold bonus adds at most thresholdLift.
        EXPECT_NEAR(market.discountMultiplier(p, 0.8),
                    std::pow(0.2, -t.elasticity) * (1.0 + t.thresholdLift), 1e-9);
    }
}

TEST(MarketTruth, RowExpectedDemandIsTheTruthFunctionAtThePriceCharged)
{
    const Market market(smallConfig(60, 400));
    int featured = 0;
    market.forEachRow([&](const SalesRow& r) {
        const double truth = market.expectedDemand(r.product, r.day, 1.0 - r.price / r.listPrice,
                                                   r.featured, std::max(0, r.dayInEvent));
        EXPECT_DOUBLE_EQ(r.expectedDemand, truth);
        featured += r.featured ? 1 : 0;
        return !HasFailure();
    });
    EXPECT_GT(featured, 100);
}

TEST(MarketTruth, FeaturedLiftIsStrongestOnTheFirstDayAndFades)
{
    const Market market(smallConfig(40, 30));
    const DayNumber day = daysFromCivil(2027, 3, 3);
    for (int p = 0; p < 40; ++p) {
        const double plain = market.expectedDemand(p, day, 0.3);
        const double first = market.expectedDemand(p, day, 0.3, true, 0);
        const double second = market.expectedDemand(p, day, 0.3, true, 1);
        const double third = market.expectedDemand(p, day, 0.3, true, 2);
        EXPECT_GT(first, second);
        EXPECT_GT(second, third);
        EXPECT_GT(third, plain);
        EXPECT_NEAR(first / plain, 1.0 + market.products()[p].featuredLift, 1e-12);
    }
}

TEST(MarketTruth, DemandDipsAfterAFlashSaleAndRecoversWithinAWeek)
{
    const Market market(smallConfig(60, 730));
    int events = 0;
    for (int p = 0; p < 60; ++p) {
        for (const Promotion& e : market.promotions(p)) {
            if (!e.isEvent())
                continue;
            ++events;
            const DayNumber last = e.start + e.days - 1;
            EXPECT_DOUBLE_EQ(market.postEventFactor(p, e.start), 1.0);
            EXPECT_DOUBLE_EQ(market.postEventFactor(p, last), 1.0);
            double previous = market.postEventFactor(p, last + 1);
            EXPECT_LT(previous, 1.0);
            for (int j = 2; j <= 7; ++j) {
                const double f = market.postEventFactor(p, last + j);
                EXPECT_GT(f, previous);
                previous = f;
            }
            EXPECT_DOUBLE_EQ(market.postEventFactor(p, last + 8), 1.0);
        }
    }
    EXPECT_GT(events, 300);
}

TEST(MarketTruth, ShoppingHolidaysLiftEveryCategory)
{
    EXPECT_EQ(holidayLift(daysFromCivil(2025, 3, 4)), 0.0);
    EXPECT_GT(holidayLift(daysFromCivil(2025, 11, 11)), 1.0);
    EXPECT_GT(holidayLift(data::blackFridayOf(2025)), 0.5);
    EXPECT_GT(holidayLift(data::blackFridayOf(2025) + 3), 0.5); // Cyber Monday
    EXPECT_GT(holidayLift(daysFromCivil(2025, 12, 12)), 0.5);
    EXPECT_GT(holidayLift(daysFromCivil(2025, 12, 20)), 0.2);
    EXPECT_GT(holidayLift(daysFromCivil(2026, 1, 1)), 0.2);
    const Market market(smallConfig(6, 30));
    for (int c = 0; c < 6; ++c) {
        // Same weekday one week apart, so only the holiday differs (season moves little).
        const double singlesDay = market.calendarFactor(c, daysFromCivil(2025, 11, 11));
        const double weekBefore = market.calendarFactor(c, daysFromCivil(2025, 11, 4));
        EXPECT_GT(singlesDay / weekBefore, 1.4) << market.categories()[c].name;
    }
}

TEST(MarketTruth, WindowTruthSumsTheFeaturedDays)
{
    const Market market(smallConfig(10, 730));
    const DayNumber start = kDemoCampaignStart;
    for (int p = 0; p < 10; ++p) {
        const double total = market.expectedDemand(p, start, 0.4, true, 0) +
                             market.expectedDemand(p, start + 1, 0.4, true, 1) +
                             market.expectedDemand(p, start + 2, 0.4, true, 2);
        EXPECT_NEAR(market.expectedWindowDemand(p, start, 3, 0.4), total, 1e-9 * total);
        EXPECT_GT(market.expectedWindowDemand(p, start, 3, 0.5),
                  market.expectedWindowDemand(p, start, 3, 0.4));
        // Shared shock: the window varies more than independent negative binomial days would.
        const ProductTruth& t = market.products()[p];
        double independent = 0.0;
        for (int k = 0; k < 3; ++k) {
            const double mu = market.expectedDemand(p, start + k, 0.4, true, k);
            independent += mu + mu * mu / t.dispersion;
        }
        EXPECT_GT(market.windowDemandVariance(p, start, 3, 0.4), independent * 1.05);
    }
}

TEST(MarketTruth, ExpectedWindowSalesIsCappedByStockAndTendsToDemand)
{
    const Market market(smallConfig(10, 730));
    const DayNumber start = kDemoCampaignStart;
    for (int p = 0; p < 10; ++p) {
        const double demand = market.expectedWindowDemand(p, start, 3, 0.3);
        const double sd = std::sqrt(market.windowDemandVariance(p, start, 3, 0.3));
        const double unlimited = market.expectedWindowSales(p, start, 3, 0.3, 1e12);
        EXPECT_NEAR(unlimited, demand, 5.0 * sd / std::sqrt(4000.0)) << p;
        double previous = 0.0;
        for (double stock : {0.25 * demand, 0.5 * demand, demand, 2.0 * demand}) {
            const double sales = market.expectedWindowSales(p, start, 3, 0.3, stock);
            EXPECT_LE(sales, stock + 1e-9);
            EXPECT_LE(sales, unlimited + 1e-9);
            EXPECT_GE(sales, previous);
            previous = sales;
        }
        EXPECT_LT(market.expectedWindowSales(p, start, 3, 0.3, demand), 0.99 * demand);
        // Deterministic: the same stream every time.
        EXPECT_EQ(market.expectedWindowSales(p, start, 3, 0.3, demand),
                  market.expectedWindowSales(p, start, 3, 0.3, demand));
    }
}

// ---------------------------------------------------------------------------------------------
// The draws follow the truth

TEST(MarketSampling, RealizedDemandAveragesToTheExpectedDemand)
{
    const Market market(smallConfig(400, 730));
    double deviation = 0.0;
    double variance = 0.0;
    double expected = 0.0;
    double realized = 0.0;
    double squares = 0.0; // rows with moderate means: a stable check of the dispersion
    double predicted = 0.0;
    market.forEachRow([&](const SalesRow& r) {
        const ProductTruth& t = market.products()[r.product];
        const double mu = r.expectedDemand * r.eventShock;
        const double v = mu + mu * mu / t.dispersion; // negative binomial given the shock
        deviation += r.demand - mu;
        variance += v;
        expected += mu;
        realized += r.demand;
        if (mu >= 1.0 && mu <= 10.0) {
            squares += (r.demand - mu) * (r.demand - mu);
            predicted += v;
        }
        return true;
    });
    EXPECT_LT(std::abs(deviation / std::sqrt(variance)), 4.0);
    EXPECT_NEAR(realized / expected, 1.0, 0.03);
    EXPECT_NEAR(squares / predicted, 1.0, 0.06); // Poisson noise alone would give ~0.6
}

TEST(MarketSampling, EventTotalsAreOverdispersedByTheSharedShock)
{
    const Market market(smallConfig(400, 730));
    std::map<std::pair<int, DayNumber>, int> totals;
    market.forEachRow([&](const SalesRow& r) {
        if (r.featured)
            totals[{r.product, r.day - r.dayInEvent}] += r.demand;
        return true;
    });
    double z2 = 0.0;
    double shockSum = 0.0;
    double shockZ2 = 0.0;
    int n = 0;
    for (int p = 0; p < 400; ++p) {
        const ProductTruth& t = market.products()[p];
        for (const Promotion& e : market.promotions(p)) {
            if (!e.isEvent())
                continue;
            const double d = 1.0 - e.price / t.listPrice;
            const double mu = market.expectedWindowDemand(p, e.start, e.days, d);
            const double v = market.windowDemandVariance(p, e.start, e.days, d);
            const double w = totals[{p, e.start}];
            z2 += (w - mu) * (w - mu) / v;
            shockSum += e.shock;
            shockZ2 += (e.shock - 1.0) * (e.shock - 1.0) * t.eventShockShape;
            ++n;
        }
    }
    ASSERT_GT(n, 3000);
    EXPECT_NEAR(z2 / n, 1.0, 0.1);
    EXPECT_NEAR(shockSum / n, 1.0, 4.0 * 0.5 / std::sqrt(n)); // mean-1 shocks
    EXPECT_NEAR(shockZ2 / n, 1.0, 0.15);                      // with variance 1 / shape
}

TEST(MarketSampling, RealizedDemandFollowsTheTrueElasticity)
{
    // Fit one scale s on event days (10-50% off): sum D = sum x (1 - d)^(-s e). s = 1 if the
    // generator applies the documented price response, 0 if it ignored the price.
    const Market market(smallConfig(300, 730));
    struct Obs
    {
        double x, logPrice, e;
    };
    std::vector<Obs> obs;
    double demand = 0.0;
    market.forEachRow([&](const SalesRow& r) {
        if (r.featured && r.discount <= 0.5) {
            const double x =
                market.expectedDemand(r.product, r.day, 0.0, true, r.dayInEvent) * r.eventShock;
            obs.push_back({x, std::log(1.0 - r.discount), market.products()[r.product].elasticity});
            demand += r.demand;
        }
        return true;
    });
    ASSERT_GT(obs.size(), 2000u);
    double lo = 0.0;
    double hi = 2.0;
    for (int i = 0; i < 60; ++i) {
        const double s = 0.5 * (lo + hi);
        double predicted = 0.0;
        for (const Obs& o : obs)
            predicted += o.x * std::exp(-s * o.e * o.logPrice);
        (predicted < demand ? lo : hi) = s;
    }
    EXPECT_NEAR(0.5 * (lo + hi), 1.0, 0.05);
}

// ---------------------------------------------------------------------------------------------
// Stock and censoring

TEST(MarketStock, UnitsAreDemandCappedByStock)
{
    MarketConfig config = smallConfig(100, 730);
    config.stockoutIntensity = 3.0;
    const Market market(config);
    int soldOut = 0;
    int zeroStock = 0;
    market.forEachRow([&](const SalesRow& r) {
        EXPECT_GE(r.stock, 0);
        EXPECT_LE(r.units, r.stock);
        EXPECT_EQ(r.units, std::min(r.demand, r.stock));
        EXPECT_EQ(r.soldOut, r.units == r.stock);
        soldOut += r.soldOut ? 1 : 0;
        zeroStock += r.stock == 0 ? 1 : 0;
        return !HasFailure();
    });
    EXPECT_GT(soldOut, 1000);
    EXPECT_GT(zeroStock, 100); // out-of-stock days: sold out with 0 units
}

TEST(MarketStock, StockoutIntensityControlsSoldOutDays)
{
    const double none = soldOutShare(0.0);
    const double realistic = soldOutShare(1.0);
    const double heavy = soldOutShare(3.0);
    EXPECT_EQ(none, 0.0);
    EXPECT_GT(realistic, 0.005);
    EXPECT_LT(realistic, 0.05);
    EXPECT_GT(heavy, 3.0 * realistic);
}

TEST(MarketStock, HeavyStockoutsHideDemandOnSoldOutDays)
{
    MarketConfig config = smallConfig(200, 730);
    config.stockoutIntensity = 3.0;
    const Market market(config);
    double units = 0.0;
    double demand = 0.0;
    int tightEvents = 0;
    int events = 0;
    market.forEachRow([&](const SalesRow& r) {
        if (r.soldOut) {
            units += r.units;
            demand += r.demand;
        }
        return true;
    });
    for (int p = 0; p < 200; ++p)
        for (const Promotion& e : market.promotions(p))
            if (e.isEvent()) {
                ++events;
                tightEvents += e.tightStock ? 1 : 0;
            }
    EXPECT_LT(units, 0.7 * demand); // units understate demand where stock ran out
    EXPECT_GT(tightEvents, events / 2);
}

TEST(MarketStock, AnEventSellsFromOneAllocationAcrossItsDays)
{
    MarketConfig config = smallConfig(80, 730);
    config.order = MarketConfig::Order::BySku;
    const Market market(config);
    SalesRow last;
    int checked = 0;
    market.forEachRow([&](const SalesRow& r) {
        if (r.featured && r.dayInEvent == 0) {
            const Promotion* e = nullptr;
            for (const Promotion& candidate : market.promotions(r.product))
                if (candidate.start == r.day)
                    e = &candidate;
            EXPECT_NE(e, nullptr);
            if (e) {
                EXPECT_EQ(r.stock, e->eventStock);
            }
        }
        if (r.featured && r.dayInEvent > 0) { // BySku: `last` is the event's previous day
            EXPECT_EQ(r.stock, last.stock - last.units);
            ++checked;
        }
        last = r;
        return !HasFailure();
    });
    EXPECT_GT(checked, 200);
}

// ---------------------------------------------------------------------------------------------
// Events and discounts

TEST(MarketEvents, LastOneToThreeDaysAtTenToSeventyPercentOff)
{
    const Market market(smallConfig(200, 730));
    std::set<int> lengths;
    for (int p = 0; p < 200; ++p) {
        const ProductTruth& t = market.products()[p];
        const std::vector<Promotion>& plan = market.promotions(p);
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const Promotion& e = plan[i];
            const double effective = 1.0 - e.price / t.listPrice;
            EXPECT_GE(e.start, market.firstDay());
            EXPECT_LE(e.start + e.days, market.endDay());
            if (i > 0) { // no overlaps
                EXPECT_GE(e.start, plan[i - 1].start + plan[i - 1].days);
            }
            if (e.isEvent()) {
                lengths.insert(e.days);
                EXPECT_GE(effective, 0.095);
                EXPECT_LE(effective, 0.705);
                EXPECT_EQ(market.campaigns()[e.campaign].start, e.start);
                EXPECT_EQ(market.campaigns()[e.campaign].days, e.days);
            } else {
                EXPECT_GE(effective, 0.045);
                EXPECT_LE(effective, 0.205);
            }
        }
    }
    EXPECT_EQ(lengths, (std::set<int>{1, 2, 3}));
}

TEST(MarketEvents, RatePerProductYearFollowsTheConfig)
{
    for (double rate : {2.0, 6.0, 10.0}) {
        MarketConfig config = smallConfig(600, 730);
        config.eventsPerProductYear = rate;
        const Market market(config);
        int events = 0;
        for (int p = 0; p < 600; ++p)
            for (const Promotion& e : market.promotions(p))
                events += e.isEvent() ? 1 : 0;
        EXPECT_NEAR(events / 600.0 / 2.0, rate, 0.12 * rate) << rate;
    }
}

TEST(MarketEvents, ConcentrateAroundShoppingHolidays)
{
    const Market market(smallConfig(600, 730));
    int events = 0;
    int novemberDecember = 0;
    for (int p = 0; p < 600; ++p)
        for (const Promotion& e : market.promotions(p))
            if (e.isEvent()) {
                ++events;
                novemberDecember += civilFromDays(e.start).month >= 11 ? 1 : 0;
            }
    EXPECT_GT(novemberDecember, 1.4 * events * 2.0 / 12.0);
    EXPECT_LT(novemberDecember, 0.6 * events); // but not only
    std::set<std::string> ids;
    for (const Campaign& c : market.campaigns())
        EXPECT_TRUE(ids.insert(c.id).second) << c.id; // one id per campaign
    EXPECT_TRUE(ids.count("FS-2025-11-11"));
    EXPECT_TRUE(ids.count("FS-2025-11-28")); // Black Friday
}

// ---------------------------------------------------------------------------------------------
// Weekly rows

TEST(MarketWeekly, RowsAreSevenDaysApartAndSumTheDays)
{
    MarketConfig daily = smallConfig(30, 365);
    daily.order = MarketConfig::Order::BySku;
    MarketConfig weekly = daily;
    weekly.weekly = true;
    const Market dailyMarket(daily);
    const Market weeklyMarket(weekly);
    const std::vector<SalesRow> days = collect(dailyMarket);
    const std::vector<SalesRow> weeks = collect(weeklyMarket);
    ASSERT_EQ(weeks.size(), 30u * 52u); // the incomplete 53rd week is dropped
    const int weekday = weekdayOf(daily.firstDay);
    int censored = 0;
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const SalesRow& w = weeks[i];
        EXPECT_EQ(weekdayOf(w.day), weekday);
        if (i > 0 && weeks[i - 1].product == w.product) {
            EXPECT_EQ(w.day - weeks[i - 1].day, 7);
        }
        const std::size_t first =
            static_cast<std::size_t>(w.product) * 365 + (w.day - daily.firstDay);
        int units = 0;
        double revenue = 0.0;
        bool soldOut = false;
        bool event = false;
        for (std::size_t k = first; k < first + 7; ++k) {
            units += days[k].units;
            revenue += days[k].units * days[k].price;
            soldOut = soldOut || days[k].soldOut;
            event = event || !days[k].event.empty();
        }
        EXPECT_EQ(w.units, units);
        EXPECT_EQ(w.soldOut, soldOut);
        EXPECT_EQ(w.soldOut, w.units == w.stock);
        EXPECT_LE(w.units, w.stock);
        EXPECT_EQ(!w.event.empty(), event);
        if (units > 0) {
            EXPECT_NEAR(w.price, revenue / units, 0.005 + 1e-9);
        }
        censored += w.soldOut ? 1 : 0;
    }
    EXPECT_GT(censored, 0);
}

// ---------------------------------------------------------------------------------------------
// Files

TEST(SalesCsv, HeaderFollowsTheDataContractAndDropsColumnsTurnedOff)
{
    MarketConfig config = smallConfig(3, 5);
    std::string csv = csvOf(Market(config));
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "date,sku,name,category,units,price,list_price,unit_cost,stock,views,event");
    config.withNameCategory = false;
    config.withCost = false;
    config.withViews = false;
    csv = csvOf(Market(config));
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "date,sku,units,price,list_price,stock,event");
    std::istringstream in(csv);
    std::string line;
    int lines = 0;
    while (std::getline(in, line)) {
        EXPECT_EQ(split(line).size(), 7u) << line;
        ++lines;
    }
    EXPECT_EQ(lines, 1 + 3 * 5);
}

TEST(SalesCsv, RowsMatchTheGeneratedValuesWithCentsAndIntegers)
{
    const Market market(smallConfig(5, 60));
    const std::vector<SalesRow> rows = collect(market);
    std::istringstream in(csvOf(market));
    std::string line;
    std::getline(in, line);
    for (const SalesRow& r : rows) {
        ASSERT_TRUE(std::getline(in, line));
        const std::vector<std::string> f = split(line);
        ASSERT_EQ(f.size(), 11u) << line;
        const ProductTruth& t = market.products()[r.product];
        EXPECT_EQ(f[0], formatIsoDate(r.day));
        EXPECT_EQ(f[1], t.sku);
        EXPECT_EQ(f[2], t.name);
        EXPECT_EQ(f[3], t.category);
        EXPECT_EQ(f[4], std::to_string(r.units));
        EXPECT_EQ(f[5].size() - f[5].find('.'), 3u) << f[5]; // two decimals
        EXPECT_NEAR(std::stod(f[5]), r.price, 1e-9);
        EXPECT_NEAR(std::stod(f[6]), t.listPrice, 1e-9);
        EXPECT_NEAR(std::stod(f[7]), t.unitCost, 1e-9);
        EXPECT_EQ(f[8], std::to_string(r.stock));
        EXPECT_EQ(f[9], std::to_string(r.views));
        EXPECT_EQ(f[10], std::string(r.event));
    }
    EXPECT_FALSE(std::getline(in, line));
}

TEST(SalesCsv, FileWriterReportsProgressAndRemovesTheFileWhenCancelled)
{
    const Market market(smallConfig(200, 400)); // 80,000 rows: progress fires more than once
    const std::filesystem::path path = tempPath("cancel.csv");
    int calls = 0;
    EXPECT_THROW(writeSalesCsv(market, path.string(),
                               [&](std::int64_t done, std::int64_t total) {
                                   EXPECT_EQ(total, 80000);
                                   EXPECT_LT(done, total);
                                   return ++calls < 1;
                               }),
                 Cancelled);
    EXPECT_FALSE(std::filesystem::exists(path));

    std::int64_t last = 0;
    writeSalesCsv(market, path.string(), [&](std::int64_t done, std::int64_t) {
        last = done;
        return true;
    });
    EXPECT_EQ(last, 80000);
    EXPECT_EQ(readLines(path).size(), 80001u);
    std::filesystem::remove(path);
}

TEST(SalesCsv, FileWriterNamesThePathItCannotWrite)
{
    const Market market(smallConfig(2, 2));
    try {
        writeSalesCsv(market, "/nonexistent-dir/x/sales.csv");
        ADD_FAILURE() << "no error";
    } catch (const FlashPlanError& e) {
        EXPECT_EQ(e.problem().kind, ProblemKind::CannotWriteFile);
        EXPECT_EQ(e.problem().args.at(0), "/nonexistent-dir/x/sales.csv");
        EXPECT_EQ(std::string(e.what()),
                  "cannot write /nonexistent-dir/x/sales.csv: No such file or directory; check "
                  "that the folder exists, is writable and has free space");
    }
}

TEST(CampaignCsv, MixesStockTightnessAcrossCategories)
{
    const Market market(demoMarketConfig());
    const std::vector<CampaignProduct> items =
        campaignProducts(market, kDemoCampaignStart, kDemoCampaignDays, 30);
    ASSERT_EQ(items.size(), 30u);
    std::set<int> categories;
    int tight = 0;
    int ample = 0;
    for (const CampaignProduct& item : items) {
        categories.insert(market.products()[item.product].categoryIndex);
        const double expected =
            market.expectedWindowDemand(item.product, kDemoCampaignStart, kDemoCampaignDays, 0.3);
        tight += item.stock < 0.7 * expected ? 1 : 0;
        ample += item.stock > 2.0 * expected ? 1 : 0;
        EXPECT_GE(item.stock, 1);
        EXPECT_LE(item.minDiscount, item.maxDiscount);
        EXPECT_LE(item.maxDiscount, 0.7);
    }
    EXPECT_EQ(categories.size(), 6u);
    EXPECT_GE(tight, 5);
    EXPECT_GE(ample, 5);
    EXPECT_EQ(campaignProducts(market, kDemoCampaignStart, 3, 500).size(), 150u);
}

TEST(DemoFiles, WriteTwoYearsOfHistoryAndAnElevenElevenCampaign)
{
    const std::filesystem::path dir = tempPath("demo");
    std::filesystem::remove_all(dir);
    writeDemoFiles(dir.string());

    const std::vector<std::string> sales = readLines(dir / "sales.csv");
    ASSERT_FALSE(sales.empty());
    EXPECT_EQ(sales[0],
              "date,sku,name,category,units,price,list_price,unit_cost,stock,views,event");
    EXPECT_EQ(sales.size(), 1u + 150u * 730u);

    std::map<std::string, int> rowsPerSku;
    std::set<std::string> categories;
    std::map<std::pair<std::string, std::string>, std::vector<DayNumber>> eventDays;
    std::string firstDate = "9999";
    std::string lastDate;
    int zeroUnits = 0;
    int soldOut = 0;
    for (std::size_t i = 1; i < sales.size(); ++i) {
        const std::vector<std::string> f = split(sales[i]);
        ASSERT_EQ(f.size(), 11u) << sales[i];
        ++rowsPerSku[f[1]];
        categories.insert(f[3]);
        firstDate = std::min(firstDate, f[0]);
        lastDate = std::max(lastDate, f[0]);
        zeroUnits += f[4] == "0" ? 1 : 0;
        soldOut += f[4] == f[8] ? 1 : 0;
        if (!f[10].empty()) {
            const double discount = 1.0 - std::stod(f[5]) / std::stod(f[6]);
            EXPECT_GE(discount, 0.095) << sales[i];
            EXPECT_LE(discount, 0.705) << sales[i];
            eventDays[{f[1], f[10]}].push_back(*parseIsoDate(f[0]));
        }
    }
    EXPECT_EQ(rowsPerSku.size(), 150u);
    for (const auto& [sku, count] : rowsPerSku)
        EXPECT_EQ(count, 730) << sku;
    EXPECT_EQ(categories.size(), 6u);
    EXPECT_EQ(firstDate, "2024-11-11");
    EXPECT_EQ(lastDate, "2026-11-10"); // the day before the campaign
    EXPECT_GT(zeroUnits, 5000);
    EXPECT_GT(soldOut, 200);
    EXPECT_GT(eventDays.size(), 150u * 8u); // several events per product and year
    for (const auto& [key, days] : eventDays) {
        EXPECT_GE(days.size(), 1u);
        EXPECT_LE(days.size(), 3u) << key.first << " " << key.second;
        EXPECT_EQ(days.back() - days.front() + 1, static_cast<int>(days.size())); // consecutive
    }

    const std::vector<std::string> campaign = readLines(dir / "campaign.csv");
    ASSERT_EQ(campaign.size(), 31u);
    EXPECT_EQ(campaign[0], "sku,stock,unit_cost,list_price,min_discount,max_discount");
    for (std::size_t i = 1; i < campaign.size(); ++i) {
        const std::vector<std::string> f = split(campaign[i]);
        ASSERT_EQ(f.size(), 6u) << campaign[i];
        EXPECT_TRUE(rowsPerSku.count(f[0])) << f[0];
        EXPECT_GE(std::stoi(f[1]), 1);
        EXPECT_GT(std::stod(f[3]), std::stod(f[2]));
        EXPECT_LE(std::stod(f[4]), std::stod(f[5]));
        EXPECT_LE(std::stod(f[5]), 1.0);
    }
    std::filesystem::remove_all(dir);
}

TEST(DemoFiles, FailWithAMessageWhenTheFolderCannotBeCreated)
{
    const std::filesystem::path file = tempPath("not_a_dir");
    std::ofstream(file) << "x";
    try {
        writeDemoFiles((file / "demo").string());
        ADD_FAILURE() << "no error";
    } catch (const FlashPlanError& e) {
        EXPECT_EQ(e.problem().kind, ProblemKind::CannotCreateFolder);
        EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos) << e.what();
    }
    std::filesystem::remove(file);
}
