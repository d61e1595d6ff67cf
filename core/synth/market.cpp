#include "synth/market.h"

#include "base/error.h"
#include "synth/catalogue.h"
#include "synth/random.h"
#include "synth/salessimulator.h"
#include "synth/shoppingcalendar.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace fp::synth {

namespace {

constexpr int kDipDays = 7;               // post-event dip length
constexpr double kDipDecay = 0.65;        // dip shrinks by this factor each day
constexpr double kTightEventShare = 0.25; // events allocated below expectation, at intensity 1

// Calendar-free "year fraction" so the season is smooth over year ends and leap days.
double yearsSince2000(DayNumber day)
{
    return static_cast<double>(day - daysFromCivil(2000, 1, 1)) / 365.2425;
}

bool overlaps(const Promotion& plan, DayNumber start, int days, int margin)
{
    return start < plan.start + plan.days + margin && plan.start < start + days + margin;
}

} // namespace

Market::Market(const MarketConfig& config) : m_config(config)
{
    if (config.products < 1 || config.days < 1)
        throw internalError("synthetic market: products and days must be at least 1");
    if (config.categories < 1 || config.categories > kCatalogueCategories)
        throw internalError("synthetic market: categories must be 1..12");
    if (!(config.stockoutIntensity >= 0.0) || !(config.eventsPerProductYear >= 0.0) ||
        !(config.promosPerProductYear >= 0.0) || !(config.productSpread >= 0.0))
        throw internalError("synthetic market: intensities and rates must be >= 0");
    m_middleDay = config.firstDay + 0.5 * (config.days - 1);
    m_categories = makeCategories(config.categories);
    m_products = makeProducts(config, m_categories);
    buildCalendar();
    m_campaigns = makeCampaigns(config);
    buildPlans();
}

void Market::buildCalendar()
{
    m_calendar.resize(static_cast<std::size_t>(m_config.categories) * m_config.days);
    for (int c = 0; c < m_config.categories; ++c)
        for (int i = 0; i < m_config.days; ++i)
            m_calendar[static_cast<std::size_t>(c) * m_config.days + i] =
                calendarFactor(c, m_config.firstDay + i);
}

void Market::buildPlans()
{
    const double factor = participationFactor(m_config, m_campaigns);
    const DayNumber first = m_config.firstDay;
    const double years = m_config.days / 365.25;
    m_plans.resize(m_products.size());
    for (std::size_t p = 0; p < m_products.size(); ++p) {
        const ProductTruth& truth = m_products[p];
        std::mt19937_64 rng(streamKey(m_config.seed, kTagPlan, static_cast<std::int64_t>(p)));
        std::vector<Promotion>& plan = m_plans[p];
        auto priceAt = [&](double discount) {
            return std::max(0.01, roundCents(truth.listPrice * (1.0 - discount)));
        };

        std::vector<double> draws(m_campaigns.size()); // one per campaign, joined or not
        for (double& u : draws)
            u = uniform01(rng);
        const std::vector<int> joined =
            joinCampaigns(m_campaigns, factor, truth.eventPropensity, draws);
        for (int c : joined) {
            const Campaign& campaign = m_campaigns[c];
            // Deeper cuts at the holidays; multiples of 5%.
            const double raw = campaign.holiday ? uniform(rng, 0.2, 0.7) : uniform(rng, 0.1, 0.5);
            Promotion e;
            e.start = campaign.start;
            e.days = campaign.days;
            e.discount = std::round(raw * 20.0) / 20.0;
            e.price = priceAt(e.discount);
            e.campaign = c;
            plan.push_back(e);
        }

        // Ordinary discounts in the free days, clear of events and of each other.
        const int promoCount = poisson(rng, m_config.promosPerProductYear * years);
        static constexpr int kLengths[] = {5, 6, 7, 7, 7, 7, 8, 10};
        for (int i = 0; i < promoCount; ++i) {
            const int days = std::min(kLengths[uniformInt(rng, 0, 7)], m_config.days);
            const double discount = 0.05 * uniformInt(rng, 1, 4);
            for (int attempt = 0; attempt < 30; ++attempt) {
                const DayNumber start = first + uniformInt(rng, 0, m_config.days - days);
                const bool clear = std::none_of(plan.begin(), plan.end(), [&](const Promotion& o) {
                    return overlaps(o, start, days, o.isEvent() ? 2 : 3);
                });
                if (clear) {
                    plan.push_back({start, days, discount, priceAt(discount)});
                    break;
                }
            }
        }
        std::sort(plan.begin(), plan.end(),
                  [](const Promotion& a, const Promotion& b) { return a.start < b.start; });

        // Event shocks and stock allocations (needs the finished plan: the allocation looks at the
        // expected demand, which includes dips after earlier events).
        const double tightShare = std::min(0.9, kTightEventShare * m_config.stockoutIntensity);
        for (Promotion& e : plan) {
            if (!e.isEvent())
                continue;
            SplitMix64 eventRng(
                streamKey(m_config.seed, kTagEvent, static_cast<std::int64_t>(p), e.start));
            e.shock = gammaMeanOne(eventRng, truth.eventShockShape);
            const double discount = 1.0 - e.price / truth.listPrice;
            double expected = 0.0;
            for (int k = 0; k < e.days; ++k)
                expected += expectedDemand(static_cast<int>(p), e.start + k, discount, true, k);
            e.tightStock = uniform01(eventRng) < tightShare;
            if (e.tightStock) {
                e.eventStock =
                    static_cast<int>(std::floor(expected * uniform(eventRng, 0.35, 0.9)));
            } else {
                const double cover = uniform(eventRng, 2.2, 3.5);
                e.eventStock =
                    static_cast<int>(std::ceil(expected * cover)) + uniformInt(eventRng, 3, 20);
            }
        }
    }
}

