#include "synth/salessimulator.h"

#include "synth/random.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace fp::synth {

namespace {

constexpr double kLeadTimeMean = 4.5;     // supplier lead time U{2..7} days
constexpr double kSafetyFactor = 2.3;     // regular inventory z-score at stockout intensity 1
constexpr double kDisruptionShare = 0.04; // orders delayed by 5-20 days, at intensity 1

// Regular inventory: (s, S) policy on the expected demand at list price; leaner when the stockout
// intensity is high.
struct StockPolicy
{
    double reorderPoint;
    int orderUpTo;
};

StockPolicy stockPolicy(const ProductTruth& t, double trend, double intensity)
{
    const double mu = t.baseLevel * trend;
    const double z = intensity > 0.0 ? kSafetyFactor / intensity : 4.0;
    const double reorderPoint =
        mu * kLeadTimeMean + z * std::sqrt(kLeadTimeMean * (mu + mu * mu / t.dispersion));
    return {reorderPoint, static_cast<int>(std::ceil(reorderPoint + mu * t.stockCoverDays)) + 1};
}

} // namespace

struct SalesSimulator::ProductState
{
    std::size_t next = 0; // first plan entry that has not ended
    int onHand = 0;       // regular inventory
    int pendingQty = 0;   // ordered, not yet arrived
    DayNumber pendingArrival = 0;
    int eventLeft = 0; // event allocation not yet sold
};

SalesSimulator::ProductState SalesSimulator::initialState(int p) const
{
    const MarketConfig& config = m_market.config();
    SplitMix64 rng(streamKey(config.seed, kTagInitialStock, p));
    const StockPolicy policy =
        stockPolicy(m_market.products()[static_cast<std::size_t>(p)],
                    m_market.trendFactor(p, config.firstDay), config.stockoutIntensity);
    ProductState state;
    state.onHand = static_cast<int>(std::ceil(policy.orderUpTo * uniform(rng, 0.4, 1.0)));
    return state;
}

void SalesSimulator::generateDay(int p, ProductState& state, DayNumber day, SalesRow& row) const
{
    const ProductTruth& t = m_market.products()[static_cast<std::size_t>(p)];
    const std::vector<Promotion>& plan = m_market.promotions(p);
    while (state.next < plan.size() && plan[state.next].start + plan[state.next].days <= day)
        ++state.next;
    const Promotion* promo =
        state.next < plan.size() && plan[state.next].start <= day ? &plan[state.next] : nullptr;

    row = SalesRow{};
    row.day = day;
    row.product = p;
    row.listPrice = t.listPrice;
    row.unitCost = t.unitCost;
    row.price = promo ? promo->price : t.listPrice;
    row.discount = 1.0 - row.price / row.listPrice;
    const bool event = promo && promo->isEvent();
    if (event) {
        row.featured = true;
        row.dayInEvent = day - promo->start;
        row.eventShock = promo->shock;
        row.event = m_market.campaigns()[static_cast<std::size_t>(promo->campaign)].id;
    }
    row.expectedDemand =
        m_market.expectedDemand(p, day, row.discount, row.featured, std::max(0, row.dayInEvent));

    SplitMix64 rng(streamKey(m_market.config().seed, kTagDay, p, day));
    row.demand =
        poisson(rng, row.expectedDemand * row.eventShock * gammaMeanOne(rng, t.dispersion));

    // Stock: events sell from their own allocation; other days from regular inventory.
    if (state.pendingQty > 0 && day >= state.pendingArrival) {
        state.onHand += state.pendingQty;
        state.pendingQty = 0;
    }
    if (event && row.dayInEvent == 0)
        state.eventLeft = promo->eventStock;
    row.stock = event ? state.eventLeft : state.onHand;
    const double intensity = m_market.config().stockoutIntensity;
    if (intensity <= 0.0 && row.demand >= row.stock)
        row.stock = row.demand + row.demand / 4 + 1; // "never constrained": emergency top-up
    row.units = std::min(row.demand, row.stock);
    row.soldOut = row.units == row.stock;
    if (event) {
        state.eventLeft = row.stock - row.units;
        if (day == promo->start + promo->days - 1) {
            // Leftovers refill regular inventory up to its usual level; the rest goes back.
            const int upTo = stockPolicy(t, m_market.trendFactor(p, day), intensity).orderUpTo;
            state.onHand = std::max(state.onHand, std::min(state.onHand + state.eventLeft, upTo));
            state.eventLeft = 0;
        }
    } else {
        state.onHand = row.stock - row.units;
        if (state.pendingQty == 0) {
            const StockPolicy policy = stockPolicy(t, m_market.trendFactor(p, day), intensity);
            if (state.onHand <= policy.reorderPoint) {
                state.pendingQty = std::max(1, policy.orderUpTo - state.onHand);
                int lead = uniformInt(rng, 2, 7);
                if (uniform01(rng) < kDisruptionShare * intensity)
                    lead += uniformInt(rng, 5, 20);
                state.pendingArrival = day + lead;
            }
        }
    }

    // Page views follow demand (also the demand that found no stock) through the conversion rate.
    const double interest = 0.7 * row.demand + 0.3 * row.expectedDemand * row.eventShock + 0.5;
    row.views = poisson(rng, interest / t.conversion);
}

void SalesSimulator::generateWeek(int p, ProductState& state, DayNumber weekStart,
                                  SalesRow& row) const
{
    SalesRow day;
    double revenue = 0.0;
    double priceSum = 0.0;
    SalesRow week;
    week.day = weekStart;
    week.product = p;
    for (int k = 0; k < 7; ++k) {
        generateDay(p, state, weekStart + k, day);
        week.units += day.units;
        week.demand += day.demand;
        week.views += day.views;
        week.expectedDemand += day.expectedDemand;
        week.soldOut = week.soldOut || day.soldOut;
        week.featured = week.featured || day.featured;
        if (week.event.empty())
            week.event = day.event;
        revenue += day.units * day.price;
        priceSum += day.price;
    }
    week.listPrice = day.listPrice;
    week.unitCost = day.unitCost;
    week.price = roundCents(week.units > 0 ? revenue / week.units : priceSum / 7.0);
    week.discount = 1.0 - week.price / week.listPrice;
    week.stock = week.soldOut ? week.units : week.units + (day.stock - day.units);
    row = week;
}

void SalesSimulator::forEachRow(const std::function<bool(const SalesRow&)>& fn) const
{
    const MarketConfig& config = m_market.config();
    const bool weekly = config.weekly;
    const int step = weekly ? 7 : 1;
    const int periods = weekly ? config.days / 7 : config.days;
    SalesRow row;
    auto produce = [&](int p, ProductState& state, int period) {
        const DayNumber day = config.firstDay + period * step;
        if (weekly)
            generateWeek(p, state, day, row);
        else
            generateDay(p, state, day, row);
        return fn(row);
    };
    // Each product's days are produced in date order in both orders, so its running state
    // (inventory) and its rows come out the same.
    if (config.order == MarketConfig::Order::BySku) {
        for (int p = 0; p < config.products; ++p) {
            ProductState state = initialState(p);
            for (int i = 0; i < periods; ++i)
                if (!produce(p, state, i))
                    return;
        }
        return;
    }
    std::vector<ProductState> states;
    states.reserve(config.products);
    for (int p = 0; p < config.products; ++p)
        states.push_back(initialState(p));
    for (int i = 0; i < periods; ++i)
        for (int p = 0; p < config.products; ++p)
            if (!produce(p, states[p], i))
                return;
}

} // namespace fp::synth
