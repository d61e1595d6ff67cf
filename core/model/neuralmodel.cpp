#include "model/neuralmodel.h"

#include "base/error.h"
#include "data/calendar.h"
#include "data/panel.h"
#include "model/negbin.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <random>
#include <thread>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fp::model {

namespace {

constexpr std::uint32_t kMagic = 0x4e4e5046; // "FPNN"
constexpr std::int32_t kFormatVersion = 1;

// Cells per unit of work. Fixed, so every sum is formed in the same order whatever the number of
// threads: training is bit-reproducible on 1 or 8 cores.
constexpr int kChunk = 512;
constexpr int kEventDays = 4;    // day within an event, one-hot: 0, 1, 2, 3 and later
constexpr int kDipFeatures = 4;  // fast and slow decay after an event, each also times its depth
constexpr int kSizeEpoch = 2;    // r is re-estimated after this epoch and fixed from then on
constexpr double kSizePrior = 100.0; // pseudo sum(mu^2) pulling a thin category's 1/r to the pool
constexpr double kMinSize = 0.2;
constexpr double kMaxSize = 1e4;
constexpr float kEtaMin = -30.0f; // log-mean clamp: exp() never overflows, gradients stay finite
constexpr float kEtaMax = 20.0f;
// Gaussian priors (as L2 penalties) that shrink thin products towards their category.
static const double kProductBiasSd = getenv("PBSD") ? atof(getenv("PBSD")) : 1.0;
static const double kProductEmbeddingSd = getenv("PESD") ? atof(getenv("PESD")) : 0.3;
static const double kWeightSd = getenv("WSD") ? atof(getenv("WSD")) : 0.0;
constexpr double kProductTrendSd = 0.15; // per year

using Matrix = Eigen::MatrixXf;
using Vector = Eigen::VectorXf;
using RowVector = Eigen::RowVectorXf;

// softplus(x) = log(1 + e^x) and its derivative sigmoid(x), without overflow.
void softplusAndSigmoid(float x, float& softplus, float& sigmoid)
{
    const float e = std::exp(-std::fabs(x));
    softplus = std::max(x, 0.0f) + std::log1p(e);
    sigmoid = x >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
}

// Our own samplers on the raw engine: std::*_distribution differ between standard libraries.
double uniform01(std::mt19937_64& rng)
{
    return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}

double normal(std::mt19937_64& rng) // Box-Muller
{
    const double u = uniform01(rng);
    const double v = uniform01(rng);
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v);
}

// y = max(y + b, 0) column by column (vectorised, unlike a broadcast expression).
template <class Block> void addBiasRelu(Block&& y, const Eigen::Map<const Vector>& b)
{
    for (Eigen::Index j = 0; j < y.cols(); ++j)
        y.col(j) = (y.col(j) + b).cwiseMax(0.0f);
}

// d = 0 where the ReLU was off (a == 0): its derivative. Branch-free, as the pattern is random.
void maskInactive(float* d, const float* a, std::size_t n)
{
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128 zero = _mm_setzero_ps();
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(d + i, _mm_and_ps(_mm_loadu_ps(d + i), _mm_cmpgt_ps(_mm_loadu_ps(a + i), zero)));
#endif
    for (; i < n; ++i)
        d[i] = a[i] > 0.0f ? d[i] : 0.0f;
}

void shuffle(std::vector<std::uint32_t>& items, std::mt19937_64& rng) // Fisher-Yates
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(rng() % i); // bias ~ i / 2^64: none
        std::swap(items[i - 1], items[j]);
    }
}

// Runs fn(chunk, worker) for chunk = 0..chunks-1 on up to `threads` threads. Callers write each
// chunk's results to its own place, so the outcome does not depend on the scheduling.
template <class Fn> void forEachChunk(int chunks, int threads, const Fn& fn)
{
    threads = std::clamp(threads, 1, std::max(chunks, 1));
    std::vector<std::jthread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int c = t; c < chunks; c += threads)
                fn(c, t);
        });
    for (int c = 0; c < chunks; c += threads)
        fn(c, 0);
}

} // namespace

// The network: its sizes, where each parameter lives in the flat vector `theta` (one vector makes
// Adam, keeping the best epoch and saving trivial), and the discount knots.
struct NeuralNet
{
    int products = 0;
    int categories = 0;
    int productDim = 0;
    int categoryDim = 0;
    int hidden1 = 0;
    int hidden2 = 0;
    bool daily = true;
    std::vector<float> knotX; // knots in x = -log(1 - d)

