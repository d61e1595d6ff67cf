// The planner against brute force and against the synthetic market's true demand.
#include "model/modelstore.h"
#include "model/noisemodel.h"
#include "model/structuredmodel.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"
#include "plan/optimizer.h"
#include "support/marketproject.h"
#include "support/trainedmodel.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>

using namespace fp;

namespace {

// A market, a structured model trained on all of its history, shared by the tests below.
class PlannerOnMarket : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        synth::MarketConfig config;
        config.seed = 404;
        config.products = 60;
        config.days = 730;
        config.eventsPerProductYear = 8;
        s_project = new test::MarketProject(config);
        s_trained = new model::TrainedModel(test::trainStructuredOnAllHistory(s_project->panel()));
    }
    static void TearDownTestSuite()
    {
        delete s_trained;
        delete s_project;
    }

    static DayNumber windowStart() { return s_project->market().endDay() + 10; }

    // A campaign of the given products, with stock around a fraction of their demand at 30% off.
    static plan::Campaign campaignOf(const std::vector<int>& products, double stockFactor,
                                     double maxDiscount = 0.7)
    {
        plan::Campaign campaign;
        campaign.start = windowStart();
        campaign.days = 3;
        const data::Panel& panel = s_project->panel();
        for (int p : products) {
            plan::CampaignProduct cp;
            cp.product = p;
            cp.listPrice = panel.products()[static_cast<size_t>(p)].listPrice;
            cp.unitCost = panel.products()[static_cast<size_t>(p)].unitCost;
            cp.maxDiscount = maxDiscount;
            if (stockFactor > 0) {
                const double truth = s_project->market().expectedWindowDemand(
                    s_project->truthIndex(p), campaign.start, campaign.days, 0.3);
                cp.stock = std::max(1.0, std::round(stockFactor * truth));
            }
            campaign.products.push_back(cp);
        }
        return campaign;
    }

    // All 60 products of the market, with stock around their demand at 30% off.
    static plan::Campaign everyProduct()
    {
        std::vector<int> products(60);
        std::iota(products.begin(), products.end(), 0);
        return campaignOf(products, 1.0);
    }

    // The best objective over every combination of ladder steps, by brute force.
    static double bruteForce(const plan::CampaignEvaluator& evaluator,
                             const plan::OptimizerSettings& s)
    {
        std::vector<std::vector<std::pair<double, double>>> options; // (value, cost)
        for (int i = 0; i < evaluator.productCount(); ++i) {
            const plan::CampaignProduct& cp = evaluator.campaign().products[static_cast<size_t>(i)];
            std::vector<std::pair<double, double>> list;
            const std::vector<double> ladder =
                cp.lockedDiscount ? std::vector<double>{*cp.lockedDiscount}
                                  : plan::discountLadder(cp.minDiscount, cp.maxDiscount, s.step);
            for (double d : ladder) {
                const plan::ProductPlan row = evaluator.evaluate(i, d);
                if (s.marginFloor && cp.unitCost &&
                    row.salePrice < *cp.unitCost * (1 + *s.marginFloor) - 1e-9 &&
                    d != ladder.front())
                    continue;
                list.emplace_back(plan::objectiveOf(row, s.objective, s.blendWeight),
                                  row.markdownCost);
            }
            options.push_back(list);
        }
        double best = -1e300;
        std::vector<size_t> pick(options.size(), 0);
        for (;;) {
            double value = 0, cost = 0;
            for (size_t i = 0; i < options.size(); ++i) {
                value += options[i][pick[i]].first;
                cost += options[i][pick[i]].second;
            }
            if (!s.budget || cost <= *s.budget + 1e-9)
                best = std::max(best, value);
            size_t i = 0;
            while (i < options.size() && ++pick[i] == options[i].size())
                pick[i++] = 0;
            if (i == options.size())
                break;
        }
        return best;
    }

    static test::MarketProject* s_project;
    static model::TrainedModel* s_trained;
};
test::MarketProject* PlannerOnMarket::s_project = nullptr;
model::TrainedModel* PlannerOnMarket::s_trained = nullptr;

} // namespace

