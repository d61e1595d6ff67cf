#include "data/calendar.h"

#include <cmath>
#include <numbers>

namespace fp::data {

std::string_view holidayName(Holiday h)
{
    switch (h) {
    case Holiday::SinglesDay:
        return "11.11";
    case Holiday::BlackFriday:
        return "Black Friday";
    case Holiday::CyberMonday:
        return "Cyber Monday";
    case Holiday::DoubleTwelve:
        return "12.12";
    case Holiday::ChristmasLeadUp:
        return "Christmas lead-up";
    case Holiday::ChristmasDay:
        return "Christmas";
    case Holiday::NewYear:
        return "New Year";
    case Holiday::Count:
        break;
    }
    return "?";
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
    auto set = [&](Holiday h) { bits |= 1u << static_cast<unsigned>(h); };
    if (c.month == 11 && c.day == 11)
        set(Holiday::SinglesDay);
    if (c.month == 11 || (c.month == 12 && c.day <= 3)) {
        const DayNumber bf = blackFridayOf(c.year);
        if (day == bf)
            set(Holiday::BlackFriday);
        if (day == bf + 3)
            set(Holiday::CyberMonday);
    }
    if (c.month == 12 && c.day == 12)
        set(Holiday::DoubleTwelve);
    if (c.month == 12 && c.day >= 15 && c.day <= 23)
        set(Holiday::ChristmasLeadUp);
    if (c.month == 12 && (c.day == 24 || c.day == 25))
        set(Holiday::ChristmasDay);
    if ((c.month == 12 && c.day == 31) || (c.month == 1 && c.day == 1))
        set(Holiday::NewYear);
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
