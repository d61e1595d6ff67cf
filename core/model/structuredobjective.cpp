#include "base/threadpool.h"
#include "model/negbin.h"
#include "model/structuredinternal.h"
#include "model/structuredmodel.h"

#include <algorithm>
#include <bit>
#include <cmath>

// The structured model's likelihood: the linear predictor of a cell and the objective's value and
// gradient over many cells.

namespace fp::model {

using namespace structured;

// Before the softplus: the slope of product p (category c) on discount band k is the category's
// slope plus the product's overall shift plus its own deviation on that band.
double StructuredModel::slopeLogit(const Eigen::VectorXd& theta, const Layout& L, int p, int c,
                                   int k)
{
    return theta[L.slopeCat + K * c + k] + theta[L.slopeShift + p] +
           kShapeScale * theta[L.slopeShape + K * p + k];
}

// A product's elasticity to its regular price level: its category's plus its own shift.
double StructuredModel::levelElasticity(const Eigen::VectorXd& theta, const Layout& L, int p, int c)
{
    return theta[L.levelCat + c] + theta[L.levelShift + p];
}

// Weekday + season + holidays of category c in a period with features f.
double StructuredModel::calendarEffect(const Eigen::VectorXd& theta, const Layout& L, int c,
                                       const PeriodFeatures& f)
{
    double v = f.weekday >= 0 ? theta[L.weekday + 7 * c + f.weekday] : 0.0;
    for (int i = 0; i < kFourier; ++i)
        v += theta[L.fourier + kFourier * c + i] * f.fourier[static_cast<size_t>(i)];
    for (std::uint32_t bits = f.holidays; bits; bits &= bits - 1)
        v += theta[L.holiday + kHolidays * c + std::countr_zero(bits)];
    return v;
}

std::vector<double> StructuredModel::calendarOffsets(const Eigen::VectorXd& theta,
                                                     int periods) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    std::vector<double> out(static_cast<size_t>(L.C) * periods, 0.0);
    for (int t = 0; t < periods; ++t) {
        const PeriodFeatures f = featuresOf(t);
        for (int c = 0; c < L.C; ++c) {
            out[static_cast<size_t>(c) * periods + t] = calendarEffect(theta, L, c, f);
        }
    }
    return out;
}

StructuredModel::SharedEffects StructuredModel::sharedEffects(const Eigen::VectorXd& theta) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    SharedEffects shared;
    shared.calendar = calendarOffsets(theta, static_cast<int>(m_periodCache.size()));
    shared.slope.resize(static_cast<size_t>(L.P) * K);
    shared.levelSlope.resize(static_cast<size_t>(L.P));
    for (int p = 0; p < L.P; ++p) {
        const int c = m_shape.productCategory[static_cast<size_t>(p)];
        for (int k = 0; k < K; ++k)
            shared.slope[static_cast<size_t>(p * K + k)] = softplus(slopeLogit(theta, L, p, c, k));
        shared.levelSlope[static_cast<size_t>(p)] = levelElasticity(theta, L, p, c);
    }
    return shared;
}

double StructuredModel::linearPredictor(const Eigen::VectorXd& theta, const Layout& L,
                                        const data::DemandCell& cell,
                                        const SharedEffects& shared) const
{
    const int p = cell.product;
    const int c = m_shape.productCategory[static_cast<size_t>(p)];
    const int periods = static_cast<int>(shared.calendar.size()) / L.C;
    double cal;
    if (cell.period >= 0 && cell.period < periods) {
        cal = shared.calendar[static_cast<size_t>(c) * periods + cell.period];
    } else { // a forecast period past the precomputed range
        cal = calendarEffect(theta, L, c, featuresOf(cell.period));
    }
    double eta = theta[L.level + p] + theta[L.trend + p] * trendValue(cell.period) + cal;
    if (cell.period > m_trendEnd && !m_recentLevel.empty())
        eta += m_recentLevel[static_cast<size_t>(p)];
    if (cell.eventDay >= 0) {
        const int k = std::min<int>(cell.eventDay, E - 1);
        eta += theta[L.eventGlobal + k] + theta[L.eventCat + E * c + k] + theta[L.eventProduct + p];
    } else if (cell.sinceEvent > 0 && cell.sinceEvent <= L.D) {
        eta += theta[L.dip + cell.sinceEvent - 1] * cell.lastEventDepth;
    }
    const PriceCutParts cut = priceCutParts(cell, m_levelApart);
    eta += shared.levelSlope[static_cast<size_t>(p)] * cut.level;
    const double x = cut.discount;
    for (int k = 0; k < bandsExposed(x); ++k)
        if (const double e = bandExposure(x, k); e != 0)
            eta += shared.slope[static_cast<size_t>(p * K + k)] * e;
    return std::clamp(eta, -30.0, 30.0);
}