TEST_F(PlannerOnMarket, EqualsBruteForceOnSmallInstancesWithAndWithoutABudget)
{
    std::mt19937 rng(12);
    for (int instance = 0; instance < 12; ++instance) {
        std::vector<int> products;
        for (int k = 0; k < 5; ++k)
            products.push_back(static_cast<int>(rng() % 60));
        std::sort(products.begin(), products.end());
        products.erase(std::unique(products.begin(), products.end()), products.end());
        const plan::CampaignEvaluator evaluator(
            s_project->panel(), *s_trained,
            campaignOf(products, instance % 3 == 0 ? 0.0 : 0.6, 0.5));
        plan::OptimizerSettings settings;
        settings.step = 0.1;
        settings.objective = instance % 2 ? plan::Objective::Profit : plan::Objective::Revenue;
        const plan::OptimizedPlan free = plan::optimize(evaluator, settings);
        EXPECT_NEAR(free.objectiveValue, bruteForce(evaluator, settings),
                    1e-6 * (1 + free.objectiveValue));
        double freeMarkdown = 0;
        for (const auto& row : free.rows)
            freeMarkdown += row.markdownCost;
        for (double share : {0.2, 0.5, 0.8}) {
            settings.budget = share * freeMarkdown;
            const plan::OptimizedPlan tight = plan::optimize(evaluator, settings);
            EXPECT_TRUE(tight.proven);
            EXPECT_NEAR(tight.objectiveValue, bruteForce(evaluator, settings),
                        1e-6 * (1 + tight.objectiveValue))
                << "instance " << instance << " budget share " << share;
            double markdown = 0;
            for (const auto& row : tight.rows)
                markdown += row.markdownCost;
            EXPECT_LE(markdown, *settings.budget + 1e-6);
        }
        settings.budget.reset();
    }
}

TEST_F(PlannerOnMarket, TheBudgetIsNeverExceededOnALargeCampaign)
{
    const plan::CampaignEvaluator evaluator(s_project->panel(), *s_trained, everyProduct());
    plan::OptimizerSettings settings;
    const plan::OptimizedPlan free = plan::optimize(evaluator, settings);
    const double freeMarkdown = plan::totalsOf(free.rows).markdownCost;
    for (double share : {0.1, 0.3, 0.6, 0.9}) {
        settings.budget = share * freeMarkdown;
        const plan::OptimizedPlan plan = plan::optimize(evaluator, settings);
        EXPECT_LE(plan::totalsOf(plan.rows).markdownCost, *settings.budget + 1e-6);
        EXPECT_GE(plan.upperBound + 1e-6, plan.objectiveValue);
        EXPECT_LE(plan.objectiveValue, free.objectiveValue + 1e-6);
        int atBudget = 0;
        for (const auto& row : plan.rows)
            atBudget += row.limitedBy == plan::Limit::Budget;
        EXPECT_GT(atBudget, 0);
    }
}

TEST_F(PlannerOnMarket, TheBudgetSearchStopsWhenCancelled)
{
    const plan::CampaignEvaluator evaluator(s_project->panel(), *s_trained, everyProduct());
    plan::OptimizerSettings settings;
    settings.budget = 0.3 * plan::totalsOf(plan::optimize(evaluator, settings).rows).markdownCost;

    // The search reports the choosing step while it runs: a cancel there ends it at once.
    int choosing = 0;
    EXPECT_THROW(plan::optimize(evaluator, settings,
                                [&](std::int64_t done, std::int64_t) {
                                    choosing += done == 1;
                                    return choosing < 2; // the first report from the search
                                }),
                 Cancelled);
    EXPECT_EQ(choosing, 2);

    // And it keeps reporting, branch and bound included, while it is not cancelled.
    choosing = 0;
    const plan::OptimizedPlan plan =
        plan::optimize(evaluator, settings, [&](std::int64_t done, std::int64_t) {
            choosing += done == 1;
            return true;
        });
    EXPECT_GT(choosing, 100); // the multiplier's bisection alone takes 100 steps
    EXPECT_LE(plan::totalsOf(plan.rows).markdownCost, *settings.budget + 1e-6);
}

TEST_F(PlannerOnMarket, LockedProductsKeepTheirDiscount)
{
    plan::Campaign campaign = campaignOf({1, 2, 3, 4}, 1.0);
    campaign.products[1].lockedDiscount = 0.35;
    campaign.products[3].lockedDiscount = 0.0;
    const plan::CampaignEvaluator evaluator(s_project->panel(), *s_trained, campaign);
    plan::OptimizerSettings settings;
    settings.budget = 50.0;
    const plan::OptimizedPlan plan = plan::optimize(evaluator, settings);
    EXPECT_DOUBLE_EQ(plan.rows[1].discount, 0.35);
    EXPECT_DOUBLE_EQ(plan.rows[3].discount, 0.0);
    EXPECT_EQ(plan.rows[1].limitedBy, plan::Limit::Locked);
    EXPECT_TRUE(plan.rows[1].locked);
}

