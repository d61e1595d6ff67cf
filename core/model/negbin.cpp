#include "model/negbin.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fp::model {

namespace {

constexpr double kPoissonSize = 1e8; // beyond this r the NB is a Poisson for all our purposes

// Regularized incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes 6.4).
double betaContinuedFraction(double a, double b, double x)
{
    constexpr double kTiny = 1e-300;
    double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
    if (std::fabs(d) < kTiny)
        d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= 500; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < kTiny ? kTiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < kTiny ? kTiny : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < kTiny ? kTiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < kTiny ? kTiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < 1e-13)
            break;
    }
    return h;
}

double incompleteBeta(double a, double b, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= 1.0)
        return 1.0;
    const double logFront =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    if (x < (a + 1.0) / (a + b + 2.0))
        return std::exp(logFront) * betaContinuedFraction(a, b, x) / a;
    return 1.0 - std::exp(logFront) * betaContinuedFraction(b, a, 1.0 - x) / b;
}

// Regularized upper incomplete gamma Q(a, x) (Numerical Recipes 6.2).
double upperGamma(double a, double x)
{
    if (x <= 0.0)
        return 1.0;
    const double logFront = -x + a * std::log(x) - std::lgamma(a);
    if (x < a + 1.0) { // series for P
        double sum = 1.0 / a, term = sum, ap = a;
        for (int n = 0; n < 1000; ++n) {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if (std::fabs(term) < std::fabs(sum) * 1e-15)
                break;
        }
        return 1.0 - sum * std::exp(logFront);
    }
    constexpr double kTiny = 1e-300;
    double b = x + 1.0 - a, c = 1.0 / kTiny, d = 1.0 / b, h = d;
    for (int i = 1; i < 1000; ++i) {
        const double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        d = std::fabs(d) < kTiny ? kTiny : d;
        c = b + an / c;
        c = std::fabs(c) < kTiny ? kTiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < 1e-15)
            break;
    }
    return std::exp(logFront) * h;
}

// Regularized lower incomplete gamma P(a, x) by its series, accurate when it is small.
double lowerGamma(double a, double x)
{
    if (x <= 0.0)
        return 0.0;
    if (x >= a + 1.0)
        return 1.0 - upperGamma(a, x);
    const double logFront = -x + a * std::log(x) - std::lgamma(a);
    double sum = 1.0 / a, term = sum, ap = a;
    for (int n = 0; n < 1000; ++n) {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * 1e-15)
            break;
    }
    return sum * std::exp(logFront);
}

} // namespace

NegBin::NegBin(double mean, double size)
    : m_mu(std::max(mean, 1e-12)), m_r(size), m_poisson(!(size > 0) || size >= kPoissonSize)
{
}

double NegBin::logPmf(double y) const
{
    if (y < 0)
        return -std::numeric_limits<double>::infinity();
    if (m_poisson)
        return y * std::log(m_mu) - m_mu - std::lgamma(y + 1.0);
    return std::lgamma(y + m_r) - std::lgamma(m_r) - std::lgamma(y + 1.0) +
           m_r * std::log(m_r / (m_r + m_mu)) + y * std::log(m_mu / (m_r + m_mu));
}

double NegBin::pmf(double y) const
{
    return std::exp(logPmf(y));
}

double NegBin::cdf(double k) const
{
    k = std::floor(k);
    if (k < 0)
        return 0.0;
    if (m_poisson)
        return upperGamma(k + 1.0, m_mu);
    return incompleteBeta(m_r, k + 1.0, m_r / (m_r + m_mu));
}

double NegBin::survival(double s) const
{
    s = std::ceil(s);
    if (s <= 0)
        return 1.0;
    // Computed directly rather than as 1 - cdf, which loses all precision far in the tail.
    if (m_poisson)
        return lowerGamma(s, m_mu);
    return incompleteBeta(s, m_r, m_mu / (m_r + m_mu));
}

