// Issue 13, point 3, against markets whose truth is known: `auto` never keeps the price-blind
// baseline, and demand past the deepest discount the history supports is bounded, never falls
// as the discount deepens, and is forecast with wider intervals.
#include "data/demandcells.h"
#include "io/salesimporter.h"
#include "model/forecaster.h"
#include "model/modelstore.h"
#include "model/trainer.h"
#include "store/store.h"
#include "support/syntheticproject.h"
#include "support/tempdir.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <sstream>

using namespace fp;

namespace {

// --- A market whose history never went past 50% off and whose lift saturates ---

constexpr double kSupportedDepth = 0.5;
constexpr double kDeep = 0.9;

synth::ScannerConfig saturatingMarket()
{
    synth::ScannerConfig config;
    config.seed = 11;
    config.products = 80;
    config.weeks = 104;
    config.maxHistoryDiscount = kSupportedDepth;
    config.saturatingShare = 1.0;
    config.lateEntryShare = 0.0;
    config.lastWeeksEntryShare = 0.0;
    return config;
}

// One product featured in the week after the history at discounts 0, 5%, ... 95%.
struct DepthCurve
{
    std::vector<double> discount;
    std::vector<model::ForecastRow> rows;
    std::vector<double> truth;

    const model::ForecastRow& at(double d) const { return rows[index(d)]; }
    double truthAt(double d) const { return truth[index(d)]; }
    size_t index(double d) const { return static_cast<size_t>(std::lround(d / 0.05)); }
    double relativeWidth(double d) const { return (at(d).upper - at(d).lower) / at(d).forecast; }
};

DepthCurve depthCurve(const test::ScannerProject& project, const model::TrainedModel& trained,
                      int p)
{
    const data::Panel& panel = project.panel();
    const int week = project.market().config().weeks;
    DepthCurve curve;
    for (int step = 0; step <= 19; ++step) {
        const double d = 0.05 * step;
        const data::ScenarioPeriod period{p, panel.dayOf(panel.periodCount()),
                                          static_cast<float>(d), true, std::nanf("")};
        curve.discount.push_back(d);
        curve.rows.push_back(model::forecastPeriods(panel, trained, {period}).front());
        curve.truth.push_back(
            project.market().expectedDemand(project.truthIndex(p), week, d, true));
    }
    return curve;
}

double median(std::vector<double> values)
{
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

} // namespace

TEST(DepthGuardTruth, PastTheSupportedDepthTheForecastIsBoundedMonotoneAndWider)
{
    test::ScannerProject project(saturatingMarket());
    const model::TrainSummary summary = model::trainAndStore(project.store(), {});
    const model::TrainedModel trained = model::requireActiveModel(project.store());
    ASSERT_EQ(trained.supportedDepth.size(), static_cast<size_t>(project.panel().productCount()));
    for (float depth : trained.supportedDepth)
        ASSERT_FLOAT_EQ(depth, kSupportedDepth);
    std::vector<double> deepRatio, deepWidth, supportedWidth;
    int falls = 0, extrapolated = 0;
    for (int p = 0; p < project.panel().productCount(); ++p) {
        const DepthCurve curve = depthCurve(project, trained, p);
        deepRatio.push_back(curve.at(kDeep).forecast / curve.truthAt(kDeep));
        deepWidth.push_back(curve.relativeWidth(kDeep));
        supportedWidth.push_back(curve.relativeWidth(kSupportedDepth));
        for (size_t i = 1; i < curve.rows.size(); ++i)
            falls += curve.rows[i].forecast < curve.rows[i - 1].forecast;
        extrapolated +=
            curve.at(kSupportedDepth).extraVariance == 0.0 && curve.at(kDeep).extraVariance > 0.0;
    }
    EXPECT_NE(summary.chosen, "baseline");
    // Measured: 1.17 (without the guard 3.1); the relative width 1.093 against 1.070 (without the
    // guard 1.043).
    EXPECT_GE(median(deepRatio), 0.5);
    EXPECT_LE(median(deepRatio), 1.5);
    EXPECT_EQ(falls, 0) << "forecasts that fall as the discount deepens";
    EXPECT_EQ(extrapolated, project.panel().productCount()) << "products said to be extrapolated";
    EXPECT_GT(median(deepWidth), median(supportedWidth));
}

TEST(DepthGuardTruth, EveryModelIsContinuedTheSameBoundedWay)
{
    test::ScannerProject project(saturatingMarket());
    for (const char* kind : {"structured", "neural"}) {
        model::TrainOptions options;
        options.model = kind;
        model::trainAndStore(project.store(), options);
        const model::TrainedModel trained = model::requireActiveModel(project.store());
        // The extra lift from the supported depth to 90% off, against the truth's.
        std::vector<double> extraLift;
        for (int p = 0; p < project.panel().productCount(); ++p) {
            const DepthCurve curve = depthCurve(project, trained, p);
            extraLift.push_back((curve.at(kDeep).forecast / curve.at(kSupportedDepth).forecast) /
                                (curve.truthAt(kDeep) / curve.truthAt(kSupportedDepth)));
        }
        // Measured: structured 1.03, neural 1.18 (without the guard 2.7 and 10.7).
        EXPECT_GE(median(extraLift), 1 / 1.5) << kind;
        EXPECT_LE(median(extraLift), 1.5) << kind;
    }
}

namespace {

// A daily shop whose products each sell on their own two weekdays and barely change price: the
// baseline (a product's mean on the same weekday) forecasts it best, the price-aware models,
// whose weekdays are their category's, do not.
std::string ownWeekdaysSales()
{
    constexpr int kProducts = 20, kDays = 120;
    std::mt19937_64 rng(7);
    auto poisson = [&](double mean) { // by inversion: the same numbers with every library
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        double p = std::exp(-mean), cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            p *= mean / ++k;
            cdf += p;
        }
        return k;
    };
    std::ostringstream csv;
    csv << "date,sku,units,price,list_price\n";
    const DayNumber first = daysFromCivil(2025, 1, 6);
    for (int t = 0; t < kDays; ++t)
        for (int p = 0; p < kProducts; ++p) {
            const bool busy = t % 7 == p % 7 || t % 7 == (p + 3) % 7;
            const int promotion = 10 + (p * 13) % (kDays - 60); // 5 days at 10% off
            const double discount = t >= promotion && t < promotion + 5 ? 0.1 : 0.0;
            const double mean = (busy ? 12.0 : 0.6) * std::pow(1 - discount, -2.0);
            csv << formatIsoDate(first + t) << ",P" << p << "," << poisson(mean) << ","
                << 10.0 * (1 - discount) << ",10\n";
        }
    return csv.str();
}

} // namespace

