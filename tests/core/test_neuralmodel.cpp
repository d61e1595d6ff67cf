// The neural demand model against a synthetic market whose true demand we know.
#include "data/demandcells.h"
#include "model/neuralmodel.h"
#include "support/marketproject.h"

#include <cmath>
#include <cstring>
#include <gtest/gtest.h>
#include <limits>

using namespace fp;

namespace {

constexpr int kHeldOut = 28;

synth::MarketConfig smallMarket()
{
    synth::MarketConfig config;
    config.seed = 11;
    config.products = 40;
    config.days = 400;
    config.eventsPerProductYear = 8;
    config.promosPerProductYear = 8;
    return config;
}

std::vector<double> predict(const model::DemandModel& m, const std::vector<data::DemandCell>& cells)
{
    std::vector<double> out(cells.size());
    m.predict(cells, out);
    return out;
}

bool bitIdentical(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// WAPE of `mean` against the market's true expected demand of the cells.
double wapeVsTruth(const test::MarketProject& project, const std::vector<data::DemandCell>& cells,
                   const std::vector<double>& mean)
{
    double error = 0, total = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
        const double truth = project.expectedDemand(cells[i].product, cells[i].period);
        error += std::fabs(mean[i] - truth);
        total += truth;
    }
    return error / total;
}

// One product on one future period at the given discount, optionally on an event's first day.
data::DemandCell futureCell(int product, int period, float discount, bool featured = false)
{
    data::DemandCell cell;
    cell.product = product;
    cell.period = period;
    cell.stock = std::numeric_limits<float>::quiet_NaN();
    data::setDiscount(cell, discount);
    cell.eventDay = featured ? 0 : -1;
    return cell;
}

// One market and one fit as the trainer does it: fitted without the last 2 x 28 days, stopping
// early on the first 28 of them, scored on the last 28 (which never steer the fit).
class NeuralOnMarket : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_project = new test::MarketProject(smallMarket());
        const data::Panel& panel = s_project->panel();
        const int T = panel.periodCount();
        s_train = new std::vector<data::DemandCell>(data::historyCells(panel, 0, T - 2 * kHeldOut));
        s_stop = new std::vector<data::DemandCell>(
            data::historyCells(panel, T - 2 * kHeldOut, T - kHeldOut));
        s_test = new std::vector<data::DemandCell>(data::historyCells(panel, T - kHeldOut, T));
        s_curve = new std::vector<model::LossPoint>();
        s_model = new model::NeuralModel();
        s_model->fit(panel, *s_train, *s_stop, {}, [](const model::LossPoint& point) {
            s_curve->push_back(point);
            return true;
        });
    }
    static void TearDownTestSuite()
    {
        delete s_model;
        delete s_curve;
        delete s_test;
        delete s_stop;
        delete s_train;
        delete s_project;
    }

    static test::MarketProject* s_project;
    static std::vector<data::DemandCell>* s_train;
    static std::vector<data::DemandCell>* s_stop;
    static std::vector<data::DemandCell>* s_test;
    static std::vector<model::LossPoint>* s_curve;
    static model::NeuralModel* s_model;
};
test::MarketProject* NeuralOnMarket::s_project = nullptr;
std::vector<data::DemandCell>* NeuralOnMarket::s_train = nullptr;
std::vector<data::DemandCell>* NeuralOnMarket::s_stop = nullptr;
std::vector<data::DemandCell>* NeuralOnMarket::s_test = nullptr;
std::vector<model::LossPoint>* NeuralOnMarket::s_curve = nullptr;
model::NeuralModel* NeuralOnMarket::s_model = nullptr;

} // namespace

TEST_F(NeuralOnMarket, TrainingAndValidationLossFall)
{
    ASSERT_GE(s_curve->size(), 4u);
    const model::LossPoint& first = s_curve->front();
    const model::LossPoint& last = s_curve->back();
    EXPECT_EQ(first.iteration, 1);
    EXPECT_LT(last.train, first.train - 0.05);
    EXPECT_LT(last.validation, first.validation - 0.05);
    for (const model::LossPoint& p : *s_curve) {
        EXPECT_TRUE(std::isfinite(p.train));
        EXPECT_TRUE(std::isfinite(p.validation));
    }
}

