// Saved scenarios (round trip, replace, delete, rename, upgrade from schema v1), a plan at given
// discounts, and the comparison of two plans; the working plan kept in the project and its state
// word; new products (no sales history) in the working plan, placed again when it is read back;
// a campaign file's new products and the sale window's warnings.
#include "base/error.h"
#include "model/modelstore.h"
#include "model/noisemodel.h"
#include "model/structuredmodel.h"
#include "plan/campaignevaluator.h"
#include "plan/optimizer.h"
#include "plan/plannerdata.h"
#include "plan/scenariocompare.h"
#include "plan/scenariostore.h"
#include "plan/workingplan.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "support/marketproject.h"
#include "support/tempdir.h"
#include "support/trainedmodel.h"

#include <functional>
#include <gtest/gtest.h>
#include <numeric>
#include <set>

using namespace fp;
using plan::Limit;

namespace {

// A small market imported into a project, with a structured model trained on all its history.
class Scenarios : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        synth::MarketConfig config;
        config.seed = 77;
        config.products = 12;
        config.days = 400;
        config.firstDay = daysFromCivil(2025, 6, 1);
        config.eventsPerProductYear = 8;
        s_project = new test::MarketProject(config);
        s_trained = new model::TrainedModel(test::trainStructuredOnAllHistory(s_project->panel()));
    }
    static void TearDownTestSuite()
    {
        delete s_trained;
        delete s_project;
    }
    // Each test starts without scenarios (deleting the campaigns cascades to the rest).
    void SetUp() override
    {
        store().database().exec(
            "DELETE FROM campaigns; DELETE FROM working_plans; DELETE FROM new_products");
        // (a campaign's deletion cascades to its scenario's new products)
    }

    static store::Store& store() { return s_project->store(); }
    static const data::Panel& panel() { return s_project->panel(); }

    static std::int64_t count(const char* sql)
    {
        sql::Statement stmt(store().database(), sql);
        return stmt.step() ? stmt.int64(0) : -1;
    }
    static std::int64_t rowsBelowScenarios()
    {
        return count("SELECT count(*) FROM campaigns") +
               count("SELECT count(*) FROM campaign_products") +
               count("SELECT count(*) FROM scenarios") +
               count("SELECT count(*) FROM scenario_discounts") +
               count("SELECT count(*) FROM scenario_new_products");
    }

    // Four products out of panel order, with every kind of limit and awkward numbers.
    static plan::Campaign sampleCampaign()
    {
        plan::Campaign c;
        c.start = s_project->market().endDay() + 9;
        c.days = 3;
        plan::CampaignProduct a;
        a.product = 5;
        a.stock = 37.25;
        a.unitCost = 3.141592653589793;
        a.listPrice = 19.99;
        a.minDiscount = 0.05;
        a.maxDiscount = 0.6;
        plan::CampaignProduct b;
        b.product = 1; // unlimited stock, no unit cost
        b.listPrice = 1.0 / 3.0;
        plan::CampaignProduct d;
        d.product = 3;
        d.stock = 0;
        d.unitCost = 0.1 + 0.2;
        d.listPrice = 1e6 + 0.0001;
        d.maxDiscount = 0.95;
        d.lockedDiscount = 0.35;
        plan::CampaignProduct e;
        e.product = 0;
        e.stock = 120;
        e.listPrice = panel().products()[0].listPrice;
        e.unitCost = panel().products()[0].unitCost;
        e.minDiscount = 0.1;
        e.maxDiscount = 0.1;
        c.products = {a, b, d, e};
        return c;
    }
    static plan::PlanSettings sampleSettings()
    {
        plan::PlanSettings s;
        s.objective = plan::Objective::Blend;
        s.blendWeight = 1.0 / 7.0;
        s.budget = 1234.5678901234567;
        s.marginFloor = 0.1 + 0.2;
        s.step = 0.025;
        return s;
    }
    static std::vector<double> sampleDiscounts() { return {0.1 + 1e-13, 0.7, 0.35, 0.1}; }
    static plan::PlanTotals sampleTotals()
    {
        plan::PlanTotals t;
        t.units = 456.789;
        t.revenue = 9876.54321;
        t.profit = 1234.5;
        t.markdownCost = 321.125;
        t.profitComplete = false;
        return t;
    }
    static std::int64_t saveSample(const std::string& name)
    {
        return plan::saveScenario(store(), panel(), name, sampleCampaign(), sampleSettings(),
                                  sampleDiscounts(), sampleTotals());
    }

    static test::MarketProject* s_project;
    static model::TrainedModel* s_trained;
};
test::MarketProject* Scenarios::s_project = nullptr;
model::TrainedModel* Scenarios::s_trained = nullptr;

void expectSameCampaign(const plan::Campaign& a, const plan::Campaign& b)
{
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.days, b.days);
    ASSERT_EQ(a.products.size(), b.products.size());
    for (size_t i = 0; i < a.products.size(); ++i) {
        SCOPED_TRACE("product " + std::to_string(i));
        const plan::CampaignProduct& x = a.products[i];
        const plan::CampaignProduct& y = b.products[i];
        EXPECT_EQ(x.product, y.product);
        EXPECT_EQ(x.stock, y.stock); // exact, optional included
        EXPECT_EQ(x.unitCost, y.unitCost);
        EXPECT_EQ(x.listPrice, y.listPrice);
        EXPECT_EQ(x.minDiscount, y.minDiscount);
        EXPECT_EQ(x.maxDiscount, y.maxDiscount);
        EXPECT_EQ(x.lockedDiscount, y.lockedDiscount);
    }
}

void expectSameRow(const plan::ProductPlan& x, const plan::ProductPlan& y)
{
    EXPECT_EQ(x.sku, y.sku);
    EXPECT_EQ(x.discount, y.discount);
    EXPECT_DOUBLE_EQ(x.salePrice, y.salePrice);
    EXPECT_DOUBLE_EQ(x.expectedUnits, y.expectedUnits);
    EXPECT_DOUBLE_EQ(x.unitsLow, y.unitsLow);
    EXPECT_DOUBLE_EQ(x.unitsHigh, y.unitsHigh);
    EXPECT_DOUBLE_EQ(x.expectedRevenue, y.expectedRevenue);
    EXPECT_EQ(x.expectedProfit.has_value(), y.expectedProfit.has_value());
    if (x.expectedProfit && y.expectedProfit) {
        EXPECT_DOUBLE_EQ(*x.expectedProfit, *y.expectedProfit);
    }
    EXPECT_DOUBLE_EQ(x.sellOutProbability, y.sellOutProbability);
    EXPECT_DOUBLE_EQ(x.markdownCost, y.markdownCost);
    EXPECT_EQ(x.locked, y.locked);
}

} // namespace

// ---- Saving and loading ------------------------------------------------------------------------

TEST_F(Scenarios, SaveAndLoadRoundTripExactly)
{
    const std::int64_t id = saveSample("  Deep 11.11 \n");
    const plan::Scenario s = plan::loadScenario(store(), panel(), id);
    EXPECT_EQ(s.info.id, id);
    EXPECT_EQ(s.info.name, "Deep 11.11");
    EXPECT_EQ(s.info.start, sampleCampaign().start);
    EXPECT_EQ(s.info.days, 3);
    EXPECT_EQ(s.info.products, 4);
    EXPECT_EQ(s.info.revenue, 9876.54321);
    EXPECT_EQ(s.info.units, 456.789);
    EXPECT_EQ(s.info.profit, std::nullopt); // incomplete profit is not a number to show
    EXPECT_EQ(s.info.markdownCost, 321.125);
    EXPECT_EQ(s.info.createdAt.size(), 20u) << s.info.createdAt; // 2026-11-11T10:00:00Z
    expectSameCampaign(s.campaign, sampleCampaign());
    EXPECT_EQ(s.discounts, sampleDiscounts()); // bit for bit
    const plan::PlanSettings want = sampleSettings();
    EXPECT_EQ(s.settings.objective, want.objective);
    EXPECT_EQ(s.settings.blendWeight, want.blendWeight);
    EXPECT_EQ(s.settings.budget, want.budget);
    EXPECT_EQ(s.settings.marginFloor, want.marginFloor);
    EXPECT_EQ(s.settings.step, want.step);
    EXPECT_TRUE(s.notes.empty());
}

