// Issue 13, point 2, against markets whose truth is known: dense products get their own price
// elasticity, thin ones borrow their category's, the trend does not run away, and data without
// categories do not pool unlike products; products whose responses differ in shape keep their
// own shapes, and products that respond alike keep their category's.
#include "data/demandcells.h"
#include "model/forecaster.h"
#include "model/structuredmodel.h"
#include "support/syntheticproject.h"
#include "support/trainedmodel.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>

using namespace fp;

namespace {

constexpr double kModerateDiscount = 0.3;

// The model's arc elasticity of a product from its regular price to 30% off, in a regular
// (not featured) period: log(m(0.3) / m(0)) / -log(0.7), what a 30% promotion is forecast to do.
double fittedArcElasticity(const model::DemandModel& model, const data::Panel& panel, int p,
                           int period)
{
    const data::ScenarioPeriod regular{p, panel.dayOf(period), 0.0f, false, std::nanf("")};
    data::DemandCell atList = data::scenarioCells(panel, {regular}).front();
    data::DemandCell cut = atList;
    data::setDiscount(cut, kModerateDiscount);
    const std::vector<data::DemandCell> cells = {atList, cut};
    std::vector<double> means(cells.size());
    model.predict(cells, means);
    return std::log(means[1] / means[0]) / -std::log1p(-kModerateDiscount);
}

// --- A market with categories (the first family), daily, three years of frequent promotions ---

constexpr int kHeldOutDays = 91; // 13 weeks
constexpr int kThinDays = 56;    // a thin product's whole history before them

synth::MarketConfig categoryMarket()
{
    synth::MarketConfig config;
    config.seed = 51; // has a fast seller 0.68 below its category's elasticity: BE-0009
    config.products = 60;
    config.categories = 3;
    config.days = 1095;
    config.promosPerProductYear = 30;
    config.eventsPerProductYear = 12;
    config.stockoutIntensity = 0;
    return config;
}

double categoryElasticity(const synth::Market& market, const synth::ProductTruth& t)
{
    return market.categories()[static_cast<size_t>(t.categoryIndex)].elasticityMean;
}

// Thin products: those of the Beauty category (index 2) whose elasticity differs from the
// category's by 0.3 or more, but for its fastest seller; they keep only the last kThinDays days
// before the held-out ones.
bool isThin(const synth::Market& market, int q)
{
    const synth::ProductTruth& t = market.products()[static_cast<size_t>(q)];
    if (t.categoryIndex != 2 || std::fabs(t.elasticity - categoryElasticity(market, t)) < 0.3)
        return false;
    for (const synth::ProductTruth& other : market.products())
        if (other.categoryIndex == 2 && other.baseLevel > t.baseLevel)
            return true;
    return false;
}

class CategoryMarket : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        const synth::MarketConfig config = categoryMarket();
        const synth::Market market(config);
        const DayNumber thinFrom = config.firstDay + config.days - kHeldOutDays - kThinDays;
        s_project = new test::MarketFileProject(config, [&](const synth::SalesRow& row) {
            return row.day >= thinFrom || !isThin(market, row.product);
        });
        const data::Panel& panel = s_project->panel();
        const int T = panel.periodCount();
        s_model = new model::StructuredModel();
        s_model->fit(panel, data::historyCells(panel, 0, T - kHeldOutDays), {}, {}, {});
    }
    static void TearDownTestSuite()
    {
        delete s_model;
        delete s_project;
    }
    static const synth::ProductTruth& truthOf(int p)
    {
        return s_project->market().products()[static_cast<size_t>(s_project->truthIndex(p))];
    }
    static double arcOf(int p)
    {
        return fittedArcElasticity(*s_model, s_project->panel(), p,
                                   s_project->panel().periodCount() - kHeldOutDays);
    }

    static test::MarketFileProject* s_project;
    static model::StructuredModel* s_model;
};
test::MarketFileProject* CategoryMarket::s_project = nullptr;
model::StructuredModel* CategoryMarket::s_model = nullptr;

} // namespace

