// New products (cold start) against the synthetic market's true demand: one product of each
// category is left out of the history and forecast from its five category peers, or its like item.
#include "base/binaryio.h"
#include "io/pricetable.h"
#include "model/baselinemodel.h"
#include "model/coldstart.h"
#include "model/forecaster.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"
#include "plan/newproducts.h"
#include "plan/plannerdata.h"
#include "support/marketproject.h"
#include "support/trainedmodel.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace fp;

namespace {

// Six categories of six products; the first of each is left out: a new product with five peers.
// Products of a category differ a tenth as much as the demo's do beyond their price point
// (productSpread), so five peers can say what a sixth sells.
class NewProductOnMarket : public ::testing::Test
{
protected:
    static constexpr int kCategories = 6;

    static void SetUpTestSuite()
    {
        synth::MarketConfig config;
        config.seed = 1313;
        config.products = 6 * kCategories;
        config.categories = kCategories;
        config.days = 730;
        config.eventsPerProductYear = 8;
        config.productSpread = 0.1;
        const synth::Market market(config);
        std::set<std::string> hidden;
        for (int c = 0; c < kCategories; ++c)
            hidden.insert(market.products()[static_cast<size_t>(c)].sku);
        s_project = new test::MarketProject(config, hidden);
        s_trained = new model::TrainedModel(test::trainStructuredOnAllHistory(s_project->panel()));
    }
    static void TearDownTestSuite()
    {
        delete s_trained;
        delete s_project;
    }

    // The history and a copy of the trained model, to add new products to.
    static plan::PlannerData freshData()
    {
        model::TrainedModel copy;
        copy.kind = s_trained->kind;
        BinaryWriter out;
        s_trained->model->save(out);
        copy.model = model::createModel(copy.kind);
        BinaryReader in(out.bytes());
        copy.model->load(in);
        copy.noise = s_trained->noise;
        copy.productIds = s_trained->productIds;
        copy.supportedDepth = s_trained->supportedDepth;
        return plan::PlannerData(s_project->panel(), std::move(copy));
    }

    // A left-out product as a user would describe it: its sku, name, category and list price.
    static model::NewProduct described(int truthIndex)
    {
        const synth::ProductTruth& truth =
            s_project->market().products()[static_cast<size_t>(truthIndex)];
        return {truth.sku, truth.name, truth.category, "", truth.listPrice, truth.unitCost};
    }

    static DayNumber windowStart() { return s_project->market().endDay() + 7; }

    static plan::Campaign campaignOf(const plan::PlannerData& data, std::vector<int> products)
    {
        plan::Campaign campaign;
        campaign.start = windowStart();
        campaign.days = 3;
        for (int p : products) {
            plan::CampaignProduct cp;
            cp.product = p;
            cp.listPrice = data.panel.products()[static_cast<size_t>(p)].listPrice;
            campaign.products.push_back(cp);
        }
        return campaign;
    }

    // Expected units of a product over the 7 days after the history at a discount, unfeatured.
    static double week(const plan::PlannerData& data, int p, double discount)
    {
        std::vector<data::ScenarioPeriod> periods;
        for (int d = 0; d < 7; ++d)
            periods.push_back({p, s_project->market().endDay() + d, static_cast<float>(discount),
                               false, std::nanf(""), 0.0f, -1});
        double total = 0;
        for (const model::ForecastRow& row :
             model::forecastPeriods(data.panel, data.trained, periods))
            total += row.forecast;
        return total;
    }
    static double trueWeek(int truthIndex, double discount)
    {
        double total = 0;
        for (int d = 0; d < 7; ++d)
            total += s_project->market().expectedDemand(truthIndex,
                                                        s_project->market().endDay() + d, discount);
        return total;
    }

    static test::MarketProject* s_project;
    static model::TrainedModel* s_trained;
};
test::MarketProject* NewProductOnMarket::s_project = nullptr;
model::TrainedModel* NewProductOnMarket::s_trained = nullptr;

} // namespace

