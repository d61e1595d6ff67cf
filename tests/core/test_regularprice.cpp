#include "base/civildate.h"
#include "data/panel.h"
#include "data/productpanel.h"
#include "data/regularpricereading.h"
#include "data/regularprices.h"
#include "io/regularprice.h"
#include "io/salesimporter.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support/tempdir.h"

#include <cmath>
#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

using fp::io::PriceHistogram;

TEST(RegularPrice, ModeOfHighPricesNotTheMaximumOrTheOverallMode)
{
    PriceHistogram h;
    h.add(19.99, 40); // regular
    h.add(9.99, 55);  // a long clearance: the overall mode
    h.add(14.99, 20);
    h.add(49.00, 1); // a one-off data-entry error
    EXPECT_DOUBLE_EQ(*h.estimate(), 19.99);
}

TEST(RegularPrice, AfterAPriceIncreaseTheMoreCommonHighPriceWins)
{
    PriceHistogram h;
    h.add(2.99, 200);
    h.add(3.19, 300);
    h.add(1.99, 80);
    EXPECT_DOUBLE_EQ(*h.estimate(), 3.19);
}

TEST(RegularPrice, TiesGoToTheHigherPrice)
{
    PriceHistogram h;
    h.add(10.00, 5);
    h.add(10.50, 5);
    EXPECT_DOUBLE_EQ(*h.estimate(), 10.50);
}

TEST(RegularPrice, EmptyHasNoEstimate)
{
    EXPECT_FALSE(PriceHistogram().estimate().has_value());
}

// A period's regular price where the file gives none (data/regularprices.h), and the panel that
// reads it per period for a category whose prices hold.

// 10 for weeks 0-9 with a cut to 7 in week 4, then 9 (a lower regular price) with cuts to 6 in
// weeks 14-15, and week 17 unsold: the cuts read against the price around them, the step is the new
// regular price from the week it happened, an unsold week takes its neighbours'.
TEST(RegularPrices, ACutReadsAgainstThePricesAroundItAndAStepIsTheNewRegularPrice)
{
    std::vector<float> prices(20, 10.0f);
    prices[4] = 7.0f;
    for (size_t t = 10; t < 20; ++t)
        prices[t] = 9.0f;
    prices[14] = prices[15] = 6.0f;
    prices[17] = 0.0f;
    const std::vector<float> regular = fp::data::regularPrices(prices, 4);
    const std::vector<float> expected = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
                                         9,  9,  9,  9,  9,  9,  9,  9,  9,  9};
    ASSERT_EQ(regular.size(), expected.size());
    for (size_t t = 0; t < regular.size(); ++t)
        EXPECT_FLOAT_EQ(regular[t], expected[t]) << "week " << t;
}

TEST(RegularPrices, NoPriceNearbyIsNoRegularPrice)
{
    const std::vector<float> prices = {5, 0, 0, 0, 0, 0, 0, 5};
    const std::vector<float> regular = fp::data::regularPrices(prices, 2);
    EXPECT_FLOAT_EQ(regular[1], 5.0f);
    EXPECT_FLOAT_EQ(regular[3], 0.0f); // nothing sold within two weeks either side
    EXPECT_FLOAT_EQ(regular[4], 0.0f);
    EXPECT_FLOAT_EQ(regular[6], 5.0f);
}

namespace {

// Two categories of three products without list prices, 60 weeks. "Steps": a regular price that
// falls from 12 to 10 in week 30, with 40% cuts every 6th week. "Wander": a price different every
// week (a panel's weekly average) around 10, with the same cuts.
std::string twoKindsOfPrices()
{
    std::string csv = "date,sku,category,units,price\n";
    for (int week = 0; week < 60; ++week) {
        const std::string date = fp::formatIsoDate(fp::daysFromCivil(2025, 1, 6) + 7 * week);
        const bool cut = week % 6 == 3;
        for (int k = 0; k < 3; ++k) {
            const double regular = week < 30 ? 12.0 : 10.0;
            const double stepped = cut ? 0.6 * regular : regular;
            const double wandering = (cut ? 6.0 : 10.0) * (1.0 + 0.03 * std::sin(1.7 * week + k));
            csv += date + ",S" + std::to_string(k) + ",Steps," + (cut ? "20," : "10,") +
                   std::to_string(stepped) + "\n";
            csv += date + ",W" + std::to_string(k) + ",Wander," + (cut ? "20," : "10,") +
                   std::to_string(wandering) + "\n";
        }
    }
    return csv;
}

} // namespace

