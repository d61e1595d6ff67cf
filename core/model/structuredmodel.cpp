#include "model/structuredmodel.h"

#include "base/error.h"
#include "base/threadpool.h"
#include "data/panel.h"
#include "model/lbfgs.h"
#include "model/negbin.h"
#include "model/noisemodel.h"
#include "model/shrinkage.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace fp::model {

namespace {

constexpr std::uint32_t kFormatVersion = 2; // 2: the structure and the trend's end
constexpr int kFourier = data::Calendar::kFourierTerms;
constexpr int kHolidays = data::kHolidayCount;
constexpr int K = StructuredModel::kSegments;
constexpr int E = StructuredModel::kEventDays;
const double kInitialSlope = std::log(std::expm1(1.5)); // softplus^-1 of elasticity 1.5
// How much better each calendar part must make the forecast of the held-back periods (mean
// negative log-likelihood per cell, in nats) to be kept.
constexpr double kPartMargin = 0.002;
// A shopping day's effect is kept only when the data tell it from zero (|estimate| / standard
// error at least this): a weekly panel sees each holiday a few times, mixed with promotions.
constexpr double kHolidayEvidence = 2.0;

double softplus(double z)
{
    return z > 30 ? z : std::log1p(std::exp(z));
}
double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

// x = -log(1 - d) at each discount knot.
std::array<double, K + 1> knotsInX()
{
    std::array<double, K + 1> x{};
    for (int k = 0; k <= K; ++k)
        x[static_cast<size_t>(k)] =
            -std::log1p(-StructuredModel::kDiscountKnots[static_cast<size_t>(k)]);
    return x;
}
const std::array<double, K + 1> kKnotX = knotsInX();

double logPriceCut(double discount)
{
    return -std::log1p(-std::clamp(discount, 0.0, 0.95));
}

// How much of the log price cut x lies on band k: its length inside the band; below 0 (dearer
// than the reference price) the first band's slope goes on, as a plain log-log response would.
double bandExposure(double x, int k)
{
    if (x < 0)
        return k == 0 ? x : 0.0;
    const double lo = kKnotX[static_cast<size_t>(k)], hi = kKnotX[static_cast<size_t>(k + 1)];
    return std::clamp(x - lo, 0.0, hi - lo);
}

// Validation periods fit() holds back to choose the structure: four weeks of days, or eight
// weeks; none when the history is too short to spare them (then the simplest structure).
// The recent level is read off this many last periods: four weeks of days, or eight weeks.
int recentLevelPeriods(int periodDays)
{
    return periodDays == 1 ? 28 : 8;
}

int structureValidationPeriods(int periods, int periodDays)
{
    const int wanted = periodDays == 1 ? 28 : 8;
    return periods >= 3 * wanted ? wanted : 0;
}

} // namespace

// Where each group of parameters lives in the parameter vector.
struct StructuredModel::Layout
{
    int P, C, D;
    int level, trend, catLevel, weekday, fourier, holiday, eventGlobal, eventCat, eventProduct, dip,
        slopeCat, slopeShift, slopeShape, size;

    Layout(int products, int categories, int dipPeriods) : P(products), C(categories), D(dipPeriods)
    {
        level = 0;
        trend = level + P;
        catLevel = trend + P;
        weekday = catLevel + C;
        fourier = weekday + 7 * C;
        holiday = fourier + kFourier * C;
        eventGlobal = holiday + kHolidays * C;
        eventCat = eventGlobal + E;
        eventProduct = eventCat + E * C;
        dip = eventProduct + P;
        slopeCat = dip + D;
        slopeShift = slopeCat + K * C;
        slopeShape = slopeShift + P;
        size = slopeShape + K * P;
    }
};

StructuredModel::PeriodFeatures StructuredModel::featuresOf(int period) const
{
    if (period >= 0 && period < static_cast<int>(m_periodCache.size()))
        return m_periodCache[static_cast<size_t>(period)];
    const data::Calendar calendar(m_shape.periodDays,
                                  m_shape.firstDay + m_shape.periods * m_shape.periodDays / 2);
    const DayNumber day = m_shape.dayOf(period);
    PeriodFeatures f;
    f.weekday = calendar.weekday(day);
    f.fourier = calendar.fourier(day);
    f.holidays = calendar.holidays(day);
    f.trend = calendar.trend(day);
    return f;
}

