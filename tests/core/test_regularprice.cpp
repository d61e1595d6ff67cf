#include "io/regularprice.h"

#include <gtest/gtest.h>

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
