// Demand models against a synthetic market whose true demand we know.
#include "data/demandcells.h"
#include "model/baselinemodel.h"
#include "model/evaluation.h"
#include "model/forecaster.h"
#include "model/modelstore.h"
#include "model/noisemodel.h"
#include "model/structuredmodel.h"
#include "model/trainer.h"
#include "support/marketproject.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <gtest/gtest.h>
#include <limits>

using namespace fp;

namespace {

synth::MarketConfig richMarket()
{
    synth::MarketConfig config;
    config.seed = 31;
    config.products = 80;
    config.days = 730;
    config.eventsPerProductYear = 8;
    config.promosPerProductYear = 8;
    return config;
}

// One market and one structured fit on all but the last 28 days, shared by the tests below.
class StructuredOnMarket : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_project = new test::MarketProject(richMarket());
        const data::Panel& panel = s_project->panel();
        const int T = panel.periodCount();
        s_train = new std::vector<data::DemandCell>(data::historyCells(panel, 0, T - 28));
        s_test = new std::vector<data::DemandCell>(data::historyCells(panel, T - 28, T));
        s_model = new model::StructuredModel();
        s_model->fit(panel, *s_train, *s_test, {}, {});
    }
    static void TearDownTestSuite()
    {
        delete s_model;
        delete s_test;
        delete s_train;
        delete s_project;
    }
    static std::vector<double> predict(const model::DemandModel& m,
                                       const std::vector<data::DemandCell>& cells)
    {
        std::vector<double> out(cells.size());
        m.predict(cells, out);
        return out;
    }

    static test::MarketProject* s_project;
    static std::vector<data::DemandCell>* s_train;
    static std::vector<data::DemandCell>* s_test;
    static model::StructuredModel* s_model;
};
test::MarketProject* StructuredOnMarket::s_project = nullptr;
std::vector<data::DemandCell>* StructuredOnMarket::s_train = nullptr;
std::vector<data::DemandCell>* StructuredOnMarket::s_test = nullptr;
model::StructuredModel* StructuredOnMarket::s_model = nullptr;

} // namespace

TEST_F(StructuredOnMarket, RecoversTrueElasticitiesOfWellObservedProducts)
{
    const data::Panel& panel = s_project->panel();
    std::vector<double> errors;
    double signedSum = 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        const synth::ProductTruth& truth =
            s_project->market().products()[static_cast<size_t>(s_project->truthIndex(p))];
        if (truth.baseLevel < 1.0) // slow movers: too few units to pin an elasticity down
            continue;
        double estimate = 0;
        for (double d :
             {0.05, 0.15, 0.25, 0.35, 0.45}) // the truth is constant-elasticity up to 50%
            estimate += s_model->elasticity(p, d) / 5;
        errors.push_back(std::fabs(estimate - truth.elasticity));
        signedSum += estimate - truth.elasticity;
    }
    ASSERT_GE(errors.size(), 20u);
    std::nth_element(errors.begin(), errors.begin() + errors.size() / 2, errors.end());
    EXPECT_LT(errors[errors.size() / 2], 0.2) << "median absolute error";
    EXPECT_LT(std::fabs(signedSum / errors.size()), 0.15) << "mean bias";
}

TEST_F(StructuredOnMarket, DemandNeverFallsAsTheDiscountDeepens)
{
    const data::Panel& panel = s_project->panel();
    for (int p = 0; p < panel.productCount(); ++p)
        for (bool featured : {false, true}) {
            std::vector<data::ScenarioPeriod> plan;
            for (int i = 0; i <= 18; ++i)
                plan.push_back({p, panel.dayOf(panel.periodCount() - 1) + 1, 0.05f * i, featured,
                                std::nanf("")});
            // One cell per discount: build them separately so each is day 1 of its own event.
            std::vector<data::DemandCell> cells;
            for (const data::ScenarioPeriod& s : plan)
                cells.push_back(data::scenarioCells(panel, {s}).front());
            const std::vector<double> mean = predict(*s_model, cells);
            for (size_t i = 1; i < mean.size(); ++i)
                ASSERT_GE(mean[i], mean[i - 1]) << "product " << p << " at " << 5 * i << "% off";
            EXPECT_GT(mean.back(), mean.front());
        }
}

