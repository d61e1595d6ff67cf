#include "model/negbin.h"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>

namespace fp::model {

namespace {

constexpr double kPoissonSize = 1e8; // beyond this r the NB is a Poisson for all our purposes

// Boost.Math in double precision (its default computes in long double, several times slower),
// returning NaN instead of throwing for a NaN mean or size, as plain arithmetic would.
namespace policies = boost::math::policies;
using Policy = policies::policy<policies::promote_double<false>,
                                policies::domain_error<policies::ignore_error>,
                                policies::overflow_error<policies::ignore_error>,
                                policies::evaluation_error<policies::ignore_error>>;

// I_x(a, b) given x and y = 1 - x, each computed on its own: Boost is handed the smaller one, as
// 1 - x in double would lose digits when x is near 1.
double regularizedBeta(double a, double b, double x, double y)
{
    return x <= y ? boost::math::ibeta(a, b, x, Policy()) : boost::math::ibetac(b, a, y, Policy());
}

} // namespace

// The pmf recurrence P(k + 1) = P(k) * ratio(k), keeping the cdf as the running sum: O(1) a count
// instead of an incomplete beta each.
struct NegBin::Walk
{
    const NegBin& d;
    int k;
    double pmf; // P(D = k)
    double cdf; // P(D <= k), up to the rounding of the start and of the steps
    int steps = 0;

    static Walk fromZero(const NegBin& d) // where the cdf is the pmf
    {
        const double p0 = d.pmf(0);
        return {d, 0, p0, p0};
    }
    double ratio(int at) const // P(at + 1) / P(at)
    {
        return d.m_poisson ? d.m_mu / (at + 1.0) : (at + d.m_r) / (at + 1.0) * d.m_q;
    }
    void up()
    {
        pmf *= ratio(k);
        ++k;
        cdf += pmf;
        ++steps;
    }
    void down()
    {
        cdf -= pmf;
        --k;
        pmf /= ratio(k);
        ++steps;
    }
};

NegBin::NegBin(double mean, double size)
    : m_mu(std::max(mean, 1e-12)), m_r(size), m_poisson(!(size > 0) || size >= kPoissonSize),
      m_p(m_r / (m_r + m_mu)), m_q(m_mu / (m_r + m_mu))
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
    if (y < 0)
        return 0.0;
    if (y == 0) // where every walk starts: p^r, with log p = -log(1 + mu / r) (no rounding of p)
        return m_poisson ? std::exp(-m_mu) : std::exp(-m_r * std::log1p(m_mu / m_r));
    if (m_poisson)
        return boost::math::gamma_p_derivative(y + 1.0, m_mu, Policy());
    // p^r q^y Gamma(r + y) / (Gamma(r) y!) = p / (r + y) * d/dx I_x(r, y + 1) at x = p, which is
    // also d/dx I_x(y + 1, r) at x = q: the derivative from the smaller of p and q.
    const double derivative = m_p <= m_q
                                  ? boost::math::ibeta_derivative(m_r, y + 1.0, m_p, Policy())
                                  : boost::math::ibeta_derivative(y + 1.0, m_r, m_q, Policy());
    return m_p / (m_r + y) * derivative;
}

double NegBin::cdf(double k) const
{
    k = std::floor(k);
    if (k < 0)
        return 0.0;
    if (m_poisson)
        return boost::math::gamma_q(k + 1.0, m_mu, Policy());
    return regularizedBeta(m_r, k + 1.0, m_p, m_q);
}

std::pair<int, int> NegBin::interval(double coverage) const
{
    const int lo = quantile((1.0 - coverage) / 2), hi = quantile((1.0 + coverage) / 2);
    if (hi - lo > kIntervalExactWidth)
        return {lo, hi};
    const double inside = cdf(hi) - cdf(lo - 1.0);
    const double atLo = pmf(lo), atHi = pmf(hi);
    std::pair<int, int> best{lo, hi};
    double bestGap = std::abs(inside - coverage);
    auto consider = [&](int first, int last, double probability) {
        if (first <= last && std::abs(probability - coverage) < bestGap) {
            best = {first, last};
            bestGap = std::abs(probability - coverage);
        }
    };
    consider(lo + 1, hi, inside - atLo);
    consider(lo, hi - 1, inside - atHi);
    consider(lo + 1, hi - 1, inside - atLo - atHi);
    return best;
}

double NegBin::survival(double s) const
{
    s = std::ceil(s);
    if (s <= 0)
        return 1.0;
    // Near 0, 1 - cdf(s - 1) by the walk from 0 costs less than an incomplete beta, and loses
    // little while the cdf is not near 1.
    if (s <= kWalkFromZero) {
        Walk walk = Walk::fromZero(*this);
        while (walk.k + 1 < s && walk.cdf < kWalkedCdfMax)
            walk.up();
        if (walk.cdf < kWalkedCdfMax)
            return 1.0 - walk.cdf;
    }
    // Computed directly rather than as 1 - cdf, which loses all precision far in the tail.
    if (m_poisson)
        return boost::math::gamma_p(s, m_mu, Policy());
    return regularizedBeta(s, m_r, m_q, m_p);
}

