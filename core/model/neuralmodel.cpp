#include "model/neuralmodel.h"

#include "base/error.h"
#include "base/threadpool.h"
#include "data/calendar.h"
#include "data/panel.h"
#include "model/negbin.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
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
constexpr int kEventDays = 4;   // day within an event, one-hot: 0, 1, 2, 3 and later
constexpr int kDipFeatures = 4; // fast and slow decay after an event, each also times its depth
constexpr int kSizeEpoch = 2;   // r is re-estimated after this epoch and fixed from then on
constexpr double kSizePrior = 100.0; // pseudo sum(mu^2) pulling a thin category's 1/r to the pool
constexpr double kMinSize = 0.2;
constexpr double kMaxSize = 1e4;
constexpr float kEtaMin = -30.0f; // log-mean clamp: exp() never overflows, gradients stay finite
constexpr float kEtaMax = 20.0f;
constexpr double kFinalRate = 0.05; // the cosine schedule ends at this fraction of the rate
// Small histories take smaller batches and several passes per epoch: Adam needs a few hundred
// steps per epoch whatever the data size (40 products x 400 days is only 7 batches of 2048).
constexpr std::size_t kMinBatch = 256;
constexpr std::size_t kMinStepsPerEpoch = 200;
// The parameter average spans this fraction of an epoch (at most kMaxAverageSteps steps).
constexpr double kAverageEpochs = 0.25;
constexpr double kMaxAverageSteps = 250.0;
// Gaussian priors (L2 penalties on the summed loss): products with little history keep the
// level, trend and behaviour of their category; the weight prior stops the MLP from learning
// product-specific noise (without it, held-out accuracy falls after a few epochs).
constexpr double kProductLevelSd = 1.0;
constexpr double kProductTrendSd = 0.15; // log units per year
constexpr double kProductEmbeddingSd = 0.1;
constexpr double kWeightSd = 0.1;

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
    return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
}

void shuffle(std::vector<std::uint32_t>& items, std::mt19937_64& rng) // Fisher-Yates
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng() % i); // modulo bias ~ i / 2^64: none
        std::swap(items[i - 1], items[j]);
    }
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

// The network: its sizes, where each parameter lives in the flat vector `theta` (one vector makes
// Adam, the parameter average, keeping the best epoch and saving trivial), and the discount knots.
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

    // Offsets into theta. Everything before oCatEmb is dense (every cell touches it); the
    // embeddings, levels and slopes after it only by their own product's or category's cells.
    std::size_t oW1 = 0, ob1 = 0, oW2 = 0, ob2 = 0, ow3 = 0, ob3 = 0, oA = 0, oa = 0;
    std::size_t oCatEmb = 0, oCatLevel = 0, oCatTrend = 0, oCatWide = 0;
    std::size_t oProdEmb = 0, oProdLevel = 0, oProdTrend = 0, total = 0;
    std::vector<float> theta;

    int knots() const { return static_cast<int>(knotX.size()); }
    int embed() const { return productDim + categoryDim; }
    int calendarRows() const
    {
        return (daily ? 7 : 0) + data::Calendar::kFourierTerms + data::kHolidayCount;
    }
    int eventRow() const { return embed() + calendarRows(); }
    int inputs() const { return eventRow() + kEventDays + kDipFeatures; }
    int features() const { return inputs() - embed(); } // calendar and event inputs
    std::size_t denseSize() const { return oCatEmb; }

    void layOut()
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
          catEmb(p + n.oCatEmb, n.categoryDim, n.categories),
          catLevel(p + n.oCatLevel, n.categories), catTrend(p + n.oCatTrend, n.categories),
          catWide(p + n.oCatWide, n.features(), n.categories),
          prodEmb(p + n.oProdEmb, n.productDim, n.products),
          prodLevel(p + n.oProdLevel, n.products), prodTrend(p + n.oProdTrend, n.products)
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
    V catLevel;
    V catTrend; // log-linear trend per year: the category's slope plus the product's deviation
    M catWide;  // linear effects of the calendar and event inputs per category
    M prodEmb;
    V prodLevel;
    V prodTrend;
};