TEST_F(NeuralOnMarket, DemandNeverFallsAsTheDiscountDeepensForAnyProduct)
{
    const data::Panel& panel = s_project->panel();
    const int T = panel.periodCount();
    for (int p = 0; p < panel.productCount(); ++p)
        for (bool featured : {false, true}) {
            std::vector<data::DemandCell> cells;
            for (int percent = 0; percent <= 90; ++percent)
                cells.push_back(futureCell(p, T + 5, percent / 100.0f, featured));
            const std::vector<double> mean = predict(*s_model, cells);
            for (size_t i = 1; i < mean.size(); ++i)
                ASSERT_GE(mean[i], mean[i - 1]) << "product " << p << " at " << i << "% off";
            EXPECT_GT(mean.back(), 1.5 * mean.front()) << "product " << p;
        }
}

TEST_F(NeuralOnMarket, BeatsAConstantPerProductMeanOnHeldOutDays)
{
    const data::Panel& panel = s_project->panel();
    std::vector<double> units(static_cast<size_t>(panel.productCount())), cells(units.size());
    for (const data::DemandCell& c : *s_train) {
        units[static_cast<size_t>(c.product)] += c.units;
        cells[static_cast<size_t>(c.product)] += 1;
    }
    std::vector<double> constant;
    for (const data::DemandCell& c : *s_test)
        constant.push_back(units[static_cast<size_t>(c.product)] /
                           cells[static_cast<size_t>(c.product)]);
    const double model = wapeVsTruth(*s_project, *s_test, predict(*s_model, *s_test));
    const double naive = wapeVsTruth(*s_project, *s_test, constant);
    EXPECT_LT(model, 0.6 * naive) << "constant per product: " << naive;
}

TEST_F(NeuralOnMarket, DiscountResponseIsNearTheTruth)
{
    const data::Panel& panel = s_project->panel();
    const int T = panel.periodCount();
    // Shallow discounts are common (promotions), so their lift is pinned down; deep ones come only
    // with events, whose own lift they share, so a small history leaves them looser.
    for (const auto& [depth, tolerance] : {std::pair{0.2, 0.15}, {0.3, 0.15}, {0.5, 0.5}}) {
        double model = 0, truth = 0;
        for (int p = 0; p < panel.productCount(); ++p) {
            const std::vector<double> mean =
                predict(*s_model, {futureCell(p, T + 5, 0.0f), futureCell(p, T + 5, float(depth))});
            model += mean[1] / mean[0];
            const int q = s_project->truthIndex(p);
            truth += s_project->market().discountMultiplier(q, depth) /
                     s_project->market().discountMultiplier(q, 0.0);
        }
        EXPECT_NEAR(model / truth, 1.0, tolerance)
            << depth * 100 << "% off: true mean lift " << truth / panel.productCount();
    }
}

TEST_F(NeuralOnMarket, ForecastsPastTheHistoryKnowTheCalendar)
{
    // The history ends in December 2025: 11.11 2026 lies ahead, and it lifted every category twice.
    const data::Panel& panel = s_project->panel();
    const int singlesDay = panel.periodOf(daysFromCivil(2026, 11, 11));
    const int weekBefore = singlesDay - 7; // same weekday
    ASSERT_GT(weekBefore, panel.periodCount());
    double model = 0, truth = 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        const std::vector<double> mean =
            predict(*s_model, {futureCell(p, weekBefore, 0.0f), futureCell(p, singlesDay, 0.0f)});
        model += mean[1] / mean[0];
        const synth::ProductTruth& t =
            s_project->market().products()[static_cast<size_t>(s_project->truthIndex(p))];
        truth += s_project->market().calendarFactor(t.categoryIndex, panel.dayOf(singlesDay)) /
                 s_project->market().calendarFactor(t.categoryIndex, panel.dayOf(weekBefore));
    }
    EXPECT_NEAR(model / truth, 1.0, 0.25) << "true mean lift " << truth / panel.productCount();
}

TEST_F(NeuralOnMarket, SaveThenLoadPredictsBitIdentically)
{
    BinaryWriter out;
    s_model->save(out);
    model::NeuralModel loaded;
    BinaryReader in(out.bytes());
    loaded.load(in);
    EXPECT_TRUE(in.atEnd());
    std::vector<data::DemandCell> cells = *s_test;
    const int T = s_project->panel().periodCount();
    for (int p = 0; p < s_project->panel().productCount(); ++p)
        cells.push_back(futureCell(p, T + 30, 0.35f, true)); // forecasts, too
    EXPECT_TRUE(bitIdentical(predict(*s_model, cells), predict(loaded, cells)));
    EXPECT_EQ(loaded.epochsTrained(), s_model->epochsTrained());
    EXPECT_EQ(loaded.categorySizes(), s_model->categorySizes());
}

