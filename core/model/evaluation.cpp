#include "model/evaluation.h"

#include "model/demandmodel.h"
#include "model/noisemodel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

namespace fp::model {

double seasonalNaiveScale(const std::vector<data::DemandCell>& train, int periodDays)
{
    const int lag = periodDays == 1 ? 7 : 1;
    double total = 0;
    std::int64_t count = 0;
    // Cells are grouped by product and ordered by period.
    for (size_t i = 0; i < train.size(); ++i) {
        for (size_t j = i; j-- > 0 && train[j].product == train[i].product;) {
            if (train[j].period == train[i].period - lag) {
                total += std::fabs(train[i].units - train[j].units);
                ++count;
                break;
            }
            if (train[j].period < train[i].period - lag)
                break;
        }
    }
    return count > 0 ? total / static_cast<double>(count) : 1.0;
}

namespace {

struct Accumulator
{
    std::int64_t cells = 0;
    double actual = 0, absError = 0, error = 0, coverage = 0, hits = 0;

    void add(double y, double forecast, double pitCoverage, bool hit)
    {
        ++cells;
        actual += y;
        absError += std::fabs(y - forecast);
        error += forecast - y;
        coverage += pitCoverage;
        hits += hit ? 1 : 0;
    }
    Scores scores(double naiveScale) const
    {
        Scores s;
        s.cells = cells;
        s.actualUnits = actual;
        const double n = std::max<double>(1.0, static_cast<double>(cells));
        s.wape = actual > 0 ? absError / actual : std::nan("");
        s.bias = actual > 0 ? error / actual : std::nan("");
        s.mase = naiveScale > 0 ? absError / n / naiveScale : std::nan("");
        s.coverage = coverage / n;
        s.bandHitRate = hits / n;
        return s;
    }
};

// The share of a cell's randomized PIT inside [0.1, 0.9]: how much of the central 80%
// (kIntervalCoverage) of its predictive distribution of units sold, min(D, stock), the actual
// count takes up.
double centralShare(const NegBin& demand, const data::DemandCell& cell)
{
    const bool capped = std::isfinite(cell.stock);
    // CDF of units sold: the demand CDF below the stock, 1 at and above it.
    auto salesCdf = [&](double k) {
        if (k < 0)
            return 0.0;
        return capped && k >= cell.stock ? 1.0 : demand.cdf(k);
    };
    const double y = cell.units;
    const double lo = salesCdf(y - 1), hi = salesCdf(y);
    const double width = hi - lo;
    constexpr double bottom = (1 - kIntervalCoverage) / 2, top = 1 - bottom;
    const double inside = std::max(0.0, std::min(hi, top) - std::max(lo, bottom));
    return width > 1e-12 ? inside / width : (lo >= bottom && lo <= top ? 1.0 : 0.0);
}

} // namespace

// Intervals too narrow mislead more than intervals too wide (a plan counts on units that may not
// come), and one held-out window is a single draw of calm or wild periods: what it says is all
// added, but only this share of it is taken away.
constexpr double kNarrowingShare = 0.5;

double intervalWidening(const PanelShape& shape, const std::vector<data::DemandCell>& heldOut,
                        std::span<const double> means, const NoiseModel& noise)
{
    // An even sample of the cells: the coverage is read to a few thousandths, many times over.
    constexpr size_t kSample = 20000;
    const size_t stride = std::max<size_t>(1, heldOut.size() / kSample);
    size_t sampled = 0;
    auto coverage = [&](double extra) {
        // Taking variance away needs the sizes themselves changed (cellDemand's extra only adds).
        const NoiseModel narrowed = extra < 0 ? noise.widened(extra) : NoiseModel{};
        const NoiseModel& n = extra < 0 ? narrowed : noise;
        const double added = std::max(extra, 0.0);
        double inside = 0;
        sampled = 0;
        for (size_t i = 0; i < heldOut.size(); i += stride, ++sampled) {
            const data::DemandCell& cell = heldOut[i];
            const int c = shape.productCategory[static_cast<size_t>(cell.product)];
            inside += centralShare(n.cellDemand(c, cell, means[i], added), cell);
        }
        return sampled > 0 ? inside / static_cast<double>(sampled) : kIntervalCoverage;
    };
    const double atZero = coverage(0.0);
    if (atZero >= kIntervalCoverage) {
        // Far more than 80%, beyond what chance gives so many cells (two standard errors of a
        // share): the in-sample noise was wider than the held-out periods' (a few wild periods in
        // the fit); variance is taken away, down to Poisson's at most.
        const double n = static_cast<double>(std::max<size_t>(sampled, 1));
        const double noiseBand = 2.0 * std::sqrt(kIntervalCoverage * (1 - kIntervalCoverage) / n);
        double most = 0;
        for (int c = 0; c < shape.categories; ++c)
            most = std::max(most, noise.size(c) > 0 ? 1.0 / noise.size(c) : 0.0);
        if (atZero <= kIntervalCoverage + noiseBand || most <= 0)
            return 0.0;
        if (coverage(-most) > kIntervalCoverage)
            return -kNarrowingShare * most;
        double low = -most, high = 0.0; // coverage(low) <= 80% < coverage(high)
        for (int i = 0; i < 20; ++i) {
            const double mid = 0.5 * (low + high);
            (coverage(mid) > kIntervalCoverage ? high : low) = mid;
        }
        return kNarrowingShare * low;
    }
    double low = 0.0, high = 0.05;
    while (coverage(high) < kIntervalCoverage) {
        low = high;
        high *= 2;
        if (high > kMaxIntervalWidening)
            return kMaxIntervalWidening;
    }
    for (int i = 0; i < 20; ++i) {
        const double mid = 0.5 * (low + high);
        (coverage(mid) < kIntervalCoverage ? low : high) = mid;
    }
    return high;
}

Evaluation evaluate(const PanelShape& shape, const std::vector<data::DemandCell>& heldOut,
                    std::span<const double> means, const NoiseModel& noise, double naiveScale)
{
    Accumulator overall, event, regular;
    std::vector<double> productError(shape.productCategory.size(), 0.0);
    std::vector<double> productActual(shape.productCategory.size(), 0.0);
    std::vector<int> productCells(shape.productCategory.size(), 0);
    for (size_t i = 0; i < heldOut.size(); ++i) {
        const data::DemandCell& cell = heldOut[i];
        const int c = shape.productCategory[static_cast<size_t>(cell.product)];
        const NegBin demand = noise.cellDemand(c, cell, means[i]);
        const bool capped = std::isfinite(cell.stock);
        const double forecast = capped ? demand.expectedSales(cell.stock) : means[i];
        const double y = cell.units;
        const double pit = centralShare(demand, cell);
        const auto [low, high] = demand.interval(kIntervalCoverage);
        double lower = low, upper = high;
        if (capped) {
            lower = std::min(lower, static_cast<double>(cell.stock));
            upper = std::min(upper, static_cast<double>(cell.stock));
        }
        const bool hit = y >= lower && y <= upper;
        overall.add(y, forecast, pit, hit);
        (cell.eventDay >= 0 ? event : regular).add(y, forecast, pit, hit);
        productError[static_cast<size_t>(cell.product)] += std::fabs(y - forecast);
        productActual[static_cast<size_t>(cell.product)] += y;
        ++productCells[static_cast<size_t>(cell.product)];
    }
    Evaluation e;
    e.overall = overall.scores(naiveScale);
    e.eventDays = event.scores(naiveScale);
    e.regularDays = regular.scores(naiveScale);
    for (size_t p = 0; p < productError.size(); ++p) {
        e.productWape.push_back(productActual[p] > 0 ? productError[p] / productActual[p]
                                                     : std::nan(""));
        e.productError.push_back(productCells[p] > 0 ? productError[p] : std::nan(""));
    }
    return e;
}

double WapeGain::neededStandardErrors() const
{
    // The 90% quantile of Student's t by its Cornish-Fisher expansion around the normal's (within
    // 0.002 from 3 degrees of freedom; 1 or 2 are given exactly).
    constexpr double z = 1.2815515655446004;
    if (products <= 2)
        return 3.0776835371752536; // t(0.9, 1); one product's gain has no spread to judge
    if (products == 3)
        return 1.8856180831641267;
    const double v = products - 1;
    const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
           (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

WapeGain wapeGain(const Evaluation& incumbent, const Evaluation& challenger)
{
    const double actual = incumbent.overall.actualUnits;
    const size_t P = std::min(incumbent.productError.size(), challenger.productError.size());
    std::vector<double> gains; // per product with held-out periods, in WAPE points
    for (size_t p = 0; p < P; ++p)
        if (std::isfinite(incumbent.productError[p]) && std::isfinite(challenger.productError[p]))
            gains.push_back((incumbent.productError[p] - challenger.productError[p]) / actual);
    WapeGain out;
    if (!(actual > 0) || gains.empty())
        return out;
    double mean = 0;
    for (const double g : gains)
        mean += g / static_cast<double>(gains.size());
    double squares = 0;
    for (const double g : gains)
        squares += (g - mean) * (g - mean);
    const double n = static_cast<double>(gains.size());
    out.products = static_cast<int>(gains.size());
    out.gain = mean * n;
    // The variance of a sum of n draws: n times their sample variance.
    out.standardError = n > 1 ? std::sqrt(n * squares / (n - 1)) : std::abs(out.gain);
    return out;
}

std::string toJson(const Scores& s)
{
    auto number = [](double v) {
        if (!std::isfinite(v))
            return std::string("null");
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.6g", v);
        return std::string(buf);
    };
    return "{\"cells\":" + std::to_string(s.cells) + ",\"actual_units\":" + number(s.actualUnits) +
           ",\"wape\":" + number(s.wape) + ",\"bias\":" + number(s.bias) +
           ",\"mase\":" + number(s.mase) + ",\"coverage\":" + number(s.coverage) +
           ",\"band_hit_rate\":" + number(s.bandHitRate) + "}";
}

} // namespace fp::model

namespace fp::model {

std::optional<Scores> overallScoresIn(const std::string& json, const std::string& kind)
{
    const size_t model = json.find("{\"kind\":\"" + kind + "\"");
    if (model == std::string::npos)
        return std::nullopt;
    const size_t overall = json.find("\"overall\":{", model);
    if (overall == std::string::npos)
        return std::nullopt;
    const size_t end = json.find('}', overall);
    auto field = [&](const std::string& name) {
        const size_t at = json.find("\"" + name + "\":", overall);
        if (at == std::string::npos || at > end)
            return std::nan("");
        const char* start = json.c_str() + at + name.size() + 3;
        char* stop = nullptr;
        const double v = std::strtod(start, &stop);
        return stop == start ? std::nan("") : v;
    };
    Scores s;
    s.cells = static_cast<std::int64_t>(field("cells"));
    s.actualUnits = field("actual_units");
    s.wape = field("wape");
    s.bias = field("bias");
    s.mase = field("mase");
    s.coverage = field("coverage");
    s.bandHitRate = field("band_hit_rate");
    return s;
}

} // namespace fp::model
