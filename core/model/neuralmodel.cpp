#include "model/neuralmodel.h"

#include "base/error.h"
#include "base/threadpool.h"
#include "data/panel.h"
#include "model/neural/earlystopping.h"
#include "model/neural/network.h"
#include "model/neural/trainer.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <thread>

namespace fp::model {

using neural::Network;

namespace {

constexpr std::uint32_t kMagic = 0x4e4e5046; // "FPNN"
constexpr std::int32_t kFormatVersion = 1;
constexpr int kSizeEpoch = 2;       // r is re-estimated after this epoch and fixed from then on
constexpr double kFinalRate = 0.05; // the cosine schedule ends at this fraction of the rate

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
        throw internalError("neural model: invalid settings");
}

void checkCells(std::span<const data::DemandCell> cells, int products)
{
    for (const data::DemandCell& cell : cells)
        if (cell.product < 0 || cell.product >= products)
            throw internalError("neural model: a cell's product is not in the model's panel");
}

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
        throw internalError("neural model: no history to train on");
    PanelShape shape = PanelShape::of(panel);
    const int products = static_cast<int>(shape.productCategory.size());
    checkCells(train, products);
    checkCells(validation, products);
    const std::vector<int>& category = shape.productCategory;
    std::mt19937_64 rng(options.seed);

    // Built aside and committed at the end: a cancelled fit leaves the model as it was.
    const bool warm = options.warmStart && canWarmStart(shape);
    DayNumber trendOrigin = 0;
    std::unique_ptr<Network> net;
    std::vector<double> sizes;
    if (warm) {
        trendOrigin = m_trendOrigin; // the fitted slopes are relative to it
        net = std::make_unique<Network>(*m_net);
        sizes = m_sizes;
    } else {
        trendOrigin = shape.dayOf(shape.periods / 2); // keeps the trend input near [-1, 1]
        net = std::make_unique<Network>(neural::makeNetwork(m_settings, shape));
        neural::initialise(*net, train, rng);
        sizes = neural::initialSizes(*net, train, category);
    }

    const auto [from, to] = neural::periodRange(train, validation);
    const neural::CalendarTable calendar =
        neural::calendarTable(*net, shape, trendOrigin, from, to);
    const neural::Context ctx{*net, category, calendar};
    ThreadPool pool(std::max(1, options.threads)); // for the whole fit
    neural::NeuralTrainer trainer(ctx, *net, train, m_settings.batchSize, pool);
    double trainNormaliser = neural::normaliserSum(train, category, sizes);
    const double cells = static_cast<double>(train.size());

    const int epochs = options.maxIterations > 0 ? options.maxIterations
                       : warm                    ? m_settings.warmStartEpochs
                                                 : m_settings.epochs;
    const int sizeEpoch = warm ? 0 : kSizeEpoch; // a warm start keeps its r
    neural::EarlyStopping stopping(m_settings.patience);
    int epoch = 0;
    while (epoch < epochs) {
        ++epoch;
        // Cosine decay over the budget. Validation never steers the steps, so a fit without it
        // takes the same path as one with it, just without stopping early.
        const double cosine = 0.5 * (1.0 + std::cos(std::numbers::pi * (epoch - 1) / epochs));
        const double rate = m_settings.learningRate * (kFinalRate + (1.0 - kFinalRate) * cosine);
        const double trainLoss = trainer.epoch(sizes, rate, rng) - trainNormaliser / cells;

        if (epoch == sizeEpoch) { // the model now explains most of the mean: r by moments
            sizes = neural::sizesFromMoments(trainer.moments(), net->categories);
            trainNormaliser = neural::normaliserSum(train, category, sizes);
        }
        const std::vector<double> losses =
            neural::cellLosses(ctx, trainer.average(), validation, sizes, pool);
        if (onLoss && !onLoss(LossPoint{epoch, trainLoss, neural::meanOf(losses)}))
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
        throw internalError("neural model: predict before fit or load");
    if (mean.size() != cells.size())
        throw internalError("neural model: predict needs one output per cell");
    if (cells.empty())
        return;
    checkCells(cells, m_net->products);
    const auto [from, to] = neural::periodRange(cells);
    const neural::CalendarTable calendar =
        neural::calendarTable(*m_net, m_shape, m_trendOrigin, from, to);
    const neural::Context ctx{*m_net, m_shape.productCategory, calendar};
    const int chunks = static_cast<int>((cells.size() + neural::kChunk - 1) / neural::kChunk);
    const int cores = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
    ThreadPool pool(std::min(cores, chunks));
    const std::vector<float> eta = neural::logMeans(ctx, m_net->theta, cells, pool);
    for (std::size_t i = 0; i < cells.size(); ++i)
        mean[i] = std::exp(double{eta[i]});
}

void NeuralModel::save(BinaryWriter& out) const
{
    if (!m_net)
        throw internalError("neural model: save before fit");
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
        throw FlashPlanError(ProblemKind::StoredModelNotNeural);
    const auto version = in.get<std::int32_t>();
    if (version != kFormatVersion)
        throw FlashPlanError(ProblemKind::StoredNeuralModelVersion,
                             {std::to_string(version), std::to_string(kFormatVersion)});
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
        return FlashPlanError(ProblemKind::StoredNeuralModelCorrupt);
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
    const bool sizesOk = sizes.size() == static_cast<std::size_t>(shape.categories) &&
                         std::all_of(sizes.begin(), sizes.end(),
                                     [](double r) { return r > 0.0 && r <= neural::kMaxSize; });
    if (!shapeOk || !sizesOk)
        throw corrupt();
    auto net = std::make_unique<Network>(neural::makeNetwork(settings, shape));
    if (inputs != net->inputs())
        throw FlashPlanError(ProblemKind::StoredNeuralModelInputs,
                             {std::to_string(inputs), std::to_string(net->inputs())});
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
        sample.begin(), sample.begin() + static_cast<std::ptrdiff_t>(
                                             std::min<std::size_t>(sample.size(), neural::kChunk)));
    if (cells.empty())
        throw internalError("neural gradient check: no cells");
    checkCells(cells, static_cast<int>(shape.productCategory.size()));
    const auto net = std::make_unique<Network>(neural::makeNetwork(NeuralSettings{}, shape));
    std::mt19937_64 rng(seed);
    initialise(*net, cells, rng);
    for (float& v : net->theta) // every path carries signal (embeddings start tiny)
        v += static_cast<float>(0.2 * neural::normal(rng));
    const std::vector<double> sizes = initialSizes(*net, cells, shape.productCategory);
    const auto [from, to] = neural::periodRange(cells);
    const neural::CalendarTable calendar =
        neural::calendarTable(*net, shape, shape.dayOf(0), from, to);
    const neural::Context ctx{*net, shape.productCategory, calendar};
    ThreadPool pool(1);
    neural::NeuralTrainer trainer(ctx, *net, cells, neural::kChunk, pool);
    const std::vector<float> analytic = trainer.gradient(sizes, 0, cells.size());
    auto loss = [&](const std::vector<float>& theta) {
        return neural::meanOf(neural::cellLosses(ctx, theta, cells, sizes, pool));
    };

    const Network& n = *net;
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
