#include "model/negbin.h"

#include <algorithm>
#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <cmath>
#include <gtest/gtest.h>
#include <random>

using fp::model::NegBin;

TEST(NegBin, PmfSumsToOneAndCdfMatchesItsSum)
{
    for (double size : {0.0, 0.5, 3.0, 40.0})
        for (double mean : {0.05, 1.3, 12.0, 150.0}) {
            const NegBin d(mean, size);
            double sum = 0;
            for (int k = 0; k < 40000; ++k) {
                sum += d.pmf(k);
                if (k < 40) {
                    ASSERT_NEAR(d.cdf(k), sum, 1e-9) << mean << " " << size << " " << k;
                }
            }
            EXPECT_NEAR(sum, 1.0, 1e-8);
        }
}

TEST(NegBin, SurvivalIsAccurateFarInTheTail)
{
    const NegBin d(0.2, 2.0);
    double tail = 0;
    for (int k = 30; k < 400; ++k)
        tail += d.pmf(k);
    EXPECT_NEAR(d.survival(30) / tail, 1.0, 1e-6); // 1 - cdf would be 0 here
    const NegBin poisson(0.5, 0.0);
    EXPECT_NEAR(poisson.survival(12) / (1 - poisson.cdf(11) + 1e-300), 1.0, 0.5);
    EXPECT_GT(poisson.survival(40), 0.0);
}

TEST(NegBin, ExpectedSalesIsTheMeanOfMinDemandStock)
{
    for (double size : {0.0, 1.0, 8.0})
        for (double mean : {0.3, 5.0, 60.0})
            for (double stock : {0.0, 1.0, 4.0, 55.0, 500.0}) {
                const NegBin d(mean, size);
                double brute = 0, second = 0;
                for (int k = 0; k < 20000; ++k) {
                    const double sold = std::min<double>(k, stock);
                    brute += sold * d.pmf(k);
                    second += sold * sold * d.pmf(k);
                }
                EXPECT_NEAR(d.expectedSales(stock), brute, 1e-7 * (1 + brute));
                EXPECT_NEAR(d.salesVariance(stock), second - brute * brute, 1e-6 * (1 + second));
            }
}

TEST(NegBin, QuantileIsTheSmallestCountReachingTheProbability)
{
    for (double mean : {0.2, 3.0, 80.0, 4000.0, 60000.0})
        for (double size : {0.3, 2.5, 40.0, 0.0}) { // 0: Poisson
            const NegBin d(mean, size);
            for (double q : {0.001, 0.1, 0.5, 0.9, 0.999}) {
                const int k = d.quantile(q);
                EXPECT_GE(d.cdf(k), q);
                if (k > 0) {
                    EXPECT_LT(d.cdf(k - 1), q);
                }
            }
        }
}

TEST(NegBinNll, DerivativeMatchesFiniteDifferencesIncludingCensoredCells)
{
    for (double size : {0.0, 0.8, 5.0})
        for (double y : {0.0, 1.0, 4.0, 25.0})
            for (double eta : {-2.0, 0.0, 1.5, 3.0})
                for (bool censored : {false, true}) {
                    const double h = 1e-6;
                    const auto term = fp::model::negBinNll(y, eta, size, censored);
                    const double numeric =
                        (fp::model::negBinNll(y, eta + h, size, censored).value -
                         fp::model::negBinNll(y, eta - h, size, censored).value) /
                        (2 * h);
                    EXPECT_NEAR(term.dEta, numeric, 1e-4 * (1 + std::fabs(numeric)))
                        << y << " " << eta << " " << size << " " << censored;
                }
}

TEST(NegBinNll, SoldOutWithNothingOnHandCarriesNoInformation)
{
    const auto term = fp::model::negBinNll(0.0, 1.0, 3.0, true);
    EXPECT_EQ(term.value, 0.0);
    EXPECT_EQ(term.dEta, 0.0);
}

TEST(NegBinNll, CensoredLossIsMinusLogSurvival)
{
    const NegBin d(std::exp(1.2), 2.0);
    EXPECT_NEAR(fp::model::negBinNll(6, 1.2, 2.0, true).value, -std::log(d.survival(6)), 1e-9);
}

namespace {

// The smallest k with cdf(k) >= q, by stepping from a guess with exact cdfs: the definition.
int smallestCountReaching(const NegBin& d, double q, int guess)
{
    int k = std::max(guess, 0);
    while (d.cdf(k) < q)
        ++k;
    while (k > 0 && d.cdf(k - 1) >= q)
        --k;
    return k;
}

} // namespace