TEST_F(Scenarios, SettingsWithoutBudgetOrFloorStayWithout)
{
    plan::PlanSettings settings; // revenue, no budget, never below cost
    EXPECT_EQ(settings.marginFloor, 0.0);
    settings.marginFloor.reset(); // below cost allowed: no floor
    plan::PlanTotals totals;
    totals.profit = 17.5; // complete
    const std::int64_t id = plan::saveScenario(store(), panel(), "plain", sampleCampaign(),
                                               settings, sampleDiscounts(), totals);
    const plan::Scenario s = plan::loadScenario(store(), panel(), id);
    EXPECT_EQ(s.settings.objective, plan::Objective::Revenue);
    EXPECT_EQ(s.settings.budget, std::nullopt);
    EXPECT_EQ(s.settings.marginFloor, std::nullopt);
    EXPECT_EQ(s.settings.blendWeight, 0.5);
    EXPECT_EQ(s.info.profit, 17.5);

    const plan::OptimizerSettings o = plan::toOptimizerSettings(sampleSettings());
    EXPECT_EQ(o.objective, plan::Objective::Blend);
    EXPECT_EQ(o.blendWeight, 1.0 / 7.0);
    EXPECT_EQ(o.budget, 1234.5678901234567);
    EXPECT_EQ(o.marginFloor, 0.1 + 0.2);
    EXPECT_EQ(o.step, 0.025);
}

TEST_F(Scenarios, NamesAreTrimmedNonEmptyAndAtMost200Characters)
{
    for (const std::string& bad :
         std::vector<std::string>{"", "   ", "\t\n", std::string(201, 'x')}) {
        EXPECT_THROW(saveSample(bad), FlashPlanError) << "'" << bad << "'";
    }
    EXPECT_EQ(rowsBelowScenarios(), 0);
    std::string twoHundredAccents;
    for (int i = 0; i < 200; ++i)
        twoHundredAccents += "\xC3\xA9"; // é: 200 characters, 400 bytes
    const std::int64_t id = saveSample(twoHundredAccents);
    EXPECT_EQ(plan::loadScenario(store(), panel(), id).info.name, twoHundredAccents);
    EXPECT_NO_THROW(saveSample(std::string(200, 'x')));
}

TEST_F(Scenarios, InconsistentInputIsRefusedAndWritesNothing)
{
    const plan::Campaign campaign = sampleCampaign();
    const plan::PlanSettings settings = sampleSettings();
    EXPECT_THROW(plan::saveScenario(store(), panel(), "a", campaign, settings, {0.1, 0.2}, {}),
                 FlashPlanError);
    EXPECT_THROW(
        plan::saveScenario(store(), panel(), "a", campaign, settings, {0.1, 1.2, 0.35, 0.1}, {}),
        FlashPlanError);
    plan::Campaign twice = campaign;
    twice.products[1].product = twice.products[0].product;
    EXPECT_THROW(plan::saveScenario(store(), panel(), "a", twice, settings, sampleDiscounts(), {}),
                 FlashPlanError);
    EXPECT_EQ(rowsBelowScenarios(), 0);
}

TEST_F(Scenarios, ALockedProductIsSavedAtItsLock)
{
    std::vector<double> discounts = sampleDiscounts();
    discounts[2] = 0.5; // the product is locked at 0.35
    const std::int64_t id = plan::saveScenario(store(), panel(), "lock", sampleCampaign(),
                                               sampleSettings(), discounts, {});
    const plan::Scenario s = plan::loadScenario(store(), panel(), id);
    EXPECT_EQ(s.discounts[2], 0.35);
    EXPECT_EQ(s.campaign.products[2].lockedDiscount, 0.35);
    EXPECT_EQ(s.campaign.products[0].lockedDiscount, std::nullopt);
}

TEST_F(Scenarios, SavingUnderATakenNameReplacesThatScenario)
{
    const std::int64_t b = saveSample("B");
    saveSample("A");
    const std::int64_t rowsOfTwo = rowsBelowScenarios();
    EXPECT_EQ(rowsOfTwo, 2 * (1 + 4 + 1 + 4));
    plan::Campaign campaign = sampleCampaign();
    campaign.days = 7;
    const std::vector<double> other = {0.2, 0.3, 0.35, 0.1};
    const std::int64_t a =
        plan::saveScenario(store(), panel(), "A", campaign, {}, other, sampleTotals());
    const std::vector<plan::ScenarioInfo> list = plan::listScenarios(store());
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, a);
    EXPECT_EQ(list[1].id, b);
    const plan::Scenario loaded = plan::loadScenario(store(), panel(), a);
    EXPECT_EQ(loaded.discounts, other);
    EXPECT_EQ(loaded.campaign.days, 7);
    EXPECT_EQ(loaded.settings.objective, plan::Objective::Revenue);
    EXPECT_EQ(rowsBelowScenarios(), rowsOfTwo); // nothing of the old "A" is left
    EXPECT_EQ(plan::loadScenario(store(), panel(), b).discounts, sampleDiscounts());
}

TEST_F(Scenarios, TheListIsNewestFirstWithSavedTotals)
{
    const std::int64_t a = saveSample("A");
    plan::Campaign small = sampleCampaign();
    small.products.resize(2);
    small.days = 5;
    plan::PlanTotals totals;
    totals.revenue = 42.5;
    const std::int64_t b =
        plan::saveScenario(store(), panel(), "B", small, sampleSettings(), {0.1, 0.2}, totals);
    const std::int64_t c = saveSample("C");
    const std::vector<plan::ScenarioInfo> list = plan::listScenarios(store());
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, c);
    EXPECT_EQ(list[1].id, b);
    EXPECT_EQ(list[2].id, a);
    EXPECT_EQ(list[1].name, "B");
    EXPECT_EQ(list[1].products, 2);
    EXPECT_EQ(list[1].days, 5);
    EXPECT_EQ(list[1].start, small.start);
    EXPECT_EQ(list[1].revenue, 42.5);
    EXPECT_EQ(list[0].revenue, 9876.54321);
}

TEST_F(Scenarios, DeletingRemovesEveryRowOfTheScenarioAndNothingElse)
{
    const std::int64_t a = saveSample("A");
    const std::int64_t rowsOfOne = rowsBelowScenarios();
    const std::int64_t b = saveSample("B");
    EXPECT_EQ(rowsBelowScenarios(), 2 * rowsOfOne);
    const std::int64_t products = count("SELECT count(*) FROM products");

    plan::deleteScenario(store(), a);
    EXPECT_EQ(rowsBelowScenarios(), rowsOfOne);
    EXPECT_EQ(plan::listScenarios(store()).size(), 1u);
    EXPECT_NO_THROW(plan::loadScenario(store(), panel(), b));
    EXPECT_NO_THROW(plan::deleteScenario(store(), a)); // already gone: no change
    EXPECT_EQ(rowsBelowScenarios(), rowsOfOne);

    plan::deleteScenario(store(), b);
    EXPECT_EQ(count("SELECT count(*) FROM campaigns"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM campaign_products"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM scenarios"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM scenario_discounts"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM products"), products);
}

TEST_F(Scenarios, RenameChecksTheNameAndRenamesTheCampaignToo)
{
    const std::int64_t a = saveSample("A");
    saveSample("B");
    plan::renameScenario(store(), a, "  Renamed ");
    EXPECT_EQ(plan::loadScenario(store(), panel(), a).info.name, "Renamed");
    EXPECT_EQ(count("SELECT count(*) FROM campaigns WHERE name = 'Renamed'"), 1);
    EXPECT_NO_THROW(plan::renameScenario(store(), a, "Renamed")); // its own name
    try {
        plan::renameScenario(store(), a, "B");
        ADD_FAILURE() << "expected FlashPlanError";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("'B'"), std::string::npos) << e.what();
    }
    EXPECT_THROW(plan::renameScenario(store(), a, " "), FlashPlanError);
    EXPECT_THROW(plan::renameScenario(store(), a, std::string(201, 'n')), FlashPlanError);
    EXPECT_THROW(plan::renameScenario(store(), a + 1000, "C"), FlashPlanError);
    EXPECT_EQ(plan::loadScenario(store(), panel(), a).info.name, "Renamed");
}

TEST_F(Scenarios, LoadingAnAbsentScenarioThrows)
{
    EXPECT_THROW(plan::loadScenario(store(), panel(), 4242), FlashPlanError);
}

