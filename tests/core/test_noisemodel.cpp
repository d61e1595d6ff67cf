// NoiseModel's sizes against the plain estimate they stand for.
#include "data/demandcells.h"
#include "model/demandmodel.h"
#include "model/evaluation.h"
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

namespace {

// Out-of-sample cells whose means are off by a lognormal error of sd `meanError` (a model's
// parameter error and drift), with NB noise of size 4 around the true means; the model's own
// noise (estimated in sample on the true means) knows only the NB part.
struct HeldOut
{
    model::PanelShape shape;
    std::vector<data::DemandCell> cells;
    std::vector<double> means; // the model's
    model::NoiseModel noise;   // from in-sample cells, where the model's means were right

    // heldOutSize: the NB size of the out-of-sample cells' noise (in sample: 4).
    explicit HeldOut(double meanError, double heldOutSize = 4.0)
    {
        shape.categories = 1;
        shape.productCategory.assign(200, 0);
        std::mt19937 random(11);
        std::vector<data::DemandCell> inSample;
        std::vector<double> inSampleMeans;
        auto draw = [&](int p, int t, double mean, double size = 4.0) {
            std::gamma_distribution<double> shock(size, 1.0 / size);
            data::DemandCell cell;
            cell.product = p;
            cell.period = t;
            cell.stock = std::nanf(""); // unlimited
            cell.units =
                static_cast<float>(std::poisson_distribution<int>(mean * shock(random))(random));
            return cell;
        };
        std::normal_distribution<double> error(0.0, meanError);
        for (int p = 0; p < 200; ++p) {
            const double truth = 2.0 + p % 40;
            for (int t = 0; t < 40; ++t) {
                inSample.push_back(draw(p, t, truth));
                inSampleMeans.push_back(truth);
            }
            const double believed = truth * std::exp(error(random));
            for (int t = 40; t < 48; ++t) {
                cells.push_back(draw(p, t, truth, heldOutSize));
                means.push_back(believed);
            }
        }
        noise = model::NoiseModel::estimate(shape, inSample, inSampleMeans);
    }

    double coverage(const model::NoiseModel& n) const
    {
        const model::Evaluation e = model::evaluate(shape, cells, means, n, 1.0);
        return e.overall.coverage;
    }
};

} // namespace

TEST(IntervalWidening, AddsTheVarianceTheHeldOutPeriodsShowAndNothingWhenTheyHold)
{
    // Means right out of sample: the in-sample noise holds 80% already; nothing is added.
    const HeldOut right(0.0);
    EXPECT_NEAR(right.coverage(right.noise), 0.80, 0.02);
    EXPECT_LT(model::intervalWidening(right.shape, right.cells, right.means, right.noise), 0.01);

    // Means off by a lognormal sd of 0.4: the in-sample intervals hold far less than 80%; the
    // widening is about the error's relative variance (exp(0.16) - 1 = 0.17) and brings the
    // coverage to 80%.
    const HeldOut off(0.4);
    const double before = off.coverage(off.noise);
    EXPECT_LT(before, 0.70);
    const double v = model::intervalWidening(off.shape, off.cells, off.means, off.noise);
    EXPECT_GT(v, 0.08);
    EXPECT_LT(v, 0.35);
    EXPECT_NEAR(off.coverage(off.noise.widened(v)), 0.80, 0.005);
    // Widening turns each size r into 1 / (1 / r + v).
    EXPECT_NEAR(off.noise.widened(v).size(0), 1.0 / (1.0 / off.noise.size(0) + v), 1e-9);
}

TEST(IntervalWidening, TakesVarianceAwayOnlyWhereTheHeldOutPeriodsHoldFarMoreThan80Percent)
{
    // The held-out periods are calmer than the fit's (NB size 40 against 4): the in-sample
    // intervals hold far more than 80% there. Half the variance that would bring them to 80%
    // is taken away (one window may just be calm).
    const HeldOut calm(0.0, 40.0);
    const double before = calm.coverage(calm.noise);
    EXPECT_GT(before, 0.90);
    const double v = model::intervalWidening(calm.shape, calm.cells, calm.means, calm.noise);
    EXPECT_LT(v, 0.0);
    EXPECT_GE(v, -0.5 / calm.noise.size(0));
    const double after = calm.coverage(calm.noise.widened(v));
    EXPECT_GT(after, 0.81);
    EXPECT_LT(after, before - 0.02);
    EXPECT_NEAR(calm.coverage(calm.noise.widened(2 * v)), 0.80, 0.01);
    // A little more than 80%, within what chance gives 1,600 cells: nothing is taken away.
    const HeldOut slightly(0.0, 4.2);
    const double a = slightly.coverage(slightly.noise);
    EXPECT_GT(a, 0.80);
    EXPECT_LT(a, 0.82);
    EXPECT_EQ(
        model::intervalWidening(slightly.shape, slightly.cells, slightly.means, slightly.noise),
        0.0);
    // Taking away more than a size's whole relative variance leaves Poisson noise (size 0).
    EXPECT_EQ(calm.noise.widened(-2.0 / calm.noise.size(0)).size(0), 0.0);
}

// auto's test of whether another model really forecast the held-out periods better than the
// structured model: the WAPE difference over products, against its standard error.
TEST(WapeGain, IsTheWapeDifferenceWithItsStandardErrorOverProducts)
{
    model::Evaluation incumbent, challenger;
    incumbent.overall.actualUnits = challenger.overall.actualUnits = 100.0;
    // Per product, |error| summed over its held-out periods; the last had none held out.
    incumbent.productError = {10, 12, 8, 20, 5, std::nan("")};
    challenger.productError = {8, 9, 7, 15, 4, std::nan("")};
    const model::WapeGain g = model::wapeGain(incumbent, challenger);
    // Gains 0.02, 0.03, 0.01, 0.05, 0.01: sum 0.12, sample variance 0.00028; the standard error
    // of a sum of 5 is sqrt(5 x 0.00028) = 0.0374.
    EXPECT_EQ(g.products, 5);
    EXPECT_NEAR(g.gain, 0.12, 1e-12);
    EXPECT_NEAR(g.standardError, std::sqrt(5 * 0.00028), 1e-9);
    // Student's t at 90% with 4 degrees of freedom is 1.5332.
    EXPECT_NEAR(g.neededStandardErrors(), 1.5332, 0.002);
    EXPECT_TRUE(g.clear()); // 0.12 against 1.53 x 0.0374

    // One product's win does not make a model better: the same total gain, all from product 4
    // (standard error 0.12, so the gain is one standard error).
    challenger.productError = {10, 12, 8, 8, 5, std::nan("")};
    const model::WapeGain lucky = model::wapeGain(incumbent, challenger);
    EXPECT_NEAR(lucky.gain, 0.12, 1e-12);
    EXPECT_NEAR(lucky.standardError, 0.12, 1e-9);
    EXPECT_FALSE(lucky.clear());
}

TEST(WapeGain, NeededStandardErrorsFollowStudentsT)
{
    const std::pair<int, double> quantiles[] = {{2, 3.0777}, {3, 1.8856},  {4, 1.6377},
                                                {7, 1.4398}, {30, 1.3114}, {1000, 1.2824}};
    for (const auto& [products, t] : quantiles) {
        model::WapeGain g;
        g.products = products;
        EXPECT_NEAR(g.neededStandardErrors(), t, 0.002) << products << " products";
    }
}
