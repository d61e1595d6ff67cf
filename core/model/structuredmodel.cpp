#include "model/structuredmodel.h"

#include "base/error.h"
#include "base/threadpool.h"
#include "data/panel.h"
#include "model/lbfgs.h"
#include "model/negbin.h"
#include "model/noisemodel.h"
#include "model/shrinkage.h"
#include "model/structuredinternal.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace fp::model {

namespace structured {

std::array<double, K + 1> knotsInX()
{
    std::array<double, K + 1> x{};
    for (int k = 0; k <= K; ++k)
        x[static_cast<size_t>(k)] =
            -std::log1p(-StructuredModel::kDiscountKnots[static_cast<size_t>(k)]);
    return x;
}

int recentLevelPeriods(int periodDays)
{
    return periodDays == 1 ? 28 : 8;
}

int structureValidationPeriods(int periods, int periodDays)
{
    const int wanted = periodDays == 1 ? 28 : 8;
    return periods >= 3 * wanted ? wanted : 0;
}

} // namespace structured

using namespace structured;

StructuredModel::Layout::Layout(int products, int categories, int dipPeriods)
    : P(products), C(categories), D(dipPeriods)
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
    levelCat = slopeShape + K * P;
    levelShift = levelCat + C;
    size = levelShift + P;
}

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

void StructuredModel::estimateNoise(const std::vector<data::DemandCell>& cells)
{
    // Each category's NB size from regular days, and the event days' wider size that includes the
    // shock shared by an event's days: the censored likelihood of a sold-out event day needs the
    // true tail, or it would understate how much demand the stock turned away.
    std::vector<double> mean(cells.size());
    refreshShared();
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
        m_theta[L.levelCat + c] = kInitialLevelElasticity;
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
    if (!warm) {
        initialize(train);
        m_levelApart = true;
    }
    int reported = 0;
    ThreadPool pool(std::max(1, options.threads)); // for every evaluation of the objective
    // warmUp: the Poisson fit before the dispersion is known. Its loss is not the negative
    // binomial one the fit then minimises (hundreds of times larger for big weekly counts): drawn
    // on one curve it would be a cliff, and the fit's own progress a flat line at its foot. Its
    // iterations are reported without losses (NaN), so a cancel is still heard.
    auto round = [&](const std::vector<data::DemandCell>& cells, int maxIterations,
                     bool warmUp = false) {
        // The likelihood's constant terms, so reported losses are true mean NLLs.
        const double normaliser = constant(cells, m_trendEnd);
        const double validationConstant = constant(validation, kAllPeriods);
        const auto fitted = static_cast<size_t>(std::count_if(
            cells.begin(), cells.end(), [&](const auto& cell) { return !heldBack(cell); }));
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
            constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
            point.train =
                warmUp ? kNone
                       : (value + normaliser) / static_cast<double>(std::max<size_t>(fitted, 1));
            point.validation = warmUp ? kNone : meanLoss(validation, validationConstant);
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
        refreshShared();
        updateRecentLevel(train);
        return;
    }
    // Cold start: a Poisson fit on a quarter of the cells finds the neighbourhood cheaply; then the
    // negative binomial fit, with each category's dispersion and event shock. It first holds the
    // last periods back, to see which calendar parts forecast them (structure), then goes on with
    // all periods and only those parts.
    const int held = structureValidationPeriods(periods, m_shape.periodDays);
    m_structure = Structure{};
    m_recentLevel.clear();
    m_holidayOff.assign(static_cast<size_t>(L.C) * kHolidays, 0);
    m_ownShapes = false; // a history too short to hold periods back keeps its categories' shapes
    if (held == 0)       // too short to tell: no season, no shopping days, a flat trend
        m_structure = Structure{false, false, TrendContinuation::Flat, 0.0f};
    applyStructure(m_theta);
    m_trendEnd = periods - held - 1;
    round(poissonSample(train), budget / 3, true);
    // The dispersion from all the cells, held back ones too (as before the structure was chosen):
    // leaving them out would take a copy of the cells.
    estimateNoise(train);
    m_shrinkage = Shrinkage{};
    round(train, held > 0 ? budget / 2 : budget * 2 / 3);
    std::vector<data::DemandCell> validationCells;
    if (held > 0) {
        // The products' responses follow their categories' shapes (a strong prior) or take their
        // own (a weak one: some saturate early, some only respond past a threshold): whichever
        // forecasts the held-back periods better, by a margin.
        validationCells = heldBackCells(train);
        const double normaliser = constant(validationCells, kAllPeriods);
        const double categoryLoss = meanLoss(validationCells, normaliser);
        const Eigen::VectorXd categoryFit = m_theta;
        m_ownShapes = true;
        round(train, std::max(10, budget / 10));
        if (!(meanLoss(validationCells, normaliser) < categoryLoss - kPartMargin)) {
            m_ownShapes = false;
            m_theta = categoryFit;
        }
    }
    {
        std::vector<double> mean(train.size());
        refreshShared();
        predict(train, mean);
        learnShrinkage(train, mean);
        dropWeakHolidays(train, mean);
        applyStructure(m_theta);
    }
    if (held > 0) {
        chooseStructure(train, validationCells);
        m_trendEnd = periods - 1;
        m_recentLevel.clear();
        round(train, std::max(10, budget / 3));
    }
    refreshShared();
    updateRecentLevel(train);
}

