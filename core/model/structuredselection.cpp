#include "base/threadpool.h"
#include "model/lbfgs.h"
#include "model/negbin.h"
#include "model/recentshift.h"
#include "model/shrinkage.h"
#include "model/structuredinternal.h"
#include "model/structuredmodel.h"

#include <algorithm>
#include <cmath>
#include <vector>

// What the structured model keeps of itself, chosen from the data: the calendar parts and trend
// continuation the held-back periods support, the shopping days the data tell from zero, the
// recent level, and how far each group of parameters shrinks.

namespace fp::model {

using namespace structured;

void StructuredModel::updateRecentLevel(const std::vector<data::DemandCell>& cells)
{
    m_recentLevel.clear();
    if (m_structure.recentLevel <= 0)
        return;
    // Per product over its last periods: the shift of its fit they support, taken in the
    // structure's share.
    const auto P = m_shape.productCategory.size();
    std::vector<RecentShift> shifts(P);
    const Layout L(static_cast<int>(P), m_shape.categories, m_dipPeriods);
    const int from = m_trendEnd - recentLevelPeriods(m_shape.periodDays);
    for (const data::DemandCell& cell : cells) {
        if (cell.period <= from || cell.period > m_trendEnd || cell.censored)
            continue;
        shifts[static_cast<size_t>(cell.product)].add(
            cell.units, std::exp(linearPredictor(m_theta, L, cell, m_shared)), sizeFor(cell));
    }
    m_recentLevel.assign(P, 0.0);
    for (size_t p = 0; p < P; ++p)
        m_recentLevel[p] = m_structure.recentLevel * shifts[p].solve();
}

int StructuredModel::Structure::parts() const
{
    return (season ? 1 : 0) + (holidays ? 1 : 0) + (trend > TrendContinuation::None ? 1 : 0) +
           (recentLevel > 0 ? 1 : 0);
}

float StructuredModel::trendValue(int period) const
{
    const float t = featuresOf(period).trend;
    if (period <= m_trendEnd || m_structure.trend == TrendContinuation::Fitted)
        return t;
    if (m_structure.trend == TrendContinuation::None)
        return 0.0f;
    const float end = featuresOf(m_trendEnd).trend;
    return m_structure.trend == TrendContinuation::Half ? end + 0.5f * (t - end) : end;
}

void StructuredModel::applyStructure(Eigen::VectorXd& parameters) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    if (!m_structure.season)
        parameters.segment(L.fourier, kFourier * L.C).setZero();
    if (!m_structure.holidays)
        parameters.segment(L.holiday, kHolidays * L.C).setZero();
    for (size_t i = 0; i < m_holidayOff.size(); ++i)
        if (m_holidayOff[i])
            parameters[L.holiday + static_cast<int>(i)] = 0;
}

void StructuredModel::dropWeakHolidays(const std::vector<data::DemandCell>& cells,
                                       const std::vector<double>& mean)
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    std::vector<double> information(static_cast<size_t>(L.C) * kHolidays, 0.0);
    for (size_t i = 0; i < cells.size(); ++i) {
        const data::DemandCell& cell = cells[i];
        const std::uint32_t days = m_periodCache[static_cast<size_t>(cell.period)].holidays;
        if (!days || heldBack(cell))
            continue;
        const double r = sizeFor(cell), mu = mean[i];
        const double w = r > 0 ? mu * r / (mu + r) : mu;
        const auto c =
            static_cast<size_t>(m_shape.productCategory[static_cast<size_t>(cell.product)]);
        for (std::uint32_t bits = days; bits; bits &= bits - 1)
            information[c * kHolidays + static_cast<size_t>(std::countr_zero(bits))] += w;
    }
    for (size_t i = 0; i < information.size(); ++i) {
        const double effect = m_theta[L.holiday + static_cast<int>(i)];
        if (std::abs(effect) * std::sqrt(information[i]) < kHolidayEvidence)
            m_holidayOff[i] = 1;
    }
}

