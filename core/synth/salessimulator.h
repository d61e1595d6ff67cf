#pragma once

#include "synth/market.h"

#include <functional>

namespace fp::synth {

// Turns a market's truth into sales rows: each day's demand drawn around the true expected
// demand, sold from regular inventory (an (s, S) policy with supplier lead times and delays) or
// from an event's own allocation, capped by the stock (sold out when units == stock), and page
// views that follow demand. Weekly rows sum their seven days.
class SalesSimulator final
{
public:
    explicit SalesSimulator(const Market& market) : m_market(market) {}

    // See Market::forEachRow.
    void forEachRow(const std::function<bool(const SalesRow&)>& fn) const;

private:
    struct ProductState;

    ProductState initialState(int p) const;
    void generateDay(int p, ProductState& state, DayNumber day, SalesRow& row) const;
    void generateWeek(int p, ProductState& state, DayNumber weekStart, SalesRow& row) const;

    const Market& m_market;
};

} // namespace fp::synth