TEST_F(CategoryMarket, DenseProductGetsItsOwnElasticity)
{
    // The fastest seller whose elasticity is 0.5 or more away from its category's.
    const data::Panel& panel = s_project->panel();
    int dense = -1;
    for (int p = 0; p < panel.productCount(); ++p) {
        const synth::ProductTruth& t = truthOf(p);
        if (std::fabs(t.elasticity - categoryElasticity(s_project->market(), t)) >= 0.5 &&
            (dense < 0 || t.baseLevel > truthOf(dense).baseLevel))
            dense = p;
    }
    ASSERT_GE(dense, 0);
    const synth::ProductTruth& t = truthOf(dense);
    const double category = categoryElasticity(s_project->market(), t);
    const double arc = arcOf(dense);
    const double band = s_model->elasticity(dense, 0.25); // the band from 20% to 30% off
    // Dense: 33 units a day at its regular price, three years of prices that change every week or
    // two (measured: truth 1.02, category 1.70, fitted 0.98 and 0.97).
    ASSERT_GE(t.baseLevel, 20.0) << t.sku;
    ASSERT_GE(panel.products()[static_cast<size_t>(dense)].lastPeriod -
                  panel.products()[static_cast<size_t>(dense)].firstPeriod,
              1000);
    EXPECT_NEAR(arc, t.elasticity, 0.1) << t.sku << ": category " << category;
    EXPECT_NEAR(band, t.elasticity, 0.1) << t.sku << " at 25% off: category " << category;
}

TEST_F(CategoryMarket, ThinProductsBorrowTheirCategorysElasticity)
{
    const data::Panel& panel = s_project->panel();
    int thin = 0;
    double ownDistance = 0, fittedDistance = 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        if (!isThin(s_project->market(), s_project->truthIndex(p)))
            continue;
        ++thin;
        const synth::ProductTruth& t = truthOf(p);
        const double category = categoryElasticity(s_project->market(), t);
        const double arc = arcOf(p);
        EXPECT_LT(std::fabs(arc - category), std::fabs(t.elasticity - category))
            << t.sku << ": truth " << t.elasticity << ", fitted " << arc << ", category "
            << category;
        ownDistance += std::fabs(t.elasticity - category);
        fittedDistance += std::fabs(arc - category);
    }
    ASSERT_EQ(thin, 4);
    // Measured: 0.17 against 0.59 (pooled with every category instead: 0.38).
    EXPECT_LT(fittedDistance, 0.5 * ownDistance)
        << "mean distance from the category: fitted " << fittedDistance / thin << ", truth "
        << ownDistance / thin;
}

TEST_F(CategoryMarket, ProductsThatRespondAsTheirCategoryKeepItsShape)
{
    // Every product's true response is a constant elasticity: own shapes would fit only noise.
    EXPECT_FALSE(s_model->ownShapes());
}

TEST_F(CategoryMarket, ThirteenWeeksAheadTheTotalStaysNearTheTruth)
{
    const data::Panel& panel = s_project->panel();
    const int T = panel.periodCount();
    const std::vector<data::DemandCell> ahead = data::historyCells(panel, T - kHeldOutDays, T);
    std::vector<double> means(ahead.size());
    s_model->predict(ahead, means);
    double forecast = 0, truth = 0;
    for (size_t i = 0; i < ahead.size(); ++i) {
        forecast += means[i];
        truth += s_project->market().expectedDemand(
            s_project->truthIndex(ahead[i].product), panel.dayOf(ahead[i].period),
            ahead[i].discount, ahead[i].eventDay >= 0, std::max<int>(ahead[i].eventDay, 0));
    }
    EXPECT_NEAR(forecast / truth, 1.0, 0.03); // measured 1.005
}

namespace {

// --- A market without categories (the scanner family), weekly, with late entrants ---

constexpr int kHeldOutWeeks = 13;

synth::ScannerConfig scannerMarket()
{
    synth::ScannerConfig config;
    config.seed = 13; // bench/family2_bench.sh's market: W-0063 once ran away (bench/RESULTS.md)
    config.products = 300;
    config.weeks = 156;
    return config;
}

class ScannerPanel : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        const synth::ScannerConfig config = scannerMarket();
        s_project = new test::ScannerProject(config, [&](const synth::SalesRow& row) {
            return row.day < config.firstDay + 7 * (config.weeks - kHeldOutWeeks);
        });
        s_trained = new model::TrainedModel(test::trainStructuredOnAllHistory(s_project->panel()));
    }
    static void TearDownTestSuite()
    {
        delete s_trained;
        delete s_project;
    }
    static const synth::ScannerProduct& truthOf(int p)
    {
        return s_project->market().products()[static_cast<size_t>(s_project->truthIndex(p))];
    }

    static test::ScannerProject* s_project;
    static model::TrainedModel* s_trained;
};
test::ScannerProject* ScannerPanel::s_project = nullptr;
model::TrainedModel* ScannerPanel::s_trained = nullptr;

} // namespace

