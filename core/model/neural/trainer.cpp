#include "model/neural/trainer.h"

#include "base/threadpool.h"
#include "model/negbin.h"

#include <algorithm>
#include <cmath>

namespace fp::model::neural {

namespace {

constexpr double kSizePrior = 100.0; // pseudo sum(mu^2) pulling a thin category's 1/r to the pool
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

void shuffle(std::vector<std::uint32_t>& items, std::mt19937_64& rng) // Fisher-Yates
{
    for (std::size_t i = items.size(); i > 1; --i) {
        const auto j = static_cast<std::size_t>(rng() % i); // modulo bias ~ i / 2^64: none
        std::swap(items[i - 1], items[j]);
    }
}

} // namespace

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

std::vector<double> initialSizes(const Network& net, const std::vector<data::DemandCell>& train,
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

NeuralTrainer::NeuralTrainer(const Context& ctx, Network& net,
                             const std::vector<data::DemandCell>& train, int batchSize,
                             ThreadPool& pool)
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
    m_keep =
        static_cast<float>(1.0 - 1.0 / std::clamp(steps * kAverageEpochs, 1.0, kMaxAverageSteps));
    m_moments.assign(2 * static_cast<std::size_t>(net.categories), 0.0);
}

double NeuralTrainer::epoch(const std::vector<double>& sizes, double rate, std::mt19937_64& rng)
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

CellChunk NeuralTrainer::chunkAt(std::size_t first, std::size_t end) const
{
    return {m_train, m_order.data(), first,
            static_cast<int>(std::min<std::size_t>(kChunk, end - first))};
}

const std::vector<float>& NeuralTrainer::gradient(const std::vector<double>& sizes,
                                                  std::size_t begin, std::size_t count)
{
    const int chunks = static_cast<int>((count + kChunk - 1) / kChunk);
    if (m_spaces.size() < static_cast<std::size_t>(chunks))
        m_spaces.resize(static_cast<std::size_t>(chunks), Workspace(m_net));
    const auto scale = static_cast<float>(1.0 / static_cast<double>(count)); // mean loss
    const Views<const float> w(m_net, m_net.theta.data());
    m_pool.forEachIndex(chunks, [&](int index, int) {
        Workspace& ws = m_spaces[static_cast<std::size_t>(index)];
        const CellChunk chunk =
            chunkAt(begin + static_cast<std::size_t>(index) * kChunk, begin + count);
        forward(m_ctx, w, chunk, ws);
        lossGradient(sizes, chunk, scale, ws);
        backward(m_net, w, ws);
    });

    // Reduce the chunks in their order, then the sparse rows cell by cell.
    std::fill(m_grad.begin(), m_grad.end(), 0.0f);
    Views<float> gw(m_net, m_grad.data());
    for (int index = 0; index < chunks; ++index) {
        const Workspace& ws = m_spaces[static_cast<std::size_t>(index)];
        for (std::size_t i = 0; i < m_net.denseSize(); ++i)
            m_grad[i] += ws.grad[i];
        m_lossSum += ws.loss;
        for (std::size_t i = 0; i < m_moments.size(); ++i)
            m_moments[i] += ws.moments[i];
        const CellChunk chunk =
            chunkAt(begin + static_cast<std::size_t>(index) * kChunk, begin + count);
        for (int j = 0; j < ws.n; ++j) {
            const int p = chunk[j].product;
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

void NeuralTrainer::step(const std::vector<double>& sizes, std::size_t begin, std::size_t count,
                         double rate)
{
    gradient(sizes, begin, count);
    Views<float> gw(m_net, m_grad.data());
    addPriors(gw);
    m_adam.step(m_net.theta, m_grad, rate);
    for (std::size_t i = 0; i < m_average.size(); ++i)
        m_average[i] = m_keep * m_average[i] + (1.0f - m_keep) * m_net.theta[i];
}

void NeuralTrainer::lossGradient(const std::vector<double>& sizes, const CellChunk& chunk,
                                 float scale, Workspace& ws) const
{
    ws.loss = 0.0;
    std::fill(ws.moments.begin(), ws.moments.end(), 0.0);
    for (int j = 0; j < ws.n; ++j) {
        const data::DemandCell& c = chunk[j];
        const auto k = static_cast<std::size_t>(m_ctx.categoryOf(c));
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

void NeuralTrainer::addPriors(Views<float>& gw) const
{
    const Views<const float> theta(m_net, m_net.theta.data());
    gw.prodLevel += m_levelPrior * theta.prodLevel;
    gw.prodTrend += m_trendPrior * theta.prodTrend;
    gw.prodEmb += m_embeddingPrior * theta.prodEmb;
    gw.W1 += m_weightPrior * theta.W1;
    gw.W2 += m_weightPrior * theta.W2;
}

} // namespace fp::model::neural
