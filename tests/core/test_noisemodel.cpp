// NoiseModel's sizes against the plain estimate they stand for.
#include "data/demandcells.h"
#include "model/demandmodel.h"
#include "model/negbin.h"
#include "model/noisemodel.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <utility>
#include <vector>

using namespace fp;

namespace {

using Pairs = std::vector<std::pair<double, double>>; // (units, mean)

// The size as NoiseModel first estimated it, from a list of every pair: maximum likelihood by
// golden section on log size (0.05..1000, to 0.01) over every (n / 40000)-th pair.
double referenceSize(const Pairs& pairs)
{
    if (pairs.size() < 30)
        return 2.0;
    const size_t stride = std::max<size_t>(1, pairs.size() / 40000);
    auto logLik = [&](double logR) {
        double ll = 0;
        for (size_t i = 0; i < pairs.size(); i += stride)
            ll += model::NegBin(pairs[i].second, std::exp(logR)).logPmf(pairs[i].first);
        return ll;
    };
    double lo = std::log(0.05), hi = std::log(1000.0);
    const double phi = (std::sqrt(5.0) - 1) / 2;
    double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo);
    double fa = logLik(a), fb = logLik(b);
    for (int it = 0; it < 40 && hi - lo > 0.01; ++it) {
        if (fa > fb) {
            hi = b;
            b = a;
            fb = fa;
            a = hi - phi * (hi - lo);
            fa = logLik(a);
        } else {
            lo = a;
            a = b;
            fa = fb;
            b = lo + phi * (hi - lo);
            fb = logLik(b);
        }
    }
    return std::exp((lo + hi) / 2);
}

} // namespace

TEST(NoiseModel, SizesAreTheLikelihoodsOfAnEvenSampleOfEachCategorysRegularCells)
{
    // Category 0: 90,000 cells (every 2nd regular one sampled), 1: 45,000 (all), 2: 300 (too
    // few: the overall size, every 3rd of all regular cells in category order). Every 6th regular
    // cell in that order is nearly Poisson, the others very overdispersed, so a sample that takes
    // other cells gets another size. Event days and sold-out days are not regular.
    model::PanelShape shape;
    shape.categories = 3;
    shape.productCategory = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2};
    const std::vector<int> cellsOf = {15004, 15000, 15000, 15000, 15000,
                                      15000, 15000, 15000, 15000, 300};
    std::mt19937 random(7);
    std::vector<data::DemandCell> cells;
    std::vector<double> means;
    std::vector<Pairs> regular(3);
    size_t regularSoFar = 0;
    for (int p = 0; p < static_cast<int>(cellsOf.size()); ++p) {
        const auto c = static_cast<size_t>(shape.productCategory[static_cast<size_t>(p)]);
        for (int t = 0; t < cellsOf[static_cast<size_t>(p)]; ++t) {
            data::DemandCell cell;
            cell.product = p;
            cell.period = t;
            cell.eventDay = static_cast<std::int8_t>(t % 50 < 3 ? t % 50 : -1);
            const double mean = 8.0 + t % 7;
            const double size = regularSoFar % 6 == 0 ? 1000.0 : 0.3;
            std::gamma_distribution<double> shock(size, 1.0 / size);
            cell.units =
                static_cast<float>(std::poisson_distribution<int>(mean * shock(random))(random));
            cell.censored = t % 97 == 5;
            if (!cell.censored && cell.eventDay < 0) {
                regular[c].emplace_back(cell.units, mean);
                ++regularSoFar;
            }
            cells.push_back(cell);
            means.push_back(mean);
        }
    }
    Pairs all;
    for (const Pairs& r : regular)
        all.insert(all.end(), r.begin(), r.end());
    ASSERT_GT(regular[0].size(), 80000u); // sampled every 2nd
    ASSERT_LT(regular[1].size(), 80000u); // every one
    ASSERT_GT(all.size(), 120000u);       // every 3rd
    ASSERT_NE(regular[0].size() % 3, 0u); // category 1's share does not start on a 3rd cell

    const model::NoiseModel noise = model::NoiseModel::estimate(shape, cells, means);
    EXPECT_EQ(noise.size(0), referenceSize(regular[0]));
    EXPECT_EQ(noise.size(1), referenceSize(regular[1]));
    EXPECT_EQ(noise.size(2), referenceSize(all));
    // The samples tell the categories apart (the test would not see a wrong sample otherwise).
    EXPECT_NE(noise.size(0), noise.size(2));
}
