#include "base/error.h"
#include "data/panel.h"
#include "io/salesimporter.h"
#include "model/modelstore.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"
#include "plan/deepestdiscounts.h"
#include "plan/optimizer.h"
#include "plan/plannerdata.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support/marketproject.h"
#include "support/tempdir.h"
#include "support/trainedmodel.h"

#include <cstring>
#include <gtest/gtest.h>

using namespace fp;

namespace {

// Ten days of three products at list price 10, with known discounts:
//   tops: A at 40% off on 3 days and 60% on 2 days, B at 50% on 1 day; its deepest discount
//         sold on 3 product-days or more is 50% (60, 60, 50).
//   mugs: C at 10% off on 3 days (and a gap, filled with 0 units, which does not count).
class HistoryProject : public ::testing::Test
{
protected:
    HistoryProject() : m_store(m_dir.file("p.flashplan"))
    {
        std::string csv = "date,sku,category,units,price,list_price\n";
        const auto row = [&](int day, const char* sku, const char* category, int units,
                             double price) {
            csv += formatIsoDate(daysFromCivil(2025, 3, day)) + "," + sku + "," + category + "," +
                   std::to_string(units) + "," + std::to_string(price) + ",10\n";
        };
        for (int day = 1; day <= 10; ++day) {
            row(day, "A", "tops", 2, day <= 3 ? 6.0 : day <= 5 ? 4.0 : 10.0);
            row(day, "B", "tops", 5, day == 7 ? 5.0 : 10.0);
            if (day != 5) // a gap: filled with 0 units at no price
                row(day, "C", "mugs", 1, day >= 8 ? 9.0 : 10.0);
        }
        const io::ImportReport report = io::importSalesFile(m_store, m_dir.write("s.csv", csv));
        EXPECT_TRUE(report.committed);
        m_panel = std::make_unique<data::Panel>(data::Panel::load(m_store));
    }

    int product(const char* sku) const { return m_panel->findProduct(sku); }

    test::TempDir m_dir;
    store::Store m_store;
    std::unique_ptr<data::Panel> m_panel;
};

} // namespace

TEST_F(HistoryProject, DeepestDiscountIsTheDeepestThreeProductPeriodsOfTheCategoryReached)
{
    const plan::DeepestDiscounts deepest(*m_panel);
    EXPECT_DOUBLE_EQ(deepest.of(product("A")), 0.50);
    EXPECT_DOUBLE_EQ(deepest.of(product("B")), 0.50); // the category's, not the product's own
    EXPECT_DOUBLE_EQ(deepest.of(product("C")), 0.10);
}

// Issue 13, point 3: a weekly history without a list_price column, whose regular price rose from
// 10 to 14 in week 20; every promotion was 50% off the price in force (5 before, 7 after). The
// import estimates one list price for the whole history (14), against which the old promotions
// read as 64% off: a depth never sold. The deepest discount is measured from the regular price
// in force, 50%.
TEST(DeepestDiscounts, WithAnEstimatedListPriceTheDepthIsMeasuredFromTheRegularPriceInForce)
{
    test::TempDir dir;
    store::Store store(dir.file("p.flashplan"));
    std::string csv = "date,sku,units,price\n";
    for (int week = 0; week < 60; ++week) {
        const double regular = week < 20 ? 10.0 : 14.0;
        const bool promoted = week % 5 == 0 && week > 0; // weeks 5, 10, 15 at 5; 20, ... at 7
        csv += formatIsoDate(daysFromCivil(2025, 1, 6) + 7 * week) + ",X," +
               (promoted ? "30," : "10,") + std::to_string(promoted ? regular / 2 : regular) + "\n";
    }
    const io::ImportReport report = io::importSalesFile(store, dir.write("s.csv", csv));
    ASSERT_TRUE(report.committed);
    const data::Panel panel = data::Panel::load(store);
    ASSERT_EQ(panel.periodDays(), 7);
    // Its prices hold from week to week, so the panel reads each week's regular price from the
    // prices around it: 10 for the old cuts, not the import's one estimate (14: 64% off).
    ASSERT_TRUE(panel.products().front().listPriceEstimated);
    EXPECT_DOUBLE_EQ(panel.products().front().listPrice, 14.0); // the latest regular price
    EXPECT_DOUBLE_EQ(panel.listPrice(0, 5), 10.0);
    EXPECT_NEAR(panel.discount(0, 5), 0.50, 1e-6);
    EXPECT_DOUBLE_EQ(plan::DeepestDiscounts(panel).of(0), 0.50);
}