int NegBin::quantile(double q) const
{
    const double sd = std::sqrt(m_mu + (m_poisson ? 0.0 : m_mu * m_mu / m_r));
    // Start near a normal approximation, then walk to the exact discrete quantile.
    const double z = q <= 0.5 ? -std::sqrt(-2.0 * std::log(std::max(q, 1e-12)))
                              : std::sqrt(-2.0 * std::log(std::max(1.0 - q, 1e-12)));
    int k = static_cast<int>(std::max(0.0, std::floor(m_mu + 0.8 * z * sd)));
    // One incomplete beta for the start, then the pmf recurrence P(k+1) = P(k) * step(k): the
    // walk costs O(1) a count instead of an incomplete beta each.
    const double ratio = m_poisson ? 0.0 : m_mu / (m_mu + m_r);
    auto step = [&](int at) { // P(at + 1) / P(at)
        return m_poisson ? m_mu / (at + 1.0) : (at + m_r) / (at + 1.0) * ratio;
    };
    double c = cdf(k);
    double p = pmf(k);
    if (!(p > 0.0) || !std::isfinite(p)) { // a start in the far tail: walk with exact cdfs
        while (cdf(k) < q)
            ++k;
        while (k > 0 && cdf(k - 1) >= q)
            --k;
        return k;
    }
    while (c < q) {
        p *= step(k);
        ++k;
        c += p;
    }
    while (k > 0 && c - p >= q) {
        c -= p;
        --k;
        p /= step(k);
    }
    return k;
}

namespace {
// Calls fn(k, P(D > k)) for k = 0 .. stock-1 cheaply (pmf recurrences from a start point below
// which the distribution has no mass worth counting); returns the number of k skipped at the
// bottom, where P(D > k) is 1 to double precision.
template <typename Fn> int forSurvivalUpTo(const NegBin& d, double stock, Fn fn)
{
    const int s = static_cast<int>(std::floor(stock));
    const double mu = d.mean();
    const double sd = std::sqrt(mu + (d.isPoisson() ? 0.0 : mu * mu / d.size()));
    const int lo = std::clamp(static_cast<int>(std::floor(mu - 12.0 * sd)), 0, std::max(s, 0));
    double pmf = d.pmf(lo);
    double cdf = lo == 0 ? pmf : d.cdf(lo);
    const double ratio = d.isPoisson() ? 0.0 : mu / (mu + d.size());
    for (int k = lo; k < s; ++k) {
        fn(k, std::max(0.0, 1.0 - cdf));
        if (cdf >= 1.0 - 1e-15) { // nothing left above: every further term is 0
            break;
        }
        pmf *= d.isPoisson() ? mu / (k + 1.0) : (k + d.size()) / (k + 1.0) * ratio;
        cdf += pmf;
    }
    return lo;
}
} // namespace

double NegBin::expectedSales(double stock) const
{
    if (!(stock > 0))
        return 0.0;
    if (!std::isfinite(stock))
        return m_mu;
    double sum = 0.0;
    const int lo = forSurvivalUpTo(*this, stock, [&](int, double sf) { sum += sf; });
    return lo + sum;
}

double NegBin::salesVariance(double stock) const
{
    if (!(stock > 0))
        return 0.0;
    if (!std::isfinite(stock))
        return m_mu + (m_poisson ? 0.0 : m_mu * m_mu / m_r);
    double first = 0.0, second = 0.0;
    const int lo = forSurvivalUpTo(*this, stock, [&](int k, double sf) {
        first += sf;
        second += (2.0 * k + 1.0) * sf;
    });
    first += lo;
    second += static_cast<double>(lo) * lo;
    return std::max(0.0, second - first * first);
}

NllTerm negBinNll(double y, double eta, double r, bool censored)
{
    const double mu = std::exp(eta);
    const bool poisson = !(r > 0) || r >= kPoissonSize;
    if (censored && y <= 0)
        return {0.0, 0.0}; // sold out with nothing on hand: P(D >= 0) = 1 says nothing
    if (censored) {
        const NegBin d(mu, r);
        const double s = std::max(d.survival(y), 1e-300);
        // dS/dmu = pmf(y - 1) (r + y - 1) / (r + mu) for the NB, pmf(y - 1) for the Poisson.
        const double dS = d.pmf(y - 1.0) * (poisson ? 1.0 : (r + y - 1.0) / (r + mu));
        return {-std::log(s), -mu * dS / s};
    }
    if (poisson)
        return {mu - y * eta, mu - y};
    return {(y + r) * std::log(mu + r) - y * eta - r * std::log(r), r * (mu - y) / (mu + r)};
}

double negBinLogNormaliser(double y, double r)
{
    if (!(r > 0) || r >= kPoissonSize)
        return -std::lgamma(y + 1.0);
    return std::lgamma(y + r) - std::lgamma(r) - std::lgamma(y + 1.0);
}

} // namespace fp::model