TEST_F(NewProductOnMarket, FromFiveCategoryPeersTheForecastIsWithin30PercentOfTheTruth)
{
    plan::PlannerData data = freshData();
    std::vector<model::NewProduct> products;
    for (int q = 0; q < kCategories; ++q)
        products.push_back(described(q));
    const std::vector<model::NewProductResult> results = data.addNewProducts(products);
    std::vector<int> placed;
    for (const model::NewProductResult& r : results) {
        ASSERT_GE(r.panelProduct, 0);
        EXPECT_TRUE(r.problems.empty());
        EXPECT_TRUE(data.isNewProduct(r.panelProduct));
        EXPECT_EQ(data.trained.coldStart
                      .placementOf(data.panel.products()[static_cast<size_t>(r.panelProduct)].id)
                      ->peers.size(),
                  5u);
        placed.push_back(r.panelProduct);
    }
    const synth::Market& market = s_project->market();
    for (int q = 0; q < kCategories; ++q) {
        const std::string& sku = market.products()[static_cast<size_t>(q)].sku;
        const int p = placed[static_cast<size_t>(q)];
        for (double discount : {0.0, 0.3})
            EXPECT_NEAR(week(data, p, discount) / trueWeek(q, discount), 1.0, 0.3)
                << sku << " at " << discount;
    }
}

TEST_F(NewProductOnMarket, ANewProductsIntervalIsWiderAndItsDemandNeverFallsAsTheDiscountDeepens)
{
    plan::PlannerData data = freshData();
    const int p = data.addNewProducts({described(0)}).front().panelProduct;
    ASSERT_GE(p, 0);
    const int peer = data.panel.findProduct(s_project->market().products()[6].sku); // same category
    ASSERT_GE(peer, 0);
    const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaignOf(data, {p, peer}));
    double last = 0;
    for (int step = 0; step <= 18; ++step) {
        const double mean = evaluator.windowDemand(0, step * 0.05).mean();
        EXPECT_GE(mean, last * (1 - 1e-9)) << step;
        last = mean;
    }
    // The same mean as the model's noise alone would give it, and a wider 80% interval: how unlike
    // its peers a new product may be.
    const std::vector<double> means = evaluator.periodMeans(0, 0.3);
    const model::NegBin plain = data.trained.noise.windowDemand(
        data.panel.products()[static_cast<size_t>(p)].category, means, true, 0.0);
    const model::NegBin cold = evaluator.windowDemand(0, 0.3);
    EXPECT_NEAR(cold.mean(), plain.mean(), 1e-9 * plain.mean());
    EXPECT_GT(cold.quantile(0.9) - cold.quantile(0.1), plain.quantile(0.9) - plain.quantile(0.1));
    EXPECT_GE(data.trained.coldStart.placementOf(data.panel.products()[static_cast<size_t>(p)].id)
                  ->variance,
              0.05);
}