TEST_F(Scenarios, ScenariosSurviveClosingAndReopeningTheProject)
{
    std::int64_t id = 0;
    {
        store::Store writer(store().path(), store::Store::OpenMode::MustExist);
        id = plan::saveScenario(writer, panel(), "kept", sampleCampaign(), sampleSettings(),
                                sampleDiscounts(), sampleTotals());
    }
    store::Store reader(store().path(), store::Store::OpenMode::ReadOnly);
    const std::vector<plan::ScenarioInfo> list = plan::listScenarios(reader);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].name, "kept");
    const plan::Scenario s = plan::loadScenario(reader, panel(), id);
    expectSameCampaign(s.campaign, sampleCampaign());
    EXPECT_EQ(s.discounts, sampleDiscounts());
}

TEST_F(Scenarios, AProductTheProjectNoLongerHoldsIsLeftOutAndNamed)
{
    const std::int64_t id = saveSample("A");
    // The same project's products without panel product 3, so the others move up.
    std::vector<data::PanelProduct> kept;
    for (int p = 0; p < panel().productCount(); ++p)
        if (p != 3)
            kept.push_back(panel().products()[static_cast<size_t>(p)]);
    const data::Panel later(panel().periodDays(), panel().firstDay(), 1, kept,
                            panel().categories());
    const plan::Scenario s = plan::loadScenario(store(), later, id);
    ASSERT_EQ(s.notes.size(), 1u);
    EXPECT_EQ(s.notes[0].kind, ProblemKind::ScenarioProductGone);
    EXPECT_EQ(s.notes[0].message(), "'" + panel().products()[3].sku +
                                        "' is no longer in the project's sales history; left out");
    EXPECT_EQ(s.info.products, 4); // as saved
    ASSERT_EQ(s.campaign.products.size(), 3u);
    ASSERT_EQ(s.discounts.size(), 3u);
    EXPECT_EQ(s.campaign.products[0].product, 4); // panel product 5, one place up
    EXPECT_EQ(s.campaign.products[1].product, 1);
    EXPECT_EQ(s.campaign.products[2].product, 0);
    EXPECT_EQ(s.discounts, (std::vector<double>{0.1 + 1e-13, 0.7, 0.1}));
}

TEST_F(Scenarios, AVersion1ProjectIsUpgradedAndKeepsItsScenarios)
{
    test::TempDir dir;
    const std::string path = dir.file("old.flashplan");
    const std::int64_t productId = panel().products()[2].id;
    {
        // A project as version 1 wrote it: the tables without the columns version 2 added.
        store::Store fresh(path);
        sql::Database& db = fresh.database();
        db.exec("ALTER TABLE scenarios DROP COLUMN total_units;"
                "ALTER TABLE scenarios DROP COLUMN total_revenue;"
                "ALTER TABLE scenarios DROP COLUMN total_profit;"
                "ALTER TABLE scenarios DROP COLUMN total_markdown_cost;"
                "ALTER TABLE campaign_products DROP COLUMN position;"
                "DROP TABLE working_plan_products; DROP TABLE working_plans;"
                "DROP TABLE new_products; DROP TABLE scenario_new_products;"
                "DROP TABLE backtest_events;"
                "DROP TABLE backtest_rows; DROP TABLE backtests;"
                "PRAGMA user_version = 1;");
        sql::Statement product(db, "INSERT INTO products(id, sku) VALUES(?1, ?2)");
        product.bind(1, productId).bind(2, panel().products()[2].sku).run();
        db.exec("INSERT INTO campaigns(id, name, start_day, days, created_at) "
                "VALUES(7, 'old', 20000, 2, '2026-01-01T00:00:00Z');"
                "INSERT INTO scenarios(id, campaign_id, name, created_at, settings) "
                "VALUES(3, 7, 'old', '2026-01-01T00:00:00Z', 'objective=profit\nstep=0.1\n');");
        sql::Statement rows(db, "INSERT INTO campaign_products(campaign_id, product_id, stock, "
                                "list_price, min_discount, max_discount) "
                                "VALUES(7, ?1, 50, 10, 0, 0.5)");
        rows.bind(1, productId).run();
        sql::Statement discount(db, "INSERT INTO scenario_discounts(scenario_id, product_id, "
                                    "discount, locked) VALUES(3, ?1, 0.25, 1)");
        discount.bind(1, productId).run();
    }
    store::Store upgraded(path, store::Store::OpenMode::MustExist);
    sql::Statement version(upgraded.database(), "PRAGMA user_version");
    ASSERT_TRUE(version.step());
    EXPECT_EQ(version.int64(0), store::currentSchemaVersion());
    const std::vector<plan::ScenarioInfo> list = plan::listScenarios(upgraded);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, 3);
    EXPECT_EQ(list[0].revenue, 0.0);
    EXPECT_EQ(list[0].profit, std::nullopt);
    const plan::Scenario s = plan::loadScenario(upgraded, panel(), 3);
    EXPECT_EQ(s.settings.objective, plan::Objective::Profit);
    EXPECT_EQ(s.settings.step, 0.1);
    ASSERT_EQ(s.campaign.products.size(), 1u);
    EXPECT_EQ(s.campaign.products[0].product, 2);
    EXPECT_EQ(s.campaign.products[0].stock, 50.0);
    EXPECT_EQ(s.campaign.products[0].lockedDiscount, 0.25);
    EXPECT_EQ(s.discounts, std::vector<double>{0.25});
    // And the upgraded file takes new scenarios.
    plan::Campaign campaign;
    campaign.start = 20000;
    campaign.products = {s.campaign.products[0]};
    EXPECT_NO_THROW(plan::saveScenario(upgraded, panel(), "new", campaign, {}, {0.25}, {}));
    EXPECT_EQ(plan::listScenarios(upgraded).size(), 2u);
}

// Version 6 named every scenario row by products.id: the upgrade keeps the rows, their order and
// their constraints, and the tables then take a new product by sku.
TEST_F(Scenarios, AVersion6ProjectIsUpgradedAndItsScenariosTakeNewProducts)
{
    test::TempDir dir;
    const std::string path = dir.file("v6.flashplan");
    const data::PanelProduct& first = panel().products()[2];
    const data::PanelProduct& second = panel().products()[5];
    {
        store::Store fresh(path);
        sql::Database& db = fresh.database();
        db.exec(R"sql(
DROP TABLE scenario_new_products;
DROP TABLE campaign_products;
DROP TABLE scenario_discounts;
CREATE TABLE campaign_products (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    product_id   INTEGER NOT NULL REFERENCES products(id),
    stock        REAL,
    unit_cost    REAL,
    list_price   REAL,
    min_discount REAL NOT NULL DEFAULT 0,
    max_discount REAL NOT NULL DEFAULT 0.7,
    position     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, product_id)
);
CREATE TABLE scenario_discounts (
    scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES products(id),
    discount    REAL NOT NULL CHECK (discount >= 0 AND discount <= 1),
    locked      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scenario_id, product_id)
);
PRAGMA user_version = 6;
INSERT INTO campaigns(id, name, start_day, days, created_at)
    VALUES(4, 'v6', 20000, 2, '2026-11-01T00:00:00Z');
INSERT INTO scenarios(id, campaign_id, name, created_at) VALUES(9, 4, 'v6', '2026-11-01T00:00:00Z');
)sql");
        sql::Statement product(db, "INSERT INTO products(id, sku) VALUES(?1, ?2)");
        product.bind(1, first.id).bind(2, std::string_view(first.sku)).run();
        product.bind(1, second.id).bind(2, std::string_view(second.sku)).run();
        // Saved before positions were kept: the rows' order is their rowid's (second first).
        sql::Statement row(db, "INSERT INTO campaign_products(campaign_id, product_id, stock, "
                               "min_discount, max_discount) VALUES(4, ?1, ?2, 0, 0.5)");
        row.bind(1, second.id).bind(2, 7.0).run();
        row.bind(1, first.id).bind(2, 3.0).run();
        sql::Statement discount(db, "INSERT INTO scenario_discounts(scenario_id, product_id, "
                                    "discount, locked) VALUES(9, ?1, ?2, ?3)");
        discount.bind(1, first.id).bind(2, 0.3).bind(3, 1).run();
        discount.bind(1, second.id).bind(2, 0.15).bind(3, 0).run();
    }
    store::Store upgraded(path, store::Store::OpenMode::MustExist);
    const plan::Scenario s = plan::loadScenario(upgraded, panel(), 9);
    EXPECT_TRUE(s.notes.empty());
    ASSERT_EQ(s.campaign.products.size(), 2u);
    EXPECT_EQ(s.campaign.products[0].product, 5);
    EXPECT_EQ(s.campaign.products[0].stock, 7.0);
    EXPECT_EQ(s.campaign.products[1].product, 2);
    EXPECT_EQ(s.campaign.products[1].lockedDiscount, 0.3);
    EXPECT_EQ(s.discounts, (std::vector<double>{0.15, 0.3}));
    EXPECT_TRUE(plan::loadScenarioNewProducts(upgraded).empty());
    sql::Database& db = upgraded.database();
    EXPECT_NO_THROW(db.exec(
        "INSERT INTO scenario_new_products(campaign_id, sku, list_price) VALUES(4, 'N-1', 10);"
        "INSERT INTO campaign_products(campaign_id, new_product_sku, min_discount, max_discount, "
        "position) VALUES(4, 'N-1', 0, 0.5, 2);"
        "INSERT INTO scenario_discounts(scenario_id, new_product_sku, discount) "
        "VALUES(9, 'N-1', 0.1)"));
    // A row names a product or a new product, never both or neither, and each once.
    EXPECT_THROW(db.exec("INSERT INTO campaign_products(campaign_id, min_discount, max_discount) "
                         "VALUES(4, 0, 0.5)"),
                 FlashPlanError);
    EXPECT_THROW(db.exec("INSERT INTO scenario_discounts(scenario_id, new_product_sku, discount) "
                         "VALUES(9, 'N-1', 0.2)"),
                 FlashPlanError);
    const plan::Scenario withNew = plan::loadScenario(upgraded, panel(), 9);
    ASSERT_EQ(withNew.notes.size(), 1u); // N-1 is not placed in this panel
    EXPECT_EQ(withNew.notes[0].kind, ProblemKind::ScenarioNewProductNotPlaced);
    EXPECT_EQ(plan::loadScenarioNewProducts(upgraded).size(), 1u);
}