    // Offsets into theta. Everything before catEmb is dense (every cell touches it); the
    // embeddings and levels after it are touched only by their own product's or category's cells.
    std::size_t oW1 = 0, ob1 = 0, oW2 = 0, ob2 = 0, ow3 = 0, ob3 = 0, oA = 0, oa = 0;
    std::size_t oCatEmb = 0, oCatBias = 0, oCatTrend = 0, oProdEmb = 0, oProdBias = 0,
                oProdTrend = 0, total = 0;
    std::vector<float> theta;

    int knots() const { return static_cast<int>(knotX.size()); }
    int embed() const { return productDim + categoryDim; }
    int calendarRows() const
    {
        return (daily ? 7 : 0) + data::Calendar::kFourierTerms + data::kHolidayCount;
    }
    int eventRow() const { return embed() + calendarRows(); }
    int inputs() const { return eventRow() + kEventDays + kDipFeatures; }
    std::size_t denseSize() const { return oCatEmb; }

    void layOut()
    {
        std::size_t at = 0;
        auto take = [&](std::size_t n) {
            const std::size_t offset = at;
            at += n;
            return offset;
        };
        const auto h1 = static_cast<std::size_t>(hidden1), h2 = static_cast<std::size_t>(hidden2);
        const auto k = static_cast<std::size_t>(knots());
        oW1 = take(h1 * static_cast<std::size_t>(inputs()));
        ob1 = take(h1);
        oW2 = take(h2 * h1);
        ob2 = take(h2);
        ow3 = take(h2);
        ob3 = take(1);
        oA = take(k * static_cast<std::size_t>(embed()));
        oa = take(k);
        oCatEmb = take(static_cast<std::size_t>(categoryDim) * static_cast<std::size_t>(categories));
        oCatBias = take(static_cast<std::size_t>(categories));
        oCatTrend = take(static_cast<std::size_t>(categories));
        oProdEmb = take(static_cast<std::size_t>(productDim) * static_cast<std::size_t>(products));
        oProdBias = take(static_cast<std::size_t>(products));
        oProdTrend = take(static_cast<std::size_t>(products));
        total = at;
    }
};