TEST_F(NewProductOnMarket, ALikeItemIsUsedWhenGivenAtTheNewProductsPriceLevel)
{
    plan::PlannerData data = freshData();
    const synth::ProductTruth& likeTruth = s_project->market().products()[7];
    const int like = data.panel.findProduct(likeTruth.sku);
    ASSERT_GE(like, 0);
    // Like the product, at its price: its demand. Named with a category too, the like item wins.
    model::NewProduct same{"NEW-SAME", "Twin", "", likeTruth.sku, likeTruth.listPrice, {}};
    model::NewProduct named = same;
    named.sku = "NEW-NAMED";
    named.category = s_project->market().products()[0].category; // another category's
    model::NewProduct dearer = same;
    dearer.sku = "NEW-DEARER";
    dearer.listPrice = 1.5 * likeTruth.listPrice;
    model::NewProduct noPrice = same;
    noPrice.sku = "NEW-NOPRICE";
    noPrice.listPrice = 0;
    std::vector<int> placed;
    for (const model::NewProductResult& r : data.addNewProducts({same, named, dearer, noPrice})) {
        ASSERT_GE(r.panelProduct, 0);
        EXPECT_TRUE(r.problems.empty());
        placed.push_back(r.panelProduct);
    }
    EXPECT_EQ(data.trained.coldStart
                  .placementOf(data.panel.products()[static_cast<size_t>(placed[1])].id)
                  ->likeSku,
              likeTruth.sku);
    EXPECT_EQ(data.panel.products()[static_cast<size_t>(placed[3])].listPrice,
              likeTruth.listPrice); // the like item's list price
    placed.push_back(like);
    const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaignOf(data, placed));
    for (double discount : {0.0, 0.3, 0.6}) {
        const double likeMean = evaluator.windowDemand(4, discount).mean();
        EXPECT_NEAR(evaluator.windowDemand(0, discount).mean(), likeMean, 1e-9 * likeMean);
        EXPECT_NEAR(evaluator.windowDemand(1, discount).mean(), likeMean, 1e-9 * likeMean);
        EXPECT_NEAR(evaluator.windowDemand(3, discount).mean(), likeMean, 1e-9 * likeMean);
        // Dearer by half: fewer units, as the model's response to the price level says.
        EXPECT_LT(evaluator.windowDemand(2, discount).mean(), 0.95 * likeMean) << discount;
    }
}

TEST_F(NewProductOnMarket, AProductThatCannotBePlacedIsSkippedNamingIt)
{
    plan::PlannerData data = freshData();
    const int before = data.panel.productCount();
    const std::string category = s_project->market().products()[0].category;
    const std::vector<model::NewProductResult> results = data.addNewProducts({
        {"NEW-NOTHING", "", "", "", 20.0, {}},           // neither category nor like item
        {"NEW-ELSEWHERE", "", "Garden", "", 20.0, {}},   // a category without history
        {"NEW-NOLIST", "", category, "", 0.0, {}},       // no list price to place it at
        {"NEW-BADLIKE", "", category, "NOPE", 20.0, {}}, // the category, the like item ignored
    });
    ASSERT_EQ(results.size(), 4u);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(results[static_cast<size_t>(i)].panelProduct, -1) << i;
        ASSERT_EQ(results[static_cast<size_t>(i)].problems.size(), 1u) << i;
    }
    EXPECT_EQ(results[0].problems[0].kind, ProblemKind::NewProductCannotBePlaced);
    EXPECT_EQ(results[0].problems[0].args, std::vector<std::string>{"NEW-NOTHING"});
    EXPECT_EQ(results[1].problems[0].kind, ProblemKind::NewProductCannotBePlaced);
    EXPECT_EQ(results[2].problems[0].kind, ProblemKind::NewProductWithoutListPrice);
    EXPECT_GE(results[3].panelProduct, 0);
    ASSERT_EQ(results[3].problems.size(), 1u);
    EXPECT_EQ(results[3].problems[0].kind, ProblemKind::LikeSkuNotKnown);
    EXPECT_EQ(results[3].problems[0].args, (std::vector<std::string>{"NEW-BADLIKE", "NOPE"}));
    EXPECT_EQ(data.panel.productCount(), before + 1);
}