// Calendar inputs of the periods [from, from + cols()): they depend on the period alone. The
// trend stays out of the MLP: ReLUs bend freely at the edge of the history, and forecasts would
// extrapolate that (held-out bias of -5 to -10% on the synthetic market); a log-linear trend
// extrapolates the way demand plausibly does.
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

// What a pass over some cells needs besides the cells and the parameters.
struct Context
{
    const NeuralNet& net;
    const std::vector<int>& category; // per product
    const CalendarTable& calendar;
};

// Activations and gradients of one chunk of cells.
struct Workspace
{
    Matrix x;                // inputs, one column per cell
    Matrix a1, a2;           // hidden activations
    Matrix pre, phi;         // discount head: softplus' of its input (after forward); ramp bases
    Matrix d1, d2, dk;       // back-propagated errors
    Matrix dEmbed;           // per cell; scattered into the embedding tables serially
    RowVector eta, g;        // log mean; d loss / d eta
    RowVector trend;         // of each cell's period
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

// Fills ws.eta with the log mean of cellAt(0..n-1), keeping what backward() needs.
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
        const float x = -std::log1p(-std::clamp(cell.discount, 0.0f, 0.95f));
        for (int k = 0; k < net.knots(); ++k)
            ws.phi(k, j) = std::max(0.0f, x - net.knotX[static_cast<std::size_t>(k)]);
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

// Gradient of the dense parameters into ws.grad, and of each cell's embeddings into ws.dEmbed,
// given ws.g = d loss / d eta.
void backward(const NeuralNet& net, const Views<const float>& w, Workspace& ws)
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

int categoryOf(const Context& ctx, const data::DemandCell& cell)
{
    return ctx.category[static_cast<std::size_t>(cell.product)];
}

// negBinNll drops terms constant in mu; adding them back gives the full negative log-likelihood,
// comparable between values of r (and between models).
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

// Negative binomial size per category by moments (Var = mu + mu^2 / r) from sums of
// (y - mu)^2 - mu and mu^2 over uncensored cells; thin categories lean on the pooled value.
std::vector<double> sizesFromMoments(const std::vector<double>& moments, int categories)
{
    double excess = 0.0, squares = 0.0;
    for (std::size_t c = 0; c < static_cast<std::size_t>(categories); ++c) {
        excess += moments[2 * c];
        squares += moments[2 * c + 1];
    }
    const double pooled = squares > 0.0 ? std::max(excess / squares, 0.0) : 1.0;
    std::vector<double> sizes(static_cast<std::size_t>(categories));
    for (std::size_t c = 0; c < sizes.size(); ++c) {
        const double inverse =
            (moments[2 * c] + kSizePrior * pooled) / (moments[2 * c + 1] + kSizePrior);
        sizes[c] =
            inverse > 1.0 / kMaxSize ? std::clamp(1.0 / inverse, kMinSize, kMaxSize) : kMaxSize;
    }
    return sizes;
}

// Units and cells per product of some cells.
struct ProductTotals
{
    std::vector<double> units, cells;
    double allUnits = 0.0;