// Before the softplus: the slope of product p (category c) on discount band k is the category's
// slope plus the product's overall shift plus its own deviation on that band.
double StructuredModel::slopeLogit(const Eigen::VectorXd& theta, const Layout& L, int p, int c,
                                   int k)
{
    return theta[L.slopeCat + K * c + k] + theta[L.slopeShift + p] +
           theta[L.slopeShape + K * p + k];
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

double StructuredModel::linearPredictor(const Eigen::VectorXd& theta, const data::DemandCell& cell,
                                        const std::vector<double>& calendar) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    const int p = cell.product;
    const int c = m_shape.productCategory[static_cast<size_t>(p)];
    const int periods = static_cast<int>(calendar.size()) / L.C;
    double cal;
    if (cell.period >= 0 && cell.period < periods) {
        cal = calendar[static_cast<size_t>(c) * periods + cell.period];
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
    const double x = cell.priceCut;
    for (int k = 0; k < K; ++k)
        if (const double e = bandExposure(x, k); e != 0)
            eta += softplus(slopeLogit(theta, L, p, c, k)) * e;
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
        for (size_t i = range.begin; i < range.end; ++i) {
            const data::DemandCell& cell = cells[i];
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
            const double x = cell.priceCut;
            for (int k = 0; k < K; ++k)
                if (const double e = bandExposure(x, k); e != 0)
                    eta += slope[static_cast<size_t>(p * K + k)] * e;
            eta = std::clamp(eta, -30.0, 30.0);
            const double r = (eventK >= 0 ? m_eventSize : m_size)[static_cast<size_t>(c)];
            double g;
            if (cell.censored) {
                const NllTerm term = negBinNll(cell.units, eta, r, true);
                out.value += term.value;
                g = term.dEta;
            } else { // the hot path, inline; constants of the likelihood are left out (see
                     // constant())
                const double y = cell.units, mu = std::exp(eta);
                if (r > 0) {
                    out.value += (y + r) * std::log(mu + r) - y * eta;
                    g = r * (mu - y) / (mu + r);
                } else {
                    out.value += mu - y * eta;
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
            for (int k = 0; k < K; ++k)
                if (const double e = bandExposure(x, k); e != 0)
                    out.slopeGrad[static_cast<size_t>(p * K + k)] += g * e;
        }
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
            gradient[L.slopeShape + K * p + k] += gz;
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
    ridge(L.slopeShape, K * L.P, 10.0);
    for (int p = 0; p < L.P; ++p)
        smooth(L.slopeShape + K * p, K, 10.0);
    applyStructure(gradient); // parts left out stay at zero
    return value;
}

double StructuredModel::sizeFor(const data::DemandCell& cell) const
{
    const auto c = static_cast<size_t>(m_shape.productCategory[static_cast<size_t>(cell.product)]);
    return cell.eventDay >= 0 ? m_eventSize[c] : m_size[c];
}

double StructuredModel::constant(const std::vector<data::DemandCell>& cells) const
{
    // What objective() leaves out of each uncensored cell's negative log-likelihood.
    double total = 0;
    for (const data::DemandCell& cell : cells) {
        if (cell.censored)
            continue;
        const double r = sizeFor(cell);
        total -= negBinLogNormaliser(cell.units, r) + (r > 0 ? r * std::log(r) : 0.0);
    }
    return total;
}

double StructuredModel::meanLoss(const std::vector<data::DemandCell>& cells, double constant) const
{
    if (cells.empty())
        return std::nan("");
    const std::vector<double> calendar =
        calendarOffsets(m_theta, static_cast<int>(m_periodCache.size()));
    double total = constant;
    for (const data::DemandCell& cell : cells) {
        const double r = sizeFor(cell);
        const double eta = linearPredictor(m_theta, cell, calendar);
        const double y = cell.units;
        if (cell.censored)
            total += negBinNll(y, eta, r, true).value;
        else
            total +=
                r > 0 ? (y + r) * std::log(std::exp(eta) + r) - y * eta : std::exp(eta) - y * eta;
    }
    return total / static_cast<double>(cells.size());
}

void StructuredModel::estimateNoise(const std::vector<data::DemandCell>& cells)
{
    // Each category's NB size from regular days, and the event days' wider size that includes the
    // shock shared by an event's days: the censored likelihood of a sold-out event day needs the
    // true tail, or it would understate how much demand the stock turned away.
    std::vector<double> mean(cells.size());
    refreshCalendar();
    predict(cells, mean);
    const NoiseModel noise = NoiseModel::estimate(m_shape, cells, mean);
    for (int c = 0; c < m_shape.categories; ++c) {
        m_size[static_cast<size_t>(c)] = noise.size(c);
        m_eventSize[static_cast<size_t>(c)] =
            1.0 / (1.0 / noise.size(c) + noise.eventShockVariance(c));
    }
}

void StructuredModel::initialize(const std::vector<data::DemandCell>& train)
{
    // Each product's mean level, elasticity 1.5 everywhere, no other effects; Poisson noise.
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    m_theta = Eigen::VectorXd::Zero(L.size);
    std::vector<double> units(static_cast<size_t>(L.P), 0.0), count(static_cast<size_t>(L.P), 0.0);
    for (const data::DemandCell& cell : train) {
        units[static_cast<size_t>(cell.product)] += cell.units;
        count[static_cast<size_t>(cell.product)] += 1;
    }
    std::vector<double> catSum(static_cast<size_t>(L.C), 0.0),
        catCount(static_cast<size_t>(L.C), 0.0);
    for (int p = 0; p < L.P; ++p) {
        const double level =
            std::log((units[static_cast<size_t>(p)] + 0.1) / (count[static_cast<size_t>(p)] + 1.0));
        m_theta[L.level + p] = level;
        const int c = m_shape.productCategory[static_cast<size_t>(p)];
        catSum[static_cast<size_t>(c)] += level;
        catCount[static_cast<size_t>(c)] += 1;
    }
    for (int c = 0; c < L.C; ++c) {
        m_theta[L.catLevel + c] =
            catCount[static_cast<size_t>(c)] > 0
                ? catSum[static_cast<size_t>(c)] / catCount[static_cast<size_t>(c)]
                : 0.0;
        for (int k = 0; k < K; ++k)
            m_theta[L.slopeCat + K * c + k] = kInitialSlope;
    }
    m_size.assign(static_cast<size_t>(L.C), 0.0);
    m_eventSize.assign(static_cast<size_t>(L.C), 0.0);
}

void StructuredModel::fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
                          const std::vector<data::DemandCell>& validation,
                          const FitOptions& options, const LossFn& onLoss)
{
    m_shape = PanelShape::of(panel);
    m_dipPeriods = data::dipPeriods(m_shape.periodDays);
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    int periods = 0;
    for (const data::DemandCell& cell : train)
        periods = std::max(periods, cell.period + 1);
    m_periodCache.clear();
    for (int t = 0; t < std::max(periods, m_shape.periods); ++t)
        m_periodCache.push_back(featuresOf(t));

    const bool warm =
        options.warmStart && m_theta.size() == L.size && static_cast<int>(m_size.size()) == L.C;
    if (!warm)
        initialize(train);
    int reported = 0;
    ThreadPool pool(std::max(1, options.threads)); // for every evaluation of the objective
    auto round = [&](const std::vector<data::DemandCell>& cells, int maxIterations) {
        // The likelihood's constant terms, so reported losses are true mean NLLs.
        const double normaliser = constant(cells);
        const double validationConstant = constant(validation);
        LbfgsOptions lbfgs;
        lbfgs.maxIterations = maxIterations;
        auto f = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
            return objective(theta, gradient, cells, pool);
        };
        Eigen::VectorXd theta = m_theta;
        bool cancelled = false;
        minimizeLbfgs(theta, f, lbfgs, [&](int, double value, const Eigen::VectorXd& x) {
            m_theta = x;
            LossPoint point;
            point.iteration = ++reported;
            point.train =
                (value + normaliser) / static_cast<double>(std::max<size_t>(cells.size(), 1));
            point.validation = meanLoss(validation, validationConstant);
            cancelled = onLoss && !onLoss(point);
            return !cancelled;
        });
        m_theta = theta;
        if (cancelled)
            throw Cancelled();
    };
    const int budget = options.maxIterations > 0 ? options.maxIterations : 100;
    if (warm) { // a refit on more history keeps the structure chosen before
        m_trendEnd = periods - 1;
        m_recentLevel.clear();
        round(train, std::max(10, budget / 4));
        refreshCalendar();
        updateRecentLevel(train);
        return;
    }
    // Cold start: a Poisson fit on a quarter of the cells finds the neighbourhood cheaply; then the
    // negative binomial fit, with each category's dispersion and event shock. It first leaves the
    // last periods out, to see which calendar parts forecast them (structure), then goes on with
    // all periods and only those parts.
    const int held = structureValidationPeriods(periods, m_shape.periodDays);
    std::vector<data::DemandCell> fitCells, heldCells;
    for (const data::DemandCell& cell : train)
        (cell.period < periods - held ? fitCells : heldCells).push_back(cell);
    m_structure = Structure{};
    m_recentLevel.clear();
    m_holidayOff.assign(static_cast<size_t>(L.C) * kHolidays, 0);
    if (held == 0) // too short to tell: no season, no shopping days, a flat trend
        m_structure = Structure{false, false, TrendContinuation::Flat, 0.0f};
    applyStructure(m_theta);
    m_trendEnd = periods - held - 1;
    std::vector<data::DemandCell> sample;
    for (const data::DemandCell& cell : fitCells)
        if ((static_cast<std::uint32_t>(cell.product) * 2654435761u +
             static_cast<std::uint32_t>(cell.period) * 40503u) %
                4 ==
            0)
            sample.push_back(cell);
    round(sample, budget / 3);
    estimateNoise(fitCells);
    m_shrinkage = Shrinkage{};
    round(fitCells, held > 0 ? budget / 2 : budget * 2 / 3);
    {
        std::vector<double> mean(fitCells.size());
        refreshCalendar();
        predict(fitCells, mean);
        learnShrinkage(fitCells, mean);
        dropWeakHolidays(fitCells, mean);
        applyStructure(m_theta);
    }
    if (held > 0) {
        chooseStructure(fitCells, heldCells);
        std::vector<data::DemandCell>().swap(fitCells);
        m_trendEnd = periods - 1;
        m_recentLevel.clear();
        round(train, std::max(10, budget / 3));
    }
    refreshCalendar();
    updateRecentLevel(train);
}

void StructuredModel::updateRecentLevel(const std::vector<data::DemandCell>& cells)
{
    m_recentLevel.clear();
    if (m_structure.recentLevel <= 0)
        return;
    // Per product over its last periods: log(units / fit), taken in the structure's share.
    const auto P = m_shape.productCategory.size();
    std::vector<double> units(P, 0.0), fitted(P, 0.0);
    const int from = m_trendEnd - recentLevelPeriods(m_shape.periodDays);
    for (const data::DemandCell& cell : cells) {
        if (cell.period <= from || cell.period > m_trendEnd || cell.censored)
            continue;
        const auto p = static_cast<size_t>(cell.product);
        units[p] += cell.units;
        fitted[p] += std::exp(linearPredictor(m_theta, cell, m_calendar));
    }
    m_recentLevel.assign(P, 0.0);
    for (size_t p = 0; p < P; ++p)
        if (fitted[p] > 0)
            m_recentLevel[p] =
                m_structure.recentLevel * std::log((units[p] + 0.5) / (fitted[p] + 0.5));
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
        if (!days)
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
    const double normaliser = constant(validation);
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
                    refreshCalendar();
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
        Groups
    };
    // Per product: sum w, and per group sum w*f and sum w*f^2.
    std::vector<double> weightSum(P, 0.0);
    std::vector<std::array<double, Groups>> first(P, {0, 0, 0}), second(P, {0, 0, 0});
    for (size_t i = 0; i < cells.size(); ++i) {
        const data::DemandCell& cell = cells[i];
        const auto p = static_cast<size_t>(cell.product);
        const int c = m_shape.productCategory[p];
        const double r = sizeFor(cell), mu = mean[i];
        const double w = r > 0 ? mu * r / (mu + r) : mu;
        double slope = 0; // d eta / d (the product's elasticity shift)
        for (int k = 0; k < K; ++k)
            if (const double e = bandExposure(cell.priceCut, k); e != 0)
                slope += sigmoid(slopeLogit(m_theta, L, cell.product, c, k)) * e;
        const std::array<double, Groups> f = {m_periodCache[static_cast<size_t>(cell.period)].trend,
                                              cell.eventDay >= 0 ? 1.0 : 0.0, slope};
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
}

void StructuredModel::refreshCalendar()
{
    m_calendar = calendarOffsets(m_theta, static_cast<int>(m_periodCache.size()));
}

void StructuredModel::predict(std::span<const data::DemandCell> cells, std::span<double> mean) const
{
    const std::vector<double>& calendar = m_calendar;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].product < 0 ||
            cells[i].product >= static_cast<int>(m_shape.productCategory.size()))
            throw FlashPlanError(ProblemKind::ProductUnknownToModel);
        mean[i] = std::exp(linearPredictor(m_theta, cells[i], calendar));
    }
}