TEST(RegularPrices, ACategoryWhosePricesHoldIsReadPerPeriodOneWhosePricesWanderIsNot)
{
    fp::test::TempDir dir;
    fp::store::Store store(dir.file("p.flashplan"));
    ASSERT_TRUE(fp::io::importSalesFile(store, dir.write("s.csv", twoKindsOfPrices())).committed);
    const fp::data::Panel panel = fp::data::Panel::load(store);
    for (int p = 0; p < panel.productCount(); ++p) {
        const fp::data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        ASSERT_TRUE(product.listPriceEstimated);
        if (product.sku[0] == 'S') {
            // Each cut is 40% off the regular price in force; the plan cuts from the latest one.
            EXPECT_DOUBLE_EQ(product.listPrice, 10.0) << product.sku;
            EXPECT_FLOAT_EQ(panel.listPrice(p, 3), 12.0f);
            EXPECT_NEAR(panel.discount(p, 3), 0.40, 1e-5);
            EXPECT_NEAR(panel.discount(p, 33), 0.40, 1e-5);
            EXPECT_FLOAT_EQ(panel.discount(p, 20), 0.0f);
            EXPECT_FLOAT_EQ(panel.discount(p, 40), 0.0f); // 10 is the regular price then
        } else {
            // One estimate for the whole history, as the import made it.
            for (int t = 0; t < panel.periodCount(); ++t)
                ASSERT_FLOAT_EQ(panel.listPrice(p, t), static_cast<float>(product.listPrice));
        }
    }
}

// The charts read one product at a time (loadProductPanel): the same regular prices as the
// models' panel, so the Fit tab forecasts at the prices the model was trained on.
TEST(RegularPrices, OneProductsPanelReadsTheSameRegularPricesAsTheWholePanel)
{
    fp::test::TempDir dir;
    fp::store::Store store(dir.file("p.flashplan"));
    ASSERT_TRUE(fp::io::importSalesFile(store, dir.write("s.csv", twoKindsOfPrices())).committed);
    const fp::data::Panel panel = fp::data::Panel::load(store);
    const std::optional<fp::data::DayRange> range = fp::data::salesDayRange(store);
    ASSERT_TRUE(range);
    for (int p = 0; p < panel.productCount(); ++p) {
        const fp::data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        const fp::data::Panel one = fp::data::loadProductPanel(store, product.id, *range);
        EXPECT_DOUBLE_EQ(one.products().front().listPrice, product.listPrice) << product.sku;
        for (int t = 0; t < panel.periodCount(); ++t)
            ASSERT_FLOAT_EQ(one.listPrice(0, t), panel.listPrice(p, t)) << product.sku << " " << t;
    }
}

// A project imported before the import decided how its regular prices are read keeps one
// estimate per product everywhere, until it is imported again.
TEST(RegularPrices, AProjectImportedBeforeKeepsOneEstimatePerProduct)
{
    fp::test::TempDir dir;
    fp::store::Store store(dir.file("p.flashplan"));
    ASSERT_TRUE(fp::io::importSalesFile(store, dir.write("s.csv", twoKindsOfPrices())).committed);
    fp::sql::Statement(store.database(), "DELETE FROM meta WHERE key = 'regular_price_per_period'")
        .run();
    const fp::data::Panel panel = fp::data::Panel::load(store);
    for (int p = 0; p < panel.productCount(); ++p)
        for (int t = 0; t < panel.periodCount(); ++t)
            ASSERT_FLOAT_EQ(panel.listPrice(p, t),
                            static_cast<float>(panel.products()[static_cast<size_t>(p)].listPrice));
}

TEST(RegularPrices, PricesHoldWhenHalfOfTheConsecutivePeriodsKeepTheirPrice)
{
    fp::data::HoldingPrices steps, wanders, gappy;
    for (int t = 0; t < 20; ++t) {
        steps.add(t % 4 == 0 ? 6.0f : 10.0f, true);
        wanders.add(10.0f + 0.1f * static_cast<float>(t % 3), true);
        gappy.add(10.0f, false); // never two sold periods in a row: nothing to judge
    }
    EXPECT_TRUE(steps.hold()); // 10 of 19 pairs keep their price
    EXPECT_FALSE(wanders.hold());
    EXPECT_FALSE(gappy.hold());
}