    ProductTotals(const std::vector<data::DemandCell>& of, int products)
        : units(static_cast<std::size_t>(products), 0.0),
          cells(static_cast<std::size_t>(products), 0.0)
    {
        for (const data::DemandCell& cell : of) {
            units[static_cast<std::size_t>(cell.product)] += cell.units;
            cells[static_cast<std::size_t>(cell.product)] += 1.0;
            allUnits += cell.units;
        }
    }
};

// The first r: residuals of each product's mean. Overstates the noise (the mean explains little),
// which only makes the first epochs more cautious.
std::vector<double> initialSizes(const NeuralNet& net, const std::vector<data::DemandCell>& train,
                                 const std::vector<int>& category)
{
    const ProductTotals totals(train, net.products);
    std::vector<double> moments(2 * static_cast<std::size_t>(net.categories), 0.0);
    for (const data::DemandCell& cell : train) {
        if (cell.censored)
            continue;
        const auto p = static_cast<std::size_t>(cell.product);
        const double mu = totals.units[p] / totals.cells[p];
        const auto c = 2 * static_cast<std::size_t>(category[p]);
        moments[c] += (cell.units - mu) * (cell.units - mu) - mu;
        moments[c + 1] += mu * mu;
    }
    return sizesFromMoments(moments, net.categories);
}

// Adam with bias correction.
class Adam final
{
public:
    explicit Adam(std::size_t size) : m_m(size, 0.0f), m_v(size, 0.0f) {}

