#pragma once

#include "base/civildate.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace fp::data {

// Shopping days that move demand market-wide. Each is a 0/1 feature of a period (for weekly data:
// the week contains the day).
enum class Holiday : std::uint8_t
{
    SinglesDayEve,   // 11.10: the warm-up
    SinglesDay,      // 11.11
    SinglesDayAfter, // 11.12-11.13: returns of the sale
    Thanksgiving,    // the fourth Thursday of November
    BlackFriday,     // the day after
    BlackWeekend,    // the Saturday and Sunday after Black Friday
    CyberMonday,     // the Monday after Black Friday
    DoubleTwelveEve, // 12.11 and 12.13
    DoubleTwelve,    // 12.12
    ChristmasLeadUp, // Dec 15-23
    ChristmasEve,    // Dec 24
    ChristmasDay,    // Dec 25
    YearEndSales,    // Dec 26-31
    NewYearsDay,     // Jan 1
    NewYearAfter,    // Jan 2-3
    MidYearEve,      // 6.17
    MidYear,         // 6.18 (JD's mid-year festival)
    Count
};
constexpr int kHolidayCount = static_cast<int>(Holiday::Count);
std::string_view holidayName(Holiday h);

DayNumber blackFridayOf(int year);

// Calendar features of a period: weekday (daily data), yearly season as Fourier terms, holidays,
// trend in years from a reference day.
class Calendar final
{
public:
    static constexpr int kHarmonics = 3;
    static constexpr int kFourierTerms = 2 * kHarmonics;

    Calendar(int periodDays, DayNumber trendOrigin);

    int periodDays() const { return m_periodDays; }
    // 0..6 for daily data (Monday = 0); -1 for weekly data, where weekdays average out.
    int weekday(DayNumber day) const;
    std::array<float, kFourierTerms> fourier(DayNumber day) const;
    // Bit h set when holiday h falls in the period starting at `day`.
    std::uint32_t holidays(DayNumber day) const;
    float trend(DayNumber day) const { return static_cast<float>((day - m_trendOrigin) / 365.25); }

private:
    int m_periodDays;
    DayNumber m_trendOrigin;
};

} // namespace fp::data
