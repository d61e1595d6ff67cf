#include "base/civildate.h"

#include <gtest/gtest.h>

using namespace fp;

TEST(CivilDate, RoundTripsEveryDayOverFourCenturies)
{
    for (DayNumber d = daysFromCivil(1900, 1, 1); d < daysFromCivil(2300, 1, 1); ++d) {
        const CivilDate c = civilFromDays(d);
        ASSERT_EQ(daysFromCivil(c.year, c.month, c.day), d);
    }
}

TEST(CivilDate, KnownAnchors)
{
    EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
    EXPECT_EQ(daysFromCivil(2000, 3, 1), 11017);
    EXPECT_EQ(weekdayOf(daysFromCivil(2026, 11, 11)), 2); // a Wednesday
    EXPECT_EQ(weekdayOf(daysFromCivil(1970, 1, 1)), 3);   // a Thursday
    EXPECT_EQ(weekdayOf(-1), 2);
    EXPECT_EQ(dayOfYear(daysFromCivil(2024, 12, 31)), 365);
}

TEST(ParseIsoDate, AcceptsDashSlashAndTimeSuffix)
{
    EXPECT_EQ(parseIsoDate("2025-11-11"), daysFromCivil(2025, 11, 11));
    EXPECT_EQ(parseIsoDate("2025/11/11"), daysFromCivil(2025, 11, 11));
    EXPECT_EQ(parseIsoDate("2025-11-11T08:00:00"), daysFromCivil(2025, 11, 11));
    EXPECT_EQ(parseIsoDate("2025-11-11 23:59"), daysFromCivil(2025, 11, 11));
}

TEST(ParseIsoDate, RejectsImpossibleAndMalformedDates)
{
    for (const char* bad : {"2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-1-1",
                            "11/11/2025", "2025-11-11x", "", "abcd-ef-gh", "2025-11/11"})
        EXPECT_FALSE(parseIsoDate(bad).has_value()) << bad;
    EXPECT_TRUE(parseIsoDate("2024-02-29").has_value());
}

TEST(FormatIsoDate, PadsWithZeros)
{
    EXPECT_EQ(formatIsoDate(daysFromCivil(2026, 1, 5)), "2026-01-05");
    EXPECT_EQ(formatIsoDate(daysFromCivil(1999, 12, 31)), "1999-12-31");
}