double StructuredModel::objective(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient,
                                  const std::vector<data::DemandCell>& cells,
                                  ThreadPool& pool) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    const int periods = static_cast<int>(m_periodCache.size());
    const std::vector<double> calendar = calendarOffsets(theta, periods);
    // Slopes (local elasticities) of every product's price response, and d slope / d z.
    std::vector<double> slope(static_cast<size_t>(L.P) * K), slopeDz(slope.size());
    for (int p = 0; p < L.P; ++p) {
        const int c = m_shape.productCategory[static_cast<size_t>(p)];
        for (int k = 0; k < K; ++k) {
            const double z = slopeLogit(theta, L, p, c, k);
            slope[static_cast<size_t>(p * K + k)] = softplus(z);
            slopeDz[static_cast<size_t>(p * K + k)] = sigmoid(z);
        }
    }

    struct Partial
    {
        double value = 0;
        Eigen::VectorXd grad;
        std::vector<double> calendarGrad, slopeGrad;
    };
    // One part per thread; the parts' sums are added in part order, so the result depends on the
    // number of threads but never on their scheduling.
    const int parts = pool.threads();
    std::vector<Partial> partials(static_cast<size_t>(parts));
    pool.forEachIndex(parts, [&](int part, int) {
        Partial& out = partials[static_cast<size_t>(part)];
        out.grad = Eigen::VectorXd::Zero(L.size);
        out.calendarGrad.assign(calendar.size(), 0.0);
        out.slopeGrad.assign(slope.size(), 0.0);
        const IndexRange range = partOf(cells.size(), parts, part);
        double value = 0; // a local, which the gradient's stores cannot alias, kept in a register
        for (size_t i = range.begin; i < range.end; ++i) {
            const data::DemandCell& cell = cells[i];
            if (heldBack(cell))
                continue;
            const int p = cell.product, t = cell.period;
            const int c = m_shape.productCategory[static_cast<size_t>(p)];
            const float trend = m_periodCache[static_cast<size_t>(t)].trend;
            double eta = theta[L.level + p] + theta[L.trend + p] * trend +
                         calendar[static_cast<size_t>(c) * periods + t];
            int eventK = -1, dipJ = -1;
            if (cell.eventDay >= 0) {
                eventK = std::min<int>(cell.eventDay, E - 1);
                eta += theta[L.eventGlobal + eventK] + theta[L.eventCat + E * c + eventK] +
                       theta[L.eventProduct + p];
            } else if (cell.sinceEvent > 0 && cell.sinceEvent <= L.D) {
                dipJ = cell.sinceEvent - 1;
                eta += theta[L.dip + dipJ] * cell.lastEventDepth;
            }
            const PriceCutParts cut = priceCutParts(cell, m_levelApart);
            if (cut.level != 0) // a regular price other than the latest
                eta += levelElasticity(theta, L, p, c) * cut.level;
            const double x = cut.discount;
            const int bands = bandsExposed(x);
            for (int k = 0; k < bands; ++k)
                if (const double e = bandExposure(x, k); e != 0)
                    eta += slope[static_cast<size_t>(p * K + k)] * e;
            eta = std::clamp(eta, -30.0, 30.0);
            const double r = (eventK >= 0 ? m_eventSize : m_size)[static_cast<size_t>(c)];
            double g;
            if (cell.censored) {
                const NllTerm term = negBinNll(cell.units, eta, r, true);
                value += term.value;
                g = term.dEta;
            } else { // the hot path, inline; constants of the likelihood are left out (see
                     // constant())
                const double y = cell.units, mu = std::exp(eta);
                if (r > 0) {
                    value += (y + r) * std::log(mu + r) - y * eta;
                    g = r * (mu - y) / (mu + r);
                } else {
                    value += mu - y * eta;
                    g = mu - y;
                }
            }
            out.grad[L.level + p] += g;
            out.grad[L.trend + p] += g * trend;
            out.calendarGrad[static_cast<size_t>(c) * periods + t] += g;
            if (eventK >= 0) {
                out.grad[L.eventGlobal + eventK] += g;
                out.grad[L.eventCat + E * c + eventK] += g;
                out.grad[L.eventProduct + p] += g;
            } else if (dipJ >= 0) {
                out.grad[L.dip + dipJ] += g * cell.lastEventDepth;
            }
            if (cut.level != 0) {
                out.grad[L.levelCat + c] += g * cut.level;
                out.grad[L.levelShift + p] += g * cut.level;
            }
            for (int k = 0; k < bands; ++k)
                if (const double e = bandExposure(x, k); e != 0)
                    out.slopeGrad[static_cast<size_t>(p * K + k)] += g * e;
        }
        out.value = value;
    });

    double value = 0;
    gradient = Eigen::VectorXd::Zero(L.size);
    std::vector<double> calendarGrad(calendar.size(), 0.0), slopeGrad(slope.size(), 0.0);
    for (const Partial& part : partials) {
        value += part.value;
        gradient += part.grad;
        for (size_t i = 0; i < calendarGrad.size(); ++i)
            calendarGrad[i] += part.calendarGrad[i];
        for (size_t i = 0; i < slopeGrad.size(); ++i)
            slopeGrad[i] += part.slopeGrad[i];
    }
    // Chain rule into the calendar and price-response parameters.
    for (int t = 0; t < periods; ++t) {
        const PeriodFeatures& f = m_periodCache[static_cast<size_t>(t)];
        for (int c = 0; c < L.C; ++c) {
            const double g = calendarGrad[static_cast<size_t>(c) * periods + t];
            if (g == 0)
                continue;
            if (f.weekday >= 0)
                gradient[L.weekday + 7 * c + f.weekday] += g;
            for (int i = 0; i < kFourier; ++i)
                gradient[L.fourier + kFourier * c + i] += g * f.fourier[static_cast<size_t>(i)];
            for (std::uint32_t bits = f.holidays; bits; bits &= bits - 1)
                gradient[L.holiday + kHolidays * c + std::countr_zero(bits)] += g;
        }
    }
    for (int p = 0; p < L.P; ++p) {
        const int c = m_shape.productCategory[static_cast<size_t>(p)];
        for (int k = 0; k < K; ++k) {
            const double gz =
                slopeGrad[static_cast<size_t>(p * K + k)] * slopeDz[static_cast<size_t>(p * K + k)];
            gradient[L.slopeCat + K * c + k] += gz;
            gradient[L.slopeShift + p] += gz;
            gradient[L.slopeShape + K * p + k] += kShapeScale * gz;
        }
    }

    // Priors (penalties), in the same units as the log-likelihood.
    auto ridge = [&](int start, int count, double weight, double centre = 0.0) {
        for (int i = start; i < start + count; ++i) {
            const double d = theta[i] - centre;
            value += weight * d * d;
            gradient[i] += 2 * weight * d;
        }
    };
    auto smooth = [&](int start, int count, double weight) {
        for (int i = start + 1; i < start + count; ++i) {
            const double d = theta[i] - theta[i - 1];
            value += weight * d * d;
            gradient[i] += 2 * weight * d;
            gradient[i - 1] -= 2 * weight * d;
        }
    };
    for (int p = 0; p < L.P; ++p) { // products' levels shrink toward their category's
        const int c = m_shape.productCategory[static_cast<size_t>(p)];
        const double d = theta[L.level + p] - theta[L.catLevel + c];
        value += m_shrinkage.level * d * d;
        gradient[L.level + p] += 2 * m_shrinkage.level * d;
        gradient[L.catLevel + c] -= 2 * m_shrinkage.level * d;
    }
    ridge(L.trend, L.P, m_shrinkage.trend);
    ridge(L.weekday, 7 * L.C, 0.5);
    ridge(L.fourier, kFourier * L.C, 0.5);
    ridge(L.holiday, kHolidays * L.C, 0.5);
    ridge(L.eventGlobal, E, 0.01);
    ridge(L.eventCat, E * L.C, 2.0);
    ridge(L.eventProduct, L.P, m_shrinkage.eventLift); // its own draw in events
    ridge(L.dip, L.D, 1.0);
    smooth(L.dip, L.D, 5.0);
    for (int c = 0; c < L.C; ++c) {
        smooth(L.slopeCat + K * c, K, 2.0);
        ridge(L.slopeCat + K * c, K, 0.01, kInitialSlope);
    }
    ridge(L.slopeShift, L.P, m_shrinkage.elasticity);
    ridge(L.levelCat, L.C, 0.01, kInitialLevelElasticity);
    ridge(L.levelShift, L.P, m_shrinkage.priceLevel);
    // Weights per unit of the stored (scaled) deviations.
    const double deviationWeight = shapeWeight() * kShapeScale * kShapeScale,
                 meanWeight = kShapeMeanWeight * kShapeScale * kShapeScale;
    for (int p = 0; p < L.P; ++p) {
        const int shape = L.slopeShape + K * p;
        ridge(shape, K, deviationWeight);
        smooth(shape, K, deviationWeight);
        const double mean = theta.segment(shape, K).mean();
        value += meanWeight * mean * mean;
        gradient.segment(shape, K).array() += 2 * meanWeight * mean / K;
    }
    applyStructure(gradient); // parts left out stay at zero
    return value;
}

