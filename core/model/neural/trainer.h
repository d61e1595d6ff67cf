#pragma once

#include "model/neural/adam.h"
#include "model/neural/network.h"

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace fp::model::neural {

// The bounds of the negative binomial size r per category.
constexpr double kMinSize = 0.2;
constexpr double kMaxSize = 1e4;

// Negative binomial size per category by moments (Var = mu + mu^2 / r) from sums of
// (y - mu)^2 - mu and mu^2 over uncensored cells; thin categories lean on the pooled value.
std::vector<double> sizesFromMoments(const std::vector<double>& moments, int categories);
// The first r: residuals of each product's mean. Overstates the noise (the mean explains little),
// which only makes the first epochs more cautious.
std::vector<double> initialSizes(const Network& net, const std::vector<data::DemandCell>& train,
                                 const std::vector<int>& category);

// The mini-batch loop of one fit: shuffled batches, chunks on the pool's threads, the priors,
// Adam, and the moving average of the parameters that predictions use. (Not model::Trainer, which
// trains any demand model and scores it.)
class NeuralTrainer final
{
public:
    NeuralTrainer(const Context& ctx, Network& net, const std::vector<data::DemandCell>& train,
                  int batchSize, ThreadPool& pool);

    // One or more passes over the training cells, each in a new order. Returns the mean
    // negBinNll value per cell.
    double epoch(const std::vector<double>& sizes, double rate, std::mt19937_64& rng);

    // Of the last epoch, for the moment estimate of r.
    const std::vector<double>& moments() const { return m_moments; }
    const std::vector<float>& average() const { return m_average; }

    // The gradient of the mean loss of cells [begin, begin + count) of the current order, without
    // the priors, at the current parameters. Adds to the epoch's loss sum and moments.
    const std::vector<float>& gradient(const std::vector<double>& sizes, std::size_t begin,
                                       std::size_t count);

private:
    CellChunk chunkAt(std::size_t first, std::size_t end) const;
    void step(const std::vector<double>& sizes, std::size_t begin, std::size_t count, double rate);
    void lossGradient(const std::vector<double>& sizes, const CellChunk& chunk, float scale,
                      Workspace& ws) const;
    void addPriors(Views<float>& gw) const;

    const Context& m_ctx;
    Network& m_net;
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

} // namespace fp::model::neural