TEST(AutoModelTruth, KeepsAPriceAwareModelWhereTheBaselineWinsHeldOut)
{
    test::TempDir dir;
    store::Store store(dir.file("p.flashplan"));
    std::istringstream in(ownWeekdaysSales());
    ASSERT_TRUE(io::importSales(store, in, "sales.csv").committed);
    const model::TrainSummary summary = model::trainAndStore(store, {});
    // The premise: the baseline wins the held-out period (measured: WAPE 0.35, the others 1.2+).
    ASSERT_EQ(summary.reports.front().kind, "baseline");
    for (const model::ModelReport& r : summary.reports)
        ASSERT_GE(r.evaluation.overall.wape, summary.reports.front().evaluation.overall.wape)
            << r.kind;
    EXPECT_NE(summary.chosen, "baseline");
    const model::TrainedModel trained = model::requireActiveModel(store);
    EXPECT_EQ(trained.kind, summary.chosen);
    // The scores kept with the model say that it did not beat the baseline.
    const std::string& json = trained.scoresJson;
    const size_t entry = json.find("{\"kind\":\"" + summary.chosen + "\"");
    ASSERT_NE(entry, std::string::npos) << json;
    const std::string beats = "\"beats_baseline\":";
    EXPECT_EQ(json.substr(json.find(beats, entry) + beats.size(), 5), "false") << json;
    const auto chosen = std::find_if(summary.reports.begin(), summary.reports.end(),
                                     [&](const auto& r) { return r.kind == summary.chosen; });
    ASSERT_NE(chosen, summary.reports.end());
    EXPECT_FALSE(chosen->beatsBaseline);
    const data::Panel panel = data::Panel::load(store);
    std::vector<double> lift;
    for (int p = 0; p < panel.productCount(); ++p) {
        const data::ScenarioPeriod regular{p, panel.dayOf(panel.periodCount()), 0.0f, false,
                                           std::nanf("")};
        data::ScenarioPeriod cut = regular;
        cut.discount = 0.3f;
        lift.push_back(model::forecastPeriods(panel, trained, {cut}).front().forecast /
                       model::forecastPeriods(panel, trained, {regular}).front().forecast);
    }
    // The stored model responds to price: 30% off sells more (measured 1.47x; the truth 2.04x).
    EXPECT_GE(*std::min_element(lift.begin(), lift.end()), 1.2);
}