double StructuredModel::sizeFor(const data::DemandCell& cell) const
{
    const auto c = static_cast<size_t>(m_shape.productCategory[static_cast<size_t>(cell.product)]);
    return cell.eventDay >= 0 ? m_eventSize[c] : m_size[c];
}

double StructuredModel::constant(const std::vector<data::DemandCell>& cells, int lastPeriod) const
{
    // What objective() leaves out of each uncensored cell's negative log-likelihood: r log r, once
    // per category and kind of day, and the normaliser, which is 0 for a cell that sold nothing.
    auto rLogR = [](const std::vector<double>& sizes) {
        std::vector<double> out(sizes.size(), 0.0);
        for (size_t c = 0; c < sizes.size(); ++c)
            out[c] = sizes[c] > 0 ? sizes[c] * std::log(sizes[c]) : 0.0;
        return out;
    };
    const std::vector<double> regular = rLogR(m_size), event = rLogR(m_eventSize);
    // The normaliser of the small whole counts most cells sell, per category and kind of day,
    // from the first cell that needs it (three lgammas each, millions of cells otherwise).
    constexpr int kRemembered = 256;
    std::vector<double> remembered(2 * m_size.size() * kRemembered, std::nan(""));
    auto normaliserOf = [&](const data::DemandCell& cell, size_t c) {
        const double y = cell.units;
        if (!(y > 0 && y < kRemembered && y == std::floor(y)))
            return negBinLogNormaliser(y, sizeFor(cell));
        double& slot = remembered[((cell.eventDay >= 0 ? m_size.size() : 0) + c) * kRemembered +
                                  static_cast<size_t>(y)];
        if (std::isnan(slot))
            slot = negBinLogNormaliser(y, sizeFor(cell));
        return slot;
    };
    double total = 0;
    for (const data::DemandCell& cell : cells) {
        if (cell.censored || cell.period > lastPeriod)
            continue;
        const auto c =
            static_cast<size_t>(m_shape.productCategory[static_cast<size_t>(cell.product)]);
        const double normaliser = cell.units != 0 ? normaliserOf(cell, c) : 0.0;
        total -= normaliser + (cell.eventDay >= 0 ? event : regular)[c];
    }
    return total;
}

double StructuredModel::meanLoss(const std::vector<data::DemandCell>& cells, double constant) const
{
    if (cells.empty())
        return std::nan("");
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    const SharedEffects shared = sharedEffects(m_theta);
    double total = constant;
    for (const data::DemandCell& cell : cells) {
        const double r = sizeFor(cell);
        const double eta = linearPredictor(m_theta, L, cell, shared);
        const double y = cell.units;
        if (cell.censored)
            total += negBinNll(y, eta, r, true).value;
        else
            total +=
                r > 0 ? (y + r) * std::log(std::exp(eta) + r) - y * eta : std::exp(eta) - y * eta;
    }
    return total / static_cast<double>(cells.size());
}

} // namespace fp::model
