#include "model/neural/network.h"

#include "base/threadpool.h"
#include "data/calendar.h"
#include "model/negbin.h"
#include "model/neuralmodel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fp::model::neural {

namespace {

constexpr float kEtaMin = -30.0f; // log-mean clamp: exp() never overflows, gradients stay finite
constexpr float kEtaMax = 20.0f;

// softplus(x) = log(1 + e^x) and its derivative sigmoid(x), without overflow.
void softplusAndSigmoid(float x, float& softplus, float& sigmoid)
{
    const float e = std::exp(-std::fabs(x));
    softplus = std::max(x, 0.0f) + std::log1p(e);
    sigmoid = x >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
}

// In (0, 1) from the raw engine: std::uniform_real_distribution differs between libraries.
double uniform01(std::mt19937_64& rng)
{
    return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}

// y = max(y + b, 0), column by column: vectorised, unlike the broadcast expression.
template <class Block> void addBiasRelu(Block&& y, const Eigen::Map<const Vector>& b)
{
    for (Eigen::Index j = 0; j < y.cols(); ++j)
        y.col(j) = (y.col(j) + b).cwiseMax(0.0f);
}

// d = 0 where the ReLU was off (a == 0): its derivative. Branch-free, as the pattern is random
// (Eigen's select is scalar and mispredicts).
void maskInactive(float* d, const float* a, std::size_t n)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128 zero = _mm_setzero_ps();
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(d + i,
                      _mm_and_ps(_mm_loadu_ps(d + i), _mm_cmpgt_ps(_mm_loadu_ps(a + i), zero)));
#endif
    for (; i < n; ++i)
        d[i] = a[i] > 0.0f ? d[i] : 0.0f;
}

} // namespace

int Network::calendarRows() const
{
    return (daily ? 7 : 0) + data::Calendar::kFourierTerms + data::kHolidayCount;
}

void Network::layOut()
{
    std::size_t at = 0;
    auto take = [&](int rows, int cols) {
        const std::size_t offset = at;
        at += static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
        return offset;
    };
    oW1 = take(hidden1, inputs());
    ob1 = take(hidden1, 1);
    oW2 = take(hidden2, hidden1);
    ob2 = take(hidden2, 1);
    ow3 = take(hidden2, 1);
    ob3 = take(1, 1);
    oA = take(knots(), embed());
    oa = take(knots(), 1);
    oCatEmb = take(categoryDim, categories);
    oCatLevel = take(categories, 1);
    oCatTrend = take(categories, 1);
    oCatWide = take(features(), categories);
    oProdEmb = take(productDim, products);
    oProdLevel = take(products, 1);
    oProdTrend = take(products, 1);
    total = at;
}

Network makeNetwork(const NeuralSettings& s, const PanelShape& shape)
{
    Network net;
    net.products = static_cast<int>(shape.productCategory.size());
    net.categories = shape.categories;
    net.productDim = s.productDim;
    net.categoryDim = s.categoryDim;
    net.hidden1 = s.hidden1;
    net.hidden2 = s.hidden2;
    net.daily = shape.periodDays == 1;
    for (float knot : s.discountKnots)
        net.knotX.push_back(-std::log1p(-knot));
    net.layOut();
    net.theta.assign(net.total, 0.0f);
    return net;
}

CalendarTable calendarTable(const Network& net, const PanelShape& shape, DayNumber trendOrigin,
                            int from, int to)
{
    const data::Calendar calendar(shape.periodDays, trendOrigin);
    CalendarTable table;
    table.from = from;
    table.rows = Matrix::Zero(net.calendarRows(), std::max(0, to - from));
    table.trend.resize(static_cast<std::size_t>(std::max(0, to - from)));
    for (int t = from; t < to; ++t) {
        auto col = table.rows.col(t - from);
        const DayNumber day = shape.dayOf(t);
        int row = 0;
        if (net.daily)
            col(row + calendar.weekday(day)) = 1.0f;
        row += net.daily ? 7 : 0;
        for (float f : calendar.fourier(day))
            col(row++) = f;
        const std::uint32_t holidays = calendar.holidays(day);
        for (int h = 0; h < data::kHolidayCount; ++h)
            col(row++) = (holidays >> h) & 1u ? 1.0f : 0.0f;
        table.trend[static_cast<std::size_t>(t - from)] = calendar.trend(day);
    }
    return table;
}

std::pair<int, int> periodRange(std::span<const data::DemandCell> a,
                                std::span<const data::DemandCell> b)
{
    int from = std::numeric_limits<int>::max(), to = std::numeric_limits<int>::min();
    for (auto cells : {a, b})
        for (const data::DemandCell& cell : cells) {
            from = std::min(from, cell.period);
            to = std::max(to, cell.period + 1);
        }
    return from < to ? std::pair{from, to} : std::pair{0, 0};
}

