#pragma once

#include "model/negbin.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <vector>

namespace fp::test {

// One period's sales as model::SalesSum adds them, and the product window it belongs to.
struct SimulatedPeriod
{
    model::NegBin demand;
    std::optional<double> stock;
    double sharedVariance = 0;
    int window = 0; // periods of one window share a shock
};

// Totals of sales drawn from the hierarchy the noise model's moments stand for: per window a
// gamma shock G (mean 1, variance v: the window's first period's shared variance), per period
// demand Poisson(mu G H) with H gamma (mean 1) of the size that keeps the period's negative
// binomial variance, sales min(demand, stock). Seeded: the same totals every run.
inline std::vector<double> simulateTotals(const std::vector<SimulatedPeriod>& periods, int draws,
                                          unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::vector<double> totals;
    for (int d = 0; d < draws; ++d) {
        double total = 0, shock = 1;
        for (size_t i = 0; i < periods.size(); ++i) {
            const SimulatedPeriod& p = periods[i];
            const double v = p.sharedVariance;
            if (i == 0 || periods[i - 1].window != p.window)
                shock = v > 0 ? std::gamma_distribution<double>(1 / v, v)(rng) : 1.0;
            // Var = mu + mu^2 / s with 1 / s = 1 / r + v; given G the rest is NB(mu G, r (1 + v)):
            // H of variance 1 / (r (1 + v)).
            const double inverseR =
                p.demand.isPoisson() ? 0.0 : std::max(0.0, 1 / p.demand.size() - v);
            const double hVariance = inverseR / (1 + v);
            const double h = hVariance > 0
                                 ? std::gamma_distribution<double>(1 / hVariance, hVariance)(rng)
                                 : 1.0;
            const double rate = p.demand.mean() * shock * h;
            double units = rate > 0 ? double(std::poisson_distribution<long>(rate)(rng)) : 0.0;
            if (p.stock)
                units = std::min(units, std::floor(*p.stock));
            total += units;
        }
        totals.push_back(total);
    }
    return totals;
}

// The share of `values` inside [low, high].
inline double shareWithin(const std::vector<double>& values, double low, double high)
{
    const auto inside = std::count_if(values.begin(), values.end(),
                                      [&](double x) { return x >= low && x <= high; });
    return values.empty() ? 0.0 : double(inside) / double(values.size());
}

} // namespace fp::test