TEST_F(NeuralOnMarket, LoadRefusesGarbageTruncationAndOtherVersions)
{
    BinaryWriter out;
    s_model->save(out);
    const std::vector<std::uint8_t>& good = out.bytes();

    std::vector<std::uint8_t> garbage(good.size());
    for (size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<std::uint8_t>((i * 2654435761u) >> 13);
    std::vector<std::uint8_t> truncated(good.begin(), good.begin() + good.size() / 2);
    std::vector<std::uint8_t> newer = good;
    newer[4] = 99; // the format version follows the 4-byte magic
    std::vector<std::uint8_t> badShape = good;
    std::memset(badShape.data() + 8, 0x7f, 4); // period length 2139062143 days
    for (const auto* bytes : {&garbage, &truncated, &newer, &badShape}) {
        model::NeuralModel m;
        BinaryReader in(*bytes);
        EXPECT_THROW(m.load(in), FlashPlanError);
    }
    try {
        model::NeuralModel m;
        BinaryReader in(newer);
        m.load(in);
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("version 99"), std::string::npos) << e.what();
    }
}

TEST_F(NeuralOnMarket, SameSeedGivesIdenticalModelsAndAnotherSeedDoesNot)
{
    const data::Panel& panel = s_project->panel();
    model::FitOptions options;
    options.seed = 7;
    options.maxIterations = 3;
    model::NeuralModel a, b, c;
    a.fit(panel, *s_train, *s_stop, options, {});
    b.fit(panel, *s_train, *s_stop, options, {});
    options.seed = 8;
    c.fit(panel, *s_train, *s_stop, options, {});
    const std::vector<double> pa = predict(a, *s_test);
    EXPECT_TRUE(bitIdentical(pa, predict(b, *s_test)));
    EXPECT_FALSE(bitIdentical(pa, predict(c, *s_test)));
}

TEST_F(NeuralOnMarket, ThreadCountDoesNotChangeTheModel)
{
    const data::Panel& panel = s_project->panel();
    model::FitOptions options;
    options.maxIterations = 2;
    model::NeuralModel one, three;
    options.threads = 1;
    one.fit(panel, *s_train, {}, options, {});
    options.threads = 3;
    three.fit(panel, *s_train, {}, options, {});
    EXPECT_TRUE(bitIdentical(predict(one, *s_test), predict(three, *s_test)));
}

TEST_F(NeuralOnMarket, CancelThrowsAndKeepsTheFittedModel)
{
    model::NeuralModel m;
    model::FitOptions options;
    options.maxIterations = 2;
    m.fit(s_project->panel(), *s_train, {}, options, {});
    const std::vector<double> before = predict(m, *s_test);
    int calls = 0;
    options.maxIterations = 0;
    EXPECT_THROW(m.fit(s_project->panel(), *s_train, *s_stop, options,
                       [&](const model::LossPoint&) { return ++calls < 2; }),
                 Cancelled);
    EXPECT_EQ(calls, 2);
    EXPECT_TRUE(bitIdentical(before, predict(m, *s_test)));
}

TEST_F(NeuralOnMarket, WarmStartRefitContinuesFromTheFittedModel)
{
    const data::Panel& panel = s_project->panel();
    const int T = panel.periodCount();
    const std::vector<data::DemandCell> all = data::historyCells(panel, 0, T - kHeldOut);
    BinaryWriter out;
    s_model->save(out);
    model::NeuralModel m;
    BinaryReader in(out.bytes());
    m.load(in);
    model::FitOptions options;
    options.warmStart = true;
    std::vector<model::LossPoint> warm;
    m.fit(panel, all, {}, options, [&](const model::LossPoint& p) {
        warm.push_back(p);
        return true;
    });
    ASSERT_EQ(static_cast<int>(warm.size()), m.settings().warmStartEpochs);
    // Already near the end of the original curve, far below where a fresh fit starts.
    EXPECT_LT(warm.front().train, s_curve->front().train - 0.05);
    EXPECT_NEAR(warm.front().train, s_curve->back().train, 0.05);
    const double refit = wapeVsTruth(*s_project, *s_test, predict(m, *s_test));
    const double original = wapeVsTruth(*s_project, *s_test, predict(*s_model, *s_test));
    EXPECT_LT(refit, original * 1.1);
}

