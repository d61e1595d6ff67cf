#pragma once

#include "base/civildate.h"
#include "model/demandmodel.h"
#include "model/evaluation.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace fp::store {
class Store;
}

namespace fp::model {

struct TrainOptions
{
    std::string model = "auto"; // "auto" (every kind, keep the best) or one kind
    int holdoutDays = 0;        // 0: defaultHoldoutDays()
    std::uint64_t seed = 1;
    int threads = 2;
    int maxIterations = 0; // 0: each model's default
};

struct ModelReport
{
    std::string kind;
    Evaluation evaluation; // on the held-out periods, trained without them
    double seconds = 0;    // fitting time
    bool beatsBaseline = true;
    // The relative variance its intervals needed on the held-out periods to hold 80% (0: they
    // did; negative: taken away, they held far more); the stored model's noise gets the chosen
    // one's (intervalWidening()).
    double intervalWidening = 0;
    // auto, the neural model and the blend: how much lower their held-out WAPE is than the
    // structured model's, and that difference's standard error over products (wapeGain()).
    std::optional<WapeGain> overStructured;
    std::vector<LossPoint> curve;
};

struct TrainSummary
{
    std::vector<ModelReport> reports; // the baseline first
    std::string chosen;     // auto: the best price-aware model (never the baseline), or "blend"
    double blendWeight = 0; // the structured model's weight in the blend report (auto)
    // auto: how much lower (relative) the blend's held-out WAPE had to be than the best single
    // price-aware model's to be chosen; 0 when no blend was scored.
    double blendMargin = 0;
    // auto: how many standard errors another model's held-out WAPE had to be below the
    // structured model's for auto to keep it instead; 0 when auto did not choose.
    double selectionStandardErrors = 0;
    DayNumber holdoutStart = 0;
    int holdoutPeriods = 0;
    double refitSeconds = 0;
    std::int64_t modelId = 0;
};

struct TrainCallbacks
{
    // A new stage ("loading", "training structured", "refitting structured", "saving").
    std::function<void(const std::string& stage)> stage;
    // The loss after each iteration of the model being fitted; false cancels.
    std::function<bool(const std::string& kind, const LossPoint& point)> loss;
};

// The held-out tail train() scores the models on unless told otherwise: 28 days of daily data,
// 8 periods of coarser data (8 weeks).
int defaultHoldoutDays(int periodDays);

// Trains the baseline and the chosen model(s) on the history minus the held-out tail, scores them
// there, refits the chosen one on all history and stores it as the project's active model.
// Throws Cancelled (nothing stored) or FlashPlanError (too little history, unknown model).
TrainSummary trainAndStore(store::Store& store, const TrainOptions& options,
                           const TrainCallbacks& callbacks = {});

// The scores of a summary as the JSON kept with the model.
std::string summaryJson(const TrainSummary& summary);

} // namespace fp::model