TEST_F(StructuredOnMarket, BeatsTheBaselineOnHeldOutWape)
{
    const data::Panel& panel = s_project->panel();
    model::BaselineModel baseline;
    baseline.fit(panel, *s_train, {}, {}, {});
    const model::PanelShape shape = model::PanelShape::of(panel);
    const double scale = model::seasonalNaiveScale(*s_train, 1);
    auto score = [&](const model::DemandModel& m) {
        const std::vector<double> fitted = predict(m, *s_train);
        const model::NoiseModel noise = model::NoiseModel::estimate(shape, *s_train, fitted);
        return model::evaluate(shape, *s_test, predict(m, *s_test), noise, scale).overall.wape;
    };
    const double structured = score(*s_model), naive = score(baseline);
    EXPECT_LT(structured, naive * 0.92) << "structured " << structured << " baseline " << naive;
}

TEST_F(StructuredOnMarket, PredictsTheTrueExpectedDemandOfHeldOutDays)
{
    const std::vector<double> mean = predict(*s_model, *s_test);
    double error = 0, truthTotal = 0, predicted = 0;
    for (size_t i = 0; i < s_test->size(); ++i) {
        const double truth = s_project->expectedDemand((*s_test)[i].product, (*s_test)[i].period);
        error += std::fabs(mean[i] - truth);
        truthTotal += truth;
        predicted += mean[i];
    }
    EXPECT_LT(error / truthTotal, 0.25) << "WAPE against the true expected demand";
    EXPECT_NEAR(predicted / truthTotal, 1.0, 0.08) << "total bias";
}

TEST_F(StructuredOnMarket, EightyPercentIntervalsCoverEightyPercentOfHeldOutDays)
{
    const model::PanelShape shape = model::PanelShape::of(s_project->panel());
    const model::NoiseModel noise =
        model::NoiseModel::estimate(shape, *s_train, predict(*s_model, *s_train));
    const model::Evaluation e =
        model::evaluate(shape, *s_test, predict(*s_model, *s_test), noise, 1.0);
    EXPECT_GE(e.overall.coverage, 0.75);
    EXPECT_LE(e.overall.coverage, 0.85);
}

TEST_F(StructuredOnMarket, SameDataAndSeedGiveTheSameModel)
{
    model::StructuredModel again;
    again.fit(s_project->panel(), *s_train, {}, {}, {});
    EXPECT_EQ(predict(again, *s_test), predict(*s_model, *s_test));
}

// The Poisson warm-up's loss is not the negative binomial one the fit minimises: its iterations
// are reported without losses (so a cancel is still heard), and the curve the Train tab draws
// starts at the fit itself, falling from there without a cliff.
TEST_F(StructuredOnMarket, AWarmUpReportsItsIterationsWithoutLosses)
{
    std::vector<model::LossPoint> points;
    model::StructuredModel again;
    again.fit(s_project->panel(), *s_train, *s_test, {}, [&](const model::LossPoint& p) {
        points.push_back(p);
        return true;
    });
    const auto firstLoss = std::find_if(points.begin(), points.end(),
                                        [](const auto& p) { return std::isfinite(p.train); });
    ASSERT_GT(firstLoss - points.begin(), 5); // the warm-up's iterations, reported
    ASSERT_NE(firstLoss, points.end());
    for (auto p = points.begin(); p != firstLoss; ++p)
        EXPECT_TRUE(std::isnan(p->train) && std::isnan(p->validation)) << p->iteration;
    for (auto p = firstLoss; p != points.end(); ++p)
        EXPECT_TRUE(std::isfinite(p->train) && std::isfinite(p->validation)) << p->iteration;
    for (size_t i = 1; i < points.size(); ++i)
        EXPECT_EQ(points[i].iteration, points[i - 1].iteration + 1);
    EXPECT_LT(firstLoss->train, 3 * points.back().train);
    EXPECT_EQ(predict(again, *s_test), predict(*s_model, *s_test)); // reporting changes no fit
}

// Issue 16 (found by fuzz.modelblob): a damaged period count in a stored model made loading compute
// calendar features for up to two billion periods, a hang; it is refused as damage at once.
TEST_F(StructuredOnMarket, ADamagedPeriodCountIsRefusedNotComputed)
{
    BinaryWriter out;
    s_model->save(out);
    std::vector<std::uint8_t> bytes = out.bytes();
    const std::int32_t huge = 2'000'000'000;
    std::memcpy(bytes.data() + 12, &huge, sizeof huge); // format version, period length, first day
    BinaryReader in(bytes);
    model::StructuredModel loaded;
    EXPECT_THROW(loaded.load(in), FlashPlanError);
}

