#pragma once

#include "base/civildate.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace fp::data {

// Shopping days that move demand market-wide. Each is a 0/1 feature of a period (for weekly data:
// the week contains the day).
enum class Holiday : std::uint8_t {
    SinglesDay,      // 11.11
    BlackFriday,     // the day after the fourth Thursday of November
    CyberMonday,     // the Monday after Black Friday
    DoubleTwelve,    // 12.12
    ChristmasLeadUp, // Dec 15-23
    ChristmasDay,    // Dec 24-25
    NewYear,         // Dec 31 - Jan 1
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
