#include "model/noisemodel.h"

#include "model/demandmodel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fp::model {

namespace {
constexpr double kDefaultSize = 2.0;
constexpr double kMaxShock = 2.0;

using Observations = std::vector<std::pair<double, double>>; // (units, mean)

// fitNegBinSize reads every stride-th of `count` observations: at most about 40,000.
size_t sampleStride(size_t count)
{
    return std::max<size_t>(1, count / 40000);
}

// Keeps every stride-th of the observations offered, after passing over the first `skip`.
class EvenSample final
{
public:
    EvenSample(size_t stride, size_t skip) : m_stride(stride), m_skip(skip % stride) {}
    void offer(const std::pair<double, double>& observation)
    {
        if (m_skip == 0) {
            m_kept.push_back(observation);
            m_skip = m_stride;
        }
        --m_skip;
    }
    const Observations& kept() const { return m_kept; }

private:
    size_t m_stride;
    size_t m_skip; // observations to pass over before the next one kept
    Observations m_kept;
};

// Maximum-likelihood negative binomial size for `count` (y, mean) pairs from `sample`, every
// sampleStride(count)-th of them (golden section on log size, 0.05..1000, to 1%).
double fitNegBinSize(const Observations& sample, size_t count)
{
    if (count < 30)
        return kDefaultSize;
    // NegBin(mean, r).logPmf(y), term for term in the same order, with what does not change
    // with r computed once: lgamma(y + 1) per observation, lgamma(r) per r. A count of 0 (many
    // cells) is exactly r log(r / (r + mean)): its lgamma terms cancel and y log(...) is 0.
    std::vector<double> logFactorial(sample.size());
    for (size_t i = 0; i < sample.size(); ++i)
        logFactorial[i] = std::lgamma(sample[i].first + 1.0);
    auto logLik = [&](double logR) {
        const double r = std::exp(logR);
        const double logGammaR = std::lgamma(r);
        double ll = 0;
        for (size_t i = 0; i < sample.size(); ++i) {
            const double y = sample[i].first, mu = std::max(sample[i].second, 1e-12);
            if (y < 0)
                ll += -std::numeric_limits<double>::infinity();
            else if (y == 0)
                ll += r * std::log(r / (r + mu));
            else
                ll += std::lgamma(y + r) - logGammaR - logFactorial[i] +
                      r * std::log(r / (r + mu)) + y * std::log(mu / (r + mu));
        }
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

NoiseModel NoiseModel::estimate(const PanelShape& shape, const std::vector<data::DemandCell>& cells,
                                std::span<const double> means)
{
    NoiseModel noise;
    const int C = std::max(1, shape.categories);
    const auto categories = static_cast<size_t>(C);
    // The regular cells' category (-1 for the others): counted first, so only the samples the
    // sizes are fitted on are kept, not a pair per cell (millions when training).
    auto regularCategory = [&](const data::DemandCell& cell) {
        return cell.censored || cell.eventDay >= 0
                   ? -1
                   : shape.productCategory[static_cast<size_t>(cell.product)];
    };
    std::vector<size_t> count(categories, 0);
    for (const data::DemandCell& cell : cells)
        if (const int c = regularCategory(cell); c >= 0)
            ++count[static_cast<size_t>(c)];
    // The overall size reads all categories' cells one after the other: where each one starts.
    std::vector<size_t> offset(categories, 0);
    for (size_t c = 1; c < categories; ++c)
        offset[c] = offset[c - 1] + count[c - 1];
    const size_t total = offset[categories - 1] + count[categories - 1];
    const size_t overallStride = sampleStride(total);
    // Each category's sample, and its share of the overall sample (at its offset in the whole).
    std::vector<EvenSample> ownSample, shared;
    for (size_t c = 0; c < categories; ++c) {
        ownSample.emplace_back(sampleStride(count[c]), 0);
        shared.emplace_back(overallStride, overallStride - offset[c] % overallStride);
    }
    for (size_t i = 0; i < cells.size(); ++i) {
        if (const int c = regularCategory(cells[i]); c >= 0) {
            ownSample[static_cast<size_t>(c)].offer({cells[i].units, means[i]});
            shared[static_cast<size_t>(c)].offer({cells[i].units, means[i]});
        }
    }
    Observations overallSample;
    for (const EvenSample& part : shared)
        overallSample.insert(overallSample.end(), part.kept().begin(), part.kept().end());
    const double overall = fitNegBinSize(overallSample, total);
    for (size_t c = 0; c < categories; ++c)
        noise.m_size.push_back(count[c] >= 500 ? fitNegBinSize(ownSample[c].kept(), count[c])
                                               : overall);

    // Event shock: over whole events without a sold-out day, Var(total) = sum of daily NB
    // variances + v * (sum of means)^2; solve for v by moments, per category.
    std::vector<double> excess(static_cast<size_t>(C), 0.0), scale(static_cast<size_t>(C), 0.0);
    size_t i = 0;
    while (i < cells.size()) {
        if (cells[i].eventDay != 0) {
            ++i;
            continue;
        }
        const int p = cells[i].product;
        const int c = shape.productCategory[static_cast<size_t>(p)];
        const double r = noise.m_size[static_cast<size_t>(c)];
        double y = 0, m = 0, v = 0;
        bool censored = false;
        size_t j = i;
        for (; j < cells.size() && cells[j].product == p && cells[j].eventDay >= 0 &&
               (j == i || cells[j].eventDay > 0);
             ++j) {
            y += cells[j].units;
            m += means[j];
            v += means[j] + means[j] * means[j] / r;
            censored = censored || cells[j].censored;
        }
        if (!censored && m > 0) {
            excess[static_cast<size_t>(c)] += (y - m) * (y - m) - v;
            scale[static_cast<size_t>(c)] += m * m;
        }
        i = std::max(j, i + 1);
    }
    double allExcess = 0, allScale = 0;
    for (int c = 0; c < C; ++c) {
        allExcess += excess[static_cast<size_t>(c)];
        allScale += scale[static_cast<size_t>(c)];
    }
    const double overallShock =
        allScale > 0 ? std::clamp(allExcess / allScale, 0.0, kMaxShock) : 0.0;
    for (int c = 0; c < C; ++c) {
        // Shrink a category's estimate toward the overall one in proportion to its evidence.
        const double own =
            scale[static_cast<size_t>(c)] > 0
                ? std::clamp(excess[static_cast<size_t>(c)] / scale[static_cast<size_t>(c)], 0.0,
                             kMaxShock)
                : overallShock;
        const double weight =
            scale[static_cast<size_t>(c)] / (scale[static_cast<size_t>(c)] + allScale / C + 1e-12);
        noise.m_shock.push_back(weight * own + (1 - weight) * overallShock);
    }
    return noise;
}

double NoiseModel::size(int category) const
{
    if (category >= 0 && static_cast<size_t>(category) < m_size.size())
        return m_size[static_cast<size_t>(category)];
    double noisiest = 0; // a size of 0 is Poisson's: the least noisy, taken only when all are
    for (const double r : m_size)
        if (r > 0 && (noisiest == 0 || r < noisiest))
            noisiest = r;
    return noisiest;
}

double NoiseModel::eventShockVariance(int category) const
{
    if (category >= 0 && static_cast<size_t>(category) < m_shock.size())
        return m_shock[static_cast<size_t>(category)];
    return m_shock.empty() ? 0.0 : *std::max_element(m_shock.begin(), m_shock.end());
}

NegBin NoiseModel::cellDemand(int category, const data::DemandCell& cell, double mean,
                              double extra) const
{
    const double r = size(category);
    const double shared = sharedVariance(category, cell, extra);
    if (shared <= 0)
        return NegBin(mean, r);
    // Var = mu + mu^2 / r + mu^2 v  ->  size 1 / (1 / r + v); a Poisson's size (0) has 1 / r = 0
    return NegBin(mean, 1.0 / ((r > 0 ? 1.0 / r : 0.0) + shared));
}

NoiseModel NoiseModel::widened(double extra) const
{
    NoiseModel out = *this;
    if (extra != 0)
        for (double& r : out.m_size) {
            // A Poisson's size (0 or infinite) has 1 / r = 0; taking away more than 1 / r leaves
            // Poisson noise (size 0).
            const double relative = (r > 0 ? 1.0 / r : 0.0) + extra;
            r = relative > 1e-12 ? 1.0 / relative : 0.0;
        }
    return out;
}

double NoiseModel::sharedVariance(int category, const data::DemandCell& cell, double extra) const
{
    return (cell.eventDay < 0 ? 0.0 : eventShockVariance(category)) + extra;
}

NegBin NoiseModel::windowDemand(int category, std::span<const double> means, bool featured,
                                double extra) const
{
    const double r = size(category);
    double total = 0, variance = 0;
    for (double m : means) {
        total += m;
        variance += m + (r > 0 ? m * m / r : 0.0); // size 0: Poisson
    }
    variance += ((featured ? eventShockVariance(category) : 0.0) + extra) * total * total;
    const double overdispersion = variance - total;
    return NegBin(total, overdispersion > 1e-12 ? total * total / overdispersion : 0.0);
}

void NoiseModel::save(BinaryWriter& out) const
{
    out.putVector(m_size);
    out.putVector(m_shock);
}

NoiseModel NoiseModel::load(BinaryReader& in)
{
    NoiseModel noise;
    noise.m_size = in.getVector<double>();
    noise.m_shock = in.getVector<double>();
    if (noise.m_size.size() != noise.m_shock.size() || noise.m_size.empty())
        throw FlashPlanError(ProblemKind::StoredNoiseModelCorrupt);
    return noise;
}

} // namespace fp::model