TEST_F(PlannerOnMarket, AMarginFloorNeverSellsBelowCost)
{
    std::vector<int> products(30);
    std::iota(products.begin(), products.end(), 0);
    const plan::CampaignEvaluator evaluator(s_project->panel(), *s_trained,
                                            campaignOf(products, 0.0, 0.9));
    plan::OptimizerSettings settings;
    settings.objective = plan::Objective::Revenue; // revenue alone would happily sell below cost
    settings.marginFloor = 0.0;
    const plan::OptimizedPlan plan = plan::optimize(evaluator, settings);
    for (const plan::ProductPlan& row : plan.rows) {
        ASSERT_TRUE(row.unitCost.has_value());
        EXPECT_GE(row.salePrice, *row.unitCost - 1e-9) << row.sku;
    }
}

TEST_F(PlannerOnMarket, ExpectedUnitsUnderStockMatchAMonteCarloOfTheWindow)
{
    std::mt19937_64 rng(99);
    for (int item = 0; item < 6; ++item) {
        const plan::CampaignEvaluator evaluator(s_project->panel(), *s_trained,
                                                campaignOf({item * 7}, 0.8));
        const double discount = 0.3;
        const double stock = *evaluator.campaign().products[0].stock;
        // Simulate the window as the model describes it, day by day: a demand shock shared by the
        // event's days (gamma, mean 1), negative binomial days around it, capped by the stock.
        const plan::ProductPlan row = evaluator.evaluate(0, discount);
        const std::vector<double> means = evaluator.periodMeans(0, discount);
        const int category = s_project->panel().products()[static_cast<size_t>(item * 7)].category;
        const double r = s_trained->noise.size(category);
        const double v = s_trained->noise.eventShockVariance(category);
        std::gamma_distribution<double> shock(v > 0 ? 1.0 / v : 1e9, v > 0 ? v : 1e-9);
        std::gamma_distribution<double> daily(r, 1.0 / r);
        double total = 0;
        const int draws = 200000;
        for (int k = 0; k < draws; ++k) {
            const double g = shock(rng);
            double demand = 0;
            for (double mu : means) {
                std::poisson_distribution<int> poisson(mu * g * daily(rng));
                demand += poisson(rng);
            }
            total += std::min(demand, stock);
        }
        EXPECT_NEAR(row.expectedUnits / (total / draws), 1.0, 0.01) << "item " << item;
        EXPECT_LE(row.expectedUnits, stock);
    }
}

TEST_F(PlannerOnMarket, RevenuePlanEarnsNearlyTheBestPossibleUnderTheTrueDemand)
{
    const synth::Market& market = s_project->market();
    const DayNumber start = windowStart();
    const int days = 3;
    const std::vector<synth::CampaignProduct> products =
        synth::campaignProducts(market, start, days, 30);
    plan::Campaign campaign;
    campaign.start = start;
    campaign.days = days;
    for (const synth::CampaignProduct& sp : products) {
        plan::CampaignProduct cp;
        cp.product =
            s_project->panel().findProduct(market.products()[static_cast<size_t>(sp.product)].sku);
        cp.stock = sp.stock;
        cp.listPrice = market.products()[static_cast<size_t>(sp.product)].listPrice;
        cp.minDiscount = sp.minDiscount;
        cp.maxDiscount = sp.maxDiscount;
        campaign.products.push_back(cp);
    }
    const plan::CampaignEvaluator evaluator(s_project->panel(), *s_trained, campaign);
    plan::OptimizerSettings settings;
    const plan::OptimizedPlan plan = plan::optimize(evaluator, settings);
    // True expected revenue of a discount for product k, from the generator's own demand.
    auto trueRevenue = [&](size_t k, double d) {
        const synth::CampaignProduct& sp = products[k];
        const double price = campaign.products[k].listPrice * (1 - d);
        return price * market.expectedWindowSales(sp.product, start, days, d, sp.stock);
    };
    double planned = 0, oracle = 0, allMax = 0, allMin = 0;
    for (size_t k = 0; k < products.size(); ++k) {
        planned += trueRevenue(k, plan.rows[k].discount);
        double best = 0;
        for (double d :
             plan::discountLadder(products[k].minDiscount, products[k].maxDiscount, settings.step))
            best = std::max(best, trueRevenue(k, d));
        oracle += best;
        allMax += trueRevenue(k, products[k].maxDiscount);
        allMin += trueRevenue(k, products[k].minDiscount);
    }
    EXPECT_GE(planned / oracle, 0.97) << "planned " << planned << " oracle " << oracle;
    EXPECT_GT(planned, allMax);
    EXPECT_GT(planned, allMin);
}