TEST_F(NewProductOnMarket, ACampaignPlansItsNewProductsFlaggedColdStart)
{
    plan::PlannerData data = freshData();
    const synth::ProductTruth& hidden = s_project->market().products()[1];
    const synth::ProductTruth& known = s_project->market().products()[7];
    test::TempDir dir;
    const std::string header = "sku,stock,name,category,like_sku,list_price,max_discount\n";
    const std::string path = dir.write(
        "campaign.csv", header + known.sku + ",100,,,,,0.5\n" + hidden.sku + ",40,Fresh," +
                            hidden.category + ",,49.99,0.6\nNEW-NOWHERE,10,Mystery,,,,\n" +
                            "NEW-DEFAULT,5,,," + known.sku + ",,\n");
    plan::CampaignFile file = plan::readCampaignFile(path, data.panel);
    ASSERT_TRUE(file.problems.empty()) << file.problems.front().describe();
    EXPECT_EQ(file.products.size(), 1u);
    ASSERT_EQ(file.newProducts.size(), 3u);
    const std::vector<Problem> warnings = plan::placeNewProducts(file, data);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].describe(),
              path + ":4: sku 'NEW-NOWHERE' has no sales history and nothing to forecast it from "
                     "(a category with sales history, or a like_sku the model knows): skipped, "
                     "the rest goes on");
    ASSERT_EQ(file.products.size(), 3u);
    const plan::CampaignProduct& added = file.products[1];
    EXPECT_EQ(data.panel.products()[static_cast<size_t>(added.product)].sku, hidden.sku);
    EXPECT_EQ(added.listPrice, 49.99);
    EXPECT_EQ(added.stock, 40.0);
    EXPECT_EQ(added.maxDiscount, 0.6);
    // Without max_discount: the deepest its category (its like item's) sold at, as for the rest.
    const plan::CampaignProduct& byDefault = file.products[2];
    EXPECT_EQ(byDefault.maxDiscount,
              data.deepestDiscounts.defaultMaxDiscount(file.products[0].product));
    EXPECT_LT(byDefault.maxDiscount, 1.0);

    plan::Campaign campaign;
    campaign.start = windowStart();
    campaign.days = 3;
    campaign.products = {file.products[0], file.products[1]};
    const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaign);
    std::vector<plan::ProductPlan> rows{evaluator.evaluate(0, 0.2), evaluator.evaluate(1, 0.2)};
    const plan::PlanResult result =
        plan::makePlanResult(data, campaign, plan::PlanSettings{}, std::move(rows), std::nullopt);
    EXPECT_EQ(result.rows[0].flags.text(), "");
    EXPECT_EQ(result.rows[1].flags.text(), "cold_start");
    EXPECT_EQ(result.rows[1].category, hidden.category);
    EXPECT_GT(result.rows[1].expectedUnits, 0.0);
}

TEST_F(NewProductOnMarket, APricesFileKeepsTheRowsOfProductsItCanForecastAndWarnsOfTheRest)
{
    plan::PlannerData data = freshData();
    const synth::ProductTruth& hidden = s_project->market().products()[2];
    const synth::ProductTruth& known = s_project->market().products()[8];
    test::TempDir dir;
    const std::string path = dir.write(
        "prices.csv", "date,sku,price,category,like_sku\n2026-12-01," + known.sku + ",10,,\n" +
                          "2026-12-01,NOPE,4,,\n2026-12-02,NOPE,4,,\n2026-12-01," + hidden.sku +
                          ",20,,\n2026-12-02," + hidden.sku + ",25,," + known.sku + "\n");
    io::PriceTable table = io::readPriceTable(path);
    ASSERT_EQ(table.problemCount, 0);
    ASSERT_EQ(table.rows.size(), 5u);
    const std::vector<Problem> warnings = plan::placeNewProducts(table, data);
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0].kind, ProblemKind::NewProductCannotBePlaced);
    EXPECT_EQ(warnings[0].line, 3);
    EXPECT_EQ(warnings[0].file, path);
    ASSERT_EQ(table.rows.size(), 3u); // NOPE's rows are dropped
    const int p = data.panel.findProduct(hidden.sku);
    ASSERT_GE(p, 0);
    EXPECT_EQ(data.panel.products()[static_cast<size_t>(p)].listPrice, 25.0); // its highest price
    EXPECT_EQ(data.trained.coldStart.placementOf(data.panel.products()[static_cast<size_t>(p)].id)
                  ->likeSku,
              known.sku);
    EXPECT_EQ(data.flagsAt(p, 0.0).text(), "cold_start");
}

