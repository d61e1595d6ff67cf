#include "synth/shoppingcalendar.h"

#include "data/calendar.h"
#include "synth/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace fp::synth {

namespace {

constexpr int kMinEventGap = 10; // days between a product's events: dips never overlap
constexpr double kMaxParticipation = 0.95;

} // namespace

double holidayLift(DayNumber day)
{
    const CivilDate c = civilFromDays(day);
    double lift = 0.0;
    if (c.month == 11) {
        static constexpr double kSinglesDay[] = {0.3, 1.2, 0.4, 0.15}; // Nov 10..13
        if (c.day >= 10 && c.day <= 13)
            lift += kSinglesDay[c.day - 10];
    }
    // Thanksgiving .. the day after Cyber Monday; may run into December.
    static constexpr double kBlackFriday[] = {0.1, 0.9, 0.35, 0.3, 0.7, 0.15};
    const int fromThanksgiving = day - (data::blackFridayOf(c.year) - 1);
    if (fromThanksgiving >= 0 && fromThanksgiving < 6)
        lift += kBlackFriday[fromThanksgiving];
    if (c.month == 12) {
        if (c.day >= 11 && c.day <= 13)
            lift += c.day == 12 ? 0.7 : 0.15; // 12.12
        if (c.day >= 15 && c.day <= 22)
            lift += 0.15 + 0.35 * (c.day - 15) / 7.0; // Christmas lead-up
        else if (c.day == 23)
            lift += 0.4;
        else if (c.day == 24)
            lift += 0.15;
        else if (c.day == 25)
            lift -= 0.3;
        else if (c.day >= 26)
            lift += 0.3 - 0.03 * (c.day - 26); // New Year sales
    }
    if (c.month == 1 && c.day <= 3)
        lift += c.day == 1 ? 0.35 : (c.day == 2 ? 0.25 : 0.1);
    if (c.month == 6 && (c.day == 17 || c.day == 18))
        lift += c.day == 18 ? 0.5 : 0.1; // 6.18
    return lift;
}

std::vector<Campaign> makeCampaigns(const MarketConfig& config)
{
    struct Fixed
    {
        int month, day, days;
        double weight;
    };
    // Shopping holidays; Black Friday and Cyber Monday are added per year below.
    static constexpr Fixed kHolidays[] = {{1, 1, 2, 2.0},   {3, 8, 1, 1.5},   {6, 18, 2, 2.5},
                                          {11, 11, 3, 4.0}, {12, 12, 2, 3.0}, {12, 18, 3, 2.0}};
    const DayNumber first = config.firstDay;
    const DayNumber end = config.firstDay + config.days;
    std::vector<Campaign> all;
    const int firstYear = civilFromDays(first).year;
    const int lastYear = civilFromDays(end).year;
    for (int y = firstYear; y <= lastYear; ++y) {
        for (const Fixed& h : kHolidays)
            all.push_back({"", daysFromCivil(y, h.month, h.day), h.days, true, h.weight});
        all.push_back({"", data::blackFridayOf(y), 3, true, 3.5});     // Friday..Sunday
        all.push_back({"", data::blackFridayOf(y) + 3, 1, true, 2.5}); // Cyber Monday
    }
    // Ordinary flash sales every 5-12 days, kept 3 days clear of holiday campaigns.
    std::mt19937_64 rng(streamKey(config.seed, kTagCalendar, 0));
    const std::size_t holidayCount = all.size();
    for (DayNumber d = first - 20 + uniformInt(rng, 0, 7); d < end; d += uniformInt(rng, 5, 12)) {
        const int days = uniformInt(rng, 1, 3);
        bool clear = true;
        for (std::size_t h = 0; h < holidayCount; ++h)
            clear = clear && (d + days + 3 <= all[h].start || all[h].start + all[h].days + 3 <= d);
        if (clear)
            all.push_back({"", d, days, false, 1.0});
    }
    std::vector<Campaign> campaigns;
    for (Campaign& c : all) {
        if (c.start < first || c.start + c.days > end)
            continue;
        char date[11] = {};
        formatIsoDate(c.start, date);
        c.id = std::string("FS-") + date;
        campaigns.push_back(std::move(c));
    }
    std::sort(campaigns.begin(), campaigns.end(),
              [](const Campaign& a, const Campaign& b) { return a.start < b.start; });
    return campaigns;
}

std::vector<int> joinCampaigns(const std::vector<Campaign>& campaigns, double factor,
                               double propensity, std::span<const double> draws)
{
    std::vector<int> joined;
    DayNumber freeFrom = std::numeric_limits<DayNumber>::min();
    for (std::size_t c = 0; c < campaigns.size(); ++c) {
        const double u = draws[c]; // drawn always, so a higher factor only adds events
        const Campaign& campaign = campaigns[c];
        if (campaign.start < freeFrom)
            continue;
        if (u < std::min(kMaxParticipation, factor * campaign.weight * propensity)) {
            joined.push_back(static_cast<int>(c));
            freeFrom = campaign.start + campaign.days + kMinEventGap;
        }
    }
    return joined;
}

// The participation factor that gives eventsPerProductYear on average, found by bisection on a
// fixed panel of pseudo-products (the gap rule makes the count non-linear in the factor).
double participationFactor(const MarketConfig& config, const std::vector<Campaign>& campaigns)
{
    const double target = config.eventsPerProductYear * config.days / 365.25;
    if (target <= 0.0 || campaigns.empty())
        return 0.0;
    constexpr int kPanel = 1024;
    std::vector<double> propensity(kPanel);
    std::vector<double> draws(static_cast<std::size_t>(kPanel) * campaigns.size());
    for (int i = 0; i < kPanel; ++i) {
        SplitMix64 rng(streamKey(config.seed, kTagCalibration, i));
        propensity[i] = std::exp(0.4 * normal(rng) - 0.08);
        for (std::size_t c = 0; c < campaigns.size(); ++c)
            draws[i * campaigns.size() + c] = uniform01(rng);
    }
    auto meanCount = [&](double factor) {
        double total = 0.0;
        for (int i = 0; i < kPanel; ++i) {
            const std::span<const double> row(&draws[i * campaigns.size()], campaigns.size());
            total +=
                static_cast<double>(joinCampaigns(campaigns, factor, propensity[i], row).size());
        }
        return total / kPanel;
    };
    double lo = 0.0;
    double hi = 50.0;
    for (int iter = 0; iter < 40; ++iter) {
        const double mid = 0.5 * (lo + hi);
        (meanCount(mid) < target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace fp::synth