// The same, for promotions two weeks before the regular price rises: the estimated list price (14)
// was charged within four weeks of them, which for a list price from the file would make it the
// price they were cut from (64% off). An estimated one is not trusted so near a price change: the
// regular price in force is read from the prices around the cut (10 before it), 50%.
TEST(DeepestDiscounts, WithAnEstimatedListPriceACutJustBeforeARiseIsMeasuredFromThePriceBefore)
{
    test::TempDir dir;
    store::Store store(dir.file("p.flashplan"));
    std::string csv = "date,sku,units,price\n";
    for (int week = 0; week < 66; ++week) {
        const double regular = week % 22 < 10 ? 10.0 : 14.0; // 10 for 10 weeks, 14 for 12
        const bool promoted = week % 22 == 8;                // weeks 8, 30, 52 at 5
        csv += formatIsoDate(daysFromCivil(2025, 1, 6) + 7 * week) + ",X," +
               (promoted ? "30," : "10,") + std::to_string(promoted ? regular / 2 : regular) + "\n";
    }
    const io::ImportReport report = io::importSalesFile(store, dir.write("s.csv", csv));
    ASSERT_TRUE(report.committed);
    const data::Panel panel = data::Panel::load(store);
    ASSERT_TRUE(panel.products().front().listPriceEstimated);
    ASSERT_DOUBLE_EQ(panel.products().front().listPrice, 14.0); // the import's one estimate
    EXPECT_DOUBLE_EQ(plan::DeepestDiscounts(panel).of(0), 0.50);
}

TEST_F(HistoryProject, BeyondHistoryIsMoreThanHalfAPointDeeper)
{
    const plan::DeepestDiscounts deepest(*m_panel);
    EXPECT_FALSE(deepest.beyond(product("A"), 0.50));
    EXPECT_FALSE(deepest.beyond(product("A"), 0.504));
    EXPECT_TRUE(deepest.beyond(product("A"), 0.51));
    EXPECT_FALSE(deepest.beyond(product("C"), 0.0));
    EXPECT_TRUE(deepest.beyond(product("C"), 0.12));
}

TEST_F(HistoryProject, ACampaignsMaximumDiscountDefaultsToTheDeepestItsCategorySoldAt)
{
    // A names none (its category's 50%), B says 80% (beyond history, but the user's choice), C
    // names a minimum deeper than its category's 10% (the maximum follows it).
    const std::string path = m_dir.write("campaign.csv", "sku,min_discount,max_discount\n"
                                                         "A,,\n"
                                                         "B,,0.8\n"
                                                         "C,0.3,\n");
    const plan::CampaignFile file = plan::readCampaignFile(path, *m_panel);
    ASSERT_TRUE(file.problems.empty());
    ASSERT_EQ(file.products.size(), 3u);
    EXPECT_DOUBLE_EQ(file.products[0].maxDiscount, 0.50);
    EXPECT_DOUBLE_EQ(file.products[1].maxDiscount, 0.80);
    EXPECT_DOUBLE_EQ(file.products[2].minDiscount, 0.30);
    EXPECT_DOUBLE_EQ(file.products[2].maxDiscount, 0.30);
    const plan::DeepestDiscounts deepest(*m_panel);
    EXPECT_DOUBLE_EQ(deepest.defaultMaxDiscount(product("C")), 0.10);
}

TEST_F(HistoryProject, PlannerDataKnowsTheModelsProductsAndRanksThemByRevenue)
{
    model::TrainedModel trained; // only its product list matters here
    trained.productIds = {m_panel->products()[static_cast<size_t>(product("A"))].id,
                          m_panel->products()[static_cast<size_t>(product("B"))].id};
    const plan::PlannerData data(data::Panel::load(m_store), std::move(trained));
    EXPECT_TRUE(data.modelKnows[static_cast<size_t>(product("A"))]);
    EXPECT_FALSE(data.modelKnows[static_cast<size_t>(product("C"))]);
    // A: 2 units a day, 3 x 6 + 2 x 4 + 5 x 10 = 76 -> 152; B: 5 units, 9 x 10 + 5 -> 475.
    EXPECT_DOUBLE_EQ(data.historyRevenue[static_cast<size_t>(product("A"))], 152.0);
    EXPECT_EQ(data.productsByRevenue(), (std::vector<int>{product("B"), product("A")}));
    const int mugs = m_panel->products()[static_cast<size_t>(product("C"))].category;
    EXPECT_TRUE(data.productsByRevenue(mugs).empty()); // C is unknown to the model
    const std::int64_t idOfC = m_panel->products()[static_cast<size_t>(product("C"))].id;
    EXPECT_EQ(data.panelIndex(idOfC), product("C"));
    EXPECT_EQ(data.panelIndex(987654), -1);
    EXPECT_TRUE(data.beyondHistory(product("B"), 0.6));
    EXPECT_DOUBLE_EQ(data.deepestDiscountFor(product("C")), 0.10);
}