TEST_F(Scenarios, DamagedSettingsAreReportedWithTheScenarioName)
{
    const std::int64_t id = saveSample("A");
    sql::Statement damage(store().database(), "UPDATE scenarios SET settings = ?1 WHERE id = ?2");
    damage.bind(1, "objective=profit\nbudget=lots\n").bind(2, id).run();
    try {
        plan::loadScenario(store(), panel(), id);
        ADD_FAILURE() << "expected FlashPlanError";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("'A'"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("budget=lots"), std::string::npos) << e.what();
    }
}

// ---- A plan at given discounts -----------------------------------------------------------------

TEST_F(Scenarios, APlanAtDiscountsIsTheEvaluatorsRowByRowWithItsLimits)
{
    plan::Campaign campaign;
    campaign.start = s_project->market().endDay() + 9;
    campaign.days = 3;
    for (int p = 0; p < 6; ++p) {
        plan::CampaignProduct cp;
        cp.product = p;
        cp.listPrice = panel().products()[static_cast<size_t>(p)].listPrice;
        cp.unitCost = panel().products()[static_cast<size_t>(p)].unitCost;
        campaign.products.push_back(cp);
    }
    campaign.products[0].lockedDiscount = 0.2;
    campaign.products[1].stock = 1; // sells out
    campaign.products[2].maxDiscount = 0.5;
    campaign.products[3].minDiscount = 0.1;
    campaign.products[3].maxDiscount = 0.6;
    campaign.products[5].maxDiscount = 0.95; // not a real bound
    campaign.products[5].unitCost.reset();
    const std::vector<double> discounts = {0.2, 0.3, 0.5, 0.1, 0.3, 0.95};
    const plan::CampaignEvaluator evaluator(panel(), *s_trained, campaign);
    const plan::PlanSettings settings = sampleSettings();

    const plan::PlanResult result = plan::planAtDiscounts(evaluator, settings, discounts);
    ASSERT_EQ(result.rows.size(), 6u);
    for (int i = 0; i < 6; ++i) {
        SCOPED_TRACE("row " + std::to_string(i));
        expectSameRow(result.rows[static_cast<size_t>(i)],
                      evaluator.evaluate(i, discounts[static_cast<size_t>(i)]));
    }
    const std::vector<Limit> limits = {Limit::Locked,      Limit::Stock, Limit::MaxDiscount,
                                       Limit::MinDiscount, Limit::None,  Limit::None};
    for (size_t i = 0; i < limits.size(); ++i)
        EXPECT_EQ(result.rows[i].limitedBy, limits[i]) << "row " << i;
    const plan::PlanTotals totals = plan::totalsOf(result.rows);
    EXPECT_EQ(result.totals.revenue, totals.revenue);
    EXPECT_EQ(result.totals.units, totals.units);
    EXPECT_EQ(result.totals.profit, totals.profit);
    EXPECT_FALSE(result.totals.profitComplete);
    EXPECT_EQ(result.totals.productsAtLimit, 4);
    EXPECT_EQ(result.start, campaign.start);
    EXPECT_EQ(result.days, 3);
    EXPECT_EQ(result.objective, plan::Objective::Blend);
    EXPECT_EQ(result.budget, settings.budget);
    EXPECT_EQ(result.marginFloor, settings.marginFloor);
    EXPECT_EQ(result.step, settings.step);

    EXPECT_THROW(plan::planAtDiscounts(evaluator, settings, {0.1}), FlashPlanError);
}

TEST_F(Scenarios, APlanAtTheOptimizersDiscountsHasTheOptimizersLimits)
{
    plan::Campaign campaign;
    campaign.start = s_project->market().endDay() + 9;
    campaign.days = 3;
    for (int p = 0; p < panel().productCount(); ++p) {
        plan::CampaignProduct cp;
        cp.product = p;
        cp.listPrice = panel().products()[static_cast<size_t>(p)].listPrice;
        cp.stock = 2.0 + 7.0 * (p % 4); // from very tight to ample
        cp.minDiscount = p % 3 == 0 ? 0.1 : 0.0;
        cp.maxDiscount = p % 2 == 0 ? 0.4 : 0.7;
        campaign.products.push_back(cp);
    }
    const plan::CampaignEvaluator evaluator(panel(), *s_trained, campaign);
    plan::PlanSettings settings;
    const plan::OptimizedPlan optimized =
        plan::optimize(evaluator, plan::toOptimizerSettings(settings));
    std::vector<double> discounts;
    for (const plan::ProductPlan& row : optimized.rows)
        discounts.push_back(row.discount);
    const plan::PlanResult result = plan::planAtDiscounts(evaluator, settings, discounts);
    std::set<Limit> seen;
    for (size_t i = 0; i < result.rows.size(); ++i) {
        EXPECT_EQ(result.rows[i].limitedBy, optimized.rows[i].limitedBy) << "row " << i;
        seen.insert(result.rows[i].limitedBy);
    }
    EXPECT_GE(seen.size(), 2u); // the comparison means something
}

// ---- Comparing two plans -----------------------------------------------------------------------

namespace {

plan::ProductPlan row(const std::string& sku, double discount, double units, double revenue,
                      std::optional<double> profit, Limit limit = Limit::None)
{
    plan::ProductPlan r;
    r.sku = sku;
    r.name = "Product " + sku;
    r.discount = discount;
    r.expectedUnits = units;
    r.expectedRevenue = revenue;
    r.expectedProfit = profit;
    r.markdownCost = revenue * discount;
    r.limitedBy = limit;
    return r;
}

} // namespace

