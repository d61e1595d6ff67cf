#include "io/columnmap.h"

#include <gtest/gtest.h>

using namespace fp::io;

TEST(MatchHeader, CanonicalNamesCaseAndSpacesIgnored)
{
    const HeaderMatch m = matchHeader({" Date ", "SKU", "Units", "PRICE", "list_price"});
    EXPECT_TRUE(m.problems.empty());
    EXPECT_EQ(m.map[SalesField::Date], 0);
    EXPECT_EQ(m.map[SalesField::Sku], 1);
    EXPECT_EQ(m.map[SalesField::Units], 2);
    EXPECT_EQ(m.map[SalesField::Price], 3);
    EXPECT_EQ(m.map[SalesField::ListPrice], 4);
    EXPECT_FALSE(m.map.has(SalesField::Stock));
}

TEST(MatchHeader, SynonymsFromTheDataContract)
{
    const HeaderMatch m =
        matchHeader({"order_date", "item_id", "Qty", "unit_price", "MSRP", "title", "dept", "cost",
                     "on_hand", "sessions", "promo", "extra"});
    EXPECT_TRUE(m.problems.empty());
    for (int f = 0; f < kSalesFieldCount; ++f)
        EXPECT_EQ(m.map.column[static_cast<size_t>(f)], f) << f;
    EXPECT_EQ(m.ignoredColumns, std::vector<int>{11});
}

TEST(MatchHeader, MissingRequiredColumnIsNamedWithItsSynonyms)
{
    const HeaderMatch m = matchHeader({"date", "sku", "price"});
    ASSERT_EQ(m.problems.size(), 1u);
    EXPECT_NE(m.problems[0].message().find("'units'"), std::string::npos);
    EXPECT_NE(m.problems[0].message().find("'qty'"), std::string::npos);
}

TEST(MatchHeader, TwoColumnsForOneFieldIsAProblem)
{
    const HeaderMatch m = matchHeader({"date", "sku", "units", "qty", "price"});
    ASSERT_EQ(m.problems.size(), 1u);
    EXPECT_EQ(m.problems[0].column, 4);
}
