// A stored model read after more sales were imported: the panel is aligned to what the model was
// trained on (TrainedModel::alignTo), so the same plan forecasts the same until the next training.

#include "base/civildate.h"
#include "base/error.h"
#include "data/panel.h"
#include "io/salesimporter.h"
#include "model/modelstore.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"
#include "plan/plannerdata.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support/marketproject.h"
#include "support/tempdir.h"
#include "support/trainedmodel.h"

#include <cstring>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

using namespace fp;

namespace {

// A small synthetic market from 2025-08-01 with a structured model trained on all of it.
struct TrainedMarket
{
    explicit TrainedMarket(std::uint64_t seed, int products, int days = 400)
        : project(configOf(seed, products, days))
    {
        model::saveActiveModel(project.store(), test::trainStructuredOnAllHistory(project.panel()));
    }
    static synth::MarketConfig configOf(std::uint64_t seed, int products, int days)
    {
        synth::MarketConfig config;
        config.seed = seed;
        config.products = static_cast<std::size_t>(products);
        config.days = days;
        config.firstDay = kFirstDay;
        return config;
    }
    store::Store& store() { return project.store(); }
    const data::Panel& panel() const { return project.panel(); }
    DayNumber endDay() const { return project.market().endDay(); }

    // Every product for 3 days from a week after the history, at its list price.
    plan::Campaign campaign(std::optional<double> stock = std::nullopt) const
    {
        plan::Campaign c;
        c.start = endDay() + 7;
        c.days = 3;
        for (int p = 0; p < panel().productCount(); ++p) {
            plan::CampaignProduct cp;
            cp.product = p;
            cp.listPrice = panel().products()[static_cast<size_t>(p)].listPrice;
            cp.stock = stock;
            c.products.push_back(cp);
        }
        return c;
    }

    // The plan of `c` at one discount, as the planner evaluates it from the project now.
    std::vector<plan::ProductPlan> plan(const plan::Campaign& c, double discount,
                                        model::TrainedModel trained)
    {
        const plan::PlannerData data(data::Panel::load(store()), std::move(trained));
        const plan::CampaignEvaluator evaluator(data.panel, data.trained, c);
        std::vector<plan::ProductPlan> rows;
        for (int i = 0; i < evaluator.productCount(); ++i)
            rows.push_back(evaluator.evaluate(i, discount));
        return rows;
    }
    std::vector<plan::ProductPlan> plan(const plan::Campaign& c, double discount)
    {
        return plan(c, discount, model::requireActiveModel(store()));
    }

    void import(const std::string& csv)
    {
        ASSERT_TRUE(io::importSalesFile(store(), dir.write("later.csv", csv)).committed);
    }

    static constexpr DayNumber kFirstDay = daysFromCivil(2025, 8, 1);
    test::MarketProject project;
    test::TempDir dir;
};

std::string row(DayNumber day, const std::string& sku, const std::string& category, int units,
                double price, double listPrice)
{
    return formatIsoDate(day) + "," + sku + "," + category + "," + std::to_string(units) + "," +
           std::to_string(price) + "," + std::to_string(listPrice) + "\n";
}
const std::string kHeader = "date,sku,category,units,price,list_price\n";

void expectSamePlans(const std::vector<plan::ProductPlan>& after,
                     const std::vector<plan::ProductPlan>& before)
{
    ASSERT_EQ(after.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i].expectedUnits, before[i].expectedUnits) << before[i].sku;
        EXPECT_EQ(after[i].unitsLow, before[i].unitsLow) << before[i].sku;
        EXPECT_EQ(after[i].unitsHigh, before[i].unitsHigh) << before[i].sku;
    }
}

} // namespace

// Sales imported after training at a new regular price must not move what the model says of a
// price: the same campaign at the same prices forecasts the same before and after the import,
// while the product's list price (the campaign's default) is the new one.
TEST(ModelPriceReference, SalesImportedAtANewRegularPriceDoNotMoveTheForecastOfAPrice)
{
    TrainedMarket market(1514, 12);
    const data::PanelProduct first = market.panel().products()[0];
    const double raised = first.listPrice * 1.2;
    plan::Campaign campaign = market.campaign();
    campaign.products.resize(1);
    campaign.products[0].listPrice = raised;
    const double before = market.plan(campaign, 0.2)[0].expectedUnits;

    std::string csv = kHeader;
    for (int day = 0; day < 7; ++day)
        csv += row(market.endDay() + day, first.sku, "", 3, raised, raised);
    market.import(csv);

    const plan::PlannerData after(data::Panel::load(market.store()),
                                  model::requireActiveModel(market.store()));
    EXPECT_NEAR(after.panel.products()[0].listPrice, raised, 1e-4);
    EXPECT_NEAR(market.plan(campaign, 0.2)[0].expectedUnits, before, 1e-9 * before);
}