TEST_F(HistoryProject, LoadingWithoutATrainedModelSaysToTrainOne)
{
    try {
        plan::PlannerData::load(m_dir.file("p.flashplan"));
        FAIL() << "expected FlashPlanError";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("train"), std::string::npos) << e.what();
    }
}

namespace {

// A small synthetic market with a structured model, as the planner loads it.
class PlanOnMarket : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        synth::MarketConfig config;
        config.seed = 1212;
        config.products = 24;
        config.days = 400;
        s_project = new test::MarketProject(config);
        s_data = new plan::PlannerData(data::Panel::load(s_project->store()),
                                       test::trainStructuredOnAllHistory(s_project->panel()));
    }
    static void TearDownTestSuite()
    {
        delete s_data;
        delete s_project;
    }

    // Eight products with a budget that binds: half the markdown they would spend without one.
    static plan::Campaign campaign()
    {
        plan::Campaign c;
        c.start = s_project->market().endDay() + 7;
        c.days = 3;
        for (int p = 0; p < 8; ++p) {
            plan::CampaignProduct cp;
            cp.product = p;
            cp.listPrice = s_data->panel.products()[static_cast<size_t>(p)].listPrice;
            cp.unitCost = s_data->panel.products()[static_cast<size_t>(p)].unitCost;
            c.products.push_back(cp);
        }
        return c;
    }
    static plan::PlanSettings budgetSettings(const plan::CampaignEvaluator& evaluator)
    {
        plan::PlanSettings settings;
        settings.objective = plan::Objective::Profit;
        const plan::OptimizedPlan free =
            plan::optimize(evaluator, plan::toOptimizerSettings(settings));
        settings.budget = 0.5 * plan::totalsOf(free.rows).markdownCost;
        return settings;
    }

    static test::MarketProject* s_project;
    static plan::PlannerData* s_data;
};
test::MarketProject* PlanOnMarket::s_project = nullptr;
plan::PlannerData* PlanOnMarket::s_data = nullptr;

double objectiveOfRows(const std::vector<plan::ProductPlan>& rows,
                       const plan::PlanSettings& settings)
{
    double sum = 0;
    for (const plan::ProductPlan& row : rows)
        sum += plan::objectiveOf(row, settings.objective, settings.blendWeight);
    return sum;
}

} // namespace

TEST_F(PlanOnMarket, APlanResultHoldsTheWindowSettingsModelRowsAndTotals)
{
    const plan::Campaign c = campaign();
    const plan::CampaignEvaluator evaluator(s_data->panel, s_data->trained, c);
    plan::PlanSettings settings = budgetSettings(evaluator);
    settings.marginFloor = 0.1;
    settings.step = 0.1;
    const plan::OptimizedPlan optimized =
        plan::optimize(evaluator, plan::toOptimizerSettings(settings));
    const plan::PlanResult result =
        plan::makePlanResult(*s_data, c, settings, optimized.rows, std::nullopt);
    EXPECT_EQ(result.start, c.start);
    EXPECT_EQ(result.days, 3);
    EXPECT_EQ(result.objective, plan::Objective::Profit);
    EXPECT_EQ(result.budget, settings.budget);
    EXPECT_EQ(result.marginFloor, 0.1);
    EXPECT_EQ(result.step, 0.1);
    EXPECT_EQ(result.modelKind, "structured");
    EXPECT_EQ(result.modelScoresJson, s_data->trained.scoresJson);
    ASSERT_EQ(result.rows.size(), optimized.rows.size());
    EXPECT_EQ(result.totals.revenue, plan::totalsOf(optimized.rows).revenue);
    EXPECT_EQ(result.optimalityGap, 0.0); // no bound given
}

