#include "data/demandcells.h"
#include "data/panel.h"
#include "data/productpanel.h"
#include "data/productstats.h"
#include "io/salesimporter.h"
#include "model/modelstore.h"
#include "model/trainer.h"
#include "plan/productfit.h"
#include "support/marketproject.h"

#include <cmath>
#include <gtest/gtest.h>
#include <sstream>

using namespace fp;

namespace {

// One small market with a structured model, shared by the tests (training takes a moment).
class ProductFitTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        synth::MarketConfig config;
        config.products = 12;
        config.days = 120;
        s_project = new test::MarketProject(config);
        model::TrainOptions options;
        options.model = "structured";
        s_summary = model::trainAndStore(s_project->store(), options);
        s_trained = new model::TrainedModel(*model::loadActiveModel(s_project->store()));
    }
    static void TearDownTestSuite()
    {
        delete s_trained;
        delete s_project;
    }

    static test::MarketProject* s_project;
    static model::TrainSummary s_summary;
    static model::TrainedModel* s_trained;
};

test::MarketProject* ProductFitTest::s_project = nullptr;
model::TrainSummary ProductFitTest::s_summary;
model::TrainedModel* ProductFitTest::s_trained = nullptr;

} // namespace

TEST_F(ProductFitTest, FittedValuesAreTheModelsExpectedUnitsSold)
{
    const data::Panel& panel = s_project->panel();
    const int p = 3;
    const plan::ProductFit fit = plan::fitProduct(panel, *s_trained, p);
    std::vector<data::DemandCell> cells;
    for (const data::DemandCell& cell : data::historyCells(panel, 0, panel.periodCount()))
        if (cell.product == p)
            cells.push_back(cell);
    ASSERT_EQ(fit.history.size(), cells.size());
    const int modelIndex = s_trained->productIndexFor({panel.products()[p].id}).front();
    std::vector<data::DemandCell> modelCells = cells;
    for (data::DemandCell& cell : modelCells)
        cell.product = modelIndex;
    std::vector<double> means(cells.size());
    s_trained->predict(modelCells, means);
    for (size_t i = 0; i < cells.size(); ++i) {
        const model::NegBin demand =
            s_trained->noise.cellDemand(panel.products()[p].category, cells[i], means[i]);
        const double expected =
            std::isfinite(cells[i].stock) ? demand.expectedSales(cells[i].stock) : means[i];
        EXPECT_DOUBLE_EQ(fit.history[i].fitted, expected);
        EXPECT_EQ(fit.history[i].day, panel.dayOf(cells[i].period));
        EXPECT_EQ(fit.history[i].actual, cells[i].units);
        EXPECT_LE(fit.history[i].lower, fit.history[i].upper);
    }
}

TEST_F(ProductFitTest, AOneProductPanelGivesTheSameFitAsTheWholePanel)
{
    const data::Panel& panel = s_project->panel();
    const data::DayRange range = *data::salesDayRange(s_project->store());
    for (int p : {0, 5, 11}) {
        const plan::ProductFit whole = plan::fitProduct(panel, *s_trained, p);
        const data::Panel one =
            data::loadProductPanel(s_project->store(), panel.products()[p].id, range);
        const plan::ProductFit alone = plan::fitProduct(one, *s_trained, 0);
        ASSERT_EQ(whole.history.size(), alone.history.size());
        for (size_t i = 0; i < whole.history.size(); ++i)
            EXPECT_DOUBLE_EQ(whole.history[i].fitted, alone.history[i].fitted);
        ASSERT_EQ(whole.forecast.size(), alone.forecast.size());
        for (size_t i = 0; i < whole.forecast.size(); ++i)
            EXPECT_DOUBLE_EQ(whole.forecast[i].forecast, alone.forecast[i].forecast);
        ASSERT_EQ(whole.curve.size(), alone.curve.size());
        for (size_t i = 0; i < whole.curve.size(); ++i)
            EXPECT_DOUBLE_EQ(whole.curve[i].units, alone.curve[i].units);
    }
}

TEST_F(ProductFitTest, ForecastContinuesTheHistoryFor28Days)
{
    const data::Panel& panel = s_project->panel();
    const plan::ProductFit fit = plan::fitProduct(panel, *s_trained, 2);
    ASSERT_EQ(fit.forecast.size(), 28u);
    const DayNumber last = panel.dayOf(panel.products()[2].lastPeriod);
    EXPECT_EQ(fit.forecast.front().day, last + 1);
    EXPECT_EQ(fit.forecast.back().day, last + 28);
    EXPECT_EQ(fit.windowStart, last + 1);
    for (const model::ForecastRow& row : fit.forecast) {
        EXPECT_GT(row.forecast, 0);
        EXPECT_LE(row.lower, row.upper);
    }
}