namespace {

// Named views of a flat parameter (or gradient) vector; T is float or const float.
template <class T> struct Views
{
    using M = Eigen::Map<std::conditional_t<std::is_const_v<T>, const Matrix, Matrix>>;
    using V = Eigen::Map<std::conditional_t<std::is_const_v<T>, const Vector, Vector>>;

    Views(const NeuralNet& n, T* p)
        : W1(p + n.oW1, n.hidden1, n.inputs()), b1(p + n.ob1, n.hidden1),
          W2(p + n.oW2, n.hidden2, n.hidden1), b2(p + n.ob2, n.hidden2), w3(p + n.ow3, n.hidden2),
          b3(p[n.ob3]), A(p + n.oA, n.knots(), n.embed()), a(p + n.oa, n.knots()),
          catEmb(p + n.oCatEmb, n.categoryDim, n.categories), catBias(p + n.oCatBias, n.categories),
          catTrend(p + n.oCatTrend, n.categories), prodEmb(p + n.oProdEmb, n.productDim, n.products),
          prodBias(p + n.oProdBias, n.products), prodTrend(p + n.oProdTrend, n.products)
    {
    }

    M W1;
    V b1;
    M W2;
    V b2;
    V w3;
    T& b3;
    M A; // discount head: knot weights = softplus(A * embeddings + a)
    V a;
    M catEmb;
    V catBias;
    V catTrend; // log-linear trend per year: category slope plus the product's deviation
    M prodEmb;
    V prodBias;
    V prodTrend;
};

// Calendar inputs of the periods [from, from + cols()): they depend on the period alone. The
// trend stays out of the MLP: ReLUs bend freely at the edge of the history, so forecasts would
// extrapolate noise; a log-linear trend extrapolates the way demand plausibly does.
struct CalendarTable
{
    int from = 0;
    Matrix rows;
    std::vector<float> trend; // years from the middle of the history
};

CalendarTable calendarTable(const NeuralNet& net, const PanelShape& shape, DayNumber trendOrigin,
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

// What a pass over some cells needs besides the cells.
struct Context
{
    const NeuralNet& net;
    const std::vector<int>& category; // per product
    const CalendarTable& calendar;
};

// Activations and gradients of one chunk of cells.
struct Workspace
{
    Matrix x;          // inputs, one column per cell
    Matrix a1, a2;     // hidden activations
    Matrix pre, phi;   // discount head: sigmoid of its input (softplus'); ramp bases
    Matrix d1, d2, dk; // back-propagated errors
    Matrix dEmbed;     // per cell, scattered into the embedding tables serially
    RowVector eta, g;  // log mean; d loss / d eta
    RowVector trend;   // of each cell's period
    std::vector<float> grad; // the chunk's gradient; only its dense part is used
    std::vector<double> moments; // per category: sum((y - mu)^2 - mu), sum(mu^2)
    double loss = 0.0;
    int n = 0;

    explicit Workspace(const NeuralNet& net)
        : x(net.inputs(), kChunk), a1(net.hidden1, kChunk), a2(net.hidden2, kChunk),
          pre(net.knots(), kChunk), phi(net.knots(), kChunk), d1(net.hidden1, kChunk),
          d2(net.hidden2, kChunk), dk(net.knots(), kChunk), dEmbed(net.embed(), kChunk),
          eta(kChunk), g(kChunk), trend(kChunk), grad(net.total),
          moments(2 * static_cast<std::size_t>(net.categories))
    {
    }
};

template <class CellAt>
void forward(const Context& ctx, const Views<const float>& w, int n, const CellAt& cellAt,
             Workspace& ws)
{
    const NeuralNet& net = ctx.net;
    const int pd = net.productDim, cd = net.categoryDim, e = net.embed();
    const int calendarRows = net.calendarRows(), eventRow = net.eventRow();
    ws.n = n;
    for (int j = 0; j < n; ++j) {
        const data::DemandCell& cell = cellAt(j);
        const int c = ctx.category[static_cast<std::size_t>(cell.product)];
        auto col = ws.x.col(j);
        col.head(pd) = w.prodEmb.col(cell.product);
        col.segment(pd, cd) = w.catEmb.col(c);
        col.segment(e, calendarRows) = ctx.calendar.rows.col(cell.period - ctx.calendar.from);
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
        const float x = -std::log1p(-std::clamp(cell.discount, 0.0f, 0.95f));
        for (int k = 0; k < net.knots(); ++k)
            ws.phi(k, j) = std::max(0.0f, x - net.knotX[static_cast<std::size_t>(k)]);
        const float trend =
            ctx.calendar.trend[static_cast<std::size_t>(cell.period - ctx.calendar.from)];
        ws.trend(j) = trend;
        ws.eta(j) = w.prodBias(cell.product) + w.catBias(c) +
                    (w.prodTrend(cell.product) + w.catTrend(c)) * trend;
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
    pre.noalias() = w.A * x.topRows(net.embed());
    pre.colwise() += w.a;
    for (int j = 0; j < n; ++j) {
        float price = 0.0f;
        for (int k = 0; k < net.knots(); ++k) {
            float weight = 0.0f;
            softplusAndSigmoid(pre(k, j), weight, pre(k, j)); // keep the derivative for backward
            price += weight * ws.phi(k, j);
        }
        ws.eta(j) = std::clamp(ws.eta(j) + w.b3 + price, kEtaMin, kEtaMax);
    }
}

// Gradient of the dense parameters into ws.grad, and of each cell's embeddings into ws.dEmbed,
// given ws.g = d loss / d eta.
void backward(const NeuralNet& net, const Views<const float>& w, Workspace& ws)
{
    const int n = ws.n;
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
    dEmbed.noalias() = w.W1.leftCols(net.embed()).transpose() * d1;

    // d eta / d pre_k = phi_k * softplus'(pre_k); forward left softplus' in ws.pre.
    dk = ws.pre.leftCols(n).cwiseProduct(ws.phi.leftCols(n));
    for (int j = 0; j < n; ++j)
        dk.col(j) *= g(j);
    gw.A.noalias() = dk * x.topRows(net.embed()).transpose();
    gw.a = dk.rowwise().sum();
    dEmbed.noalias() += w.A.transpose() * dk;
}

// Uncensored cells: full negative log-likelihood = negBinNll - normaliser.
double normaliser(const data::DemandCell& cell, double r)
{
    return cell.censored ? 0.0 : negBinLogNormaliser(cell.units, r);
}

double normaliserSum(const std::vector<data::DemandCell>& cells, const std::vector<int>& category,
                     const std::vector<double>& sizes)
{
    double sum = 0.0;
    for (const data::DemandCell& cell : cells)
        sum += normaliser(cell, sizes[static_cast<std::size_t>(
                                    category[static_cast<std::size_t>(cell.product)])]);
    return sum;
}

// Negative binomial size per category by moments, Var = mu + mu^2 / r, from
// sums of (y - mu)^2 - mu and mu^2 over uncensored cells; thin categories lean on the pool.
std::vector<double> sizesFromMoments(const std::vector<double>& moments, int categories)
{
    double excess = 0.0, squares = 0.0;
    for (int c = 0; c < categories; ++c) {
        excess += moments[2 * static_cast<std::size_t>(c)];
        squares += moments[2 * static_cast<std::size_t>(c) + 1];
    }
    const double pooled = squares > 0.0 ? std::max(excess / squares, 0.0) : 1.0;
    std::vector<double> sizes(static_cast<std::size_t>(categories));
    for (int c = 0; c < categories; ++c) {
        const double inverse = (moments[2 * static_cast<std::size_t>(c)] + kSizePrior * pooled) /
                               (moments[2 * static_cast<std::size_t>(c) + 1] + kSizePrior);
        sizes[static_cast<std::size_t>(c)] =
            inverse > 1.0 / kMaxSize ? std::clamp(1.0 / inverse, kMinSize, kMaxSize) : kMaxSize;
    }
    return sizes;
}

// Adam with bias correction.
class Adam final
{
public:
    explicit Adam(std::size_t size) : m_m(size, 0.0f), m_v(size, 0.0f) {}

    void step(std::vector<float>& theta, const std::vector<float>& grad, double rate)
    {
        constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEpsilon = 1e-8;
        ++m_t;
        const double c1 = 1.0 - std::pow(kBeta1, static_cast<double>(m_t));
        const double c2 = 1.0 - std::pow(kBeta2, static_cast<double>(m_t));
        const auto step = static_cast<float>(rate / c1);
        const auto root = static_cast<float>(1.0 / std::sqrt(c2));
        for (std::size_t i = 0; i < theta.size(); ++i) {
            m_m[i] = static_cast<float>(kBeta1) * m_m[i] + static_cast<float>(1.0 - kBeta1) * grad[i];
            m_v[i] = static_cast<float>(kBeta2) * m_v[i] +
                     static_cast<float>(1.0 - kBeta2) * grad[i] * grad[i];
            theta[i] -= step * m_m[i] / (std::sqrt(m_v[i]) * root + static_cast<float>(kEpsilon));
        }
    }

private:
    std::vector<float> m_m, m_v;
    long m_t = 0;
};

void checkSettings(const NeuralSettings& s)
{
    const bool knotsOk =
        !s.discountKnots.empty() && s.discountKnots.size() <= 64 &&
        std::is_sorted(s.discountKnots.begin(), s.discountKnots.end()) &&
        s.discountKnots.front() >= 0.0f && s.discountKnots.back() < 0.95f;
    auto dim = [](int d) { return d >= 1 && d <= 1024; };
    if (!dim(s.productDim) || !dim(s.categoryDim) || !dim(s.hidden1) || !dim(s.hidden2) ||
        !(s.batchSize >= 1 && s.batchSize <= (1 << 20)) || !(s.epochs >= 1 && s.epochs <= 10000) ||
        !(s.patience >= 1) || !(s.learningRate > 0.0 && s.learningRate < 1.0) || !knotsOk)
        throw FlashPlanError("neural model: invalid settings");
}

std::unique_ptr<NeuralNet> makeNet(const NeuralSettings& s, const PanelShape& shape)
{
    auto net = std::make_unique<NeuralNet>();
    net->products = static_cast<int>(shape.productCategory.size());
    net->categories = shape.categories;
    net->productDim = s.productDim;
    net->categoryDim = s.categoryDim;
    net->hidden1 = s.hidden1;
    net->hidden2 = s.hidden2;
    net->daily = shape.periodDays == 1;
    for (float knot : s.discountKnots)
        net->knotX.push_back(-std::log1p(-knot));
    net->layOut();
    net->theta.assign(net->total, 0.0f);
    return net;
}

// He initialisation for the ReLU layers; small embeddings; levels from the data, so the first
// epoch refines levels instead of finding them.
void initialise(NeuralNet& net, const std::vector<data::DemandCell>& train, std::mt19937_64& rng)
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
    // Start from a constant elasticity of 1.5 (the first ramp) and nearly straight beyond.
    for (int k = 0; k < net.knots(); ++k)
        w.a(k) = static_cast<float>(std::log(std::expm1(k == 0 ? 1.5 : 0.1)));

    std::vector<double> units(static_cast<std::size_t>(net.products), 0.0);
    std::vector<double> count(static_cast<std::size_t>(net.products), 0.0);
    double total = 0.0;
    for (const data::DemandCell& cell : train) {
        units[static_cast<std::size_t>(cell.product)] += cell.units;
        count[static_cast<std::size_t>(cell.product)] += 1.0;
        total += cell.units;
    }
    const double mean = std::max(total / static_cast<double>(train.size()), 1e-3);
    w.b3 = static_cast<float>(std::log(mean));
    constexpr double kPseudoCells = 5.0; // a product with few cells starts near the overall mean
    for (int p = 0; p < net.products; ++p) {
        const auto i = static_cast<std::size_t>(p);
        const double shrunk = (units[i] + kPseudoCells * mean) / (count[i] + kPseudoCells);
        w.prodBias(p) = static_cast<float>(std::log(std::max(shrunk, 1e-3) / mean));
    }
}

// Initial sizes from the residuals of a per-product mean.
std::vector<double> initialSizes(const NeuralNet& net, const std::vector<data::DemandCell>& train,
                                 const std::vector<int>& category)
{
    std::vector<double> units(static_cast<std::size_t>(net.products), 0.0);
    std::vector<double> count(static_cast<std::size_t>(net.products), 0.0);
    for (const data::DemandCell& cell : train) {
        units[static_cast<std::size_t>(cell.product)] += cell.units;
        count[static_cast<std::size_t>(cell.product)] += 1.0;
    }
    std::vector<double> moments(2 * static_cast<std::size_t>(net.categories), 0.0);
    for (const data::DemandCell& cell : train) {
        if (cell.censored)
            continue;
        const auto p = static_cast<std::size_t>(cell.product);
        const double mu = units[p] / count[p];
        const auto c = 2 * static_cast<std::size_t>(category[p]);
        moments[c] += (cell.units - mu) * (cell.units - mu) - mu;
        moments[c + 1] += mu * mu;
    }
    return sizesFromMoments(moments, net.categories);
}

void checkCells(std::span<const data::DemandCell> cells, int products)
{
    for (const data::DemandCell& cell : cells)
        if (cell.product < 0 || cell.product >= products)
            throw FlashPlanError("neural model: a cell's product is not in the model's panel");
}

// The mean full negative log-likelihood of `cells`, or their predictions (when `mean` is set).
double evaluate(const NeuralNet& net, const Context& ctx, std::span<const data::DemandCell> cells,
                const std::vector<double>& sizes, int threads, std::span<double> mean)
{
    const Views<const float> w(net, net.theta.data());
    const int chunks = static_cast<int>((cells.size() + kChunk - 1) / kChunk);
    threads = std::clamp(threads, 1, std::max(1, chunks));
    std::vector<Workspace> spaces(static_cast<std::size_t>(threads), Workspace(net));
    std::vector<double> losses(static_cast<std::size_t>(chunks), 0.0);
    forEachChunk(chunks, threads, [&](int chunk, int worker) {
        Workspace& ws = spaces[static_cast<std::size_t>(worker)];
        const std::size_t first = static_cast<std::size_t>(chunk) * kChunk;
        const int n = static_cast<int>(std::min<std::size_t>(kChunk, cells.size() - first));
        forward(ctx, w, n, [&](int j) -> const data::DemandCell& { return cells[first + j]; }, ws);
        double loss = 0.0;
        for (int j = 0; j < n; ++j) {
            const data::DemandCell& cell = cells[first + static_cast<std::size_t>(j)];
            if (!mean.empty()) {
                mean[first + static_cast<std::size_t>(j)] = std::exp(static_cast<double>(ws.eta(j)));
                continue;
            }
            const double r =
                sizes[static_cast<std::size_t>(ctx.category[static_cast<std::size_t>(cell.product)])];
            loss += negBinNll(cell.units, ws.eta(j), r, cell.censored).value - normaliser(cell, r);
        }
        losses[static_cast<std::size_t>(chunk)] = loss;
    });
    double total = 0.0;
    for (double loss : losses)
        total += loss;
    return cells.empty() ? std::numeric_limits<double>::quiet_NaN()
                         : total / static_cast<double>(cells.size());
}

std::pair<int, int> periodRange(std::span<const data::DemandCell> a,
                                std::span<const data::DemandCell> b = {})
{
    int from = std::numeric_limits<int>::max(), to = std::numeric_limits<int>::min();
    for (auto cells : {a, b})
        for (const data::DemandCell& cell : cells) {
            from = std::min(from, cell.period);
            to = std::max(to, cell.period + 1);
        }
    return from < to ? std::pair{from, to} : std::pair{0, 0};
}

} // namespace

NeuralModel::NeuralModel(NeuralSettings settings) : m_settings(std::move(settings))
{
    checkSettings(m_settings);
}

NeuralModel::~NeuralModel() = default;

void NeuralModel::fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
                      const std::vector<data::DemandCell>& validation, const FitOptions& options,
                      const LossFn& onLoss)
{
    if (train.empty())
        throw FlashPlanError("neural model: no history to train on");
    PanelShape shape = PanelShape::of(panel);
    const int products = static_cast<int>(shape.productCategory.size());
    checkCells(train, products);
    checkCells(validation, products);
    // Trend in years from the middle of the history keeps the input near [-1, 1].
    const DayNumber trendOrigin = shape.dayOf(shape.periods / 2);

    std::unique_ptr<NeuralNet> net = makeNet(m_settings, shape);
    std::mt19937_64 rng(options.seed);
    initialise(*net, train, rng);
    const std::vector<int>& category = shape.productCategory;
    std::vector<double> sizes = initialSizes(*net, train, category);

    const auto [from, to] = periodRange(train, validation);
    const CalendarTable calendar = calendarTable(*net, shape, trendOrigin, from, to);
    const Context ctx{*net, category, calendar};

    const int epochs = options.maxIterations > 0 ? options.maxIterations : m_settings.epochs;
    const int threads = std::max(1, options.threads);
    const auto batchSize = static_cast<std::size_t>(m_settings.batchSize);
    const int chunksPerBatch = static_cast<int>((batchSize + kChunk - 1) / kChunk);
    std::vector<Workspace> spaces(static_cast<std::size_t>(chunksPerBatch), Workspace(*net));
    std::vector<float> grad(net->total, 0.0f);
    Adam adam(net->total);
    const double cells = static_cast<double>(train.size());
    const double productBiasPrior = 1.0 / (kProductBiasSd * kProductBiasSd * cells);
    const double productEmbeddingPrior = 1.0 / (kProductEmbeddingSd * kProductEmbeddingSd * cells);
    const double productTrendPrior = 1.0 / (kProductTrendSd * kProductTrendSd * cells);
    double trainNormaliser = normaliserSum(train, category, sizes);

    std::vector<std::uint32_t> order(train.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);

    // Predictions use a moving average of the parameters over the last quarter epoch or so: it
    // removes most of the step-to-step noise of the per-product parameters.
    const double stepsPerEpoch = std::ceil(cells / static_cast<double>(batchSize));
    static const double kEmaFraction = getenv("EMA") ? atof(getenv("EMA")) : 0.25;
    const double horizon = std::clamp(stepsPerEpoch * kEmaFraction, 1.0, 250.0);
    const auto keep = static_cast<float>(kEmaFraction > 0 ? 1.0 - 1.0 / horizon : 0.0);
    std::vector<float> average = net->theta;

    std::vector<float> best;
    double bestLoss = std::numeric_limits<double>::infinity();
    int bestEpoch = 0, sinceBest = 0, epoch = 0;
    while (epoch < epochs) {
        ++epoch;
        // Cosine decay to 5% of the rate over the budget; validation never steers the steps,
        // so a refit on all history with the same budget takes the same path.
        const double rate = m_settings.learningRate *
                            (0.05 + 0.95 * 0.5 * (1.0 + std::cos(std::numbers::pi * (epoch - 1) / epochs)));
        shuffle(order, rng);
        double lossSum = 0.0;
        std::vector<double> moments(2 * static_cast<std::size_t>(net->categories), 0.0);
        for (std::size_t begin = 0; begin < order.size(); begin += batchSize) {
            const std::size_t count = std::min(batchSize, order.size() - begin);
            const int chunks = static_cast<int>((count + kChunk - 1) / kChunk);
            const auto scale = static_cast<float>(1.0 / static_cast<double>(count));
            const Views<const float> w(*net, net->theta.data());
            forEachChunk(chunks, threads, [&](int chunk, int) {
                Workspace& ws = spaces[static_cast<std::size_t>(chunk)];
                const std::size_t first = begin + static_cast<std::size_t>(chunk) * kChunk;
                const int n = static_cast<int>(std::min<std::size_t>(kChunk, begin + count - first));
                auto cellAt = [&](int j) -> const data::DemandCell& {
                    return train[order[first + static_cast<std::size_t>(j)]];
                };
                forward(ctx, w, n, cellAt, ws);
                ws.loss = 0.0;
                std::fill(ws.moments.begin(), ws.moments.end(), 0.0);
                for (int j = 0; j < n; ++j) {
                    const data::DemandCell& cell = cellAt(j);
                    const auto c = static_cast<std::size_t>(
                        category[static_cast<std::size_t>(cell.product)]);
                    const NllTerm term = negBinNll(cell.units, ws.eta(j), sizes[c], cell.censored);
                    ws.loss += term.value;
                    ws.g(j) = static_cast<float>(term.dEta) * scale;
                    if (!cell.censored) {
                        const double mu = std::exp(static_cast<double>(ws.eta(j)));
                        ws.moments[2 * c] += (cell.units - mu) * (cell.units - mu) - mu;
                        ws.moments[2 * c + 1] += mu * mu;
                    }
                }
                backward(*net, w, ws);
            });

            // Reduce the chunks in order, then the sparse rows cell by cell.
            std::fill(grad.begin(), grad.end(), 0.0f);
            Views<float> gw(*net, grad.data());
            for (int chunk = 0; chunk < chunks; ++chunk) {
                const Workspace& ws = spaces[static_cast<std::size_t>(chunk)];
                for (std::size_t i = 0; i < net->denseSize(); ++i)
                    grad[i] += ws.grad[i];
                lossSum += ws.loss;
                for (std::size_t i = 0; i < moments.size(); ++i)
                    moments[i] += ws.moments[i];
                const std::size_t first = begin + static_cast<std::size_t>(chunk) * kChunk;
                for (int j = 0; j < ws.n; ++j) {
                    const int p = train[order[first + static_cast<std::size_t>(j)]].product;
                    const int c = category[static_cast<std::size_t>(p)];
                    gw.prodEmb.col(p) += ws.dEmbed.col(j).head(net->productDim);
                    gw.catEmb.col(c) += ws.dEmbed.col(j).tail(net->categoryDim);
                    gw.prodBias(p) += ws.g(j);
                    gw.catBias(c) += ws.g(j);
                    gw.prodTrend(p) += ws.g(j) * ws.trend(j);
                    gw.catTrend(c) += ws.g(j) * ws.trend(j);
                }
            }
            const Views<const float> theta(*net, net->theta.data());
            gw.prodBias += static_cast<float>(productBiasPrior) * theta.prodBias;
            gw.prodEmb += static_cast<float>(productEmbeddingPrior) * theta.prodEmb;
            gw.prodTrend += static_cast<float>(productTrendPrior) * theta.prodTrend;
            if (kWeightSd > 0) {
                const float wp = static_cast<float>(1.0 / (kWeightSd * kWeightSd * cells));
                for (std::size_t i = 0; i < net->ob1; ++i) grad[i] += wp * net->theta[i];
                for (std::size_t i = net->oW2; i < net->ob2; ++i) grad[i] += wp * net->theta[i];
            }
            adam.step(net->theta, grad, rate);
            for (std::size_t i = 0; i < average.size(); ++i)
                average[i] = keep * average[i] + (1.0f - keep) * net->theta[i];
        }
        const double trainLoss = (lossSum - trainNormaliser) / cells;

        if (epoch == kSizeEpoch) { // the model now explains most of the mean: r by moments
            sizes = sizesFromMoments(moments, net->categories);
            trainNormaliser = normaliserSum(train, category, sizes);
        }
        std::swap(net->theta, average); // evaluate the averaged parameters
        const double validationLoss = evaluate(*net, ctx, validation, sizes, threads, {});
        std::swap(net->theta, average);
        if (onLoss && !onLoss(LossPoint{epoch, trainLoss, validationLoss}))
            throw Cancelled();
        // Compare epochs only once r is fixed: losses under different r are not comparable.
        if (!validation.empty() && epoch >= kSizeEpoch) {
            if (validationLoss < bestLoss) {
                bestLoss = validationLoss;
                best = average;
                bestEpoch = epoch;
                sinceBest = 0;
            } else if (++sinceBest >= m_settings.patience) {
                break;
            }
        }
    }
    net->theta = bestEpoch > 0 ? std::move(best) : std::move(average);

    m_shape = std::move(shape);
    m_trendOrigin = trendOrigin;
    m_sizes = std::move(sizes);
    m_epochsTrained = bestEpoch > 0 ? bestEpoch : epoch;
    m_net = std::move(net);
}