    void step(std::vector<float>& theta, const std::vector<float>& grad, double rate)
    {
        constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEpsilon = 1e-8f;
        ++m_t;
        const double c1 = 1.0 - std::pow(double{kBeta1}, static_cast<double>(m_t));
        const double c2 = 1.0 - std::pow(double{kBeta2}, static_cast<double>(m_t));
        const auto step = static_cast<float>(rate / c1);
        const auto root = static_cast<float>(1.0 / std::sqrt(c2));
        for (std::size_t i = 0; i < theta.size(); ++i) {
            m_m[i] = kBeta1 * m_m[i] + (1.0f - kBeta1) * grad[i];
            m_v[i] = kBeta2 * m_v[i] + (1.0f - kBeta2) * grad[i] * grad[i];
            theta[i] -= step * m_m[i] / (std::sqrt(m_v[i]) * root + kEpsilon);
        }
    }

private:
    std::vector<float> m_m, m_v;
    long m_t = 0;
};

void checkSettings(const NeuralSettings& s)
{
    const std::vector<float>& knots = s.discountKnots;
    const bool knotsOk = !knots.empty() && knots.size() <= 64 &&
                         std::is_sorted(knots.begin(), knots.end()) && knots.front() >= 0.0f &&
                         knots.back() < 0.95f;
    auto dim = [](int d) {
        return d >= 1 && d <= 1024;
    };
    if (!dim(s.productDim) || !dim(s.categoryDim) || !dim(s.hidden1) || !dim(s.hidden2) ||
        !(s.batchSize >= 1 && s.batchSize <= (1 << 20)) || !(s.epochs >= 1 && s.epochs <= 10000) ||
        !(s.warmStartEpochs >= 1 && s.warmStartEpochs <= 10000) || !(s.patience >= 1) ||
        !(s.learningRate > 0.0 && s.learningRate < 1.0) || !knotsOk)
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

void checkCells(std::span<const data::DemandCell> cells, int products)
{
    for (const data::DemandCell& cell : cells)
        if (cell.product < 0 || cell.product >= products)
            throw FlashPlanError("neural model: a cell's product is not in the model's panel");
}

// Runs the network with parameters `theta` over `cells` and calls fn(i, eta) for each cell.
template <class Fn>
void forEachLogMean(const Context& ctx, const std::vector<float>& theta,
                    std::span<const data::DemandCell> cells, ThreadPool& pool, const Fn& fn)
{
    const Views<const float> w(ctx.net, theta.data());
    const int chunks = static_cast<int>((cells.size() + kChunk - 1) / kChunk);
    std::vector<std::unique_ptr<Workspace>> spaces(static_cast<std::size_t>(pool.threads()));
    pool.forEachIndex(chunks, [&](int chunk, int thread) {
        std::unique_ptr<Workspace>& space = spaces[static_cast<std::size_t>(thread)];
        if (!space) // made by the thread that uses it, only when it takes a chunk
            space = std::make_unique<Workspace>(ctx.net);
        Workspace& ws = *space;
        const std::size_t first = static_cast<std::size_t>(chunk) * kChunk;
        const int n = static_cast<int>(std::min<std::size_t>(kChunk, cells.size() - first));
        forward(
            ctx, w, n, [&](int j) -> const data::DemandCell& { return cells[first + j]; }, ws);
        for (int j = 0; j < n; ++j)
            fn(first + static_cast<std::size_t>(j), ws.eta(j));
    });
}

// The full negative log-likelihood of each cell.
std::vector<double> cellLosses(const Context& ctx, const std::vector<float>& theta,
                               std::span<const data::DemandCell> cells,
                               const std::vector<double>& sizes, ThreadPool& pool)
{
    std::vector<double> losses(cells.size());
    forEachLogMean(ctx, theta, cells, pool, [&](std::size_t i, float eta) {
        const data::DemandCell& cell = cells[i];
        const double r = sizes[static_cast<std::size_t>(categoryOf(ctx, cell))];
        losses[i] = negBinNll(cell.units, eta, r, cell.censored).value - normaliser(cell, r);
    });
    return losses;
}

double meanOf(const std::vector<double>& values)
{
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return values.empty() ? std::numeric_limits<double>::quiet_NaN()
                          : sum / static_cast<double>(values.size());
}

// Early stopping on a short validation window, whose loss is noisy: "the epoch with the lowest
// loss" would often keep an early, barely annealed epoch by chance. So it keeps the latest epoch
// that is not significantly worse than the best (by two standard errors of the per-cell paired
// difference), and stops after `patience` epochs that are: evidence of overfitting.
class EarlyStopping final
{
public:
    explicit EarlyStopping(int patience) : m_patience(patience) {}

    // Returns false when training should stop.
    bool update(int epoch, const std::vector<double>& losses, const std::vector<float>& params)
    {
        const double mean = meanOf(losses);
        const bool best = m_best.empty() || mean < m_bestMean;
        if (best) {
            m_best = losses;
            m_bestMean = mean;
        }
        if (best || !significantlyWorse(losses)) {
            m_kept = params;
            m_keptEpoch = epoch;
            m_worse = 0;
            return true;
        }
        return ++m_worse < m_patience;
    }

    int keptEpoch() const { return m_keptEpoch; }
    std::vector<float>& kept() { return m_kept; }

private:
    bool significantlyWorse(const std::vector<double>& losses) const
    {
        const double n = static_cast<double>(losses.size());
        double sum = 0.0, squares = 0.0;
        for (std::size_t i = 0; i < losses.size(); ++i) {
            const double d = losses[i] - m_best[i];
            sum += d;
            squares += d * d;
        }
        const double mean = sum / n;
        const double variance = std::max(0.0, squares / n - mean * mean);
        return mean > 2.0 * std::sqrt(variance / n);
    }

    int m_patience;
    int m_worse = 0;
    std::vector<double> m_best;
    double m_bestMean = 0.0;
    std::vector<float> m_kept;
    int m_keptEpoch = 0;
};

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

// The mini-batch loop of one fit: shuffled batches, chunks on threads, the priors, Adam, and the
// moving average of the parameters that predictions use.
class Trainer final
{
public:
    Trainer(const Context& ctx, NeuralNet& net, const std::vector<data::DemandCell>& train,
            int batchSize, ThreadPool& pool)
        : m_ctx(ctx), m_net(net), m_train(train),
          m_batch(std::min(static_cast<std::size_t>(batchSize),
                           std::max(kMinBatch, train.size() / kMinStepsPerEpoch))),
          m_pool(pool), m_order(train.size()), m_grad(net.total, 0.0f), m_adam(net.total),
          m_average(net.theta)
    {
        for (std::size_t i = 0; i < m_order.size(); ++i)
            m_order[i] = static_cast<std::uint32_t>(i);
        const int chunksPerBatch = static_cast<int>((m_batch + kChunk - 1) / kChunk);
        m_spaces.assign(static_cast<std::size_t>(chunksPerBatch), Workspace(net));
        const double cells = static_cast<double>(train.size());
        auto prior = [&](double sd) {
            return static_cast<float>(1.0 / (sd * sd * cells));
        };
        m_levelPrior = prior(kProductLevelSd);
        m_trendPrior = prior(kProductTrendSd);
        m_embeddingPrior = prior(kProductEmbeddingSd);
        m_weightPrior = prior(kWeightSd);
        const std::size_t passSteps = (train.size() + m_batch - 1) / m_batch;
        m_passes = (kMinStepsPerEpoch + passSteps - 1) / passSteps;
        const double steps = static_cast<double>(m_passes * passSteps);
        m_keep = static_cast<float>(
            1.0 - 1.0 / std::clamp(steps * kAverageEpochs, 1.0, kMaxAverageSteps));
        m_moments.assign(2 * static_cast<std::size_t>(net.categories), 0.0);
    }

    // One or more passes over the training cells, each in a new order. Returns the mean
    // negBinNll value per cell.
    double epoch(const std::vector<double>& sizes, double rate, std::mt19937_64& rng)
    {
        m_lossSum = 0.0;
        m_moments.assign(2 * static_cast<std::size_t>(m_net.categories), 0.0);
        for (std::size_t pass = 0; pass < m_passes; ++pass) {
            shuffle(m_order, rng);
            for (std::size_t begin = 0; begin < m_order.size(); begin += m_batch)
                step(sizes, begin, std::min(m_batch, m_order.size() - begin), rate);
        }
        return m_lossSum / static_cast<double>(m_passes * m_order.size());
    }

    // Of the last epoch, for the moment estimate of r.
    const std::vector<double>& moments() const { return m_moments; }
    const std::vector<float>& average() const { return m_average; }

    // The gradient of the mean loss of cells [begin, begin + count) of the current order, without
    // the priors, at the current parameters. Adds to the epoch's loss sum and moments.
    const std::vector<float>& gradient(const std::vector<double>& sizes, std::size_t begin,
                                       std::size_t count)
    {
        const int chunks = static_cast<int>((count + kChunk - 1) / kChunk);
        if (m_spaces.size() < static_cast<std::size_t>(chunks))
            m_spaces.resize(static_cast<std::size_t>(chunks), Workspace(m_net));
        const auto scale = static_cast<float>(1.0 / static_cast<double>(count)); // mean loss
        const Views<const float> w(m_net, m_net.theta.data());
        m_pool.forEachIndex(chunks, [&](int chunk, int) {
            Workspace& ws = m_spaces[static_cast<std::size_t>(chunk)];
            const std::size_t first = begin + static_cast<std::size_t>(chunk) * kChunk;
            const int n = static_cast<int>(std::min<std::size_t>(kChunk, begin + count - first));
            forward(
                m_ctx, w, n, [&](int j) -> const data::DemandCell& { return cell(first + j); }, ws);
            lossGradient(sizes, first, scale, ws);
            backward(m_net, w, ws);
        });

        // Reduce the chunks in their order, then the sparse rows cell by cell.
        std::fill(m_grad.begin(), m_grad.end(), 0.0f);
        Views<float> gw(m_net, m_grad.data());
        for (int chunk = 0; chunk < chunks; ++chunk) {
            const Workspace& ws = m_spaces[static_cast<std::size_t>(chunk)];
            for (std::size_t i = 0; i < m_net.denseSize(); ++i)
                m_grad[i] += ws.grad[i];
            m_lossSum += ws.loss;
            for (std::size_t i = 0; i < m_moments.size(); ++i)
                m_moments[i] += ws.moments[i];
            const std::size_t first = begin + static_cast<std::size_t>(chunk) * kChunk;
            for (int j = 0; j < ws.n; ++j) {
                const int p = cell(first + static_cast<std::size_t>(j)).product;
                const int c = m_ctx.category[static_cast<std::size_t>(p)];
                gw.prodEmb.col(p) += ws.dEmbed.col(j).head(m_net.productDim);
                gw.catEmb.col(c) += ws.dEmbed.col(j).tail(m_net.categoryDim);
                gw.prodLevel(p) += ws.g(j);
                gw.catLevel(c) += ws.g(j);
                gw.prodTrend(p) += ws.g(j) * ws.trend(j);
                gw.catTrend(c) += ws.g(j) * ws.trend(j);
                gw.catWide.col(c) += ws.g(j) * ws.x.col(j).tail(m_net.features());
            }
        }
        return m_grad;
    }

private:
    const data::DemandCell& cell(std::size_t i) const { return m_train[m_order[i]]; }

    void step(const std::vector<double>& sizes, std::size_t begin, std::size_t count, double rate)
    {
        gradient(sizes, begin, count);
        Views<float> gw(m_net, m_grad.data());
        addPriors(gw);
        m_adam.step(m_net.theta, m_grad, rate);
        for (std::size_t i = 0; i < m_average.size(); ++i)
            m_average[i] = m_keep * m_average[i] + (1.0f - m_keep) * m_net.theta[i];
    }

    void lossGradient(const std::vector<double>& sizes, std::size_t first, float scale,
                      Workspace& ws) const
    {
        ws.loss = 0.0;
        std::fill(ws.moments.begin(), ws.moments.end(), 0.0);
        for (int j = 0; j < ws.n; ++j) {
            const data::DemandCell& c = cell(first + static_cast<std::size_t>(j));
            const auto k = static_cast<std::size_t>(categoryOf(m_ctx, c));
            const NllTerm term = negBinNll(c.units, ws.eta(j), sizes[k], c.censored);
            ws.loss += term.value;
            ws.g(j) = static_cast<float>(term.dEta) * scale;
            if (!c.censored) {
                const double mu = std::exp(double{ws.eta(j)});
                ws.moments[2 * k] += (c.units - mu) * (c.units - mu) - mu;
                ws.moments[2 * k + 1] += mu * mu;
            }
        }
    }

    void addPriors(Views<float>& gw) const
    {
        const Views<const float> theta(m_net, m_net.theta.data());
        gw.prodLevel += m_levelPrior * theta.prodLevel;
        gw.prodTrend += m_trendPrior * theta.prodTrend;
        gw.prodEmb += m_embeddingPrior * theta.prodEmb;
        gw.W1 += m_weightPrior * theta.W1;
        gw.W2 += m_weightPrior * theta.W2;
    }

    const Context& m_ctx;
    NeuralNet& m_net;
    const std::vector<data::DemandCell>& m_train;
    std::size_t m_batch;
    std::size_t m_passes = 1; // per epoch
    ThreadPool& m_pool;
    std::vector<std::uint32_t> m_order;
    std::vector<Workspace> m_spaces; // one per chunk of a batch
    std::vector<float> m_grad;
    Adam m_adam;
    std::vector<float> m_average;
    float m_keep = 0.0f;
    float m_levelPrior = 0.0f, m_trendPrior = 0.0f, m_embeddingPrior = 0.0f, m_weightPrior = 0.0f;
    double m_lossSum = 0.0;
    std::vector<double> m_moments;
};

} // namespace

NeuralModel::NeuralModel(NeuralSettings settings) : m_settings(std::move(settings))
{
    checkSettings(m_settings);
}

NeuralModel::~NeuralModel() = default;

bool NeuralModel::canWarmStart(const PanelShape& shape) const
{
    return m_net && shape.periodDays == m_shape.periodDays && shape.firstDay == m_shape.firstDay &&
           shape.categories == m_shape.categories &&
           shape.productCategory == m_shape.productCategory;
}

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
    const std::vector<int>& category = shape.productCategory;
    std::mt19937_64 rng(options.seed);