namespace {

// Three products in `category` ("" for a project without categories) with flat histories of 2, 5
// and 40 units a day at one list price, and the baseline model (same weekday, recent regular
// weeks) trained on them.
struct FlatPeers
{
    data::Panel panel;
    model::TrainedModel trained;

    explicit FlatPeers(const std::string& category)
        : panel(1, daysFromCivil(2026, 1, 1), 56, productsOf(), {category})
    {
        const float units[3] = {2, 5, 40};
        for (int p = 0; p < 3; ++p)
            for (int t = 0; t < 56; ++t)
                panel.setCell(p, t, units[p], 10.0f, 10.0f, std::nanf(""), -1);
        trained.kind = "baseline";
        trained.model = std::make_unique<model::BaselineModel>();
        trained.model->fit(panel, data::historyCells(panel, 0, 56), {}, {}, {});
        trained.productIds = {1, 2, 3};
        std::vector<data::DemandCell> cells = data::historyCells(panel, 0, 56);
        std::vector<double> fitted(cells.size());
        trained.model->predict(cells, fitted);
        trained.noise = model::NoiseModel::estimate(model::PanelShape::of(panel), cells, fitted);
    }
    static std::vector<data::PanelProduct> productsOf()
    {
        std::vector<data::PanelProduct> products(3);
        for (int p = 0; p < 3; ++p) {
            products[static_cast<size_t>(p)].id = p + 1;
            products[static_cast<size_t>(p)].sku = "P" + std::to_string(p);
            products[static_cast<size_t>(p)].listPrice = 10.0;
        }
        return products;
    }
    // The forecast of a placed new product on the day after the history, at its list price.
    model::ForecastRow dayAfter(int product) const
    {
        const std::vector<model::ForecastRow> rows = model::forecastPeriods(
            panel, trained, {{product, panel.dayOf(56), 0.0f, false, std::nanf("")}});
        EXPECT_EQ(rows.size(), 1u);
        return rows.at(0);
    }
};

} // namespace

TEST(ColdStart, WorksWithAnyModelAsTheMedianOfItsPeers)
{
    FlatPeers tools("Tools");
    const std::vector<model::NewProductResult> results =
        model::addNewProducts(tools.panel, tools.trained, {{"NEW", "", "Tools", "", 10.0, {}}});
    ASSERT_GE(results[0].panelProduct, 0);
    const model::ForecastRow row = tools.dayAfter(results[0].panelProduct);
    EXPECT_NEAR(row.forecast, 5.0, 1e-6); // the middle peer, not the mean 15.7
    EXPECT_GT(row.extraVariance, 0.05);
    EXPECT_GT(row.upper, 9); // far wider than a known product's noise alone
}

TEST(ColdStart, InAProjectWithoutCategoriesANewProductWithoutOneHasEveryProductAsItsPeers)
{
    FlatPeers uncategorized(""); // the panel's one category is unnamed
    const std::vector<model::NewProductResult> results = model::addNewProducts(
        uncategorized.panel, uncategorized.trained,
        {{"NEW", "", "", "", 10.0, {}}, {"NEW-TOOL", "", "Tools", "", 10.0, {}}});
    ASSERT_GE(results[0].panelProduct, 0);
    EXPECT_TRUE(results[0].problems.empty());
    // A category the project does not have still places nothing.
    EXPECT_EQ(results[1].panelProduct, -1);
    ASSERT_EQ(results[1].problems.size(), 1u);
    EXPECT_EQ(results[1].problems[0].kind, ProblemKind::NewProductCannotBePlaced);
    const model::ForecastRow row = uncategorized.dayAfter(results[0].panelProduct);
    EXPECT_NEAR(row.forecast, 5.0, 1e-6); // the middle of every product
    EXPECT_GT(row.extraVariance, 0.05);
}
