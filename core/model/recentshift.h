#pragma once

#include <vector>

namespace fp::model {

// The multiplicative shift exp(a) of a product's recent periods that their noise supports, for
// the structured model's recent level: the root of sum psi(r) m / sd = 0, the score of a negative
// binomial fit of a with each period's Pearson residual r = (y - m) / sd, m = fit * exp(a),
// clipped at the count's own 1% and 99% points (Huber). A ratio of sums, or the plain likelihood,
// read one spike the model did not foresee (tuna: a week selling twenty standard deviations over
// its fit) as the product's whole level; clipped, it counts as one unusual week. The clip points
// follow the count's skew (Cornish-Fisher): a symmetric clip of skewed counts (a product selling
// half a unit a day) reads its level 5-8% low. A pseudo period of half a unit, fitted and sold,
// keeps a product that sold nothing finite.
class RecentShift
{
public:
    // One period: units sold, the fit's expected units, the negative binomial's size (<= 0:
    // Poisson).
    void add(double units, double fit, double size) { m_periods.push_back({units, fit, size}); }

    // a, the log of the shift.
    double solve() const;

private:
    struct Period
    {
        double units, fit, size;
    };
    std::vector<Period> m_periods;
};

} // namespace fp::model
