#include "base/error.h"
#include "data/panel.h"
#include "io/salesimporter.h"
#include "model/modelstore.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"
#include "plan/deepestdiscounts.h"
#include "plan/optimizer.h"
#include "plan/plannerdata.h"
#include "store/store.h"
#include "support/marketproject.h"
#include "support/tempdir.h"
#include "support/trainedmodel.h"

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

TEST(RowFlags, ParseReadsBackWhatTextWroteAndWhatAHandEditedTableHolds)
{
    plan::RowFlags every;
    every.set(plan::RowFlag::ColdStart);
    every.set(plan::RowFlag::BeyondHistory);
    every.set(plan::RowFlag::BelowCost);
    EXPECT_EQ(plan::RowFlags::parse(every.text()), every);
    EXPECT_EQ(plan::RowFlags::parse(""), plan::RowFlags());

    const plan::RowFlags edited = plan::RowFlags::parse(" Cold_Start,below_cost  overstocked ");
    EXPECT_TRUE(edited.has(plan::RowFlag::ColdStart));
    EXPECT_TRUE(edited.has(plan::RowFlag::BelowCost));
    EXPECT_FALSE(edited.has(plan::RowFlag::BeyondHistory));
    // A name that only contains a flag's is not that flag.
    EXPECT_TRUE(plan::RowFlags::parse("not_cold_start").empty());
}