TEST(NegBin, CdfAndSurvivalMatchClosedForms)
{
    for (double mean : {0.3, 4.0, 50.0}) {
        // Size 1, the geometric distribution: P(D >= s) = (mu / (1 + mu))^s.
        const NegBin geometric(mean, 1.0);
        const double ratio = mean / (1.0 + mean);
        // Size 2: P(D >= s) = q^s (1 + s p) with p = 2 / (2 + mu), q = 1 - p.
        const NegBin two(mean, 2.0);
        const double p = 2.0 / (2.0 + mean), q = mean / (2.0 + mean);
        // Poisson: P(D <= k) = e^-mu sum_{i <= k} mu^i / i!, summed in long double.
        const NegBin poisson(mean, 0.0);
        long double term = std::exp(-static_cast<long double>(mean)), sum = term;
        for (int k = 0; k <= 120; ++k) {
            const double s = k + 1.0;
            EXPECT_NEAR(geometric.survival(s) / std::pow(ratio, s), 1.0, 1e-12) << mean << " " << k;
            EXPECT_NEAR(geometric.cdf(k), 1.0 - std::pow(ratio, s), 1e-14);
            EXPECT_NEAR(two.survival(s) / (std::pow(q, s) * (1.0 + s * p)), 1.0, 1e-12);
            EXPECT_NEAR(poisson.cdf(k), static_cast<double>(sum), 1e-14) << mean << " " << k;
            term *= mean / (k + 1.0L);
            sum += term;
        }
    }
}

TEST(NegBin, PmfStaysAccurateForAHugeSize)
{
    // p = r / (r + mu) is within 1e-9 of 1 here: 1 - p in double keeps only 7 digits, so the pmf
    // works from mu / (r + mu). P(0) = (1 + mu / r)^-r, P(k) = P(0) prod_{i < k} (r + i) / (i + 1)
    // q.
    const double mean = 0.01, size = 1e7;
    const NegBin d(mean, size);
    long double p = std::exp(-size * std::log1p(static_cast<long double>(mean) / size));
    for (int k = 0; k < 6; ++k) {
        EXPECT_NEAR(d.pmf(k) / static_cast<double>(p), 1.0, 1e-13) << k;
        p *= (size + k) / (k + 1.0L) * (mean / (size + static_cast<long double>(mean)));
    }
}