TEST_F(ScannerPanel, UnlikeProductsAreNotPooledIntoOnePrior)
{
    // Dense products with a saturating response have an arc elasticity to 30% off 0.7-1.2 below
    // or above the population's 2.5: two groups that one shared prior would pull together.
    const data::Panel& panel = s_project->panel();
    const int next = panel.periodCount();
    std::vector<double> lowFit, highFit, lowTruth, highTruth;
    for (int p = 0; p < panel.productCount(); ++p) {
        const synth::ScannerProduct& t = truthOf(p);
        if (!t.dense || t.response.shape != synth::DiscountResponse::Shape::Saturating)
            continue;
        const double truth = t.response.arcElasticity(kModerateDiscount);
        const double fit = fittedArcElasticity(*s_trained->model, panel, p, next);
        (truth < 2.5 ? lowFit : highFit).push_back(fit);
        (truth < 2.5 ? lowTruth : highTruth).push_back(truth);
    }
    auto mean = [](const std::vector<double>& v) {
        double s = 0;
        for (double x : v)
            s += x;
        return s / static_cast<double>(v.size());
    };
    ASSERT_GE(lowFit.size(), 5u);
    ASSERT_GE(highFit.size(), 5u);
    // Measured: the groups' truths 1.51 and 3.47, fitted 1.27 and 1.81 (one prior for all, a
    // ridge weight of 100: 1.83 and 1.97).
    EXPECT_GT(mean(highFit) - mean(lowFit), 0.35)
        << "low " << mean(lowFit) << " (truth " << mean(lowTruth) << "), high " << mean(highFit)
        << " (truth " << mean(highTruth) << ")";
    for (double fit : lowFit)
        EXPECT_LT(fit, mean(highFit));
    for (double fit : highFit)
        EXPECT_GT(fit, mean(lowFit));
}

TEST_F(ScannerPanel, EachProductsResponseKeepsItsOwnShape)
{
    // Some products' lift saturates by 20% off, others' only starts near 40%: what a deeper cut
    // adds from 20% to 45% off differs by product (truth: 1.17x to 4.7x), and decides whether a
    // sale should go deeper. One shape per category would give every product nearly the same.
    const auto* structured = dynamic_cast<const model::StructuredModel*>(s_trained->model.get());
    ASSERT_NE(structured, nullptr);
    EXPECT_TRUE(structured->ownShapes());
    const data::Panel& panel = s_project->panel();
    const int next = panel.periodCount();
    std::vector<double> fitted, truth;
    for (int p = 0; p < panel.productCount(); ++p) {
        const synth::ScannerProduct& t = truthOf(p);
        if (!t.dense)
            continue;
        const data::ScenarioPeriod regular{p, panel.dayOf(next), 0.0f, false, std::nanf("")};
        data::DemandCell shallow = data::scenarioCells(panel, {regular}).front();
        data::DemandCell deep = shallow;
        data::setDiscount(shallow, 0.20);
        data::setDiscount(deep, 0.45);
        const std::vector<data::DemandCell> cells = {shallow, deep};
        std::vector<double> means(cells.size());
        s_trained->model->predict(cells, means);
        fitted.push_back(std::log(means[1] / means[0]));
        truth.push_back(std::log(t.response.multiplier(0.45) / t.response.multiplier(0.20)));
    }
    ASSERT_GE(fitted.size(), 30u);
    auto spread = [](const std::vector<double>& v) {
        double mean = 0, square = 0;
        for (double x : v)
            mean += x / static_cast<double>(v.size());
        for (double x : v)
            square += (x - mean) * (x - mean) / static_cast<double>(v.size());
        return std::sqrt(square);
    };
    int concordant = 0, pairs = 0;
    for (size_t i = 0; i < fitted.size(); ++i)
        for (size_t j = i + 1; j < fitted.size(); ++j, ++pairs)
            concordant += (fitted[i] - fitted[j]) * (truth[i] - truth[j]) > 0 ? 1 : 0;
    // Measured on its 30 dense products: the fitted log lifts spread 0.35 against the truth's
    // 0.54 (one shape per category: 0.15 against 0.56 on the bench's campaign), and 62% of
    // product pairs are ordered as in the truth. One product's promotions pin its own shape down
    // only roughly; the plan gains from all of them together (bench/RESULTS.md, plan / oracle).
    EXPECT_GT(spread(fitted), 0.5 * spread(truth))
        << "fitted " << spread(fitted) << ", truth " << spread(truth);
    EXPECT_GT(static_cast<double>(concordant) / pairs, 0.55);
}