    // Built aside and committed at the end: a cancelled fit leaves the model as it was.
    const bool warm = options.warmStart && canWarmStart(shape);
    DayNumber trendOrigin = 0;
    std::unique_ptr<NeuralNet> net;
    std::vector<double> sizes;
    if (warm) {
        trendOrigin = m_trendOrigin; // the fitted slopes are relative to it
        net = std::make_unique<NeuralNet>(*m_net);
        sizes = m_sizes;
    } else {
        trendOrigin = shape.dayOf(shape.periods / 2); // keeps the trend input near [-1, 1]
        net = makeNet(m_settings, shape);
        initialise(*net, train, rng);
        sizes = initialSizes(*net, train, category);
    }

    const auto [from, to] = periodRange(train, validation);
    const CalendarTable calendar = calendarTable(*net, shape, trendOrigin, from, to);
    const Context ctx{*net, category, calendar};
    ThreadPool pool(std::max(1, options.threads)); // for the whole fit
    Trainer trainer(ctx, *net, train, m_settings.batchSize, pool);
    double trainNormaliser = normaliserSum(train, category, sizes);
    const double cells = static_cast<double>(train.size());

    const int epochs = options.maxIterations > 0 ? options.maxIterations
                       : warm                    ? m_settings.warmStartEpochs
                                                 : m_settings.epochs;
    const int sizeEpoch = warm ? 0 : kSizeEpoch; // a warm start keeps its r
    EarlyStopping stopping(m_settings.patience);
    int epoch = 0;
    while (epoch < epochs) {
        ++epoch;
        // Cosine decay over the budget. Validation never steers the steps, so a fit without it
        // takes the same path as one with it, just without stopping early.
        const double cosine = 0.5 * (1.0 + std::cos(std::numbers::pi * (epoch - 1) / epochs));
        const double rate = m_settings.learningRate * (kFinalRate + (1.0 - kFinalRate) * cosine);
        const double trainLoss = trainer.epoch(sizes, rate, rng) - trainNormaliser / cells;

        if (epoch == sizeEpoch) { // the model now explains most of the mean: r by moments
            sizes = sizesFromMoments(trainer.moments(), net->categories);
            trainNormaliser = normaliserSum(train, category, sizes);
        }
        const std::vector<double> losses =
            cellLosses(ctx, trainer.average(), validation, sizes, pool);
        if (onLoss && !onLoss(LossPoint{epoch, trainLoss, meanOf(losses)}))
            throw Cancelled();
        // Compare epochs only once r is fixed: losses under different r are not comparable.
        if (!validation.empty() && epoch >= sizeEpoch &&
            !stopping.update(epoch, losses, trainer.average()))
            break;
    }
    const bool validated = stopping.keptEpoch() > 0;
    net->theta = validated ? std::move(stopping.kept()) : trainer.average();
    m_epochsTrained = validated ? stopping.keptEpoch() : epoch;

