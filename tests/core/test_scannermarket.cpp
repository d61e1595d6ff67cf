// The second synthetic family (core/synth/scannermarket.h) against its own documented truth.
#include "io/salesimporter.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/discountresponse.h"
#include "synth/scannerfiles.h"
#include "synth/scannermarket.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace fp;
using namespace fp::synth;

namespace {

ScannerConfig smallConfig(int products = 120, int weeks = 156)
{
    ScannerConfig config;
    config.products = products;
    config.weeks = weeks;
    return config;
}

std::vector<SalesRow> collect(const ScannerMarket& market)
{
    std::vector<SalesRow> rows;
    market.forEachRow([&](const SalesRow& row) {
        rows.push_back(row);
        return true;
    });
    return rows;
}

std::string csvOf(const ScannerMarket& market)
{
    std::ostringstream out;
    writeSalesCsv(salesCsvTable(market), out);
    return out.str();
}

std::string headerOf(const ScannerConfig& config)
{
    const std::string csv = csvOf(ScannerMarket(config));
    return csv.substr(0, csv.find('\n'));
}

// d ln multiplier / d(-ln(1 - d)) by central differences.
double numericElasticity(const DiscountResponse& r, double d)
{
    const double h = 1e-5;
    return (std::log(r.multiplier(d + h)) - std::log(r.multiplier(d - h))) /
           (-std::log(1.0 - d - h) + std::log(1.0 - d + h));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Determinism and shape of the rows

TEST(ScannerDeterminism, SameSeedGivesIdenticalCsvBytesAndAnotherSeedOthers)
{
    const std::string a = csvOf(ScannerMarket(smallConfig()));
    EXPECT_GT(a.size(), 200000u);
    EXPECT_EQ(a, csvOf(ScannerMarket(smallConfig())));
    ScannerConfig other = smallConfig();
    other.seed += 1;
    EXPECT_NE(a, csvOf(ScannerMarket(other)));
}

TEST(ScannerDeterminism, AProductDoesNotDependOnHowManyOthersThereAre)
{
    const ScannerMarket small(smallConfig(20));
    const ScannerMarket large(smallConfig(60));
    for (int p = 0; p < 20; ++p) {
        EXPECT_EQ(small.products()[p].baseLevel, large.products()[p].baseLevel);
        EXPECT_EQ(small.promotions(p).size(), large.promotions(p).size());
        EXPECT_EQ(small.listPrices(p).back().price, large.listPrices(p).back().price);
    }
    std::map<std::pair<int, DayNumber>, int> units;
    small.forEachRow([&](const SalesRow& r) {
        units[{r.product, r.day}] = r.units;
        return true;
    });
    int compared = 0;
    large.forEachRow([&](const SalesRow& r) {
        if (r.product < 20) {
            EXPECT_EQ(units.at({r.product, r.day}), r.units);
            ++compared;
        }
        return true;
    });
    EXPECT_EQ(compared, static_cast<int>(units.size()));
}

TEST(ScannerConfigCheck, RejectsValuesOutsideTheirRange)
{
    auto bad = [](auto change) {
        ScannerConfig config = smallConfig(5, 20);
        change(config);
        return config;
    };
    EXPECT_THROW(ScannerMarket(bad([](ScannerConfig& c) { c.products = 0; })), FlashPlanError);
    EXPECT_THROW(ScannerMarket(bad([](ScannerConfig& c) { c.weeks = 0; })), FlashPlanError);
    EXPECT_THROW(ScannerMarket(bad([](ScannerConfig& c) { c.lateEntryShare = 1.5; })),
                 FlashPlanError);
    EXPECT_THROW(ScannerMarket(bad([](ScannerConfig& c) { c.maxHistoryDiscount = 0.99; })),
                 FlashPlanError);
    EXPECT_NO_THROW(ScannerMarket(bad([](ScannerConfig& c) { c.maxHistoryDiscount = 0.5; })));
}

TEST(ScannerRows, OneRowPerProductPerWeekFromItsEntryToTheEnd)
{
    const ScannerMarket market(smallConfig());
    const std::vector<SalesRow> rows = collect(market);
    EXPECT_EQ(static_cast<std::int64_t>(rows.size()), market.rowCount());
    std::map<int, std::vector<DayNumber>> days;
    for (const SalesRow& r : rows) {
        EXPECT_EQ((r.day - market.config().firstDay) % 7, 0);
        days[r.product].push_back(r.day);
    }
    ASSERT_EQ(days.size(), market.products().size());
    for (const auto& [p, list] : days) {
        const ScannerProduct& t = market.products()[p];
        EXPECT_EQ(list.front(), market.weekStart(t.entryWeek)) << t.sku;
        EXPECT_EQ(list.back(), market.weekStart(market.config().weeks - 1)) << t.sku;
        for (std::size_t i = 1; i < list.size(); ++i)
            ASSERT_EQ(list[i] - list[i - 1], 7) << t.sku;
    }
}

TEST(ScannerRows, NoCategoryColumnAndTheOptionalColumnsFollowTheConfig)
{
    EXPECT_EQ(headerOf(smallConfig(5, 20)), "date,sku,units,price,list_price,event");
    ScannerConfig bare = smallConfig(5, 20);
    bare.withListPrice = false;
    bare.stockLimits = true;
    EXPECT_EQ(headerOf(bare), "date,sku,units,price,stock,event");
}

TEST(ScannerRows, ImportAsWeeklyDataWithoutCategories)
{
    test::TempDir dir;
    const ScannerMarket market(smallConfig(40, 60));
    writeSalesCsv(salesCsvTable(market), dir.file("sales.csv"));
    store::Store store(dir.file("p.flashplan"));
    const io::ImportReport report = io::importSalesFile(store, dir.file("sales.csv"));
    ASSERT_TRUE(report.committed);
    EXPECT_EQ(report.periodDays, 7);
    EXPECT_EQ(report.rowsRead, market.rowCount());
    EXPECT_EQ(report.rowsFilled, 0);
    EXPECT_EQ(store.summary().products, 40);
    EXPECT_LE(store.summary().categories, 1);
}

TEST(ScannerRows, AShareOfProductsEntersLateSomeInTheLastWeeks)
{
    const ScannerConfig config = smallConfig(600);
    const ScannerMarket market(config);
    int late = 0;
    int lastWeeks = 0;
    std::set<int> entryWeeks;
    for (const ScannerProduct& t : market.products()) {
        late += t.entryWeek > 0;
        lastWeeks += t.entryWeek >= config.weeks - config.lastEntryWeeks;
        entryWeeks.insert(t.entryWeek);
        if (t.dense) {
            EXPECT_EQ(t.entryWeek, 0);
        }
    }
    // 30% of the 90% that are not dense; 5% of those in the last 8 weeks.
    EXPECT_NEAR(late / 600.0, config.lateEntryShare * (1 - config.denseShare), 0.05);
    EXPECT_NEAR(lastWeeks / 600.0, config.lastWeeksEntryShare * (1 - config.denseShare), 0.025);
    EXPECT_GT(entryWeeks.size(), 60u); // spread over the history, not a few dates
}

// ---------------------------------------------------------------------------------------------
// The truth

TEST(ScannerTruth, RowExpectedDemandIsTheTruthFunctionAtThePriceCharged)
{
    const ScannerMarket market(smallConfig(40));
    for (const SalesRow& r : collect(market)) {
        const int week = market.weekOf(r.day);
        ASSERT_DOUBLE_EQ(r.listPrice, market.listPriceAt(r.product, week));
        ASSERT_DOUBLE_EQ(r.expectedDemand,
                         market.expectedDemand(r.product, week, r.discount, r.featured));
        ASSERT_EQ(r.featured, !r.event.empty());
        if (r.featured) {
            ASSERT_EQ(r.event, market.adId(week));
        }
    }
}

TEST(ScannerTruth, SaturatingResponsesApproachTheirCeiling)
{
    const ScannerMarket market(smallConfig(200));
    int saturating = 0;
    for (const ScannerProduct& t : market.products()) {
        const DiscountResponse& r = t.response;
        if (r.shape != DiscountResponse::Shape::Saturating)
            continue;
        ++saturating;
        double previousGain = 1e9;
        for (double d = 0.05; d <= 0.9 + 1e-9; d += 0.05) {
            const double gain = r.multiplier(d) - r.multiplier(d - 0.05);
            EXPECT_GT(gain, 0.0) << t.sku;
            EXPECT_LT(gain, previousGain) << t.sku << " concave at " << d;
            previousGain = gain;
        }
        EXPECT_LT(r.multiplier(0.99), 1.0 + r.ceiling);
        // 90% off sells at most 15% more than 70% off, where constant elasticity would sell
        // (0.1 / 0.3)^-e, 3x and more.
        EXPECT_LT(r.multiplier(0.9) / r.multiplier(0.7), 1.15) << t.sku;
    }
    EXPECT_GT(saturating, 70);
}

TEST(ScannerTruth, ThresholdResponsesJumpPastTheirDepth)
{
    const ScannerMarket market(smallConfig(200));
    int threshold = 0;
    for (const ScannerProduct& t : market.products()) {
        const DiscountResponse& r = t.response;
        if (r.shape != DiscountResponse::Shape::Threshold)
            continue;
        ++threshold;
        const double below = r.threshold - 3 * r.scale;
        const double above = r.threshold + 3 * r.scale;
        // Little effect below the depth, most of the lift across it.
        EXPECT_LT(std::log(r.multiplier(below)), 0.4 * std::log(r.multiplier(above))) << t.sku;
        for (double d = 0.0; d < 0.95; d += 0.01)
            EXPECT_GE(r.multiplier(d + 0.01), r.multiplier(d)) << t.sku;
        EXPECT_LT(r.multiplier(0.9) / r.multiplier(0.7), 1.25) << t.sku;
    }
    EXPECT_GT(threshold, 70);
}

TEST(ScannerTruth, ElasticityIsTheLogSlopeOfTheMultiplier)
{
    const DiscountResponse saturating = DiscountResponse::saturating(2.7, 0.2);
    EXPECT_NEAR(saturating.arcElasticity(0.3), 2.7, 1e-12);
    const DiscountResponse jump = DiscountResponse::jump(0.4, 0.04, 4.0, 0.8);
    for (double d : {0.05, 0.2, 0.35, 0.4, 0.45, 0.6, 0.8}) {
        EXPECT_NEAR(saturating.elasticity(d), numericElasticity(saturating, d), 1e-5) << d;
        EXPECT_NEAR(jump.elasticity(d), numericElasticity(jump, d), 1e-5) << d;
    }
    EXPECT_DOUBLE_EQ(saturating.multiplier(0.0), 1.0);
    EXPECT_DOUBLE_EQ(jump.multiplier(0.0), 1.0);
}

TEST(ScannerTruth, DemandFollowsTheListPriceWithItsOwnElasticity)
{
    const ScannerMarket market(smallConfig(120));
    int moved = 0;
    for (int p = 0; p < 120; ++p) {
        const ScannerProduct& t = market.products()[p];
        const std::vector<ListPriceChange>& path = market.listPrices(p);
        EXPECT_EQ(path.front().week, t.entryWeek);
        EXPECT_EQ(path.front().price, t.firstListPrice);
        if (path.size() < 2)
            continue;
        ++moved;
        const int week = path[1].week;
        EXPECT_EQ(market.listPriceAt(p, week - 1), path[0].price);
        EXPECT_EQ(market.listPriceAt(p, week), path[1].price);
        EXPECT_NEAR(market.expectedDemand(p, week, 0.0, false) /
                        market.expectedDemand(p, week, 0.0, false, path[0].price),
                    std::pow(path[1].price / path[0].price, -t.priceElasticity), 1e-12);
    }
    EXPECT_GT(moved, 60); // most products' regular price moves at least once in three years
}

TEST(ScannerTruth, PromotionLiftDoesNotFadeAndLeavesNoDip)
{
    const ScannerMarket market(smallConfig(80));
    int multiWeek = 0;
    for (int p = 0; p < 80; ++p) {
        const ScannerProduct& t = market.products()[p];
        for (const ScannerPromotion& promo : market.promotions(p)) {
            std::vector<double> lift;
            for (int w = promo.startWeek; w < promo.startWeek + promo.weeks; ++w)
                lift.push_back(market.expectedDemand(p, w, promo.discount, promo.featured) /
                               market.expectedDemand(p, w, 0.0, false));
            for (double l : lift)
                EXPECT_NEAR(l, lift.front(), 1e-12) << t.sku;
            multiWeek += promo.weeks > 1 && promo.featured;
            const int after = promo.startWeek + promo.weeks;
            if (after < market.config().weeks && !market.promotionAt(p, after)) {
                EXPECT_EQ(market.expectedDemand(p, after, 0.0, false),
                          market.baselineDemand(p, after) *
                              std::pow(market.listPriceAt(p, after) / t.firstListPrice,
                                       -t.priceElasticity));
            }
        }
    }
    EXPECT_GT(multiWeek, 50);
}

TEST(ScannerTruth, SeasonAndTrendDifferByProduct)
{
    const ScannerMarket market(smallConfig(60));
    std::set<int> peakMonths;
    for (int p = 0; p < 60; ++p) {
        const ScannerProduct& t = market.products()[p];
        peakMonths.insert(static_cast<int>(t.seasonPeak / 30.5));
        EXPECT_LE(std::abs(t.trendPerYear), 0.15);
        EXPECT_NEAR(market.trendFactor(p, 0) * market.trendFactor(p, 155), 1.0, 1e-12);
    }
    EXPECT_GE(peakMonths.size(), 8u);
}

TEST(ScannerTruth, DenseProductsHaveVariedPricesAndTheirOwnElasticity)
{
    const ScannerMarket market(smallConfig(300));
    double mean = 0.0;
    for (const ScannerProduct& t : market.products())
        mean += t.priceElasticity / 300.0;
    std::map<int, std::set<double>> prices;
    market.forEachRow([&](const SalesRow& r) {
        prices[r.product].insert(r.price);
        return true;
    });
    int dense = 0;
    for (int p = 0; p < 300; ++p) {
        const ScannerProduct& t = market.products()[p];
        if (!t.dense)
            continue;
        ++dense;
        EXPECT_GE(std::abs(t.priceElasticity - mean), 0.5) << t.sku;
        EXPECT_GE(prices[p].size(), 12u) << t.sku;
        EXPECT_GE(market.listPrices(p).size(), 5u) << t.sku;
        EXPECT_GE(t.baseLevel, 30.0) << t.sku;
    }
    EXPECT_GE(dense, 15);
}

// ---------------------------------------------------------------------------------------------
// Promotions in the history

TEST(ScannerHistory, DiscountsNeverGoDeeperThanTheCap)
{
    for (double cap : {0.7, 0.5}) {
        ScannerConfig config = smallConfig(150);
        config.maxHistoryDiscount = cap;
        double deepest = 0.0;
        std::set<double> depths;
        ScannerMarket(config).forEachRow([&](const SalesRow& r) {
            EXPECT_LE(r.discount, cap + 1e-9);
            EXPECT_GE(r.discount, 0.0);
            deepest = std::max(deepest, r.discount);
            depths.insert(std::round(r.discount * 20) / 20);
            return true;
        });
        EXPECT_GT(deepest, cap - 0.01) << "the cap is reached";
        EXPECT_GE(depths.size(), static_cast<std::size_t>(cap * 20)); // 0, 10%, ..., cap
    }
}

TEST(ScannerHistory, PromotionsLastOneToFourWeeksAndSomeAreFeatured)
{
    const ScannerMarket market(smallConfig(100));
    int featured = 0;
    int total = 0;
    for (int p = 0; p < 100; ++p) {
        const std::vector<ScannerPromotion>& plan = market.promotions(p);
        for (std::size_t i = 0; i < plan.size(); ++i) {
            EXPECT_GE(plan[i].weeks, 1);
            EXPECT_LE(plan[i].weeks, 4);
            EXPECT_GE(plan[i].startWeek, market.products()[p].entryWeek);
            if (i > 0) {
                EXPECT_GT(plan[i].startWeek, plan[i - 1].startWeek + plan[i - 1].weeks);
            }
            featured += plan[i].featured;
            ++total;
        }
    }
    EXPECT_NEAR(static_cast<double>(featured) / total, market.config().featuredShare, 0.05);
}

TEST(ScannerSampling, RealizedDemandAveragesToTheTruthWithNegativeBinomialSpread)
{
    const ScannerMarket market(smallConfig(200));
    double demand = 0.0;
    double expected = 0.0;
    double excess = 0.0; // sum of (D - mu)^2 - mu - mu^2 / r: 0 on average for NB
    double scale = 0.0;
    for (const SalesRow& r : collect(market)) {
        const double mu = r.expectedDemand;
        const double variance = mu + mu * mu / market.products()[r.product].dispersion;
        demand += r.demand;
        expected += mu;
        excess += (r.demand - mu) * (r.demand - mu) - variance;
        scale += variance;
    }
    EXPECT_NEAR(demand / expected, 1.0, 0.01);
    EXPECT_NEAR(excess / scale, 0.0, 0.1);
}

TEST(ScannerStock, LimitsCapUnitsAndSellOutSomePromotionWeeks)
{
    ScannerConfig config = smallConfig(100);
    config.stockLimits = true;
    const ScannerMarket market(config);
    int soldOut = 0;
    int soldOutPromotions = 0;
    for (const SalesRow& r : collect(market)) {
        ASSERT_EQ(r.units, std::min(r.demand, r.stock));
        ASSERT_EQ(r.soldOut, r.units == r.stock);
        soldOut += r.soldOut;
        soldOutPromotions += r.soldOut && r.discount > 0;
    }
    EXPECT_GT(soldOut, 200);
    EXPECT_GT(soldOutPromotions, soldOut / 2);
    // Without limits, units are the demand.
    for (const SalesRow& r : collect(ScannerMarket(smallConfig(10))))
        ASSERT_EQ(r.units, r.demand);
}

// ---------------------------------------------------------------------------------------------
// Campaign, oracle and truth at any prices

TEST(ScannerCampaign, ProductsSellBeforeItWithMixedStockAndDepthsBeyondTheHistory)
{
    const ScannerMarket market(smallConfig(200));
    const int week = 156;
    const std::vector<CampaignProduct> campaign = scannerCampaign(market, week, 60);
    ASSERT_EQ(campaign.size(), 60u);
    int tight = 0;
    int ample = 0;
    int beyond = 0;
    for (const CampaignProduct& item : campaign) {
        EXPECT_LT(market.products()[item.product].entryWeek, week);
        const double demand = market.expectedDemand(item.product, week, 0.3, true);
        tight += item.stock < 0.6 * demand;
        ample += item.stock > 2.0 * demand;
        beyond += item.maxDiscount > market.config().maxHistoryDiscount;
    }
    EXPECT_GE(tight, 10);
    EXPECT_GE(ample, 10);
    EXPECT_EQ(beyond, 20);
    std::ostringstream csv;
    writeCampaignCsv(market, campaign, week, csv);
    EXPECT_EQ(csv.str().substr(0, csv.str().find('\n')),
              "sku,stock,unit_cost,list_price,min_discount,max_discount");
}

TEST(ScannerCampaign, TheOracleBeatsEveryDiscountOfTheLadderUnderTheTruth)
{
    const ScannerMarket market(smallConfig(200));
    const int week = 156;
    const std::vector<CampaignProduct> campaign = scannerCampaign(market, week, 40);
    const std::vector<OracleChoice> oracle = oraclePlan(market, campaign, week);
    ASSERT_EQ(oracle.size(), campaign.size());
    int atTheDeepest = 0;
    for (std::size_t i = 0; i < campaign.size(); ++i) {
        const CampaignProduct& item = campaign[i];
        const double list = market.listPriceAt(item.product, week);
        for (double d = item.minDiscount; d <= item.maxDiscount + 1e-9; d += 0.05) {
            const double units = market.expectedSales(item.product, week, d, true, item.stock);
            EXPECT_LE(list * (1 - d) * units, oracle[i].expectedRevenue * (1 + 1e-12));
        }
        EXPECT_LE(oracle[i].expectedUnits, item.stock);
        atTheDeepest += item.maxDiscount > 0.8 && oracle[i].discount > 0.8;
    }
    // Bounded responses never pay 90% off.
    EXPECT_EQ(atTheDeepest, 0);
}

TEST(ScannerCampaign, ExpectedSalesUnderStockAreAMonteCarloOfTheNegativeBinomial)
{
    const ScannerMarket market(smallConfig(20));
    std::mt19937_64 rng(7);
    for (int p : {0, 3, 7}) {
        const double mu = market.expectedDemand(p, 160, 0.4, true);
        const double r = market.products()[p].dispersion;
        const double stock = std::round(mu);
        std::gamma_distribution<double> gamma(r, 1.0 / r);
        double total = 0;
        const int draws = 200000;
        for (int i = 0; i < draws; ++i) {
            std::poisson_distribution<int> poisson(mu * gamma(rng));
            total += std::min<double>(poisson(rng), stock);
        }
        EXPECT_NEAR(market.expectedSales(p, 160, 0.4, true, stock) / (total / draws), 1.0, 0.01);
        EXPECT_NEAR(market.expectedSales(p, 160, 0.4, true, 1e9) / mu, 1.0, 1e-9);
    }
}

TEST(ScannerCampaign, TruthAtPricesIsTheTruthFunctionAtThosePrices)
{
    const ScannerMarket market(smallConfig(20));
    const int week = 170; // after the history: the last list price holds
    io::PlannedPrice deep;
    deep.day = market.weekStart(week) + 2; // any day of the week
    deep.sku = market.products()[4].sku;
    deep.price = market.listPriceAt(4, week) * 0.1;
    deep.event = true;
    io::PlannedPrice stocked = deep;
    stocked.stock = 3;
    const std::vector<TruthAtPrice> truth = truthAtPrices(market, {deep, stocked});
    EXPECT_NEAR(truth[0].expected, market.expectedDemand(4, week, 0.9, true), 1e-9);
    EXPECT_EQ(truth[0].expectedSales, truth[0].expected);
    EXPECT_NEAR(truth[1].expectedSales, market.expectedSales(4, week, 0.9, true, 3), 1e-9);
    EXPECT_EQ(market.listPriceAt(4, week), market.listPrices(4).back().price);
    io::PlannedPrice unknown = deep;
    unknown.sku = "nope";
    unknown.line = 7;
    try {
        truthAtPrices(market, {unknown});
        ADD_FAILURE() << "no error";
    } catch (const FlashPlanError& e) {
        EXPECT_EQ(e.problem().kind, ProblemKind::SkuNotInMarket);
        EXPECT_EQ(e.problem().line, unknown.line);
        EXPECT_EQ(std::string(e.what()), "line " + std::to_string(unknown.line) +
                                             ": sku 'nope' is not in the synthetic market");
    }
}