std::int64_t Market::rowCount() const
{
    const int periods = m_config.weekly ? m_config.days / 7 : m_config.days;
    return static_cast<std::int64_t>(m_config.products) * periods;
}

double Market::calendarFactor(int category, DayNumber day) const
{
    const CategoryTruth& c = m_categories[category];
    const double y = yearsSince2000(day);
    const double twoPi = 2.0 * std::numbers::pi;
    const double season =
        std::exp(c.seasonAmplitude1 * std::cos(twoPi * (y - c.seasonPeak1 / 365.2425)) +
                 c.seasonAmplitude2 * std::cos(2.0 * twoPi * (y - c.seasonPeak2 / 365.2425)));
    return c.weekday[weekdayOf(day)] * season * (1.0 + c.holidaySensitivity * holidayLift(day));
}

double Market::calendarAt(int category, DayNumber day) const
{
    const DayNumber i = day - m_config.firstDay;
    if (i >= 0 && i < m_config.days)
        return m_calendar[static_cast<std::size_t>(category) * m_config.days + i];
    return calendarFactor(category, day);
}

double Market::trendFactor(int p, DayNumber day) const
{
    return std::exp(m_products[p].trendPerYear * (day - m_middleDay) / 365.25);
}

double Market::baselineDemand(int p, DayNumber day) const
{
    const ProductTruth& t = m_products[p];
    return t.baseLevel * calendarAt(t.categoryIndex, day) * trendFactor(p, day);
}

double Market::discountMultiplier(int p, double discount) const
{
    const ProductTruth& t = m_products[p];
    const double d = std::clamp(discount, -1.0, 0.95);
    double m = std::pow(1.0 - d, -t.elasticity);
    if (d > 0.5) {
        const double x = std::min(1.0, (d - 0.5) / 0.2);
        m *= 1.0 + t.thresholdLift * x * x * (3.0 - 2.0 * x); // smoothstep: monotone
    }
    return m;
}

double Market::featuredLift(int p, int dayInEvent) const
{
    const ProductTruth& t = m_products[p];
    return 1.0 + t.featuredLift * std::pow(t.featuredDecay, std::max(0, dayInEvent));
}

double Market::postEventFactor(int p, DayNumber day) const
{
    const std::vector<Promotion>& plan = m_plans[p];
    // The last plan entry starting before `day`, then back to the nearest event.
    auto it = std::upper_bound(plan.begin(), plan.end(), day - 1,
                               [](DayNumber d, const Promotion& e) { return d < e.start; });
    while (it != plan.begin()) {
        const Promotion& e = *--it;
        const int since = day - (e.start + e.days - 1); // 1 = the day after the event
        if (since > kDipDays)
            return 1.0;
        if (!e.isEvent())
            continue;
        if (since < 1)
            return 1.0;
        const double depth = m_products[p].dipDepth * std::min(1.0, e.discount / 0.5);
        return 1.0 - depth * std::pow(kDipDecay, since - 1);
    }
    return 1.0;
}

double Market::expectedDemand(int p, DayNumber day, double discount, bool featured,
                              int dayInEvent) const
{
    double mu = baselineDemand(p, day) * discountMultiplier(p, discount) * postEventFactor(p, day);
    if (featured)
        mu *= featuredLift(p, dayInEvent);
    return mu;
}

double Market::expectedWindowDemand(int p, DayNumber start, int days, double discount) const
{
    double total = 0.0;
    for (int k = 0; k < days; ++k)
        total += expectedDemand(p, start + k, discount, true, k);
    return total;
}

double Market::windowDemandVariance(int p, DayNumber start, int days, double discount) const
{
    // D_k = Poisson(mu_k G X_k): Var D_k = mu_k + mu_k^2 ((1 + 1/s)(1 + 1/r) - 1),
    // Cov(D_j, D_k) = mu_j mu_k / s for j != k (the shared shock G).
    const ProductTruth& t = m_products[p];
    const double s = 1.0 / t.eventShockShape;
    const double r = 1.0 / t.dispersion;
    double sum = 0.0;
    double sumSquares = 0.0;
    for (int k = 0; k < days; ++k) {
        const double mu = expectedDemand(p, start + k, discount, true, k);
        sum += mu;
        sumSquares += mu * mu;
    }
    return sum + sumSquares * ((1.0 + s) * (1.0 + r) - 1.0) + (sum * sum - sumSquares) * s;
}

double Market::expectedWindowSales(int p, DayNumber start, int days, double discount, double stock,
                                   int draws) const
{
    if (draws < 1 || days < 1)
        return 0.0;
    const ProductTruth& t = m_products[p];
    std::vector<double> mu(days);
    for (int k = 0; k < days; ++k)
        mu[k] = expectedDemand(p, start + k, discount, true, k);
    SplitMix64 rng(streamKey(m_config.seed, kTagOracle, p, start));
    double total = 0.0;
    for (int i = 0; i < draws; ++i) {
        const double shock = gammaMeanOne(rng, t.eventShockShape);
        double demand = 0.0;
        for (int k = 0; k < days; ++k)
            demand += poisson(rng, mu[k] * shock * gammaMeanOne(rng, t.dispersion));
        total += std::min(demand, stock);
    }
    return total / draws;
}

void Market::forEachRow(const std::function<bool(const SalesRow&)>& fn) const
{
    SalesSimulator(*this).forEachRow(fn);
}

} // namespace fp::synth