// Issue 16 (found by fuzz.modelblob in CI): a product's category index past the stored category
// count made loading read past the per-category parameters; it is refused as damage.
TEST_F(StructuredOnMarket, AProductCategoryPastTheCategoryCountIsRefused)
{
    BinaryWriter out;
    s_model->save(out);
    std::vector<std::uint8_t> bytes = out.bytes();
    // format version, period length, first day, periods, categories, product count, then product 0
    const std::size_t firstProductCategory = 4 * 5 + 8;
    const std::int32_t pastTheEnd =
        s_project->panel().categories().size() == 0
            ? 1
            : static_cast<std::int32_t>(s_project->panel().categories().size());
    std::memcpy(bytes.data() + firstProductCategory, &pastTheEnd, sizeof pastTheEnd);
    BinaryReader in(bytes);
    model::StructuredModel loaded;
    EXPECT_THROW(loaded.load(in), FlashPlanError);
}

// Found by fuzz.modelblob: a stored period count of -2^31 was counted down (the trend's end)
// before it was checked, a signed overflow; every count outside the sane range is refused first.
TEST_F(StructuredOnMarket, AStoredPeriodCountOutsideItsRangeIsRefused)
{
    BinaryWriter out;
    s_model->save(out);
    BinaryWriter shape;
    model::PanelShape::of(s_project->panel()).save(shape);
    // format version, the panel's shape, the dip's periods, then three vectors (a 64-bit count
    // and doubles each): the parameters and the two noise sizes; then the period count
    std::size_t at = 4 + shape.bytes().size() + 4;
    for (int vector = 0; vector < 3; ++vector) {
        std::uint64_t count = 0;
        std::memcpy(&count, out.bytes().data() + at, sizeof count);
        at += sizeof count + count * sizeof(double);
    }
    for (const std::int32_t periods :
         {std::numeric_limits<std::int32_t>::min(), -1, model::PanelShape::kMaxPeriods + 1}) {
        std::vector<std::uint8_t> bytes = out.bytes();
        std::memcpy(bytes.data() + at, &periods, sizeof periods);
        BinaryReader in(bytes);
        model::StructuredModel loaded;
        EXPECT_THROW(loaded.load(in), FlashPlanError) << periods;
    }
    BinaryReader intact(out.bytes());
    model::StructuredModel loaded;
    EXPECT_NO_THROW(loaded.load(intact));
}

// A model stored before the regular price level had its own response (format 3) loads and
// predicts as it did: the whole log price cut, level and discount, on the discount's bands.
TEST_F(StructuredOnMarket, AModelStoredBeforeTheLevelHadItsOwnResponsePutsTheWholeCutOnTheBands)
{
    BinaryWriter out;
    s_model->save(out);
    const std::vector<std::uint8_t>& now = out.bytes();
    BinaryWriter shape;
    model::PanelShape::of(s_project->panel()).save(shape);
    const data::Panel& panel = s_project->panel();
    const std::uint64_t levelParameters =
        panel.productCount() + std::max<std::size_t>(panel.categories().size(), 1);
    // Format 3: the same bytes without the level's parameters at the end of the parameter vector,
    // the fifth shrinkage weight and the last byte (whether the level is apart).
    auto count = [&](std::size_t at) {
        std::uint64_t n = 0;
        std::memcpy(&n, now.data() + at, sizeof n);
        return n;
    };
    std::vector<std::uint8_t> old;
    auto put = [&](const void* bytes, std::size_t n) {
        const auto* b = static_cast<const std::uint8_t*>(bytes);
        old.insert(old.end(), b, b + n);
    };
    auto copy = [&](std::size_t from, std::size_t to) {
        put(now.data() + from, to - from);
    };
    const std::uint32_t version = 3;
    put(&version, sizeof version);
    std::size_t at = 4 + shape.bytes().size() + 4; // past the version, the shape, the dip
    copy(4, at);
    const std::uint64_t parameters = count(at) - levelParameters;
    put(&parameters, sizeof parameters);
    copy(at + 8, at + 8 + parameters * sizeof(double));
    at += 8 + count(at) * sizeof(double);
    const std::size_t sizes = at;
    for (int vector = 0; vector < 2; ++vector) // the two noise sizes
        at += 8 + count(at) * sizeof(double);
    at += 4 + 3 + 4; // periods, season, holidays, trend, trend's end
    copy(sizes, at);
    ASSERT_EQ(count(at), 5u);
    const std::uint64_t weights = 4;
    put(&weights, sizeof weights);
    copy(at + 8, at + 8 + 4 * sizeof(double));
    copy(at + 8 + 5 * sizeof(double), now.size() - 1);

    BinaryReader in(old);
    model::StructuredModel loaded;
    ASSERT_NO_THROW(loaded.load(in));
    // A week at the latest list price, 20% off, and one whose list price was 18% lower (a log
    // cut of 0.2) without a discount: the old model reads the latter as a 18% discount.
    data::DemandCell promoted = s_test->front();
    promoted.eventDay = -1;
    promoted.sinceEvent = 0;
    promoted.priceCut = 0.0f;
    promoted.discount = 0.0f;
    data::setDiscount(promoted, 0.20);
    data::DemandCell lowerList = promoted;
    lowerList.discount = 0.0f;
    lowerList.priceCut = 0.2f;
    data::DemandCell asDiscount = promoted;
    asDiscount.priceCut = 0.0f;
    asDiscount.discount = 0.0f;
    data::setDiscount(asDiscount, -std::expm1(-0.2));
    const std::vector<double> before = predict(loaded, {promoted, lowerList, asDiscount});
    const std::vector<double> after = predict(*s_model, {promoted, lowerList, asDiscount});
    EXPECT_NEAR(before[0], after[0], 1e-6 * after[0]);
    EXPECT_NEAR(before[1], before[2], 1e-6 * before[2]);
    EXPECT_NEAR(before[2], after[2], 1e-6 * after[2]);
    EXPECT_NE(after[1], after[2]); // the current format: a lower list price is not a promotion
}