void NeuralModel::predict(std::span<const data::DemandCell> cells, std::span<double> mean) const
{
    if (!m_net)
        throw FlashPlanError("neural model: predict before fit or load");
    if (mean.size() != cells.size())
        throw FlashPlanError("neural model: predict needs one output per cell");
    if (cells.empty())
        return;
    checkCells(cells, m_net->products);
    const auto [from, to] = periodRange(cells);
    const CalendarTable calendar = calendarTable(*m_net, m_shape, m_trendOrigin, from, to);
    const Context ctx{*m_net, m_shape.productCategory, calendar};
    const int threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    evaluate(*m_net, ctx, cells, m_sizes, threads, mean);
}

void NeuralModel::save(BinaryWriter& out) const
{
    if (!m_net)
        throw FlashPlanError("neural model: save before fit");
    out.put<std::uint32_t>(kMagic);
    out.put<std::int32_t>(kFormatVersion);
    m_shape.save(out);
    out.put<std::int32_t>(m_trendOrigin);
    out.put<std::int32_t>(m_settings.productDim);
    out.put<std::int32_t>(m_settings.categoryDim);
    out.put<std::int32_t>(m_settings.hidden1);
    out.put<std::int32_t>(m_settings.hidden2);
    out.put<std::int32_t>(m_settings.batchSize);
    out.put<std::int32_t>(m_settings.epochs);
    out.put<std::int32_t>(m_settings.patience);
    out.put<double>(m_settings.learningRate);
    out.putVector(m_settings.discountKnots);
    out.putVector(m_sizes);
    out.put<std::int32_t>(m_epochsTrained);
    out.putVector(m_net->theta);
}