    m_shape = std::move(shape);
    m_trendOrigin = trendOrigin;
    m_sizes = std::move(sizes);
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
    const int chunks = static_cast<int>((cells.size() + kChunk - 1) / kChunk);
    const int cores = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    ThreadPool pool(std::min(cores, chunks));
    forEachLogMean(ctx, m_net->theta, cells, pool,
                   [&](std::size_t i, float eta) { mean[i] = std::exp(double{eta}); });
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
    out.put<std::int32_t>(m_settings.warmStartEpochs);
    out.put<std::int32_t>(m_settings.patience);
    out.put<double>(m_settings.learningRate);
    out.putVector(m_settings.discountKnots);
    // The input layer's width depends on the calendar's holiday list: a model from a build with
    // another list is refused with a clear message instead of misreading its weights.
    out.put<std::int32_t>(m_net->inputs());
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
    settings.warmStartEpochs = in.get<std::int32_t>();
    settings.patience = in.get<std::int32_t>();
    settings.learningRate = in.get<double>();
    settings.discountKnots = in.getVector<float>();
    const auto inputs = in.get<std::int32_t>();
    std::vector<double> sizes = in.getVector<double>();
    const auto epochsTrained = in.get<std::int32_t>();
    std::vector<float> theta = in.getVector<float>();