TEST_F(StructuredOnMarket, ASavedModelPredictsBitForBitAfterLoading)
{
    model::TrainedModel trained;
    trained.kind = "structured";
    auto copy = std::make_unique<model::StructuredModel>();
    BinaryWriter out;
    s_model->save(out);
    BinaryReader in(out.bytes());
    copy->load(in);
    trained.model = std::move(copy);
    trained.noise = model::NoiseModel::estimate(model::PanelShape::of(s_project->panel()), *s_train,
                                                predict(*s_model, *s_train));
    for (const data::PanelProduct& p : s_project->panel().products())
        trained.productIds.push_back(p.id);
    trained.scoresJson = "{}";
    model::saveActiveModel(s_project->store(), trained);
    const std::optional<model::TrainedModel> loaded = model::loadActiveModel(s_project->store());
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->kind, "structured");
    EXPECT_EQ(predict(*loaded->model, *s_test), predict(*s_model, *s_test));
    EXPECT_EQ(loaded->noise.size(0), trained.noise.size(0));
}

TEST_F(StructuredOnMarket, ForecastsOfUnitsSoldRespectTheStock)
{
    const data::Panel& panel = s_project->panel();
    model::TrainedModel trained;
    trained.kind = "structured";
    trained.model = std::make_unique<model::StructuredModel>(*s_model);
    trained.noise = model::NoiseModel::estimate(model::PanelShape::of(panel), *s_train,
                                                predict(*s_model, *s_train));
    for (const data::PanelProduct& p : panel.products())
        trained.productIds.push_back(p.id);
    const DayNumber next = panel.dayOf(panel.periodCount());
    const std::vector<data::ScenarioPeriod> periods = {{0, next, 0.3f, true, 2.0f},
                                                       {1, next, 0.0f, false, std::nanf("")}};
    const auto rows = model::forecastPeriods(panel, trained, periods);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_LE(rows[0].forecast, 2.0);
    EXPECT_LE(rows[0].upper, 2);
    EXPECT_LE(rows[1].lower, rows[1].forecast);
    EXPECT_GE(rows[1].upper, rows[1].forecast);
}

TEST(CensoredFit, UnbiasedUnderHeavyStockoutsWhereIgnoringCensoringIsBiasedLow)
{
    synth::MarketConfig config;
    config.seed = 77;
    config.products = 40;
    config.days = 540;
    config.stockoutIntensity = 3.0;
    const test::MarketProject project(config);
    const data::Panel& panel = project.panel();
    const std::vector<data::DemandCell> cells = data::historyCells(panel, 0, panel.periodCount());
    std::vector<data::DemandCell> ignoring = cells;
    for (data::DemandCell& c : ignoring)
        c.censored = false;
    model::StructuredModel aware, naive;
    aware.fit(panel, cells, {}, {}, {});
    naive.fit(panel, ignoring, {}, {}, {});
    std::vector<double> awareMean(cells.size()), naiveMean(cells.size());
    aware.predict(cells, awareMean);
    naive.predict(cells, naiveMean);
    double truth = 0, awareSum = 0, naiveSum = 0;
    int censored = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (!cells[i].censored || cells[i].units <= 0)
            continue;
        ++censored;
        truth += project.expectedDemand(cells[i].product, cells[i].period);
        awareSum += awareMean[i];
        naiveSum += naiveMean[i];
    }
    ASSERT_GT(censored, 300);
    EXPECT_NEAR(awareSum / truth, 1.0, 0.05) << "censored likelihood";
    EXPECT_LT(naiveSum / truth, 0.93) << "ignoring censoring";
}

