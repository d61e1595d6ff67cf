#pragma once

#include <utility>

namespace fp::model {

// The negative binomial count distribution with mean mu and size r (Var = mu + mu^2 / r); r = 0 or
// infinite means Poisson. Used for the likelihood (including censored sold-out periods),
// intervals and the expected units sold under a stock limit.
class NegBin final
{
public:
    NegBin(double mean, double size);

    double mean() const { return m_mu; }
    double size() const { return m_r; }
    bool isPoisson() const { return m_poisson; }

    double logPmf(double y) const;
    double pmf(double y) const;
    double cdf(double k) const;      // P(D <= k), k integer
    double survival(double s) const; // P(D >= s)
    int quantile(double q) const;    // smallest k with cdf(k) >= q
    // E[min(D, stock)] = sum_{k=0}^{stock-1} P(D > k); stock may be fractional (floored).
    double expectedSales(double stock) const;
    // Variance of min(D, stock).
    double salesVariance(double stock) const;

private:
    double m_mu;
    double m_r;
    bool m_poisson;
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