double StructuredModel::elasticity(int product, double discount) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    const int c = m_shape.productCategory[static_cast<size_t>(product)];
    const double x = logPriceCut(discount);
    int k = 0;
    while (k + 1 < K && x >= kKnotX[static_cast<size_t>(k + 1)])
        ++k;
    return softplus(slopeLogit(m_theta, L, product, c, k));
}

void StructuredModel::save(BinaryWriter& out) const
{
    out.put(kFormatVersion);
    m_shape.save(out);
    out.put<std::int32_t>(m_dipPeriods);
    out.putVector(std::vector<double>(m_theta.data(), m_theta.data() + m_theta.size()));
    out.putVector(m_size);
    out.putVector(m_eventSize);
    out.put<std::int32_t>(static_cast<std::int32_t>(m_periodCache.size()));
    out.put<std::uint8_t>(m_structure.season ? 1 : 0);
    out.put<std::uint8_t>(m_structure.holidays ? 1 : 0);
    out.put<std::uint8_t>(static_cast<std::uint8_t>(m_structure.trend));
    out.put<std::int32_t>(m_trendEnd);
    out.putVector(std::vector<double>{m_shrinkage.level, m_shrinkage.trend, m_shrinkage.eventLift,
                                      m_shrinkage.elasticity});
    out.putVector(m_holidayOff);
    out.put<float>(m_structure.recentLevel);
    out.putVector(m_recentLevel);
}