TEST(Trainer, AutoScoresEveryModelAgainstTheBaselineAndStoresTheBest)
{
    synth::MarketConfig config;
    config.seed = 5;
    config.products = 30;
    config.days = 400;
    test::MarketProject project(config);
    std::vector<std::string> stages;
    int lossPoints = 0;
    model::TrainCallbacks callbacks;
    callbacks.stage = [&](const std::string& s) {
        stages.push_back(s);
    };
    callbacks.loss = [&](const std::string&, const model::LossPoint&) {
        return ++lossPoints > 0;
    };
    const model::TrainSummary summary = model::trainAndStore(project.store(), {}, callbacks);
    // Every kind, then the best blend of the two price-aware models.
    ASSERT_EQ(summary.reports.size(), model::modelKinds().size() + 1);
    EXPECT_EQ(summary.reports.front().kind, "baseline");
    EXPECT_EQ(summary.reports.back().kind, "blend");
    EXPECT_GE(summary.blendWeight, 0.25);
    EXPECT_LE(summary.blendWeight, 0.75);
    // auto keeps the structured model unless the neural model or the blend forecasts the held-out
    // period better beyond chance (WapeGain::clear), the blend also by the margin below the best
    // single model; never the baseline.
    const auto reportOf = [&](const std::string& kind) {
        return *std::find_if(summary.reports.begin(), summary.reports.end(),
                             [&](const auto& x) { return x.kind == kind; });
    };
    const auto wapeOf = [&](const std::string& kind) {
        return reportOf(kind).evaluation.overall.wape;
    };
    ASSERT_FALSE(reportOf("structured").overStructured);
    ASSERT_TRUE(reportOf("neural").overStructured);
    ASSERT_TRUE(reportOf("blend").overStructured);
    EXPECT_NEAR(reportOf("neural").overStructured->gain, wapeOf("structured") - wapeOf("neural"),
                1e-9); // products' errors add up to the WAPE's
    EXPECT_EQ(reportOf("neural").overStructured->products, 30);
    std::string expected = "structured";
    if (reportOf("neural").overStructured->clear() && wapeOf("neural") < wapeOf("structured"))
        expected = "neural";
    ASSERT_GT(summary.blendMargin, 0);
    if (reportOf("blend").overStructured->clear() &&
        wapeOf("blend") < (1 - summary.blendMargin) * wapeOf(expected))
        expected = "blend";
    EXPECT_EQ(summary.chosen, expected);
    EXPECT_GT(lossPoints, 10);
    EXPECT_EQ(summary.holdoutPeriods, 28);
    const auto models = project.store().models();
    ASSERT_EQ(models.size(), 1u);
    EXPECT_TRUE(models[0].active);
    EXPECT_NE(models[0].scores.find("\"chosen\":\"" + summary.chosen + "\""), std::string::npos);
    EXPECT_NE(models[0].scores.find("\"blend_margin\":0.01"), std::string::npos);
    EXPECT_NE(models[0].scores.find("\"selection_standard_errors\":1.31"), std::string::npos);
    EXPECT_NE(models[0].scores.find("\"gain_standard_error\":"), std::string::npos);
}

TEST(Trainer, CancellingStoresNothing)
{
    synth::MarketConfig config;
    config.products = 20;
    config.days = 300;
    test::MarketProject project(config);
    model::TrainCallbacks callbacks;
    int calls = 0;
    callbacks.loss = [&](const std::string& kind, const model::LossPoint&) {
        return kind == "baseline" || ++calls < 3;
    };
    model::TrainOptions options;
    options.model = "structured";
    EXPECT_THROW(model::trainAndStore(project.store(), options, callbacks), Cancelled);
    EXPECT_TRUE(project.store().models().empty());
}

TEST(Trainer, RefusesAnUnknownModelAndTooShortAHistory)
{
    synth::MarketConfig config;
    config.products = 5;
    config.days = 60;
    test::MarketProject project(config);
    model::TrainOptions unknown;
    unknown.model = "oracle";
    EXPECT_THROW(model::trainAndStore(project.store(), unknown), FlashPlanError);
    EXPECT_THROW(model::trainAndStore(project.store(), {}), FlashPlanError);
}
