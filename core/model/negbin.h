#pragma once

#include <utility>

namespace fp::model {

// The probability every printed interval of units (forecasts, plans, fits, backtests) holds.
inline constexpr double kIntervalCoverage = 0.8;

// The negative binomial count distribution with mean mu and size r (Var = mu + mu^2 / r); r = 0 or
// infinite means Poisson. Used for the likelihood (including censored sold-out periods),
// intervals and the expected units sold under a stock limit. The cdf, survival and pmf are
// Boost.Math's regularized incomplete beta and gamma functions and their derivatives.
class NegBin final
{
public:
    NegBin(double mean, double size);

    double mean() const { return m_mu; }
    double size() const { return m_r; }
    bool isPoisson() const { return m_poisson; }
    double variance() const { return m_mu + (m_poisson ? 0.0 : m_mu * m_mu / m_r); }

    double logPmf(double y) const;
    double pmf(double y) const;
    double cdf(double k) const;      // P(D <= k), k integer
    double survival(double s) const; // P(D >= s)
    int quantile(double q) const;    // smallest k with cdf(k) >= q, exactly; q in (0, 1]
    // The whole-unit interval [first, second] printed as the central `coverage` interval: of the
    // equal-tailed quantiles' band and the bands one count narrower at either end, the one whose
    // probability is nearest `coverage`. The quantiles alone hold at least `coverage`, and for a
    // slow mover much more (0..1 holds 91% at a mean of 0.5): its "80%" would be a 91%.
    std::pair<int, int> interval(double coverage) const;
    // E[min(D, stock)] = sum_{k=0}^{stock-1} P(D > k); stock may be fractional (floored).
    double expectedSales(double stock) const;
    // Variance of min(D, stock).
    double salesVariance(double stock) const;

private:
    struct Walk; // the pmf recurrence from a count, with the cdf as its running sum

    // Walks start at 0 (where the cdf is the pmf) rather than at an incomplete beta when they
    // would start below this count: this many steps cost less than the incomplete beta.
    static constexpr int kWalkFromZero = 128;
    static constexpr int kMaxWalk = 100000;
    // Survival as 1 - the walked cdf up to here: relative error under 1e-13 (measured on the
    // planner benchmark's distributions against Boost in long double).
    static constexpr double kWalkedCdfMax = 0.9;
    // How far the walk's running sum may be from the cdf, per count of the parameters and of the
    // steps walked (see quantile()): 45 ulp, well above what was measured.
    static constexpr double kTolerancePerCount = 1e-14;
    // interval(): a band wider than this many counts is the quantiles' own (one count at an end
    // moves its probability by under a percent there; the cdfs it takes are not spent).
    static constexpr int kIntervalExactWidth = 40;

    int exactQuantile(double q, int guess) const; // by bisection on the cdf
    // Calls fn(k, P(D > k)) for k = 0 .. stock-1 cheaply; returns the number of k skipped at the
    // bottom, where P(D > k) is 1 to double precision.
    template <typename Fn> int forSurvivalUpTo(double stock, Fn fn) const;

    double m_mu;
    double m_r;
    bool m_poisson;
    double m_p; // r / (r + mu), the NB's success probability
    double m_q; // mu / (r + mu) = 1 - p, computed on its own
};

// Negative log-likelihood of an observation y given log-mean eta and size r, and its derivative
// with respect to eta. Censored observations (sold out: demand >= y) use the survival function.
// Constant terms in y are dropped; the loss is >= 0 and 0 is not special.
struct NllTerm
{
    double value;
    double dEta;
};
NllTerm negBinNll(double y, double eta, double r, bool censored);

// Log of the NB normalising terms lgamma(y + r) - lgamma(r) - lgamma(y + 1), so that the full
// negative log-likelihood of an uncensored y is negBinNll(...).value - logNormaliser(y, r).
double negBinLogNormaliser(double y, double r);

} // namespace fp::model
