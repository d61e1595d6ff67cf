#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fp {

// A calendar day as the number of days since 1970-01-01 (proleptic Gregorian calendar).
// Integer day numbers make gaps, weekly steps and joins trivial and exact.
using DayNumber = std::int32_t;

struct CivilDate
{
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
};

// Howard Hinnant's days_from_civil: exact for every Gregorian date.
constexpr DayNumber daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yoe = year - era * 400;
    const int mp = (month + 9) % 12;
    const int doy = (153 * mp + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civilFromDays(DayNumber days);

// 0 = Monday ... 6 = Sunday.
int weekdayOf(DayNumber days);
int dayOfYear(DayNumber days); // 0-based
bool isLeapYear(int year);
int daysInMonth(int year, int month);

// Accepts YYYY-MM-DD (also YYYY/MM/DD), optionally followed after 'T' or ' ' by a valid time of
// day (hh:mm[:ss[.fraction]], then optionally Z or an offset such as +08:00), which is ignored.
// Rejects impossible dates such as 2025-02-30, and anything else after the date.
std::optional<DayNumber> parseIsoDate(std::string_view text);

// YYYY-MM-DD
std::string formatIsoDate(DayNumber days);
// Writes exactly 10 characters; for hot loops that format millions of dates.
void formatIsoDate(DayNumber days, char* out10);

} // namespace fp
