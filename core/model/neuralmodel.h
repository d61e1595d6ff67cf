#pragma once

#include "model/demandmodel.h"

#include <memory>
#include <vector>

namespace fp::model {

namespace neural {
struct Network; // the network's sizes and parameters: model/neural/network.h
}

// Hyper-parameters of the neural model; saved with it so a loaded model rebuilds the same network.
struct NeuralSettings
{
    int productDim = 8;  // product embedding
    int categoryDim = 4; // category embedding
    int hidden1 = 32;    // two ReLU layers
    int hidden2 = 16;
    int batchSize = 2048; // smaller for small histories, to give each epoch >= 200 steps
    // An epoch is a pass over the training cells (several passes when that is under 200 steps).
    int epochs = 12;         // when FitOptions::maxIterations is 0
    int warmStartEpochs = 3; // the same for a warm-started refit
    int patience = 3;        // epochs significantly worse than the best before stopping
    double learningRate = 3e-3;
    // Knots of the monotone discount response (ramps in -log(1 - d) starting at each knot).
    std::vector<float> discountKnots = {0.0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f};
};

// The "deep learning" demand model, a wide-and-deep network on log expected demand:
//
//   log mu = MLP(product, category embeddings, calendar, events)       product-specific patterns
//          + wide(category) . (calendar, events)                       shared effects, linear
//          + level(p) + level(c) + (slope(p) + slope(c)) * years       log-linear trend
//          + sum_k softplus(head_k(embeddings)) * max(0, -log(1 - d) - knot_k)   discount d
//
// The discount enters only through the last term, a sum of ramps with non-negative weights, so
// predicted demand never falls as the discount deepens. Calendar: weekday (daily data), yearly
// Fourier terms, holidays; events: day within a flash-sale event, the dip after one. Gaussian
// priors shrink each product's parameters towards its category, and the MLP's weights to zero.
// Fitted to the negative binomial likelihood (censored where sold out) with Adam on shuffled
// mini-batches; r is one per category, set by moments after the second epoch and then fixed.
// Predictions use a moving average of the parameters. Training is bit-reproducible for the same
// cells and seed, whatever the number of threads.
class NeuralModel final : public DemandModel
{
public:
    explicit NeuralModel(NeuralSettings settings = {});
    ~NeuralModel() override;

    std::string kind() const override { return "neural"; }
    const PanelShape& shape() const override { return m_shape; }

    // Early stopping: with validation cells, training stops after `patience` epochs whose
    // validation loss is significantly worse than the best (two standard errors of the per-cell
    // difference), keeping the latest epoch that was not. Without, the whole budget is trained. A
    // warm start (options.warmStart, on the panel the model was fitted to, maybe with more periods)
    // continues from the current parameters with a short schedule of warmStartEpochs: the refit on
    // all history after the held-out evaluation costs a quarter of a fresh fit for the same
    // accuracy.
    void fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
             const std::vector<data::DemandCell>& validation, const FitOptions& options,
             const LossFn& onLoss) override;
    void predict(std::span<const data::DemandCell> cells, std::span<double> mean) const override;

    void save(BinaryWriter& out) const override;
    void load(BinaryReader& in) override;

    const NeuralSettings& settings() const { return m_settings; }
    // Negative binomial size r per category used in the loss (empty before fit).
    const std::vector<double>& categorySizes() const { return m_sizes; }
    int epochsTrained() const { return m_epochsTrained; } // epoch whose parameters were kept

private:
    bool canWarmStart(const PanelShape& shape) const;

    NeuralSettings m_settings;
    PanelShape m_shape;
    DayNumber m_trendOrigin = 0;
    std::vector<double> m_sizes;
    int m_epochsTrained = 0;
    std::unique_ptr<neural::Network> m_net;
};

// For tests of the hand-written back-propagation: per block of parameters (a layer, the
// embeddings, ...), the relative error between the analytic gradient of the mean loss of `cells`
// (the first 512) and central finite differences, at a random start from `seed`. Returns the
// largest: about 1% (ReLU kinks within the finite-difference step), far more for a wrong one.
double neuralGradientError(const data::Panel& panel, const std::vector<data::DemandCell>& cells,
                           std::uint64_t seed);

} // namespace fp::model