namespace {

// The cells `taken` keeps, reserved to size: the copy is live beside all the cells.
template <typename Predicate>
std::vector<data::DemandCell> copyOf(const std::vector<data::DemandCell>& cells, Predicate taken)
{
    std::vector<data::DemandCell> out;
    out.reserve(static_cast<size_t>(std::count_if(cells.begin(), cells.end(), taken)));
    std::copy_if(cells.begin(), cells.end(), std::back_inserter(out), taken);
    return out;
}

} // namespace

std::vector<data::DemandCell>
StructuredModel::poissonSample(const std::vector<data::DemandCell>& cells) const
{
    // A quarter of the cells not held back, spread over products and periods.
    return copyOf(cells, [&](const data::DemandCell& cell) {
        return !heldBack(cell) && (static_cast<std::uint32_t>(cell.product) * 2654435761u +
                                   static_cast<std::uint32_t>(cell.period) * 40503u) %
                                          4 ==
                                      0;
    });
}

std::vector<data::DemandCell>
StructuredModel::heldBackCells(const std::vector<data::DemandCell>& cells) const
{
    return copyOf(cells, [&](const data::DemandCell& cell) { return heldBack(cell); });
}

void StructuredModel::refreshShared()
{
    m_shared = sharedEffects(m_theta);
}

void StructuredModel::predict(std::span<const data::DemandCell> cells, std::span<double> mean) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].product < 0 || cells[i].product >= L.P)
            throw FlashPlanError(ProblemKind::ProductUnknownToModel);
        mean[i] = std::exp(linearPredictor(m_theta, L, cells[i], m_shared));
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

double StructuredModel::priceLevelElasticity(int product) const
{
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    const int c = m_shape.productCategory[static_cast<size_t>(product)];
    return m_levelApart ? levelElasticity(m_theta, L, product, c)
                        : softplus(slopeLogit(m_theta, L, product, c, 0));
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
                                      m_shrinkage.elasticity, m_shrinkage.priceLevel});
    out.putVector(m_holidayOff);
    out.put<float>(m_structure.recentLevel);
    out.putVector(m_recentLevel);
    out.put<std::uint8_t>(m_ownShapes ? 1 : 0);
    out.put<std::uint8_t>(m_levelApart ? 1 : 0);
}

void StructuredModel::load(BinaryReader& in)
{
    const auto version = in.get<std::uint32_t>();
    if (version < 1 || version > kFormatVersion)
        throw FlashPlanError(ProblemKind::StoredModelUnknownFormat, {"structured"});
    m_shape = PanelShape::load(in);
    m_dipPeriods = in.get<std::int32_t>();
    if (m_dipPeriods < 0 || m_dipPeriods > PanelShape::kMaxPeriods) // sizes the parameter layout
        throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"structured"});
    std::vector<double> theta = in.getVector<double>();
    m_size = in.getVector<double>();
    m_eventSize = in.getVector<double>();
    const int periods = in.get<std::int32_t>();
    if (periods < 0 || periods > PanelShape::kMaxPeriods) // the trend's end is counted from it
        throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"structured"});
    m_structure = Structure{};
    m_shrinkage = Shrinkage{};
    m_holidayOff.clear();
    m_recentLevel.clear();
    m_ownShapes = false;
    m_levelApart = false;
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
        if (weights.size() != (version >= 4 ? 5u : 4u))
            throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"structured"});
        m_shrinkage = Shrinkage{weights[0], weights[1], weights[2], weights[3]};
        if (version >= 4)
            m_shrinkage.priceLevel = weights[4];
        m_holidayOff = in.getVector<std::uint8_t>();
        m_structure.recentLevel = in.get<float>();
        m_recentLevel = in.getVector<double>();
        if (version >= 3)
            m_ownShapes = in.get<std::uint8_t>() != 0;
        if (version >= 4)
            m_levelApart = in.get<std::uint8_t>() != 0;
    }
    const Layout L(static_cast<int>(m_shape.productCategory.size()), m_shape.categories,
                   m_dipPeriods);
    // Before format 4 the layout ended at the shapes: the level's response, unused, is zero.
    if (version < 4 && static_cast<Eigen::Index>(theta.size()) == L.levelCat)
        theta.resize(static_cast<size_t>(L.size), 0.0);
    m_theta =
        Eigen::Map<const Eigen::VectorXd>(theta.data(), static_cast<Eigen::Index>(theta.size()));
    if (m_holidayOff.empty())
        m_holidayOff.assign(static_cast<size_t>(L.C) * kHolidays, 0);
    if (m_theta.size() != L.size || static_cast<int>(m_size.size()) != L.C ||
        m_eventSize.size() != m_size.size() ||
        m_holidayOff.size() != static_cast<size_t>(L.C) * kHolidays ||
        (!m_recentLevel.empty() && static_cast<int>(m_recentLevel.size()) != L.P))
        throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"structured"});
    if (version < 3) // the shape was stored as it acts
        m_theta.segment(L.slopeShape, static_cast<Eigen::Index>(K) * L.P) /= kShapeScale;
    m_periodCache.clear();
    for (int t = 0; t < periods; ++t)
        m_periodCache.push_back(featuresOf(t));
    refreshShared();
}

} // namespace fp::model
