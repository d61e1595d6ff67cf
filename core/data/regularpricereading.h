#pragma once

#include <string>
#include <unordered_set>

namespace fp::store {
class Store;
}

namespace fp::data {

// Whether a product's prices hold from one period to the next (within half a percent) in at least
// half of its consecutive sold periods: a regular price that steps, with promotions below it.
// Prices that wander week to week (retail panels' averages) have no regular price to read. Fed
// each sold period's price in order, with whether the period just before was sold too.
class HoldingPrices
{
public:
    void add(float price, bool followsASoldPeriod);
    bool hold() const { return m_pairs >= 8 && 2 * m_held >= m_pairs; }

private:
    float m_last = 0;
    int m_pairs = 0, m_held = 0;
};

// A category's discount response is pooled, so its products read their discounts one way: where
// at least half of its products whose list price the import estimated have prices that hold,
// every one of them has its regular price read per period (regularPrices()); otherwise each keeps
// the import's one estimate for its whole history. The import decides it over all of the
// project's sales and records it, so every reader of the project (the models' panel, one
// product's panel for the charts) reads the same regular prices.
void decideRegularPriceReading(store::Store& store); // within the caller's transaction

// The names of the categories that read per period ("" for products without one). Empty for a
// project imported before the import decided it: those keep one estimate per product.
std::unordered_set<std::string> categoriesReadPerPeriod(store::Store& store);

} // namespace fp::data