TEST_F(PlanOnMarket, TheGapIsHowFarTheRowsFallShortOfTheOptimizersBound)
{
    const plan::Campaign c = campaign();
    const plan::CampaignEvaluator evaluator(s_data->panel, s_data->trained, c);
    const plan::PlanSettings settings = budgetSettings(evaluator);
    plan::OptimizerSettings search = plan::toOptimizerSettings(settings);

    const plan::OptimizedPlan proven = plan::optimize(evaluator, search);
    ASSERT_TRUE(proven.proven);
    EXPECT_EQ(
        plan::makePlanResult(*s_data, c, settings, proven.rows, proven.upperBound).optimalityGap,
        0.0);

    search.nodeLimit = 1; // the search stops at once: the bound is the Lagrangian one
    const plan::OptimizedPlan cut = plan::optimize(evaluator, search);
    ASSERT_FALSE(cut.proven);
    const double gap =
        plan::makePlanResult(*s_data, c, settings, cut.rows, cut.upperBound).optimalityGap;
    EXPECT_GT(gap, 0.0);
    EXPECT_NEAR(gap, cut.upperBound - cut.objectiveValue, 1e-6 * cut.upperBound);

    // A plan moved by hand away from the optimum falls short by what it gave up: its first
    // product at list price, or half off where the optimum sells it at list price.
    std::vector<plan::ProductPlan> moved = proven.rows;
    moved[0] = evaluator.evaluate(0, proven.rows[0].discount > 0 ? 0.0 : 0.5);
    const double expected = proven.upperBound - objectiveOfRows(moved, settings);
    ASSERT_GT(expected, 0.0);
    EXPECT_NEAR(plan::makePlanResult(*s_data, c, settings, moved, proven.upperBound).optimalityGap,
                expected, 1e-9 * proven.upperBound);
}

TEST_F(PlanOnMarket, RowsDeeperThanTheirCategorySoldAtAreFlaggedBeyondHistory)
{
    const plan::Campaign c = campaign();
    const plan::CampaignEvaluator evaluator(s_data->panel, s_data->trained, c);
    std::vector<plan::ProductPlan> rows;
    for (int i = 0; i < evaluator.productCount(); ++i)
        rows.push_back(evaluator.evaluate(i, i % 2 == 1 ? 0.9 : 0.0));
    const plan::PlanResult result =
        plan::makePlanResult(*s_data, c, plan::PlanSettings{}, rows, std::nullopt);
    for (size_t i = 0; i < result.rows.size(); ++i)
        EXPECT_EQ(result.rows[i].flags.has(plan::RowFlag::BeyondHistory), i % 2 == 1) << i;
}

TEST_F(PlanOnMarket, RowsPricedBelowTheirUnitCostAreFlaggedBelowCost)
{
    const plan::Campaign c = campaign();
    const plan::CampaignEvaluator evaluator(s_data->panel, s_data->trained, c);
    std::vector<plan::ProductPlan> rows;
    int below = 0;
    for (int i = 0; i < evaluator.productCount(); ++i) {
        rows.push_back(evaluator.evaluate(i, i % 2 == 1 ? 0.9 : 0.0));
        below += rows.back().unitCost && rows.back().salePrice < *rows.back().unitCost;
    }
    ASSERT_GT(below, 0);
    const plan::PlanResult result =
        plan::makePlanResult(*s_data, c, plan::PlanSettings{}, rows, std::nullopt);
    for (const plan::ProductPlan& row : result.rows)
        EXPECT_EQ(row.flags.has(plan::RowFlag::BelowCost),
                  row.unitCost && row.salePrice < *row.unitCost)
            << row.sku;
    EXPECT_EQ(result.rows[1].flags.text(), result.rows[1].flags.has(plan::RowFlag::BelowCost)
                                               ? "beyond_history below_cost"
                                               : "beyond_history");
}

TEST(RowFlags, TextIsTheSpaceSeparatedNamesOrEmpty)
{
    plan::RowFlags flags;
    EXPECT_TRUE(flags.empty());
    EXPECT_EQ(flags.text(), "");
    flags.set(plan::RowFlag::BeyondHistory);
    EXPECT_FALSE(flags.empty());
    EXPECT_TRUE(flags.has(plan::RowFlag::BeyondHistory));
    EXPECT_EQ(flags.text(), "beyond_history");
    EXPECT_EQ(plan::flagName(plan::RowFlag::BeyondHistory), "beyond_history");
    EXPECT_NE(flags, plan::RowFlags());
}