TEST(CompareScenarios, TotalsSortAndMajorChangesOnAKnownPair)
{
    plan::PlanResult a, b;
    // Revenue changes: P1 +500, P2 -300, P3 +150 (discount 15 points deeper), P4 -40 (5 points),
    // P5 only in A (-10), P6 only in B (+5), P7 unchanged. Summed |change| = 1005; 80% = 804.
    a.rows = {row("P1", 0.2, 100, 1000, 300), row("P2", 0.3, 80, 800, 200, Limit::Stock),
              row("P3", 0.1, 50, 500, 100),   row("P4", 0.25, 40, 400, 90),
              row("P5", 0.1, 1, 10, 2),       row("P7", 0.0, 10, 100, std::nullopt)};
    b.rows = {row("P7", 0.0, 10, 100, std::nullopt),
              row("P4", 0.3, 38, 360, 70),
              row("P3", 0.25, 70, 650, 120),
              row("P2", 0.2, 50, 500, 150),
              row("P1", 0.2, 150, 1500, 420, Limit::MaxDiscount),
              row("P6", 0.4, 1, 5, 1)};
    const plan::ScenarioComparison c = plan::compareScenarios(a, b);

    EXPECT_DOUBLE_EQ(c.a.revenue, 2810);
    EXPECT_DOUBLE_EQ(c.b.revenue, 3115);
    EXPECT_DOUBLE_EQ(c.a.units, 281);
    EXPECT_DOUBLE_EQ(c.b.units, 319);
    EXPECT_DOUBLE_EQ(c.a.profit, 692);
    EXPECT_DOUBLE_EQ(c.b.profit, 761);
    EXPECT_FALSE(c.a.profitComplete);
    EXPECT_EQ(c.a.productsAtLimit, 1);
    EXPECT_EQ(c.b.productsAtLimit, 1);
    EXPECT_DOUBLE_EQ(c.a.markdownCost, plan::totalsOf(a.rows).markdownCost);

    std::vector<std::string> order;
    for (const plan::ProductDifference& d : c.products)
        order.push_back(d.sku);
    EXPECT_EQ(order, (std::vector<std::string>{"P1", "P2", "P3", "P4", "P5", "P6", "P7"}));

    const plan::ProductDifference& p1 = c.products[0];
    EXPECT_EQ(p1.name, "Product P1");
    EXPECT_EQ(p1.discountA, 0.2);
    EXPECT_EQ(p1.discountB, 0.2);
    EXPECT_EQ(p1.unitsA, 100);
    EXPECT_EQ(p1.unitsB, 150);
    EXPECT_EQ(p1.revenueA, 1000);
    EXPECT_EQ(p1.revenueB, 1500);
    EXPECT_EQ(p1.profitA, 300);
    EXPECT_EQ(p1.profitB, 420);
    const plan::ProductDifference& p5 = c.products[4];
    EXPECT_EQ(p5.discountA, 0.1);
    EXPECT_EQ(p5.discountB, std::nullopt);
    EXPECT_EQ(p5.unitsB, 0);
    EXPECT_EQ(p5.revenueB, 0);
    EXPECT_EQ(p5.profitB, std::nullopt);
    const plan::ProductDifference& p6 = c.products[5];
    EXPECT_EQ(p6.discountA, std::nullopt);
    EXPECT_EQ(p6.discountB, 0.4);
    EXPECT_EQ(c.products[6].profitA, std::nullopt); // no unit cost

    // P1 and P2 make up 800 of the 804 needed; P3 tips it over; P3 also moved 15 points. P4's
    // change is small and its discount moved 5 points. P5 and P6 are in one plan only.
    std::vector<bool> major;
    for (const plan::ProductDifference& d : c.products)
        major.push_back(d.major);
    EXPECT_EQ(major, (std::vector<bool>{true, true, true, false, true, true, false}));
}

TEST(CompareScenarios, ADiscountMoveOfTenPointsIsMajorAndIdenticalPlansHaveNone)
{
    plan::PlanResult a, b;
    a.rows = {row("X", 0.2, 10, 100, 10), row("Y", 0.3, 10, 100, 10)};
    b.rows = a.rows;
    plan::ScenarioComparison same = plan::compareScenarios(a, b);
    for (const plan::ProductDifference& d : same.products)
        EXPECT_FALSE(d.major) << d.sku;
    EXPECT_EQ(same.products[0].sku, "X"); // ties by sku

    b.rows[1].discount = 0.4; // 10 points deeper, same revenue
    const plan::ScenarioComparison moved = plan::compareScenarios(a, b);
    EXPECT_FALSE(moved.products[0].major);
    EXPECT_TRUE(moved.products[1].major);

    // A change below 0.1% of the revenue is never major, even when it is all there is.
    plan::PlanResult c = a;
    c.rows[0].expectedRevenue += 0.01;
    const plan::ScenarioComparison tiny = plan::compareScenarios(a, c);
    EXPECT_FALSE(tiny.products[0].major);
    EXPECT_EQ(tiny.products[0].sku, "X"); // still sorted first: it is the largest change
}

namespace {

// The sample campaign as a working plan: locks beside the campaign, a limit per row, a bound, and
// the mark of an Optimize that gave other discounts with model 41.
plan::WorkingPlan sampleWorkingPlan(const plan::Campaign& campaign,
                                    const plan::PlanSettings& settings,
                                    const std::vector<double>& discounts)
{
    plan::WorkingPlan w;
    w.campaign = campaign;
    for (plan::CampaignProduct& cp : w.campaign.products) {
        w.locked.push_back(cp.lockedDiscount.has_value());
        cp.lockedDiscount.reset();
    }
    w.settings = settings;
    w.discounts = discounts;
    w.limits = {Limit::Budget, Limit::None, Limit::Locked, Limit::MaxDiscount};
    w.upperBound = 5432.123456789;
    auto mark = std::make_shared<plan::OptimizedPlanMark>();
    mark->modelId = 41;
    mark->campaign = w.campaign;
    mark->campaign.products.pop_back();
    mark->settings = settings;
    mark->settings.marginFloor.reset();
    mark->discounts = {0.2, 1.0 / 3.0, 0.35};
    mark->locked = {false, true, true};
    w.optimized = mark;
    return w;
}

void expectSameMark(const plan::OptimizedPlanMark& a, const plan::OptimizedPlanMark& b)
{
    EXPECT_EQ(a.modelId, b.modelId);
    expectSameCampaign(a.campaign, b.campaign);
    EXPECT_TRUE(a.settings == b.settings);
    EXPECT_EQ(a.discounts, b.discounts);
    EXPECT_EQ(a.locked, b.locked);
}

} // namespace