TEST(NegBin, ApproachesThePoissonAsTheSizeGrows)
{
    int compared = 0;
    for (double mean : {0.7, 3.0, 40.0, 900.0}) {
        const NegBin nb(mean, 1e7), poisson(mean, 0.0);
        for (int k = 0; k < mean + 10.0 * std::sqrt(mean) + 10.0; ++k)
            ASSERT_NEAR(nb.cdf(k), poisson.cdf(k), 1e-5 * mean / 40.0 + 1e-9) << mean << " " << k;
        for (double q : {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95}) {
            const int k = poisson.quantile(q);
            // Away from a cdf step, where O(mu / r) cannot move the answer.
            if (poisson.cdf(k) - q > 1e-3 && (k == 0 || q - poisson.cdf(k - 1) > 1e-3)) {
                EXPECT_EQ(nb.quantile(q), k) << mean << " " << q;
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 15);
}

TEST(NegBin, CdfAndSurvivalAgreeWithBoostsDistributions)
{
    for (double mean : {0.2, 6.0, 300.0, 20000.0})
        for (double size : {0.4, 3.0, 5000.0}) {
            const NegBin d(mean, size);
            const boost::math::negative_binomial_distribution<double> reference(
                size, size / (size + mean));
            for (int k : {0, 1, 5, static_cast<int>(mean), static_cast<int>(2 * mean) + 3}) {
                const double cdf = boost::math::cdf(reference, k);
                EXPECT_NEAR(d.cdf(k), cdf, 1e-12 * (1.0 + mean / 100.0)) << mean << " " << size;
                const double tail = boost::math::cdf(boost::math::complement(reference, k));
                EXPECT_NEAR(d.survival(k + 1), tail, 1e-9 * tail)
                    << mean << " " << size << " " << k;
            }
        }
    const boost::math::poisson_distribution<double> poisson(17.5);
    const NegBin d(17.5, 0.0);
    for (int k = 0; k < 60; ++k) {
        EXPECT_NEAR(d.cdf(k), boost::math::cdf(poisson, k), 1e-15);
        EXPECT_NEAR(d.survival(k + 1) / boost::math::cdf(boost::math::complement(poisson, k)), 1.0,
                    1e-12);
    }
}

TEST(NegBin, QuantileIsExactAtTheCdfSteps)
{
    // q exactly at cdf(k), and one ulp either side: the walk's rounding must not move the answer.
    int checked = 0;
    for (double mean : {0.05, 2.5, 37.0, 800.0, 90000.0})
        for (double size : {0.2, 1.7, 30.0, 0.0}) {
            const NegBin d(mean, size);
            const int from = d.quantile(0.02), to = d.quantile(0.98);
            for (int k = from; k <= to; k += std::max(1, (to - from) / 40)) {
                const double c = d.cdf(k);
                for (double q : {c, std::nextafter(c, 0.0), std::nextafter(c, 2.0)}) {
                    if (!(q > 0.0 && q <= 1.0))
                        continue;
                    ASSERT_EQ(d.quantile(q), smallestCountReaching(d, q, k))
                        << mean << " " << size << " " << k << " " << q;
                    ++checked;
                }
            }
        }
    EXPECT_GT(checked, 1000);
}

TEST(NegBin, QuantileMatchesItsDefinitionOnRandomCases)
{
    // The check that found the continued fractions' quantiles one count off: 200,000 random
    // means (1e-3 .. 1e5), sizes (0.05 .. 1e6, or Poisson) and probabilities, tails included.
    std::mt19937_64 rng(20261203);
    auto uniform = [&] {
        return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
    };
    auto logUniform = [&](double lo, double hi) {
        return std::exp(std::log(lo) + uniform() * (std::log(hi) - std::log(lo)));
    };
    int mismatches = 0;
    for (int i = 0; i < 200000; ++i) {
        const double mean = logUniform(1e-3, 1e5);
        const double size = uniform() < 0.1 ? 0.0 : logUniform(0.05, 1e6);
        const double q = i % 10 == 1   ? 1.0 - 1e-3 * uniform()
                         : i % 10 == 2 ? 1e-3 * uniform()
                                       : uniform();
        const NegBin d(mean, size);
        const int k = d.quantile(q);
        if (!(d.cdf(k) >= q && (k == 0 || d.cdf(k - 1) < q)) && ++mismatches <= 5)
            ADD_FAILURE() << "mean " << mean << " size " << size << " q " << q << ": " << k;
    }
    EXPECT_EQ(mismatches, 0);
}

TEST(NegBin, IntervalIsTheBandWhoseProbabilityIsNearestItsCoverage)
{
    // Slow movers: the equal-tailed quantiles' band holds far more than 80% (0..2 holds 92% at a
    // mean of 1); the interval drops the end count that brings it nearest.
    const NegBin one(1.0, 0.0);
    EXPECT_EQ(one.quantile(0.1), 0);
    EXPECT_EQ(one.quantile(0.9), 2);
    EXPECT_EQ(one.interval(0.8), (std::pair<int, int>{0, 1})); // 73.6%: nearer 80% than 92.0%
    // A mean of 0.5: 0..1 holds 91.0%, 0..0 60.7%: the quantiles' band stays.
    EXPECT_EQ(NegBin(0.5, 0.0).interval(0.8), (std::pair<int, int>{0, 1}));
    // Wide bands are the quantiles' own.
    const NegBin wide(400.0, 5.0);
    EXPECT_EQ(wide.interval(0.8), (std::pair<int, int>{wide.quantile(0.1), wide.quantile(0.9)}));

    // Over many cells of the few units a day most products sell, the printed band holds about
    // 80% of the outcomes; the quantiles' band holds 88% or more.
    std::mt19937_64 rng(17);
    std::uniform_real_distribution<double> mean(0.2, 12.0);
    double interval = 0, quantiles = 0;
    const int cases = 2000;
    for (int i = 0; i < cases; ++i) {
        const NegBin d(mean(rng), i % 2 ? 0.0 : 3.0);
        const auto [lo, hi] = d.interval(0.8);
        EXPECT_LE(lo, hi);
        const double held = d.cdf(hi) - d.cdf(lo - 1.0);
        const double quantileHeld = d.cdf(d.quantile(0.9)) - d.cdf(d.quantile(0.1) - 1.0);
        EXPECT_LE(std::abs(held - 0.8), std::abs(quantileHeld - 0.8) + 1e-12);
        interval += held / cases;
        quantiles += quantileHeld / cases;
    }
    EXPECT_NEAR(interval, 0.80, 0.02);
    EXPECT_GT(quantiles, 0.86);
}