// Sales imported after training at a new regular price must not move what the model says of a
// price: the same campaign at the same prices forecasts the same before and after the import,
// while the product's list price (the campaign's default) is the new one.
TEST(ModelPriceReference, SalesImportedAtANewRegularPriceDoNotMoveTheForecastOfAPrice)
{
    synth::MarketConfig config;
    config.seed = 1514;
    config.products = 12;
    config.days = 400;
    config.firstDay = daysFromCivil(2025, 8, 1);
    test::MarketProject project(config);
    store::Store& store = project.store();
    model::saveActiveModel(store, test::trainStructuredOnAllHistory(project.panel()));

    const double raised = project.panel().products()[0].listPrice * 1.2;
    plan::Campaign campaign;
    campaign.start = project.market().endDay() + 14;
    campaign.days = 3;
    plan::CampaignProduct cp;
    cp.product = 0;
    cp.listPrice = raised;
    campaign.products = {cp};
    const auto expectedUnits = [&] {
        const plan::PlannerData data(data::Panel::load(store), model::requireActiveModel(store));
        const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaign);
        return std::pair{evaluator.evaluate(0, 0.2).expectedUnits,
                         data.panel.products()[0].listPrice};
    };
    const auto [before, listBefore] = expectedUnits();

    const test::TempDir dir;
    std::string csv = "date,sku,units,price,list_price\n";
    for (int day = 0; day < 7; ++day)
        csv += formatIsoDate(project.market().endDay() + day) + "," +
               project.panel().products()[0].sku + ",3," + std::to_string(raised) + "," +
               std::to_string(raised) + "\n";
    ASSERT_TRUE(io::importSalesFile(store, dir.write("week.csv", csv)).committed);

    const auto [after, listAfter] = expectedUnits();
    EXPECT_NEAR(listAfter, raised, 1e-4);
    EXPECT_LT(listBefore, raised / 1.1);
    EXPECT_NEAR(after, before, 1e-9 * before);
}

// A product of a new category imported after training ("AAA" sorts before every other) must not
// shift the categories the model knows: each keeps its own noise, so a plan's expectations and
// intervals stay as they were. Before, every category read its neighbour's noise and the last one
// read past the model's.
TEST(ModelCategories, ACategoryImportedSinceMovesNoOtherCategorysForecast)
{
    synth::MarketConfig config;
    config.seed = 1515;
    config.products = 24;
    config.days = 400;
    config.firstDay = daysFromCivil(2025, 8, 1);
    test::MarketProject project(config);
    store::Store& store = project.store();
    model::saveActiveModel(store, test::trainStructuredOnAllHistory(project.panel()));
    ASSERT_GE(project.panel().categories().size(), 3u);

    plan::Campaign campaign;
    campaign.start = project.market().endDay() + 7;
    campaign.days = 3;
    for (int p = 0; p < project.panel().productCount(); ++p) {
        plan::CampaignProduct cp;
        cp.product = p;
        cp.listPrice = project.panel().products()[static_cast<size_t>(p)].listPrice;
        cp.stock = 10.0; // the expectation under a stock cap depends on the noise too
        campaign.products.push_back(cp);
    }
    // `named`: the model keeps its categories' names; else as a model stored before it did, whose
    // order is found from its products' categories.
    const auto plan = [&](bool named) {
        model::TrainedModel trained = model::requireActiveModel(store);
        if (!named)
            trained.categories.clear();
        const plan::PlannerData data(data::Panel::load(store), std::move(trained));
        const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaign);
        std::vector<plan::ProductPlan> rows;
        for (int i = 0; i < evaluator.productCount(); ++i)
            rows.push_back(evaluator.evaluate(i, 0.3));
        return rows;
    };
    const std::vector<plan::ProductPlan> before = plan(true);

    const test::TempDir dir;
    ASSERT_TRUE(io::importSalesFile(
                    store, dir.write("new.csv", "date,sku,category,units,price\n" +
                                                    formatIsoDate(project.market().endDay()) +
                                                    ",NEW-CAT,AAA,2,10\n"))
                    .committed);
    ASSERT_EQ(data::Panel::load(store).categories().front(), "AAA");

    for (const bool named : {true, false}) {
        const std::vector<plan::ProductPlan> after = plan(named);
        ASSERT_EQ(after.size(), before.size());
        for (size_t i = 0; i < before.size(); ++i) {
            EXPECT_EQ(after[i].expectedUnits, before[i].expectedUnits) << i << named;
            EXPECT_EQ(after[i].unitsLow, before[i].unitsLow) << i << named;
            EXPECT_EQ(after[i].unitsHigh, before[i].unitsHigh) << i << named;
        }
    }
}