TEST_F(NeuralOnMarket, RejectsCellsOfProductsOutsideThePanel)
{
    std::vector<double> mean(1);
    const data::DemandCell cell = futureCell(s_project->panel().productCount(), 10, 0.0f);
    EXPECT_THROW(s_model->predict({&cell, 1}, mean), FlashPlanError);
    model::NeuralModel unfitted;
    EXPECT_THROW(unfitted.predict({&cell, 1}, mean), FlashPlanError);
}

TEST(NeuralCensoring, SoldOutDaysKeepDemandUnbiasedWhereDroppingTheFlagBiasesItLow)
{
    synth::MarketConfig config;
    config.seed = 77;
    config.products = 40;
    config.days = 400;
    config.stockoutIntensity = 3.0;
    const test::MarketProject project(config);
    const data::Panel& panel = project.panel();
    const std::vector<data::DemandCell> cells = data::historyCells(panel, 0, panel.periodCount());
    std::vector<data::DemandCell> ignoring = cells;
    for (data::DemandCell& c : ignoring)
        c.censored = false;
    model::NeuralModel aware, naive;
    aware.fit(panel, cells, {}, {}, {});
    naive.fit(panel, ignoring, {}, {}, {});
    const std::vector<double> awareMean = predict(aware, cells);
    const std::vector<double> naiveMean = predict(naive, cells);
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
    ASSERT_GT(censored, 200);
    // In-sample, sold-out days are the events whose shared demand shock was high, and a flexible
    // model absorbs part of it: a few percent above the truth is expected there.
    EXPECT_NEAR(awareSum / truth, 1.0, 0.15) << "censored likelihood";
    EXPECT_LT(naiveSum / truth, 0.85) << "ignoring censoring";
    EXPECT_LT(std::fabs(awareSum / truth - 1.0), 0.5 * std::fabs(naiveSum / truth - 1.0));
}

TEST(NeuralWeekly, FitsWeeklyHistoryAndBeatsAConstantPerProductMean)
{
    synth::MarketConfig config = smallMarket();
    config.weekly = true;
    config.days = 728;
    const test::MarketProject project(config);
    const data::Panel& panel = project.panel();
    ASSERT_EQ(panel.periodDays(), 7);
    const int T = panel.periodCount();
    const std::vector<data::DemandCell> train = data::historyCells(panel, 0, T - 8);
    const std::vector<data::DemandCell> test = data::historyCells(panel, T - 8, T);
    model::NeuralModel m;
    std::vector<model::LossPoint> curve;
    m.fit(panel, train, {}, {}, [&](const model::LossPoint& p) {
        curve.push_back(p);
        return true;
    });
    EXPECT_LT(curve.back().train, curve.front().train);
    std::vector<double> units(static_cast<size_t>(panel.productCount())), cells(units.size());
    for (const data::DemandCell& c : train) {
        units[static_cast<size_t>(c.product)] += c.units;
        cells[static_cast<size_t>(c.product)] += 1;
    }
    std::vector<double> constant;
    for (const data::DemandCell& c : test)
        constant.push_back(units[static_cast<size_t>(c.product)] /
                           cells[static_cast<size_t>(c.product)]);
    const double model = wapeVsTruth(project, test, predict(m, test));
    const double naive = wapeVsTruth(project, test, constant);
    EXPECT_LT(model, 0.8 * naive) << "constant per product: " << naive;
}

TEST_F(NeuralOnMarket, BackPropagationMatchesFiniteDifferences)
{
    // Cells from every part of the history: events, dips after them, promotions, holidays.
    std::vector<data::DemandCell> cells;
    for (size_t i = 0; i < s_train->size() && cells.size() < 512; i += s_train->size() / 512)
        cells.push_back((*s_train)[i]);
    for (std::uint64_t seed : {1u, 2u})
        EXPECT_LT(model::neuralGradientError(s_project->panel(), cells, seed), 0.05);
}