void StructuredModel::chooseStructure(const std::vector<data::DemandCell>& recent,
                                      const std::vector<data::DemandCell>& validation)
{
    // Every combination, simplest first; a part must earn its place: a richer structure is taken
    // only when it forecasts the held-back periods better by more than a small margin per part.
    const Eigen::VectorXd fitted = m_theta;
    const double normaliser = constant(validation, kAllPeriods);
    // Shopping days are judged only when the held-back periods hold some; otherwise they stay
    // (each one already had to show its effect in the fit, see dropWeakHolidays).
    const bool holidaysShow = std::any_of(validation.begin(), validation.end(), [&](const auto& c) {
        return featuresOf(c.period).holidays != 0;
    });
    Structure best{false, false, TrendContinuation::Flat};
    double bestScore = 0;
    bool first = true;
    for (const TrendContinuation trend : {TrendContinuation::None, TrendContinuation::Flat,
                                          TrendContinuation::Half, TrendContinuation::Fitted})
        for (const bool season : {false, true})
            for (const bool holidays : {false, true})
                for (const float recentLevel : {0.0f, 0.5f, 1.0f}) {
                    if (!holidays && !holidaysShow)
                        continue;
                    m_structure = Structure{season, holidays, trend, recentLevel};
                    m_theta = fitted;
                    applyStructure(m_theta);
                    refreshShared();
                    updateRecentLevel(recent);
                    const double loss = meanLoss(validation, normaliser);
                    const double score = loss + kPartMargin * m_structure.parts();
                    if (first || score < bestScore) {
                        best = m_structure;
                        bestScore = score;
                        first = false;
                    }
                }
    m_structure = best;
    m_theta = fitted;
    applyStructure(m_theta);
    m_recentLevel.clear();
}

void StructuredModel::learnShrinkage(const std::vector<data::DemandCell>& cells,
                                     const std::vector<double>& mean)
{
    // Each product's data information about its own parameter in each group: the Fisher
    // information of the count likelihood along the parameter, beyond what the product's level
    // already explains (its feature centred with the level's weights), from one pass.
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    const auto P = static_cast<size_t>(L.P);
    enum Group
    {
        Trend,
        Event,
        Slope,
        PriceLevel,
        Groups
    };
    // Per product: sum w, and per group sum w*f and sum w*f^2.
    std::vector<double> weightSum(P, 0.0);
    std::vector<std::array<double, Groups>> first(P, {0, 0, 0, 0}), second(P, {0, 0, 0, 0});
    for (size_t i = 0; i < cells.size(); ++i) {
        const data::DemandCell& cell = cells[i];
        if (heldBack(cell))
            continue;
        const auto p = static_cast<size_t>(cell.product);
        const int c = m_shape.productCategory[p];
        const double r = sizeFor(cell), mu = mean[i];
        const double w = r > 0 ? mu * r / (mu + r) : mu;
        const PriceCutParts cut = priceCutParts(cell, m_levelApart);
        double slope = 0; // d eta / d (the product's elasticity shift)
        for (int k = 0; k < K; ++k)
            if (const double e = bandExposure(cut.discount, k); e != 0)
                slope += sigmoid(slopeLogit(m_theta, L, cell.product, c, k)) * e;
        const std::array<double, Groups> f = {m_periodCache[static_cast<size_t>(cell.period)].trend,
                                              cell.eventDay >= 0 ? 1.0 : 0.0, slope, cut.level};
        weightSum[p] += w;
        for (int g = 0; g < Groups; ++g) {
            first[p][static_cast<size_t>(g)] += w * f[static_cast<size_t>(g)];
            second[p][static_cast<size_t>(g)] +=
                w * f[static_cast<size_t>(g)] * f[static_cast<size_t>(g)];
        }
    }
    // A penalized estimate d with data information I and prior precision 2w was pulled in by
    // I / (I + 2w): undo that for the data's own estimate, with sampling variance 1 / I; the
    // products' spread beyond that is the prior variance 1 / (2w).
    auto learn = [&](double& weight, auto information, auto deviation) {
        std::vector<double> estimates, variances;
        for (size_t p = 0; p < P; ++p) {
            const double info = information(p);
            if (!(info > 1e-9))
                continue;
            estimates.push_back(deviation(p) * (info + 2 * weight) / info);
            variances.push_back(1.0 / info);
        }
        if (estimates.size() < 3)
            return; // too few products to tell how much they differ: keep the default
        weight = std::clamp(1.0 / (2 * priorVariance(estimates, variances)), 1e-3, 1e4);
    };
    auto centred = [&](int g) {
        return [&, g](size_t p) {
            const auto k = static_cast<size_t>(g);
            return weightSum[p] > 0 ? second[p][k] - first[p][k] * first[p][k] / weightSum[p] : 0.0;
        };
    };
    auto own = [&](int start) {
        return [&, start](size_t p) {
            return m_theta[start + static_cast<int>(p)];
        };
    };
    learn(
        m_shrinkage.level, [&](size_t p) { return weightSum[p]; },
        [&](size_t p) {
            return m_theta[L.level + static_cast<int>(p)] -
                   m_theta[L.catLevel + m_shape.productCategory[p]];
        });
    learn(m_shrinkage.trend, centred(Trend), own(L.trend));
    learn(m_shrinkage.eventLift, centred(Event), own(L.eventProduct));
    learn(m_shrinkage.elasticity, centred(Slope), own(L.slopeShift));
    learn(m_shrinkage.priceLevel, centred(PriceLevel), own(L.levelShift));
}

} // namespace fp::model
