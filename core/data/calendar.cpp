#include "data/calendar.h"

#include <cmath>
#include <iterator>
#include <numbers>

namespace fp::data {

std::string_view holidayName(Holiday h)
{
    static constexpr std::string_view kNames[] = {
        "11.10",         "11.11",         "11.12-13",       "Thanksgiving",   "Black Friday",
        "Black weekend", "Cyber Monday",  "12.11/12.13",    "12.12",          "Christmas lead-up",
        "Christmas Eve", "Christmas Day", "Year-end sales", "New Year's Day", "Jan 2-3",
        "6.17",          "6.18"};
    static_assert(std::size(kNames) == kHolidayCount);
    return h < Holiday::Count ? kNames[static_cast<size_t>(h)] : "?";
}

DayNumber blackFridayOf(int year)
{
    const DayNumber nov1 = daysFromCivil(year, 11, 1);
    const int thursdayOffset = (3 - weekdayOf(nov1) + 7) % 7; // Thursday = 3
    return nov1 + thursdayOffset + 21 + 1;
}

Calendar::Calendar(int periodDays, DayNumber trendOrigin)
    : m_periodDays(periodDays < 1 ? 1 : periodDays), m_trendOrigin(trendOrigin)
{
}

int Calendar::weekday(DayNumber day) const
{
    return m_periodDays == 1 ? weekdayOf(day) : -1;
}

std::array<float, Calendar::kFourierTerms> Calendar::fourier(DayNumber day) const
{
    // Phase of the period's middle day within its year.
    const double middle = day + (m_periodDays - 1) / 2.0;
    const double phase = 2 * std::numbers::pi * std::fmod(middle / 365.2425, 1.0);
    std::array<float, kFourierTerms> out{};
    for (int k = 0; k < kHarmonics; ++k) {
        out[static_cast<size_t>(2 * k)] = static_cast<float>(std::sin((k + 1) * phase));
        out[static_cast<size_t>(2 * k + 1)] = static_cast<float>(std::cos((k + 1) * phase));
    }
    return out;
}

namespace {
std::uint32_t holidaysOfDay(DayNumber day)
{
    const CivilDate c = civilFromDays(day);
    std::uint32_t bits = 0;
    auto set = [&](Holiday h) {
        bits |= 1u << static_cast<unsigned>(h);
    };
    const int m = c.month, d = c.day;
    if (m == 11 && d == 10)
        set(Holiday::SinglesDayEve);
    if (m == 11 && d == 11)
        set(Holiday::SinglesDay);
    if (m == 11 && (d == 12 || d == 13))
        set(Holiday::SinglesDayAfter);
    if (m == 11 || (m == 12 && d <= 3)) {
        const int fromBlackFriday = day - blackFridayOf(c.year);
        if (fromBlackFriday == -1)
            set(Holiday::Thanksgiving);
        if (fromBlackFriday == 0)
            set(Holiday::BlackFriday);
        if (fromBlackFriday == 1 || fromBlackFriday == 2)
            set(Holiday::BlackWeekend);
        if (fromBlackFriday == 3)
            set(Holiday::CyberMonday);
    }
    if (m == 12) {
        if (d == 11 || d == 13)
            set(Holiday::DoubleTwelveEve);
        if (d == 12)
            set(Holiday::DoubleTwelve);
        if (d >= 15 && d <= 23)
            set(Holiday::ChristmasLeadUp);
        if (d == 24)
            set(Holiday::ChristmasEve);
        if (d == 25)
            set(Holiday::ChristmasDay);
        if (d >= 26)
            set(Holiday::YearEndSales);
    }
    if (m == 1 && d == 1)
        set(Holiday::NewYearsDay);
    if (m == 1 && (d == 2 || d == 3))
        set(Holiday::NewYearAfter);
    if (m == 6 && d == 17)
        set(Holiday::MidYearEve);
    if (m == 6 && d == 18)
        set(Holiday::MidYear);
    return bits;
}
} // namespace

std::uint32_t Calendar::holidays(DayNumber day) const
{
    std::uint32_t bits = 0;
    for (int i = 0; i < m_periodDays; ++i)
        bits |= holidaysOfDay(day + i);
    return bits;
}

} // namespace fp::data