void NeuralModel::load(BinaryReader& in)
{
    if (in.get<std::uint32_t>() != kMagic)
        throw FlashPlanError("stored model is not a neural demand model");
    const auto version = in.get<std::int32_t>();
    if (version != kFormatVersion)
        throw FlashPlanError("stored neural model has format version " + std::to_string(version) +
                             "; this FlashPlan reads version " + std::to_string(kFormatVersion));
    PanelShape shape = PanelShape::load(in);
    const DayNumber trendOrigin = in.get<std::int32_t>();
    NeuralSettings settings;
    settings.productDim = in.get<std::int32_t>();
    settings.categoryDim = in.get<std::int32_t>();
    settings.hidden1 = in.get<std::int32_t>();
    settings.hidden2 = in.get<std::int32_t>();
    settings.batchSize = in.get<std::int32_t>();
    settings.epochs = in.get<std::int32_t>();
    settings.patience = in.get<std::int32_t>();
    settings.learningRate = in.get<double>();
    settings.discountKnots = in.getVector<float>();
    std::vector<double> sizes = in.getVector<double>();
    const int epochsTrained = in.get<std::int32_t>();
    std::vector<float> theta = in.getVector<float>();

    const auto corrupt = [] { return FlashPlanError("stored neural model is corrupt"); };
    try {
        checkSettings(settings);
    } catch (const FlashPlanError&) {
        throw corrupt();
    }
    const bool shapeOk = (shape.periodDays == 1 || shape.periodDays == 7) && shape.categories >= 1 &&
                         shape.periods >= 0 &&
                         std::all_of(shape.productCategory.begin(), shape.productCategory.end(),
                                     [&](int c) { return c >= 0 && c < shape.categories; });
    if (!shapeOk || sizes.size() != static_cast<std::size_t>(shape.categories) ||
        !std::all_of(sizes.begin(), sizes.end(), [](double r) { return r > 0.0 && r <= kMaxSize; }))
        throw corrupt();
    std::unique_ptr<NeuralNet> net = makeNet(settings, shape);
    if (theta.size() != net->total ||
        !std::all_of(theta.begin(), theta.end(), [](float v) { return std::isfinite(v); }))
        throw corrupt();
    net->theta = std::move(theta);

    m_settings = std::move(settings);
    m_shape = std::move(shape);
    m_trendOrigin = trendOrigin;
    m_sizes = std::move(sizes);
    m_epochsTrained = epochsTrained;
    m_net = std::move(net);
}

} // namespace fp::model