TEST_F(Scenarios, TheWorkingPlanRoundTripsExactlyWithItsOptimizeMark)
{
    EXPECT_FALSE(plan::loadWorkingPlan(store(), panel())); // none saved yet
    const plan::WorkingPlan saved =
        sampleWorkingPlan(sampleCampaign(), sampleSettings(), sampleDiscounts());
    plan::saveWorkingPlan(store(), panel(), saved, 42, sampleTotals());
    const std::optional<plan::StoredWorkingPlan> loaded = plan::loadWorkingPlan(store(), panel());
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(loaded->notes.empty());
    EXPECT_EQ(loaded->modelId, 42);
    EXPECT_EQ(loaded->totals.revenue, sampleTotals().revenue);
    EXPECT_EQ(loaded->totals.markdownCost, sampleTotals().markdownCost);
    EXPECT_FALSE(loaded->totals.profitComplete);
    const plan::WorkingPlan& w = loaded->plan;
    expectSameCampaign(w.campaign, saved.campaign);
    EXPECT_TRUE(w.settings == saved.settings);
    EXPECT_EQ(w.discounts, saved.discounts); // bit for bit
    EXPECT_EQ(w.locked, saved.locked);
    EXPECT_TRUE(w.limits == saved.limits);
    EXPECT_EQ(w.upperBound, saved.upperBound);
    ASSERT_TRUE(w.optimized);
    expectSameMark(*w.optimized, *saved.optimized);
    EXPECT_EQ(plan::planStateOf(w, 42), plan::planStateOf(saved, 42));

    // Saved again without a mark and without a floor: the old plan and mark are gone.
    plan::WorkingPlan plain = saved;
    plain.optimized.reset();
    plain.upperBound.reset();
    plain.settings.marginFloor.reset();
    plan::saveWorkingPlan(store(), panel(), plain, 43, {});
    const std::optional<plan::StoredWorkingPlan> again = plan::loadWorkingPlan(store(), panel());
    ASSERT_TRUE(again);
    EXPECT_FALSE(again->plan.optimized);
    EXPECT_FALSE(again->plan.upperBound);
    EXPECT_EQ(again->plan.settings.marginFloor, std::nullopt);
    EXPECT_EQ(count("SELECT count(*) FROM working_plans"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM working_plan_products"), 4);

    // A plan that does not fit the panel is refused, and the saved one stays.
    plan::WorkingPlan bad = saved;
    bad.discounts[0] = 1.5;
    EXPECT_THROW(plan::saveWorkingPlan(store(), panel(), bad, 42, {}), FlashPlanError);
    EXPECT_EQ(plan::loadWorkingPlan(store(), panel())->modelId, 43);
}

TEST_F(Scenarios, AWorkingPlanProductNoLongerInThePanelIsLeftOutWithANote)
{
    plan::saveWorkingPlan(store(), panel(),
                          sampleWorkingPlan(sampleCampaign(), sampleSettings(), sampleDiscounts()),
                          42, sampleTotals());
    store().database().exec(
        "INSERT INTO products(id, sku) VALUES(987654, 'GONE-1');"
        "INSERT INTO working_plan_products(role, position, product_id, min_discount, "
        "max_discount, discount) VALUES('current', 9, 987654, 0, 0.5, 0.2)");
    const std::optional<plan::StoredWorkingPlan> loaded = plan::loadWorkingPlan(store(), panel());
    store().database().exec("DELETE FROM working_plans; DELETE FROM products WHERE id = 987654");
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->plan.campaign.products.size(), 4u);
    EXPECT_EQ(loaded->plan.discounts.size(), 4u);
    ASSERT_EQ(loaded->notes.size(), 1u);
    EXPECT_EQ(loaded->notes[0].kind, ProblemKind::ScenarioProductGone);
    EXPECT_EQ(loaded->notes[0].args, std::vector<std::string>{"GONE-1"});
}

namespace {

// Two new products placed among their peers: one from its category, one from a like item (its
// list price taken from it).
std::vector<model::NewProduct> twoNewProducts(const data::Panel& panel)
{
    model::NewProduct fromCategory;
    fromCategory.sku = "NEW-CAT";
    fromCategory.name = "Placed from its category";
    fromCategory.category = panel.categories()[static_cast<size_t>(panel.products()[2].category)];
    fromCategory.listPrice = 2.0 * panel.products()[2].listPrice + 1.0 / 3.0;
    fromCategory.unitCost = 0.1 + 0.2;
    model::NewProduct fromLike;
    fromLike.sku = "NEW-LIKE";
    fromLike.name = "Sells like product 4";
    fromLike.likeSku = panel.products()[4].sku;
    return {fromCategory, fromLike};
}

// The planner's data on the fixture's history and model, each call a fresh one (a trained model
// is not copied: it is stored once and loaded, bit-identical, as the planner loads it).
plan::PlannerData freshPlannerData(store::Store& store, const data::Panel& panel,
                                   const model::TrainedModel& trained)
{
    if (!model::loadActiveModel(store))
        model::saveActiveModel(store, trained);
    return plan::PlannerData(panel, model::requireActiveModel(store));
}

plan::CampaignProduct campaignProductOf(const plan::PlannerData& data, int product)
{
    plan::CampaignProduct cp;
    cp.product = product;
    cp.listPrice = data.panel.products()[static_cast<size_t>(product)].listPrice;
    cp.unitCost = data.panel.products()[static_cast<size_t>(product)].unitCost;
    cp.stock = 40.5;
    cp.maxDiscount = 0.55;
    return cp;
}

} // namespace

TEST_F(Scenarios, AWorkingPlanWithNewProductsRoundTripsAndPlacesThemAgainAlike)
{
    plan::PlannerData data = freshPlannerData(store(), panel(), *s_trained);
    const std::vector<model::NewProductResult> placed =
        data.addNewProducts(twoNewProducts(panel()));
    ASSERT_EQ(placed.size(), 2u);
    const int newCat = placed[0].panelProduct;
    const int newLike = placed[1].panelProduct;
    ASSERT_GE(newCat, panel().productCount());
    ASSERT_GE(newLike, panel().productCount());
    plan::WorkingPlan saved;
    saved.campaign.start = s_project->market().endDay() + 3;
    saved.campaign.days = 3;
    saved.campaign.products = {campaignProductOf(data, 1), campaignProductOf(data, newCat)};
    saved.discounts = {0.15, 0.3 + 1e-12};
    saved.locked = {false, true};
    saved.limits = {Limit::None, Limit::Locked};
    auto mark = std::make_shared<plan::OptimizedPlanMark>();
    mark->modelId = 7;
    mark->campaign = saved.campaign;
    mark->campaign.products.push_back(campaignProductOf(data, newLike)); // only in the mark
    mark->discounts = {0.2, 0.3, 0.4};
    mark->locked = {false, false, false};
    saved.optimized = mark;
    plan::saveWorkingPlan(store(), data.panel, saved, 7, {}, data.newProducts());

    // The descriptions come back in placing order, as placed (the like item's list price).
    const std::vector<model::NewProduct> described = plan::loadNewProducts(store());
    ASSERT_EQ(described.size(), 2u);
    EXPECT_EQ(described[0].sku, "NEW-CAT");
    EXPECT_EQ(described[0].name, "Placed from its category");
    EXPECT_EQ(described[0].category, twoNewProducts(panel())[0].category);
    EXPECT_EQ(described[0].likeSku, "");
    EXPECT_EQ(described[0].listPrice, twoNewProducts(panel())[0].listPrice);
    EXPECT_EQ(described[0].unitCost, 0.1 + 0.2);
    EXPECT_EQ(described[1].sku, "NEW-LIKE");
    EXPECT_EQ(described[1].likeSku, panel().products()[4].sku);
    EXPECT_EQ(described[1].listPrice, panel().products()[4].listPrice);
    EXPECT_EQ(described[1].unitCost, std::nullopt);

    // Placed again on a fresh copy of the history, the plan reads back exactly, and the new
    // products forecast as they did.
    plan::PlannerData again = freshPlannerData(store(), panel(), *s_trained);
    for (const model::NewProductResult& r : again.addNewProducts(described))
        EXPECT_GE(r.panelProduct, 0);
    const std::optional<plan::StoredWorkingPlan> loaded =
        plan::loadWorkingPlan(store(), again.panel);
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(loaded->notes.empty());
    expectSameCampaign(loaded->plan.campaign, saved.campaign);
    EXPECT_EQ(loaded->plan.discounts, saved.discounts);
    EXPECT_EQ(loaded->plan.locked, saved.locked);
    ASSERT_TRUE(loaded->plan.optimized);
    expectSameMark(*loaded->plan.optimized, *mark);
    EXPECT_TRUE(again.isNewProduct(newCat));
    const plan::CampaignEvaluator before(data.panel, data.trained, saved.optimized->campaign);
    const plan::CampaignEvaluator after(again.panel, again.trained,
                                        loaded->plan.optimized->campaign);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(after.evaluate(i, 0.25).expectedUnits, before.evaluate(i, 0.25).expectedUnits);

    // Without its new products placed, the plan leaves them out and says so.
    const std::optional<plan::StoredWorkingPlan> bare = plan::loadWorkingPlan(store(), panel());
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->plan.campaign.products.size(), 1u);
    ASSERT_EQ(bare->notes.size(), 1u);
    EXPECT_EQ(bare->notes[0].args, std::vector<std::string>{"NEW-CAT"});

    // Saved again without them, the project keeps no description.
    saved.campaign.products.pop_back();
    saved.discounts.pop_back();
    saved.locked.pop_back();
    saved.limits.pop_back();
    saved.optimized.reset();
    plan::saveWorkingPlan(store(), data.panel, saved, 7, {}, data.newProducts());
    EXPECT_TRUE(plan::loadNewProducts(store()).empty());
}

TEST_F(Scenarios, AWorkingPlanWithAnUndescribedNewProductIsRefusedAndTheSavedOneStays)
{
    plan::PlannerData data = freshPlannerData(store(), panel(), *s_trained);
    const int added = data.addNewProducts(twoNewProducts(panel()))[0].panelProduct;
    plan::WorkingPlan w;
    w.campaign.start = s_project->market().endDay() + 3;
    w.campaign.products = {campaignProductOf(data, added)};
    w.discounts = {0.1};
    plan::saveWorkingPlan(store(), data.panel, w, 3, {}, data.newProducts());
    w.discounts = {0.2};
    EXPECT_THROW(plan::saveWorkingPlan(store(), data.panel, w, 4, {}, {}), FlashPlanError);
    const std::optional<plan::StoredWorkingPlan> loaded =
        plan::loadWorkingPlan(store(), data.panel);
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->modelId, 3);
    EXPECT_EQ(loaded->plan.discounts, std::vector<double>{0.1});
}