// History imported after training from before the model's first day moves the panel's period 0:
// the model reads its trend, season and shopping days by period, so a plan must still read the
// days it was trained on. Before, one row 40 days older moved a plan's expectations.
TEST(ModelPeriods, HistoryImportedSinceFromBeforeTheModelsFirstDayMovesNoForecast)
{
    synth::MarketConfig config;
    config.seed = 1516;
    config.products = 12;
    config.days = 400;
    config.firstDay = daysFromCivil(2025, 8, 1);
    test::MarketProject project(config);
    store::Store& store = project.store();
    model::saveActiveModel(store, test::trainStructuredOnAllHistory(project.panel()));

    plan::Campaign campaign;
    campaign.start = project.market().endDay() + 7;
    campaign.days = 3;
    for (int p = 0; p < project.panel().productCount(); ++p) {
        plan::CampaignProduct cp;
        cp.product = p;
        cp.listPrice = project.panel().products()[static_cast<size_t>(p)].listPrice;
        campaign.products.push_back(cp);
    }
    const auto plan = [&] {
        const plan::PlannerData data(data::Panel::load(store), model::requireActiveModel(store));
        const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaign);
        std::vector<plan::ProductPlan> rows;
        for (int i = 0; i < evaluator.productCount(); ++i)
            rows.push_back(evaluator.evaluate(i, 0.3));
        return std::pair{rows, data.panel.firstDay()};
    };
    const auto [before, firstBefore] = plan();

    const data::PanelProduct& first = project.panel().products()[0];
    const test::TempDir dir;
    ASSERT_TRUE(
        io::importSalesFile(
            store, dir.write("older.csv", "date,sku,units,price,list_price\n" +
                                              formatIsoDate(config.firstDay - 40) + "," +
                                              first.sku + ",3," + std::to_string(first.listPrice) +
                                              "," + std::to_string(first.listPrice) + "\n"))
            .committed);
    ASSERT_EQ(data::Panel::load(store).firstDay(), config.firstDay - 40);

    const auto [after, firstAfter] = plan();
    EXPECT_EQ(firstAfter, firstBefore);
    ASSERT_EQ(after.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].expectedUnits, before[i].expectedUnits) << i;
        EXPECT_EQ(after[i].unitsLow, before[i].unitsLow) << i;
        EXPECT_EQ(after[i].unitsHigh, before[i].unitsHigh) << i;
    }
}

TEST(PanelStartAt, LeavesOutThePeriodsBeforeTheDayAndKeepsTheRest)
{
    data::PanelProduct a;
    a.sku = "A";
    a.firstPeriod = 0;
    a.lastPeriod = 4;
    data::PanelProduct b;
    b.sku = "B";
    b.firstPeriod = 0;
    b.lastPeriod = 1;
    data::Panel panel(7, 700, 5, {a, b}, {""});
    for (int t = 0; t < 5; ++t)
        panel.setCell(0, t, float(t), 10.0f + float(t), 20.0f, 5.0f, t == 3 ? 0 : -1);
    panel.setCell(1, 0, 1.0f, 1.0f, 1.0f, 1.0f, -1);
    panel.setCell(1, 1, 1.0f, 1.0f, 1.0f, 1.0f, -1);
    panel.startAt(703); // not a period's first day: no change
    EXPECT_EQ(panel.periodCount(), 5);
    panel.startAt(714);
    EXPECT_EQ(panel.firstDay(), 714);
    ASSERT_EQ(panel.periodCount(), 3);
    EXPECT_EQ(panel.products()[0].firstPeriod, 0);
    EXPECT_EQ(panel.products()[0].lastPeriod, 2);
    for (int t = 0; t < 3; ++t) {
        EXPECT_EQ(panel.units(0, t), float(t + 2));
        EXPECT_EQ(panel.price(0, t), 12.0f + float(t));
        EXPECT_EQ(panel.event(0, t), t == 1 ? 0 : -1);
        EXPECT_TRUE(panel.present(0, t));
    }
    // B sold only before the day: no period of it is left.
    EXPECT_EQ(panel.products()[1].lastPeriod, -1);
}