TEST_F(ScannerPanel, AMovedListPriceIsNotAPromotion)
{
    // The list prices move (dense products 4-6 times, by 8-25%) and demand follows them with an
    // elasticity of its own (truth: 0.5-0.9 or 2.1-2.5 for dense products); promotions are cuts
    // from the week's list price, and a saturating product's first 10% off lifts it by 0.2-1.0 in
    // logs. One response to the cut from the latest list price would read each week after a list
    // price move as a small promotion, and flatten the lift of shallow cuts toward the level's.
    const auto* structured = dynamic_cast<const model::StructuredModel*>(s_trained->model.get());
    ASSERT_NE(structured, nullptr);
    const data::Panel& panel = s_project->panel();
    const int next = panel.periodCount();
    std::vector<double> levelError, liftRatio;
    double lowLevel = 0, highLevel = 0;
    int lows = 0, highs = 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        const synth::ScannerProduct& t = truthOf(p);
        if (!t.dense)
            continue;
        const double level = structured->priceLevelElasticity(p);
        levelError.push_back(std::abs(level - t.priceElasticity));
        (t.priceElasticity < 1.5 ? lowLevel : highLevel) += level;
        ++(t.priceElasticity < 1.5 ? lows : highs);
        if (t.response.shape != synth::DiscountResponse::Shape::Saturating)
            continue;
        const data::ScenarioPeriod regular{p, panel.dayOf(next), 0.0f, false, std::nanf("")};
        const data::DemandCell atList = data::scenarioCells(panel, {regular}).front();
        data::DemandCell cut = atList;
        data::setDiscount(cut, 0.10);
        const std::vector<data::DemandCell> cells = {atList, cut};
        std::vector<double> means(cells.size());
        s_trained->model->predict(cells, means);
        liftRatio.push_back(std::log(means[1] / means[0]) / std::log(t.response.multiplier(0.10)));
    }
    ASSERT_GE(lows, 5);
    ASSERT_GE(highs, 5);
    ASSERT_GE(liftRatio.size(), 8u);
    auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    // Measured: the fitted lift at 10% off is 0.95 of the truth's (median over the saturating
    // dense products; 0.33 with one response to the whole cut from the latest list price). The
    // level elasticities are ordered as the truths but pulled together (1.58 for products whose
    // truth is 0.5-0.9, 1.71 for 2.1-2.5; median error 0.70): a product's own list price moves,
    // which mostly rise along its trend, tell its elasticity only roughly.
    EXPECT_GT(median(liftRatio), 0.75) << "fitted / true log lift at 10% off";
    EXPECT_LT(median(liftRatio), 1.25) << "fitted / true log lift at 10% off";
    EXPECT_GT(highLevel / highs, lowLevel / lows)
        << "low " << lowLevel / lows << ", high " << highLevel / highs;
    EXPECT_LT(median(levelError), 0.8);
}

TEST_F(ScannerPanel, NoProductTrendRunsAwayThirteenWeeksAhead)
{
    const data::Panel& panel = s_project->panel();
    const synth::ScannerMarket& market = s_project->market();
    const int cut = market.config().weeks - kHeldOutWeeks;
    double forecast = 0, truth = 0, worst = 1;
    std::string worstSku;
    for (int p = 0; p < panel.productCount(); ++p) {
        const int q = s_project->truthIndex(p);
        std::vector<data::ScenarioPeriod> regular;
        double productTruth = 0;
        for (int w = cut; w < market.config().weeks; ++w) {
            regular.push_back({p, market.weekStart(w), 0.0f, false, std::nanf("")});
            productTruth += market.expectedDemand(q, w, 0.0, false);
        }
        double productForecast = 0;
        for (const model::ForecastRow& row : model::forecastPeriods(panel, *s_trained, regular))
            productForecast += row.forecast;
        forecast += productForecast;
        truth += productTruth;
        const double ratio = productForecast / productTruth;
        if (cut - truthOf(p).entryWeek >= 4 && std::max(ratio, 1 / ratio) > worst) {
            worst = std::max(ratio, 1 / ratio);
            worstSku = truthOf(p).sku;
        }
    }
    // Measured: 1.040; the worst product with 4+ weeks of history, over or under, W-0063 (5
    // weeks) at 1.82x; it once ran to 22.7x (bench/RESULTS.md).
    EXPECT_NEAR(forecast / truth, 1.0, 0.06);
    EXPECT_LT(worst, 2.5) << worstSku;
}
