// SalesSum: a sum of capped, window-correlated sales against its moments by hand and against
// totals drawn from the hierarchy the noise model stands for.
#include "model/salessum.h"
#include "support/salessimulation.h"

#include <gtest/gtest.h>
#include <numeric>

using namespace fp;

namespace {

double negBinVariance(const model::NegBin& d)
{
    return d.mean() + d.mean() * d.mean() / d.size();
}

TEST(SalesSum, IndependentUncappedPeriodsAddTheirMeansAndVariances)
{
    model::SalesSum sum;
    double mean = 0, variance = 0;
    for (int product = 0; product < 5; ++product) {
        sum.startWindow();
        for (int day = 0; day < 3; ++day) {
            const model::NegBin d(1.5 + product + 2 * day, 0.8 + product);
            sum.add(d, std::nullopt, 0.0);
            mean += d.mean();
            variance += negBinVariance(d);
        }
    }
    EXPECT_NEAR(sum.mean(), mean, 1e-12 * mean);
    EXPECT_NEAR(sum.variance(), variance, 1e-12 * variance);
    const model::NegBin total = sum.distribution();
    EXPECT_NEAR(negBinVariance(total), variance, 1e-9 * variance);
}

TEST(SalesSum, AWindowsPeriodsCovaryByTheirSharedVarianceAndProductsDoNot)
{
    // One product's days: Var = sum of the days' variances + v * (sum of means)^2 - v * sum of
    // squared means (each day's own share is in its variance already), as NoiseModel::
    // windowDemand has it; a second product adds its own.
    const double v = 0.25, size = 3.0;
    const double means[] = {4.0, 7.0, 2.0};
    model::SalesSum sum;
    double expected = 0;
    for (int product = 0; product < 2; ++product) {
        sum.startWindow();
        double total = 0;
        for (const double m : means) {
            const model::NegBin d(m, 1 / (1 / size + v));
            sum.add(d, std::nullopt, v);
            expected += negBinVariance(d) - v * m * m;
            total += m;
        }
        expected += v * total * total;
    }
    EXPECT_NEAR(sum.variance(), expected, 1e-9 * expected);
}

TEST(SalesSum, StockCapsTheMeanAsTheDaysForecastDoes)
{
    const model::NegBin d(10, 2);
    model::SalesSum sum;
    sum.startWindow();
    sum.add(d, 6.0, 0.0);
    sum.add(d, std::nullopt, 0.0);
    EXPECT_DOUBLE_EQ(sum.mean(), d.expectedSales(6.0) + 10.0);
    EXPECT_NEAR(sum.variance(), d.salesVariance(6.0) + negBinVariance(d), 1e-9);
}

TEST(SalesSum, ItsEightyPercentIntervalHoldsEightyPercentOfSimulatedTotals)
{
    // 60 products of 3 days, means 0.3-25 a day, a third of the days capped by a tight stock,
    // an event shock of variance 0.3: the kind of event a backtest sums.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> logMean(std::log(0.3), std::log(25.0));
    std::vector<test::SimulatedPeriod> periods;
    model::SalesSum sum;
    const double shock = 0.3, size = 2.0;
    for (int product = 0; product < 60; ++product) {
        sum.startWindow();
        for (int day = 0; day < 3; ++day) {
            const model::NegBin d(std::exp(logMean(rng)), 1 / (1 / size + shock));
            const std::optional<double> stock = (product + day) % 3 == 0
                                                    ? std::optional<double>(std::ceil(d.mean()))
                                                    : std::nullopt;
            sum.add(d, stock, shock);
            periods.push_back({d, stock, shock, product});
        }
    }
    const std::vector<double> totals = test::simulateTotals(periods, 4000, 11);
    const double mean = std::accumulate(totals.begin(), totals.end(), 0.0) / totals.size();
    double variance = 0;
    for (const double t : totals)
        variance += (t - mean) * (t - mean) / (totals.size() - 1);
    EXPECT_NEAR(sum.mean(), mean, 0.02 * mean);
    EXPECT_NEAR(sum.variance(), variance, 0.1 * variance);

    const model::NegBin total = sum.distribution();
    const int low = total.quantile(0.1), high = total.quantile(0.9);
    EXPECT_LE(low, sum.mean());
    EXPECT_GE(high, sum.mean());
    const double coverage = test::shareWithin(totals, low, high);
    EXPECT_GT(coverage, 0.75) << low << ".." << high;
    EXPECT_LT(coverage, 0.85) << low << ".." << high;
}

} // namespace