// A product of a new category imported after training ("AAA" sorts before every other) must not
// shift the categories the model knows: each keeps its own noise, so a plan's expectations and
// intervals stay as they were. Before, every category read its neighbour's noise and the last one
// read past the model's. A model stored before it kept its categories' names finds their order
// from its products'.
TEST(ModelCategories, ACategoryImportedSinceMovesNoOtherCategorysForecast)
{
    TrainedMarket market(1515, 24);
    ASSERT_GE(market.panel().categories().size(), 3u);
    const plan::Campaign campaign = market.campaign(10.0); // capped: the noise matters too
    const std::vector<plan::ProductPlan> before = market.plan(campaign, 0.3);

    market.import(kHeader + row(market.endDay(), "NEW-CAT", "AAA", 2, 10, 10));
    ASSERT_EQ(data::Panel::load(market.store()).categories().front(), "AAA");

    expectSamePlans(market.plan(campaign, 0.3), before);
    model::TrainedModel unnamed = model::requireActiveModel(market.store());
    unnamed.categories.clear();
    expectSamePlans(market.plan(campaign, 0.3, std::move(unnamed)), before);
}

// History imported after training from before the model's first day moves the panel's period 0:
// the model reads its trend, season and shopping days by period, so a plan must still read the
// days it was trained on. Before, one row 40 days older moved a plan's expectations.
TEST(ModelPeriods, HistoryImportedSinceFromBeforeTheModelsFirstDayMovesNoForecast)
{
    TrainedMarket market(1516, 12);
    const plan::Campaign campaign = market.campaign();
    const std::vector<plan::ProductPlan> before = market.plan(campaign, 0.3);
    const data::PanelProduct& first = market.panel().products()[0];
    market.import(kHeader + row(TrainedMarket::kFirstDay - 40, first.sku, "", 3, first.listPrice,
                                first.listPrice));
    ASSERT_EQ(data::Panel::load(market.store()).firstDay(), TrainedMarket::kFirstDay - 40);

    const plan::PlannerData aligned(data::Panel::load(market.store()),
                                    model::requireActiveModel(market.store()));
    EXPECT_EQ(aligned.panel.firstDay(), TrainedMarket::kFirstDay);
    expectSamePlans(market.plan(campaign, 0.3), before);

    // And the planner says that the plan does not use what was imported since (trained a minute
    // before it: the times are whole seconds).
    market.store().database().exec(
        "UPDATE models SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-60 seconds')");
    const std::optional<Problem> note = model::importedSinceTraining(market.store());
    ASSERT_TRUE(note.has_value());
    EXPECT_EQ(note->kind, ProblemKind::SalesImportedSinceTraining);
    const std::optional<Problem> read =
        plan::PlannerData::read(market.store().path()).importedSinceTraining;
    ASSERT_TRUE(read.has_value());
    EXPECT_EQ(read->message(), note->message());
    // Trained after the latest import: nothing to say.
    market.store().database().exec("UPDATE imports SET imported_at = '2000-01-01T00:00:00Z'");
    EXPECT_FALSE(model::importedSinceTraining(market.store()).has_value());
    EXPECT_FALSE(plan::PlannerData::read(market.store().path()).importedSinceTraining.has_value());
}

// A model stored by an earlier version (format 2: no first day, categories or regular prices
// kept) still reads its periods, categories and prices as it was trained: its first day from its
// fit's own shape, its categories' order from its products', their regular prices from the
// periods it was trained on.
TEST(ModelPeriods, AModelStoredBeforeItKeptItsFirstDayReadsItFromItsFit)
{
    TrainedMarket market(1517, 12, 300);
    const model::TrainedModel trained = model::requireActiveModel(market.store());
    {
        // The same blob as format 2 wrote it: the version, and without what format 3 added.
        sql::Database& db = market.store().database();
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
    const model::TrainedModel old = model::requireActiveModel(market.store());
    EXPECT_TRUE(old.referencePrice.empty());
    EXPECT_TRUE(old.categories.empty());
    ASSERT_TRUE(old.firstDay.has_value());
    EXPECT_EQ(*old.firstDay, TrainedMarket::kFirstDay);

    const plan::Campaign campaign = market.campaign();
    const std::vector<plan::ProductPlan> before = market.plan(campaign, 0.3);
    // One row older than the model's first day, a product of a new category, and a later row
    // of another product at a new regular price.
    const data::PanelProduct& first = market.panel().products()[0];
    const data::PanelProduct& second = market.panel().products()[1];
    const double raised = second.listPrice * 1.2;
    market.import(
        kHeader +
        row(TrainedMarket::kFirstDay - 40, first.sku, "", 3, first.listPrice, first.listPrice) +
        row(market.endDay(), "NEW-CAT", "AAA", 2, 10, 10) +
        row(market.endDay(), second.sku, "", 3, raised, raised));
    expectSamePlans(market.plan(campaign, 0.3), before);
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
