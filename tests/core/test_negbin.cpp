#include "model/negbin.h"

#include <cmath>
#include <gtest/gtest.h>

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