TEST_F(ProductFitTest, DemandCurveRisesWithTheDiscountAndRevenueIsPriceTimesUnits)
{
    const data::Panel& panel = s_project->panel();
    for (int p = 0; p < panel.productCount(); ++p) {
        const plan::ProductFit fit = plan::fitProduct(panel, *s_trained, p);
        ASSERT_EQ(fit.curve.size(), 19u); // 0, 5, ... 90%
        EXPECT_DOUBLE_EQ(fit.curve.front().discount, 0.0);
        EXPECT_NEAR(fit.curve.back().discount, 0.9, 1e-12);
        const data::PanelProduct& product = panel.products()[p];
        for (size_t k = 0; k < fit.curve.size(); ++k) {
            const plan::DiscountPoint& point = fit.curve[k];
            if (k > 0) {
                EXPECT_GE(point.units, fit.curve[k - 1].units * (1 - 1e-12));
            }
            const double price = product.listPrice * (1 - point.discount);
            EXPECT_NEAR(point.revenue, price * point.units, 1e-9 * (1 + point.revenue));
            ASSERT_EQ(point.profit.has_value(), product.unitCost.has_value());
            if (point.profit) {
                EXPECT_NEAR(*point.profit, (price - *product.unitCost) * point.units,
                            1e-9 * (1 + std::abs(*point.profit)));
            }
        }
    }
}

TEST_F(ProductFitTest, UsualDiscountAndHoldoutComeFromTheHistoryAndTheScores)
{
    const data::Panel& panel = s_project->panel();
    const std::vector<data::ProductStats> stats = data::productStats(s_project->store());
    for (int p = 0; p < panel.productCount(); ++p) {
        const plan::ProductFit fit = plan::fitProduct(panel, *s_trained, p);
        EXPECT_NEAR(fit.usualDiscount, stats[static_cast<size_t>(p)].averageDiscount, 1e-5);
        ASSERT_TRUE(fit.holdoutStart.has_value());
        EXPECT_EQ(*fit.holdoutStart, s_summary.holdoutStart);
    }
    EXPECT_FALSE(plan::holdoutStartOf("{}").has_value());
}

TEST_F(ProductFitTest, AProductImportedAfterTrainingAsksToTrainAgain)
{
    std::istringstream in("date,sku,units,price\n" + formatIsoDate(s_project->panel().dayOf(0)) +
                          ",LATE-1,1,10\n");
    ASSERT_TRUE(io::importSales(s_project->store(), in, "late.csv").committed);
    const data::Panel panel = data::Panel::load(s_project->store());
    const int late = panel.findProduct("LATE-1");
    ASSERT_GE(late, 0);
    try {
        plan::fitProduct(panel, *s_trained, late);
        FAIL() << "fitted a product the model never saw";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("train again"), std::string::npos);
    }
}

TEST(ProductFitWeekly, ASaleWindowOfWeeklyDataIsTheWholeWeeksItOverlaps)
{
    synth::MarketConfig config;
    config.products = 6;
    config.days = 400;
    config.weekly = true;
    test::MarketProject project(config);
    model::TrainOptions options;
    options.model = "structured";
    model::trainAndStore(project.store(), options);
    const model::TrainedModel trained = *model::loadActiveModel(project.store());
    ASSERT_EQ(project.panel().periodDays(), 7);
    auto fitFor = [&](int days) {
        plan::ProductFitOptions fitOptions;
        fitOptions.windowDays = days;
        return plan::fitProduct(project.panel(), trained, 0, fitOptions);
    };
    const plan::ProductFit three = fitFor(3), week = fitFor(7), eight = fitFor(8);
    // A 3-day sale of weekly data is its week, as the planner sees it: the curves say so.
    EXPECT_EQ(three.windowDays, 7);
    EXPECT_EQ(eight.windowDays, 14);
    ASSERT_EQ(three.curve.size(), week.curve.size());
    for (size_t k = 0; k < three.curve.size(); ++k)
        EXPECT_DOUBLE_EQ(three.curve[k].units, week.curve[k].units) << k;
    EXPECT_GT(eight.curve.front().units, 1.5 * week.curve.front().units); // two weeks
}