// A new product added in the planner is kept by a scenario with its description: on a fresh
// copy of the history (the project reopened) the scenarios' new products are placed again and the
// scenario reads back exactly, forecasting as it did.
TEST_F(Scenarios, AScenarioKeepsItsNewProductsAndOpensAgainAlike)
{
    plan::PlannerData data = freshPlannerData(store(), panel(), *s_trained);
    const std::vector<model::NewProductResult> placed =
        data.addNewProducts(twoNewProducts(panel()));
    const int newCat = placed[0].panelProduct, newLike = placed[1].panelProduct;
    plan::Campaign c;
    c.start = s_project->market().endDay() + 3;
    c.days = 2;
    c.products = {campaignProductOf(data, newLike), campaignProductOf(data, 0),
                  campaignProductOf(data, newCat)};
    c.products[2].lockedDiscount = 0.35;
    const std::vector<double> discounts = {0.1 + 1e-12, 0.2, 0.35};
    const std::int64_t id = plan::saveScenario(store(), data.panel, "with new", c, {}, discounts,
                                               {}, data.newProducts());
    // Another scenario with only one of them, saved later: each sku is described once.
    plan::Campaign other = c;
    other.products = {campaignProductOf(data, newCat)};
    plan::saveScenario(store(), data.panel, "other", other, {}, {0.4}, {}, data.newProducts());

    const std::vector<model::NewProduct> described = plan::loadScenarioNewProducts(store());
    ASSERT_EQ(described.size(), 2u);
    EXPECT_EQ(described[0].sku, "NEW-CAT"); // the newest scenario's first
    EXPECT_EQ(described[0].listPrice, twoNewProducts(panel())[0].listPrice);
    EXPECT_EQ(described[0].unitCost, 0.1 + 0.2);
    EXPECT_EQ(described[1].sku, "NEW-LIKE");
    EXPECT_EQ(described[1].likeSku, panel().products()[4].sku);
    EXPECT_EQ(described[1].listPrice, panel().products()[4].listPrice);

    plan::PlannerData again = freshPlannerData(store(), panel(), *s_trained);
    for (const model::NewProductResult& r : again.addNewProducts(described))
        EXPECT_GE(r.panelProduct, 0);
    const plan::Scenario loaded = plan::loadScenario(store(), again.panel, id);
    EXPECT_TRUE(loaded.notes.empty());
    EXPECT_EQ(loaded.info.products, 3);
    ASSERT_EQ(loaded.campaign.products.size(), 3u);
    for (size_t i = 0; i < 3; ++i)
        EXPECT_EQ(
            again.panel.products()[static_cast<size_t>(loaded.campaign.products[i].product)].sku,
            data.panel.products()[static_cast<size_t>(c.products[i].product)].sku);
    EXPECT_EQ(loaded.discounts, discounts);
    EXPECT_EQ(loaded.campaign.products[2].lockedDiscount, 0.35);
    EXPECT_EQ(loaded.campaign.products[0].maxDiscount, 0.55);
    EXPECT_EQ(loaded.campaign.products[0].stock, 40.5);
    const plan::CampaignEvaluator before(data.panel, data.trained, c);
    const plan::CampaignEvaluator after(again.panel, again.trained, loaded.campaign);
    const plan::PlanResult planBefore = plan::planAtDiscounts(before, {}, discounts);
    const plan::PlanResult planAfter = plan::planAtDiscounts(after, {}, loaded.discounts);
    EXPECT_EQ(planAfter.totals.units, planBefore.totals.units);
    EXPECT_EQ(planAfter.totals.revenue, planBefore.totals.revenue);
}

// Opened where a new product is not placed (its category gone, or a reader that places none, as
// `review` is), the scenario says so and opens with the rest; deleting it takes its new products.
TEST_F(Scenarios, AScenariosNewProductThatIsNotPlacedIsLeftOutAndSaid)
{
    plan::PlannerData data = freshPlannerData(store(), panel(), *s_trained);
    const int added = data.addNewProducts(twoNewProducts(panel()))[0].panelProduct;
    plan::Campaign c;
    c.start = s_project->market().endDay() + 3;
    c.products = {campaignProductOf(data, 0), campaignProductOf(data, added)};
    const std::int64_t id = plan::saveScenario(store(), data.panel, "with new", c, {}, {0.1, 0.2},
                                               {}, data.newProducts());
    const plan::Scenario loaded = plan::loadScenario(store(), panel(), id);
    ASSERT_EQ(loaded.notes.size(), 1u);
    EXPECT_EQ(loaded.notes[0].kind, ProblemKind::ScenarioNewProductNotPlaced);
    EXPECT_EQ(loaded.notes[0].args, std::vector<std::string>{"NEW-CAT"});
    EXPECT_EQ(loaded.info.products, 2);
    ASSERT_EQ(loaded.campaign.products.size(), 1u);
    EXPECT_EQ(loaded.campaign.products[0].product, 0);
    EXPECT_EQ(loaded.discounts, std::vector<double>{0.1});

    // A new product the caller does not describe is not saved, nor is anything else.
    EXPECT_THROW(plan::saveScenario(store(), data.panel, "undescribed", c, {}, {0.1, 0.2}, {}),
                 std::exception);
    plan::deleteScenario(store(), id);
    EXPECT_EQ(rowsBelowScenarios(), 0);
}

TEST_F(Scenarios, AVersion3ProjectIsUpgradedAndKeepsItsWorkingPlan)
{
    test::TempDir dir;
    const std::string path = dir.file("v3.flashplan");
    const data::PanelProduct& product = panel().products()[2];
    {
        // A project as version 3 wrote it: no new_products, a product id in every plan row.
        store::Store fresh(path);
        sql::Database& db = fresh.database();
        db.exec(R"sql(
DROP TABLE working_plan_products;
DROP TABLE new_products;
DROP TABLE scenario_new_products;
DROP TABLE backtest_events;
DROP TABLE backtest_rows;
DROP TABLE backtests;
CREATE TABLE working_plan_products (
    role         TEXT NOT NULL REFERENCES working_plans(role) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    product_id   INTEGER NOT NULL REFERENCES products(id),
    stock        REAL,
    unit_cost    REAL,
    list_price   REAL,
    min_discount REAL NOT NULL,
    max_discount REAL NOT NULL,
    discount     REAL NOT NULL CHECK (discount >= 0 AND discount <= 1),
    locked       INTEGER NOT NULL DEFAULT 0,
    limited_by   TEXT NOT NULL DEFAULT 'none',
    PRIMARY KEY (role, position)
) WITHOUT ROWID;
PRAGMA user_version = 3;
INSERT INTO working_plans(role, start_day, days, settings, model_id, saved_at)
    VALUES('current', 20000, 2, 'objective=profit' || char(10) || 'step=0.05' || char(10), 5,
           '2026-11-01T00:00:00Z');
)sql");
        sql::Statement insert(db, "INSERT INTO products(id, sku) VALUES(?1, ?2)");
        insert.bind(1, product.id).bind(2, std::string_view(product.sku)).run();
        sql::Statement row(db, "INSERT INTO working_plan_products(role, position, product_id, "
                               "stock, list_price, min_discount, max_discount, discount, locked, "
                               "limited_by) VALUES('current', 0, ?1, 25, 9.5, 0.05, 0.6, 0.45, 1, "
                               "'locked')");
        row.bind(1, product.id).run();
    }
    store::Store upgraded(path, store::Store::OpenMode::MustExist);
    sql::Statement version(upgraded.database(), "PRAGMA user_version");
    ASSERT_TRUE(version.step());
    EXPECT_EQ(version.int64(0), store::currentSchemaVersion());
    EXPECT_TRUE(plan::loadNewProducts(upgraded).empty());
    const std::optional<plan::StoredWorkingPlan> loaded = plan::loadWorkingPlan(upgraded, panel());
    ASSERT_TRUE(loaded);
    EXPECT_TRUE(loaded->notes.empty());
    EXPECT_EQ(loaded->modelId, 5);
    ASSERT_EQ(loaded->plan.campaign.products.size(), 1u);
    const plan::CampaignProduct& cp = loaded->plan.campaign.products[0];
    EXPECT_EQ(cp.product, 2);
    EXPECT_EQ(cp.stock, 25.0);
    EXPECT_EQ(cp.listPrice, 9.5);
    EXPECT_EQ(cp.maxDiscount, 0.6);
    EXPECT_EQ(loaded->plan.discounts, std::vector<double>{0.45});
    EXPECT_EQ(loaded->plan.locked, std::vector<bool>{true});
    EXPECT_EQ(loaded->plan.limits[0], Limit::Locked);
    // The upgraded table takes a new product's row, named by sku.
    EXPECT_NO_THROW(upgraded.database().exec(
        "INSERT INTO new_products(sku, list_price) VALUES('N-1', 10);"
        "INSERT INTO working_plan_products(role, position, new_product_sku, min_discount, "
        "max_discount, discount) VALUES('current', 1, 'N-1', 0, 0.5, 0.1)"));
    // A row names a product or a new product, never both or neither.
    EXPECT_THROW(
        upgraded.database().exec("INSERT INTO working_plan_products(role, position, min_discount, "
                                 "max_discount, discount) VALUES('current', 2, 0, 0.5, 0.1)"),
        FlashPlanError);
}

