#include "data/panel.h"
#include "data/productpanel.h"
#include "data/productstats.h"
#include "io/salesimporter.h"
#include "store/store.h"
#include "support/marketproject.h"
#include "support/tempdir.h"

#include <cmath>
#include <gtest/gtest.h>
#include <sstream>

using namespace fp;

namespace {

// Two products with hand-checkable numbers; B misses 2025-11-12 (filled with 0 units).
const std::string kSales = "date,sku,name,category,units,price,list_price,stock,event\n"
                           "2025-11-10,A,Runner,Shoes,3,50,50,10,\n"
                           "2025-11-11,A,Runner,Shoes,10,30,50,12,S11\n"
                           "2025-11-12,A,Runner,Shoes,4,40,50,4,\n"
                           "2025-11-10,B,Mug,Home,2,8,8,,\n"
                           "2025-11-11,B,Mug,Home,1,6,8,,\n"
                           "2025-11-13,B,Mug,Home,5,8,8,,\n";

std::int64_t idOf(store::Store& store, const std::string& sku)
{
    for (const store::ProductRecord& p : store.products())
        if (p.sku == sku)
            return p.id;
    return -1;
}

class ProductStatsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        std::istringstream in(kSales);
        ASSERT_TRUE(io::importSales(m_store, in, "sales.csv").committed);
    }
    test::TempDir m_dir;
    store::Store m_store{m_dir.file("p.flashplan")};
};

} // namespace

TEST_F(ProductStatsTest, CountsUnitsRevenueDiscountsStockoutsAndEvents)
{
    const std::vector<data::ProductStats> stats = data::productStats(m_store);
    ASSERT_EQ(stats.size(), 2u);
    const data::ProductStats& a = stats[0];
    EXPECT_EQ(a.productId, idOf(m_store, "A"));
    EXPECT_EQ(a.days, 3);
    EXPECT_DOUBLE_EQ(a.units, 17);
    EXPECT_DOUBLE_EQ(a.revenue, 3 * 50 + 10 * 30 + 4 * 40);
    EXPECT_EQ(a.discountedDays, 2);
    EXPECT_NEAR(a.averageDiscount, (0.4 + 0.2) / 2, 1e-12);
    EXPECT_EQ(a.stockoutDays, 1); // 4 of 4 sold on 2025-11-12
    ASSERT_TRUE(a.lastEvent.has_value());
    EXPECT_EQ(*a.lastEvent, daysFromCivil(2025, 11, 11));
}

TEST_F(ProductStatsTest, FilledPeriodsAreNotCountedAndNoEventMeansNoDate)
{
    const data::ProductStats b = data::productStats(m_store).at(1);
    EXPECT_EQ(b.productId, idOf(m_store, "B"));
    EXPECT_EQ(b.days, 3); // 2025-11-12 was filled in, not sold
    EXPECT_DOUBLE_EQ(b.units, 8);
    EXPECT_DOUBLE_EQ(b.revenue, 2 * 8 + 1 * 6 + 5 * 8);
    EXPECT_EQ(b.discountedDays, 1);
    EXPECT_NEAR(b.averageDiscount, 0.25, 1e-12);
    EXPECT_EQ(b.stockoutDays, 0);
    EXPECT_FALSE(b.lastEvent.has_value());
}

TEST_F(ProductStatsTest, ProgressCountsProductsAndCanCancel)
{
    std::int64_t lastDone = 0, lastTotal = 0;
    data::productStats(m_store, [&](std::int64_t done, std::int64_t total) {
        lastDone = done;
        lastTotal = total;
        return true;
    });
    EXPECT_EQ(lastDone, 2);
    EXPECT_EQ(lastTotal, 2);
    EXPECT_THROW(data::productStats(m_store, [](std::int64_t, std::int64_t) { return false; }),
                 Cancelled);
}

TEST(ProductStats, AnEmptyProjectHasNone)
{
    test::TempDir dir;
    store::Store store(dir.file("p.flashplan"));
    EXPECT_TRUE(data::productStats(store).empty());
    EXPECT_FALSE(data::salesDayRange(store).has_value());
}