void StructuredModel::load(BinaryReader& in)
{
    const auto version = in.get<std::uint32_t>();
    if (version != 1 && version != kFormatVersion)
        throw FlashPlanError(ProblemKind::StoredModelUnknownFormat, {"structured"});
    m_shape = PanelShape::load(in);
    m_dipPeriods = in.get<std::int32_t>();
    const std::vector<double> theta = in.getVector<double>();
    m_theta =
        Eigen::Map<const Eigen::VectorXd>(theta.data(), static_cast<Eigen::Index>(theta.size()));
    m_size = in.getVector<double>();
    m_eventSize = in.getVector<double>();
    const int periods = in.get<std::int32_t>();
    m_structure = Structure{};
    m_shrinkage = Shrinkage{};
    m_holidayOff.clear();
    m_recentLevel.clear();
    m_trendEnd = periods - 1;
    if (version >= 2) { // version 1 kept every part and extrapolated the trend
        m_structure.season = in.get<std::uint8_t>() != 0;
        m_structure.holidays = in.get<std::uint8_t>() != 0;
        const auto trend = in.get<std::uint8_t>();
        m_trendEnd = in.get<std::int32_t>();
        if (trend > static_cast<std::uint8_t>(TrendContinuation::Fitted))
            throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"structured"});
        m_structure.trend = static_cast<TrendContinuation>(trend);
        const std::vector<double> weights = in.getVector<double>();
        if (weights.size() != 4)
            throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"structured"});
        m_shrinkage = Shrinkage{weights[0], weights[1], weights[2], weights[3]};
        m_holidayOff = in.getVector<std::uint8_t>();
        m_structure.recentLevel = in.get<float>();
        m_recentLevel = in.getVector<double>();
    }
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    if (m_holidayOff.empty())
        m_holidayOff.assign(static_cast<size_t>(L.C) * kHolidays, 0);
    if (m_theta.size() != L.size || static_cast<int>(m_size.size()) != L.C ||
        m_eventSize.size() != m_size.size() || periods < 0 ||
        m_holidayOff.size() != static_cast<size_t>(L.C) * kHolidays ||
        (!m_recentLevel.empty() && static_cast<int>(m_recentLevel.size()) != L.P))
        throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"structured"});
    m_periodCache.clear();
    for (int t = 0; t < periods; ++t)
        m_periodCache.push_back(featuresOf(t));
    refreshCalendar();
}

} // namespace fp::model