// A model stored by an earlier version (format 2: no first day, categories or regular prices
// kept) still reads its periods, categories and prices as it was trained: its first day from its
// fit's own shape, its categories' order from its products', their regular prices from the
// periods it was trained on.
TEST(ModelPeriods, AModelStoredBeforeItKeptItsFirstDayReadsItFromItsFit)
{
    synth::MarketConfig config;
    config.seed = 1517;
    config.products = 12;
    config.days = 300;
    config.firstDay = daysFromCivil(2025, 8, 1);
    test::MarketProject project(config);
    store::Store& store = project.store();
    const model::TrainedModel trained = test::trainStructuredOnAllHistory(project.panel());
    model::saveActiveModel(store, trained);
    {
        // The same blob as format 2 wrote it: the version, and without what format 3 added.
        sql::Database& db = store.database();
        sql::Statement read(db, "SELECT id, params FROM models WHERE is_active = 1");
        ASSERT_TRUE(read.step());
        const std::int64_t id = read.int64(0);
        std::vector<std::uint8_t> blob = read.blob(1);
        read.reset();
        size_t added = 8 + 8 * trained.referencePrice.size() + 4 + 1 + 8;
        for (const std::string& name : trained.categories)
            added += 8 + name.size();
        ASSERT_GT(blob.size(), added);
        blob.resize(blob.size() - added);
        const std::uint32_t version = 2;
        std::memcpy(blob.data(), &version, sizeof version);
        sql::Statement write(db, "UPDATE models SET params = ?1 WHERE id = ?2");
        write.bind(1, blob).bind(2, id).run();
    }
    const model::TrainedModel old = model::requireActiveModel(store);
    EXPECT_TRUE(old.referencePrice.empty());
    EXPECT_TRUE(old.categories.empty());
    ASSERT_TRUE(old.firstDay.has_value());
    EXPECT_EQ(*old.firstDay, config.firstDay);

    plan::Campaign campaign;
    campaign.start = project.market().endDay() + 7;
    campaign.days = 3;
    for (int p = 0; p < project.panel().productCount(); ++p) {
        plan::CampaignProduct cp;
        cp.product = p;
        cp.listPrice = project.panel().products()[static_cast<size_t>(p)].listPrice;
        campaign.products.push_back(cp);
    }
    const auto plan = [&] {
        const plan::PlannerData data(data::Panel::load(store), model::requireActiveModel(store));
        const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaign);
        std::vector<plan::ProductPlan> rows;
        for (int i = 0; i < evaluator.productCount(); ++i)
            rows.push_back(evaluator.evaluate(i, 0.3));
        return rows;
    };
    const std::vector<plan::ProductPlan> before = plan();
    // One row older than the model's first day, a product of a new category, and a later row
    // of another product at a new regular price.
    const data::PanelProduct& first = project.panel().products()[0];
    const data::PanelProduct& second = project.panel().products()[1];
    const double raised = second.listPrice * 1.2;
    const std::string later = formatIsoDate(project.market().endDay());
    std::string csv = "date,sku,category,units,price,list_price\n";
    csv += formatIsoDate(config.firstDay - 40) + "," + first.sku + ",,3," +
           std::to_string(first.listPrice) + "," + std::to_string(first.listPrice) + "\n";
    csv += later + ",NEW-CAT,AAA,2,10,10\n";
    csv += later + "," + second.sku + ",,3," + std::to_string(raised) + "," +
           std::to_string(raised) + "\n";
    const test::TempDir dir;
    ASSERT_TRUE(io::importSalesFile(store, dir.write("later.csv", csv)).committed);
    const std::vector<plan::ProductPlan> after = plan();
    ASSERT_EQ(after.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].expectedUnits, before[i].expectedUnits) << i;
        EXPECT_EQ(after[i].unitsLow, before[i].unitsLow) << i;
        EXPECT_EQ(after[i].unitsHigh, before[i].unitsHigh) << i;
    }
}