int NegBin::quantile(double q) const
{
    if (!(q > 0.0) || std::isnan(m_mu) || std::isnan(m_r))
        return 0;
    q = std::min(q, 1.0);
    const double sd = std::sqrt(variance());
    // Start near a normal approximation (or at 0, where the cdf is the pmf, when that is near:
    // a few hundred steps cost less than one incomplete beta), then walk to the discrete quantile.
    const double z = q <= 0.5 ? -std::sqrt(-2.0 * std::log(std::max(q, 1e-12)))
                              : std::sqrt(-2.0 * std::log(std::max(1.0 - q, 1e-12)));
    const double start = std::clamp(std::floor(m_mu + 0.8 * z * sd), 0.0, 1e9);
    const int k = start < kWalkFromZero ? 0 : static_cast<int>(start);
    Walk walk = k == 0 ? Walk::fromZero(*this) : Walk{*this, k, pmf(k), cdf(k)};
    if (!(walk.pmf > 0.0) || !std::isfinite(walk.pmf) || !std::isfinite(walk.cdf))
        return exactQuantile(q, k); // a start in the far tail
    while (walk.cdf < q) {
        walk.up();
        if (!(walk.pmf > 1e-300) || walk.steps > kMaxWalk) // q too near 1 for the sum to reach
            return exactQuantile(q, walk.k);
    }
    while (walk.k > 0 && walk.cdf - walk.pmf >= q) {
        walk.down();
        if (!(walk.pmf > 0.0) || !std::isfinite(walk.pmf))
            return exactQuantile(q, walk.k);
    }
    // walk.cdf is cdf(k) and walk.cdf - walk.pmf is cdf(k - 1), up to the rounding of the start
    // and of the steps: when q is within that rounding of either, the exact cdfs decide. Boost's
    // incomplete beta and its derivative are good to about 1e-16 times the larger parameter
    // (7e-12 for a mean of 1e5 and a size of 1e6, 2e-10 at 3e6 and 5e7); each step adds a few ulp.
    const double scale = 100.0 + m_mu + (m_poisson ? 0.0 : m_r) + walk.steps;
    const double rounding = kTolerancePerCount * scale;
    if (walk.cdf - q < rounding || (walk.k > 0 && q - (walk.cdf - walk.pmf) <= rounding))
        return exactQuantile(q, walk.k);
    return walk.k;
}

int NegBin::exactQuantile(double q, int guess) const
{
    // Bracket the answer, cdf(lo) < q <= cdf(hi) (lo = -1: nothing below 0), galloping away from
    // the guess; then bisect.
    int lo = -1, hi = std::max(guess, 0);
    if (cdf(hi) >= q) {
        for (int width = 1; hi > 0; width = std::min(2 * width, 1 << 29)) {
            const int below = std::max(hi - width, 0);
            if (cdf(below) < q) {
                lo = below;
                break;
            }
            hi = below;
        }
    } else {
        lo = hi;
        for (int width = 1;; width *= 2) {
            if (lo > std::numeric_limits<int>::max() - width || width > (1 << 29))
                return std::numeric_limits<int>::max(); // a cdf that never reaches q (NaN)
            if (cdf(lo + width) >= q) {
                hi = lo + width;
                break;
            }
            lo += width;
        }
    }
    while (hi - lo > 1) {
        const int mid = lo + (hi - lo) / 2;
        (cdf(mid) >= q ? hi : lo) = mid;
    }
    return hi;
}

template <typename Fn> int NegBin::forSurvivalUpTo(double stock, Fn fn) const
{
    // Starts where the distribution has no mass worth counting below: P(D > k) is 1 there.
    const int s = static_cast<int>(std::floor(stock));
    const double sd = std::sqrt(variance());
    const int lo = std::clamp(static_cast<int>(std::floor(m_mu - 12.0 * sd)), 0, std::max(s, 0));
    Walk walk = lo == 0 ? Walk::fromZero(*this) : Walk{*this, lo, pmf(lo), cdf(lo)};
    for (; walk.k < s; walk.up()) {
        fn(walk.k, std::max(0.0, 1.0 - walk.cdf));
        if (walk.cdf >= 1.0 - 1e-15) // nothing left above: every further term is 0
            break;
    }
    return lo;
}

double NegBin::expectedSales(double stock) const
{
    if (!(stock > 0))
        return 0.0;
    if (!std::isfinite(stock))
        return m_mu;
    double sum = 0.0;
    const int lo = forSurvivalUpTo(stock, [&](int, double sf) { sum += sf; });
    return lo + sum;
}

double NegBin::salesVariance(double stock) const
{
    if (!(stock > 0))
        return 0.0;
    if (!std::isfinite(stock))
        return variance();
    double first = 0.0, second = 0.0;
    const int lo = forSurvivalUpTo(stock, [&](int k, double sf) {
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
