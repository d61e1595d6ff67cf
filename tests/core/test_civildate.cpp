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
    for (const char* time :
         {"2025-11-11T08:00:00Z", "2025-11-11T08:00:00.123", "2025-11-11 08:00+08:00",
          "2025-11-11T23:59:60-0530", "2025-11-11T00:00:00.5+01"})
        EXPECT_EQ(parseIsoDate(time), daysFromCivil(2025, 11, 11)) << time;
}

TEST(ParseIsoDate, RejectsImpossibleAndMalformedDates)
{
    for (const char* bad : {"2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-1-1",
                            "11/11/2025", "2025-11-11x", "", "abcd-ef-gh", "2025-11/11"})
        EXPECT_FALSE(parseIsoDate(bad).has_value()) << bad;
    // Issue 16, 6: a time part is a time, not anything after a T.
    for (const char* bad :
         {"2024-01-01Tgarbage", "2024-01-01T25:99", "2024-01-01T24:00", "2024-01-01T10:60",
          "2024-01-01 10:00:61", "2024-01-01T10:00:00.", "2024-01-01T10:00:00+2",
          "2024-01-01T10:00x", "2024-01-01T", "2024-01-01 ", "2024-01-01T10:00:00+15:00"})
        EXPECT_FALSE(parseIsoDate(bad).has_value()) << bad;
    EXPECT_TRUE(parseIsoDate("2024-02-29").has_value());
}

TEST(FormatIsoDate, PadsWithZeros)
{
    EXPECT_EQ(formatIsoDate(daysFromCivil(2026, 1, 5)), "2026-01-05");
    EXPECT_EQ(formatIsoDate(daysFromCivil(1999, 12, 31)), "1999-12-31");
}
