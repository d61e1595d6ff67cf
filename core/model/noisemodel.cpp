#include "model/noisemodel.h"

#include "model/demandmodel.h"

#include <algorithm>
#include <cmath>

namespace fp::model {

namespace {
constexpr double kDefaultSize = 2.0;
constexpr double kMaxShock = 2.0;
} // namespace

double fitNegBinSize(const std::vector<std::pair<double, double>>& observations)
{
    if (observations.size() < 30)
        return kDefaultSize;
    const size_t stride = std::max<size_t>(1, observations.size() / 40000);
    auto logLik = [&](double logR) {
        const double r = std::exp(logR);
        double ll = 0;
        for (size_t i = 0; i < observations.size(); i += stride)
            ll += NegBin(observations[i].second, r).logPmf(observations[i].first);
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

NoiseModel NoiseModel::estimate(const PanelShape& shape, const std::vector<data::DemandCell>& cells,
                                std::span<const double> means)
{
    NoiseModel noise;
    const int C = std::max(1, shape.categories);
    std::vector<std::vector<std::pair<double, double>>> regular(static_cast<size_t>(C));
    for (size_t i = 0; i < cells.size(); ++i) {
        const data::DemandCell& cell = cells[i];
        if (cell.censored || cell.eventDay >= 0)
            continue;
        regular[static_cast<size_t>(shape.productCategory[static_cast<size_t>(cell.product)])]
            .emplace_back(cell.units, means[i]);
    }
    std::vector<std::pair<double, double>> all;
    for (const auto& r : regular)
        all.insert(all.end(), r.begin(), r.end());
    const double overall = fitNegBinSize(all);
    for (int c = 0; c < C; ++c)
        noise.m_size.push_back(regular[static_cast<size_t>(c)].size() >= 500
                                   ? fitNegBinSize(regular[static_cast<size_t>(c)])
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

NegBin NoiseModel::cellDemand(int category, const data::DemandCell& cell, double mean,
                              double extra) const
{
    const double r = m_size[static_cast<size_t>(category)];
    const double shock = cell.eventDay < 0 ? 0.0 : m_shock[static_cast<size_t>(category)];
    if (shock + extra <= 0)
        return NegBin(mean, r);
    // Var = mu + mu^2 / r + mu^2 v  ->  size 1 / (1 / r + v)
    return NegBin(mean, 1.0 / (1.0 / r + shock + extra));
}

NegBin NoiseModel::windowDemand(int category, std::span<const double> means, bool featured,
                                double extra) const
{
    const double r = m_size[static_cast<size_t>(category)];
    double total = 0, variance = 0;
    for (double m : means) {
        total += m;
        variance += m + m * m / r;
    }
    variance += ((featured ? m_shock[static_cast<size_t>(category)] : 0.0) + extra) * total * total;
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