    const auto corrupt = [] {
        return FlashPlanError("stored neural model is corrupt");
    };
    try {
        checkSettings(settings);
    } catch (const FlashPlanError&) {
        throw corrupt();
    }
    const bool shapeOk = (shape.periodDays == 1 || shape.periodDays == 7) &&
                         shape.categories >= 1 && shape.periods >= 0 &&
                         std::all_of(shape.productCategory.begin(), shape.productCategory.end(),
                                     [&](int c) { return c >= 0 && c < shape.categories; });
    const bool sizesOk =
        sizes.size() == static_cast<std::size_t>(shape.categories) &&
        std::all_of(sizes.begin(), sizes.end(), [](double r) { return r > 0.0 && r <= kMaxSize; });
    if (!shapeOk || !sizesOk)
        throw corrupt();
    std::unique_ptr<NeuralNet> net = makeNet(settings, shape);
    if (inputs != net->inputs())
        throw FlashPlanError("stored neural model uses " + std::to_string(inputs) +
                             " input features, this FlashPlan " + std::to_string(net->inputs()) +
                             "; train the model again");
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

double neuralGradientError(const data::Panel& panel, const std::vector<data::DemandCell>& sample,
                           std::uint64_t seed)
{
    const PanelShape shape = PanelShape::of(panel);
    const std::vector<data::DemandCell> cells(
        sample.begin(),
        sample.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(sample.size(), kChunk)));
    if (cells.empty())
        throw FlashPlanError("neural gradient check: no cells");
    checkCells(cells, static_cast<int>(shape.productCategory.size()));
    const std::unique_ptr<NeuralNet> net = makeNet(NeuralSettings{}, shape);
    std::mt19937_64 rng(seed);
    initialise(*net, cells, rng);
    for (float& v : net->theta) // every path carries signal (embeddings start tiny)
        v += static_cast<float>(0.2 * normal(rng));
    const std::vector<double> sizes = initialSizes(*net, cells, shape.productCategory);
    const auto [from, to] = periodRange(cells);
    const CalendarTable calendar = calendarTable(*net, shape, shape.dayOf(0), from, to);
    const Context ctx{*net, shape.productCategory, calendar};
    ThreadPool pool(1);
    Trainer trainer(ctx, *net, cells, kChunk, pool);
    const std::vector<float> analytic = trainer.gradient(sizes, 0, cells.size());
    auto loss = [&](const std::vector<float>& theta) {
        return meanOf(cellLosses(ctx, theta, cells, sizes, pool));
    };

