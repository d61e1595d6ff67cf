#include "base/error.h"
#include "data/panel.h"
#include "io/salesimporter.h"
#include "plan/deepestdiscounts.h"
#include "plan/plannerdata.h"
#include "store/store.h"
#include "support/tempdir.h"

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

TEST_F(HistoryProject, BeyondHistoryIsMoreThanHalfAPointDeeper)
{
    const plan::DeepestDiscounts deepest(*m_panel);
    EXPECT_FALSE(deepest.beyond(product("A"), 0.50));
    EXPECT_FALSE(deepest.beyond(product("A"), 0.504));
    EXPECT_TRUE(deepest.beyond(product("A"), 0.51));
    EXPECT_FALSE(deepest.beyond(product("C"), 0.0));
    EXPECT_TRUE(deepest.beyond(product("C"), 0.12));
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