TEST_F(Scenarios, ThePlanStateWordChangesWithEveryKindOfEdit)
{
    plan::WorkingPlan w = sampleWorkingPlan(sampleCampaign(), sampleSettings(), sampleDiscounts());
    w.optimized.reset();
    EXPECT_EQ(plan::planStateOf(w, 7), plan::PlanState::NotOptimized);
    auto mark = std::make_shared<plan::OptimizedPlanMark>();
    mark->modelId = 7;
    mark->campaign = w.campaign;
    mark->settings = w.settings;
    mark->discounts = w.discounts;
    mark->locked = w.locked;
    w.optimized = mark;
    const plan::WorkingPlan optimal = w;
    EXPECT_EQ(plan::planStateOf(optimal, 7), plan::PlanState::Optimal);

    using Edit = std::function<void(plan::WorkingPlan&)>;
    const std::vector<std::pair<Edit, plan::PlanState>> edits = {
        {[](plan::WorkingPlan& p) { p.discounts[1] += 0.01; }, plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.locked[0] = !p.locked[0]; }, plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.settings.objective = plan::Objective::Profit; },
         plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.settings.budget.reset(); }, plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.settings.marginFloor.reset(); }, plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.settings.step = 0.05; }, plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.campaign.products[0].stock = 5; }, plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.campaign.products[2].unitCost.reset(); },
         plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.campaign.products[0].maxDiscount = 0.5; },
         plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) {
             p.campaign.products.pop_back();
             p.discounts.pop_back();
             p.locked.pop_back();
         },
         plan::PlanState::Edited},
        {[](plan::WorkingPlan& p) { p.campaign.start += 1; }, plan::PlanState::Stale},
        {[](plan::WorkingPlan& p) { p.campaign.days += 1; }, plan::PlanState::Stale},
    };
    for (size_t i = 0; i < edits.size(); ++i) {
        plan::WorkingPlan edited = optimal;
        edits[i].first(edited);
        EXPECT_EQ(plan::planStateOf(edited, 7), edits[i].second) << "edit " << i;
    }
    EXPECT_EQ(plan::planStateOf(optimal, 8), plan::PlanState::Stale); // retrained
    // The same plan again (an edit undone by hand) is the optimizer's again.
    plan::WorkingPlan back = optimal;
    back.discounts[1] += 0.01;
    back.discounts[1] = optimal.discounts[1];
    EXPECT_EQ(plan::planStateOf(back, 7), plan::PlanState::Optimal);
    EXPECT_EQ(plan::planStateName(plan::PlanState::Stale), "Model or window changed: re-optimize");
}

TEST_F(Scenarios, ACampaignsNewProductsArePlacedOrSkippedWithTheirLinesAndTheRestKept)
{
    test::TempDir dir;
    const std::string sku0 = panel().products()[0].sku, sku2 = panel().products()[2].sku;
    const std::string category = panel().categories()[0];
    // NEW-1: nothing to place it by (no category, like_sku or list price); NEW-2: its category
    // and list price place it among its peers.
    const std::string path =
        dir.write("campaign.csv", "sku,stock,category,list_price\n" + sku0 + ",5,,\nNEW-1,3,,\n" +
                                      sku2 + ",,,\nNEW-2,," + category + ",20\n");
    plan::CampaignFile file = plan::readCampaignFile(path, panel());
    EXPECT_TRUE(file.problems.empty());
    ASSERT_EQ(file.products.size(), 2u);
    ASSERT_EQ(file.newProducts.size(), 2u);
    plan::PlannerData data(panel(), test::trainStructuredOnAllHistory(panel()));
    const std::vector<Problem> notes = plan::placeNewProducts(file, data);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].kind, ProblemKind::NewProductCannotBePlaced);
    EXPECT_EQ(notes[0].describe(),
              path + ":3: sku 'NEW-1' has no sales history and nothing to forecast it from (a "
                     "category with sales history, or a like_sku the model knows): skipped, the "
                     "rest goes on");
    ASSERT_EQ(file.products.size(), 3u);
    EXPECT_TRUE(file.newProducts.empty());
    const int placed = file.products[2].product;
    EXPECT_TRUE(data.isNewProduct(placed));
    EXPECT_EQ(data.panel.products()[static_cast<size_t>(placed)].sku, "NEW-2");
    EXPECT_DOUBLE_EQ(file.products[2].listPrice, 20.0);
    EXPECT_TRUE(data.flagsAt(placed, 0.1).has(plan::RowFlag::ColdStart));

    // A new product listed twice is a problem like any sku listed twice.
    const std::string twice = dir.write("twice.csv", "sku\nNEW-1\nNEW-1\n");
    EXPECT_EQ(plan::readCampaignFile(twice, panel()).problems.size(), 1u);
}

TEST_F(Scenarios, ASaleWindowInsideTheHistoryOrFarAfterItIsWarnedOf)
{
    const DayNumber last = panel().dayOf(panel().periodCount() - 1) + panel().periodDays() - 1;
    EXPECT_FALSE(plan::saleWindowWarning(panel(), last + 1));
    EXPECT_FALSE(plan::saleWindowWarning(panel(), last + plan::kFarAheadDays));
    const std::optional<Problem> inside = plan::saleWindowWarning(panel(), last);
    ASSERT_TRUE(inside);
    EXPECT_EQ(inside->kind, ProblemKind::SaleStartsInsideHistory);
    EXPECT_EQ(inside->args[2], formatIsoDate(last));
    EXPECT_EQ(plan::saleWindowWarning(panel(), panel().firstDay() + 30)->kind,
              ProblemKind::SaleStartsInsideHistory);
    const std::optional<Problem> far =
        plan::saleWindowWarning(panel(), last + plan::kFarAheadDays + 1);
    ASSERT_TRUE(far);
    EXPECT_EQ(far->kind, ProblemKind::SaleStartsFarAhead);
    EXPECT_EQ(far->args[1], std::to_string(plan::kFarAheadDays + 1));
}

// A weekly model knows weeks, not days: a sale that is not whole weeks of the history is
// planned as the weeks its days fall in, and the planner says so; whole weeks, and daily
// history, say nothing.
TEST(WeeklyWindowNote, NamesTheWeeksASaleOfSomeDaysIsPlannedAs)
{
    const DayNumber monday = daysFromCivil(2026, 11, 2);
    data::PanelProduct product;
    product.sku = "W";
    const data::Panel weekly(7, monday, 10, {product}, {""});
    const DayNumber after = monday + 70; // the Monday after the history

    EXPECT_FALSE(plan::weeklyWindowNote(weekly, after, 7));
    EXPECT_FALSE(plan::weeklyWindowNote(weekly, after, 14));
    const std::optional<Problem> threeDays = plan::weeklyWindowNote(weekly, after, 3);
    ASSERT_TRUE(threeDays);
    EXPECT_EQ(threeDays->kind, ProblemKind::SaleWindowIsWholeWeeks);
    EXPECT_EQ(threeDays->args,
              (std::vector<std::string>{"3", formatIsoDate(after), "1", formatIsoDate(after),
                                        formatIsoDate(after + 6)}));
    // Saturday to Monday: two weeks.
    const std::optional<Problem> acrossWeeks = plan::weeklyWindowNote(weekly, after + 5, 3);
    ASSERT_TRUE(acrossWeeks);
    EXPECT_EQ(acrossWeeks->args[2], "2");
    EXPECT_EQ(acrossWeeks->args[3], formatIsoDate(after));
    EXPECT_EQ(acrossWeeks->args[4], formatIsoDate(after + 13));

    const data::Panel daily(1, monday, 70, {product}, {""});
    EXPECT_FALSE(plan::weeklyWindowNote(daily, after, 3));
}