    const NeuralNet& n = *net;
    const std::size_t blocks[] = {n.oW1,      n.ob1,        n.oW2,        n.ob2,
                                  n.ow3,      n.ob3,        n.oA,         n.oa,
                                  n.oCatEmb,  n.oCatLevel,  n.oCatTrend,  n.oCatWide,
                                  n.oProdEmb, n.oProdLevel, n.oProdTrend, n.total};
    constexpr std::size_t kSamples = 24; // parameters per block
    constexpr double kStep = 1e-3;       // small against ReLU kinks, large against float rounding
    double worst = 0.0;
    for (std::size_t b = 0; b + 1 < std::size(blocks); ++b) {
        const std::size_t size = blocks[b + 1] - blocks[b];
        double error = 0.0, norm = 0.0;
        for (std::size_t k = 0; k < std::min(size, kSamples); ++k) {
            const std::size_t i = blocks[b] + k * size / std::min(size, kSamples);
            std::vector<float> theta = net->theta;
            theta[i] = net->theta[i] + static_cast<float>(kStep);
            const double up = loss(theta);
            theta[i] = net->theta[i] - static_cast<float>(kStep);
            const double down = loss(theta);
            const double numeric = (up - down) / (2.0 * kStep);
            error += (numeric - analytic[i]) * (numeric - analytic[i]);
            norm += numeric * numeric;
        }
        worst = std::max(worst, std::sqrt(error / std::max(norm, 1e-12)));
    }
    return worst;
}

} // namespace fp::model
