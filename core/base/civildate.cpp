#include "base/civildate.h"

namespace fp {

CivilDate civilFromDays(DayNumber days)
{
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

int weekdayOf(DayNumber days)
{
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const int w = (days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

int dayOfYear(DayNumber days)
{
    return days - daysFromCivil(civilFromDays(days).year, 1, 1);
}

namespace {

bool readDigits(std::string_view text, size_t pos, size_t count, int& value)
{
    value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// Whether `time` is a valid time of day as spreadsheets and databases write it: hh:mm, hh:mm:ss
// or hh:mm:ss.fraction, then optionally Z or an offset +hh:mm / +hhmm / +hh (or -).
bool isTimeOfDay(std::string_view time)
{
    int hour = 0, minute = 0, second = 0;
    if (time.size() < 5 || time[2] != ':' || !readDigits(time, 0, 2, hour) ||
        !readDigits(time, 3, 2, minute) || hour > 23 || minute > 59)
        return false;
    size_t pos = 5;
    if (pos < time.size() && time[pos] == ':') {
        if (time.size() < pos + 3 || !readDigits(time, pos + 1, 2, second) || second > 60)
            return false; // 60: a leap second
        pos += 3;
        if (pos < time.size() && time[pos] == '.') {
            const size_t digits = ++pos;
            while (pos < time.size() && time[pos] >= '0' && time[pos] <= '9')
                ++pos;
            if (pos == digits)
                return false;
        }
    }
    std::string_view zone = time.substr(pos);
    if (zone.empty() || zone == "Z")
        return true;
    if (zone.front() != '+' && zone.front() != '-')
        return false;
    zone.remove_prefix(1);
    int zoneHour = 0, zoneMinute = 0;
    if (zone.size() == 2)
        return readDigits(zone, 0, 2, zoneHour) && zoneHour <= 14;
    if (zone.size() == 5 && zone[2] == ':')
        return readDigits(zone, 0, 2, zoneHour) && readDigits(zone, 3, 2, zoneMinute) &&
               zoneHour <= 14 && zoneMinute <= 59;
    if (zone.size() == 4)
        return readDigits(zone, 0, 2, zoneHour) && readDigits(zone, 2, 2, zoneMinute) &&
               zoneHour <= 14 && zoneMinute <= 59;
    return false;
}

} // namespace

std::optional<DayNumber> parseIsoDate(std::string_view text)
{
    if (text.size() < 10)
        return std::nullopt;
    if (text.size() > 10 && ((text[10] != 'T' && text[10] != ' ') || !isTimeOfDay(text.substr(11))))
        return std::nullopt;
    const char sep = text[4];
    if ((sep != '-' && sep != '/') || text[7] != sep)
        return std::nullopt;
    int year = 0, month = 0, day = 0;
    if (!readDigits(text, 0, 4, year) || !readDigits(text, 5, 2, month) ||
        !readDigits(text, 8, 2, day))
        return std::nullopt;
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 ||
        day > daysInMonth(year, month))
        return std::nullopt;
    return daysFromCivil(year, month, day);
}

void formatIsoDate(DayNumber days, char* out)
{
    const CivilDate d = civilFromDays(days);
    int y = d.year;
    for (int i = 3; i >= 0; --i) {
        out[i] = static_cast<char>('0' + y % 10);
        y /= 10;
    }
    out[4] = '-';
    out[5] = static_cast<char>('0' + d.month / 10);
    out[6] = static_cast<char>('0' + d.month % 10);
    out[7] = '-';
    out[8] = static_cast<char>('0' + d.day / 10);
    out[9] = static_cast<char>('0' + d.day % 10);
}

std::string formatIsoDate(DayNumber days)
{
    std::string s(10, '0');
    formatIsoDate(days, s.data());
    return s;
}

} // namespace fp