Workspace::Workspace(const Network& net)
    : x(net.inputs(), kChunk), a1(net.hidden1, kChunk), a2(net.hidden2, kChunk),
      pre(net.knots(), kChunk), phi(net.knots(), kChunk), d1(net.hidden1, kChunk),
      d2(net.hidden2, kChunk), dk(net.knots(), kChunk), dEmbed(net.embed(), kChunk), eta(kChunk),
      g(kChunk), trend(kChunk), grad(net.total),
      moments(2 * static_cast<std::size_t>(net.categories))
{
}

void forward(const Context& ctx, const Views<const float>& w, const CellChunk& chunk, Workspace& ws)
{
    const Network& net = ctx.net;
    const int pd = net.productDim, cd = net.categoryDim, e = net.embed();
    const int calendarRows = net.calendarRows(), eventRow = net.eventRow();
    const int n = chunk.n;
    ws.n = n;
    for (int j = 0; j < n; ++j) {
        const data::DemandCell& cell = chunk[j];
        const int c = ctx.categoryOf(cell);
        const int t = cell.period - ctx.calendar.from;
        auto col = ws.x.col(j);
        col.head(pd) = w.prodEmb.col(cell.product);
        col.segment(pd, cd) = w.catEmb.col(c);
        col.segment(e, calendarRows) = ctx.calendar.rows.col(t);
        col.tail(kEventDays + kDipFeatures).setZero();
        if (cell.eventDay >= 0)
            col(eventRow + std::min<int>(cell.eventDay, kEventDays - 1)) = 1.0f;
        if (cell.sinceEvent > 0) {
            const float fast = std::pow(0.5f, static_cast<float>(cell.sinceEvent - 1));
            const float slow = std::pow(0.8f, static_cast<float>(cell.sinceEvent - 1));
            const int row = eventRow + kEventDays;
            col(row) = fast;
            col(row + 1) = slow;
            col(row + 2) = cell.lastEventDepth * fast;
            col(row + 3) = cell.lastEventDepth * slow;
        }
        // The log price cut from the product's reference price; dearer than it (x < 0), the first
        // ramp goes on linearly, so the price level moves demand as well as a promotion's depth.
        const float x = cell.priceCut;
        for (int k = 0; k < net.knots(); ++k) {
            const float over = x - net.knotX[static_cast<std::size_t>(k)];
            ws.phi(k, j) = k == 0 ? over : std::max(0.0f, over);
        }
        const float trend = ctx.calendar.trend[static_cast<std::size_t>(t)];
        ws.trend(j) = trend;
        ws.eta(j) = w.prodLevel(cell.product) + w.catLevel(c) +
                    (w.prodTrend(cell.product) + w.catTrend(c)) * trend +
                    w.catWide.col(c).dot(col.tail(net.features()));
    }
    auto x = ws.x.leftCols(n);
    auto a1 = ws.a1.leftCols(n);
    auto a2 = ws.a2.leftCols(n);
    a1.noalias() = w.W1 * x;
    addBiasRelu(a1, w.b1);
    a2.noalias() = w.W2 * a1;
    addBiasRelu(a2, w.b2);
    ws.eta.head(n).noalias() += w.w3.transpose() * a2;
    auto pre = ws.pre.leftCols(n);
    pre.noalias() = w.A * x.topRows(e);
    pre.colwise() += w.a;
    for (int j = 0; j < n; ++j) {
        float price = 0.0f;
        for (int k = 0; k < net.knots(); ++k) {
            float weight = 0.0f;
            softplusAndSigmoid(pre(k, j), weight, pre(k, j)); // keeps softplus' for backward
            price += weight * ws.phi(k, j);
        }
        ws.eta(j) = std::clamp(ws.eta(j) + w.b3 + price, kEtaMin, kEtaMax);
    }
}

void backward(const Network& net, const Views<const float>& w, Workspace& ws)
{
    const int n = ws.n, e = net.embed();
    Views<float> gw(net, ws.grad.data());
    const auto g = ws.g.head(n);
    auto x = ws.x.leftCols(n);
    auto a1 = ws.a1.leftCols(n);
    auto a2 = ws.a2.leftCols(n);
    auto d1 = ws.d1.leftCols(n);
    auto d2 = ws.d2.leftCols(n);
    auto dk = ws.dk.leftCols(n);
    auto dEmbed = ws.dEmbed.leftCols(n);

    gw.b3 = g.sum();
    gw.w3.noalias() = a2 * g.transpose();
    d2.noalias() = w.w3 * g;
    maskInactive(d2.data(), a2.data(), static_cast<std::size_t>(d2.size()));
    gw.W2.noalias() = d2 * a1.transpose();
    gw.b2 = d2.rowwise().sum();
    d1.noalias() = w.W2.transpose() * d2;
    maskInactive(d1.data(), a1.data(), static_cast<std::size_t>(d1.size()));
    gw.W1.noalias() = d1 * x.transpose();
    gw.b1 = d1.rowwise().sum();
    dEmbed.noalias() = w.W1.leftCols(e).transpose() * d1;

    // d eta / d pre_k = phi_k softplus'(pre_k)
    dk = ws.pre.leftCols(n).cwiseProduct(ws.phi.leftCols(n));
    for (int j = 0; j < n; ++j)
        dk.col(j) *= g(j);
    gw.A.noalias() = dk * x.topRows(e).transpose();
    gw.a = dk.rowwise().sum();
    dEmbed.noalias() += w.A.transpose() * dk;
}