TEST(ProductStats, AgreesWithThePanelOfAMarket)
{
    test::MarketProject project(synth::MarketConfig{.products = 12, .days = 120});
    const data::Panel& panel = project.panel();
    const std::vector<data::ProductStats> stats = data::productStats(project.store());
    ASSERT_EQ(static_cast<int>(stats.size()), panel.productCount());
    for (int p = 0; p < panel.productCount(); ++p) {
        const data::ProductStats& s = stats[static_cast<size_t>(p)];
        ASSERT_EQ(s.productId, panel.products()[static_cast<size_t>(p)].id);
        std::int64_t days = 0, stockouts = 0, discounted = 0;
        double units = 0, depth = 0;
        std::optional<DayNumber> lastEvent;
        for (int t = 0; t < panel.periodCount(); ++t) {
            if (!panel.present(p, t) || panel.filled(p, t))
                continue;
            ++days;
            units += panel.units(p, t);
            stockouts += panel.censored(p, t);
            if (panel.discount(p, t) >= 0.01f) {
                ++discounted;
                depth += panel.discount(p, t);
            }
            if (panel.event(p, t) >= 0)
                lastEvent = panel.dayOf(t);
        }
        EXPECT_EQ(s.days, days);
        EXPECT_NEAR(s.units, units, 1e-6 * units);
        EXPECT_EQ(s.stockoutDays, stockouts);
        EXPECT_EQ(s.discountedDays, discounted);
        EXPECT_NEAR(s.averageDiscount, discounted ? depth / discounted : 0.0, 1e-5);
        EXPECT_EQ(s.lastEvent, lastEvent);
        EXPECT_GT(s.revenue, 0);
    }
}

TEST(ProductPanel, HoldsExactlyTheCellsOfTheFullPanel)
{
    test::MarketProject project(synth::MarketConfig{.products = 6, .days = 60});
    const data::Panel& full = project.panel();
    const std::optional<data::DayRange> range = data::salesDayRange(project.store());
    ASSERT_TRUE(range.has_value());
    EXPECT_EQ(range->first, full.firstDay());
    EXPECT_EQ(range->last, full.dayOf(full.periodCount() - 1));
    for (int p = 0; p < full.productCount(); ++p) {
        const data::PanelProduct& product = full.products()[static_cast<size_t>(p)];
        const data::Panel one = data::loadProductPanel(project.store(), product.id, *range);
        ASSERT_EQ(one.productCount(), 1);
        EXPECT_EQ(one.periodCount(), full.periodCount());
        EXPECT_EQ(one.firstDay(), full.firstDay());
        EXPECT_EQ(one.categories(), full.categories());
        const data::PanelProduct& q = one.products()[0];
        EXPECT_EQ(q.sku, product.sku);
        EXPECT_EQ(q.name, product.name);
        EXPECT_EQ(q.category, product.category);
        EXPECT_EQ(q.listPrice, product.listPrice);
        EXPECT_EQ(q.unitCost, product.unitCost);
        EXPECT_EQ(q.firstPeriod, product.firstPeriod);
        EXPECT_EQ(q.lastPeriod, product.lastPeriod);
        for (int t = 0; t < full.periodCount(); ++t) {
            ASSERT_EQ(one.present(0, t), full.present(p, t));
            if (!full.present(p, t))
                continue;
            EXPECT_EQ(one.units(0, t), full.units(p, t));
            EXPECT_EQ(one.price(0, t), full.price(p, t));
            EXPECT_EQ(one.listPrice(0, t), full.listPrice(p, t));
            EXPECT_EQ(one.censored(0, t), full.censored(p, t));
            EXPECT_EQ(one.event(0, t), full.event(p, t));
            EXPECT_EQ(one.filled(0, t), full.filled(p, t));
        }
        const std::optional<data::DayRange> own =
            data::productDayRange(project.store(), product.id);
        ASSERT_TRUE(own.has_value());
        EXPECT_EQ(own->first, full.dayOf(product.firstPeriod));
        EXPECT_EQ(own->last, full.dayOf(product.lastPeriod));
    }
}

TEST(ProductPanel, AnUnknownProductIsAnError)
{
    test::MarketProject project(synth::MarketConfig{.products = 2, .days = 30});
    const data::DayRange range = *data::salesDayRange(project.store());
    EXPECT_THROW(data::loadProductPanel(project.store(), 424242, range), FlashPlanError);
}