std::vector<float> logMeans(const Context& ctx, const std::vector<float>& theta,
                            std::span<const data::DemandCell> cells, ThreadPool& pool)
{
    const Views<const float> w(ctx.net, theta.data());
    const int chunks = static_cast<int>((cells.size() + kChunk - 1) / kChunk);
    std::vector<std::unique_ptr<Workspace>> spaces(static_cast<std::size_t>(pool.threads()));
    std::vector<float> eta(cells.size());
    pool.forEachIndex(chunks, [&](int index, int thread) {
        std::unique_ptr<Workspace>& space = spaces[static_cast<std::size_t>(thread)];
        if (!space) // made by the thread that uses it, only when it takes a chunk
            space = std::make_unique<Workspace>(ctx.net);
        Workspace& ws = *space;
        CellChunk chunk{cells, nullptr, static_cast<std::size_t>(index) * kChunk, 0};
        chunk.n = static_cast<int>(std::min<std::size_t>(kChunk, cells.size() - chunk.first));
        forward(ctx, w, chunk, ws);
        for (int j = 0; j < chunk.n; ++j)
            eta[chunk.index(j)] = ws.eta(j);
    });
    return eta;
}

double normaliser(const data::DemandCell& cell, double r)
{
    return cell.censored ? 0.0 : negBinLogNormaliser(cell.units, r);
}

double normaliserSum(const std::vector<data::DemandCell>& cells, const std::vector<int>& category,
                     const std::vector<double>& sizes)
{
    double sum = 0.0;
    for (const data::DemandCell& cell : cells)
        sum += normaliser(
            cell,
            sizes[static_cast<std::size_t>(category[static_cast<std::size_t>(cell.product)])]);
    return sum;
}

std::vector<double> cellLosses(const Context& ctx, const std::vector<float>& theta,
                               std::span<const data::DemandCell> cells,
                               const std::vector<double>& sizes, ThreadPool& pool)
{
    const std::vector<float> eta = logMeans(ctx, theta, cells, pool);
    std::vector<double> losses(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const data::DemandCell& cell = cells[i];
        const double r = sizes[static_cast<std::size_t>(ctx.categoryOf(cell))];
        losses[i] = negBinNll(cell.units, eta[i], r, cell.censored).value - normaliser(cell, r);
    }
    return losses;
}

ProductTotals::ProductTotals(const std::vector<data::DemandCell>& of, int products)
    : units(static_cast<std::size_t>(products), 0.0), cells(static_cast<std::size_t>(products), 0.0)
{
    for (const data::DemandCell& cell : of) {
        units[static_cast<std::size_t>(cell.product)] += cell.units;
        cells[static_cast<std::size_t>(cell.product)] += 1.0;
        allUnits += cell.units;
    }
}

double normal(std::mt19937_64& rng)
{
    const double u = uniform01(rng);
    const double v = uniform01(rng);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

void initialise(Network& net, const std::vector<data::DemandCell>& train, std::mt19937_64& rng)
{
    Views<float> w(net, net.theta.data());
    auto fill = [&](auto&& m, double sd) {
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            for (Eigen::Index i = 0; i < m.rows(); ++i)
                m(i, j) = static_cast<float>(sd * normal(rng));
    };
    fill(w.W1, std::sqrt(2.0 / net.inputs()));
    fill(w.W2, std::sqrt(2.0 / net.hidden1));
    fill(w.w3, 0.1 * std::sqrt(1.0 / net.hidden2));
    fill(w.A, 0.01);
    fill(w.catEmb, 0.01);
    fill(w.prodEmb, 0.01);
    // Start from a constant elasticity of 1.5 (the first ramp), nearly straight beyond.
    for (int k = 0; k < net.knots(); ++k)
        w.a(k) = static_cast<float>(std::log(std::expm1(k == 0 ? 1.5 : 0.1)));

    const ProductTotals totals(train, net.products);
    const double mean = std::max(totals.allUnits / static_cast<double>(train.size()), 1e-3);
    w.b3 = static_cast<float>(std::log(mean));
    constexpr double kPseudoCells = 5.0; // a product with few cells starts near the overall mean
    for (std::size_t p = 0; p < totals.units.size(); ++p) {
        const double shrunk =
            (totals.units[p] + kPseudoCells * mean) / (totals.cells[p] + kPseudoCells);
        w.prodLevel(static_cast<Eigen::Index>(p)) =
            static_cast<float>(std::log(std::max(shrunk, 1e-3) / mean));
    }
}

} // namespace fp::model::neural
