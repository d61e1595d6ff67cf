#pragma once

#include "model/coldstart.h"
#include "model/demandmodel.h"
#include "model/noisemodel.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fp::store {
class Store;
}

namespace fp::model {

// A trained model as kept in the project file: the mean model, its noise, what it was trained on
// and how well it did on held-out data.
struct TrainedModel
{
    std::int64_t id = 0;
    std::string kind;
    std::unique_ptr<DemandModel> model;
    NoiseModel noise;
    std::vector<std::int64_t> productIds; // project product ids, in the model's product order
    std::string scoresJson;
    std::vector<LossPoint> curve;
    std::uint64_t seed = 0;
    // Per model product: the deepest discount its category sold at
    // (data::deepestSupportedDiscounts); demand past it is continued by DepthGuard. Empty for a
    // model stored before it was kept.
    std::vector<float> supportedDepth;
    // Per model product: the regular price its price cuts were measured from in training (the
    // panel's PanelProduct::priceReference()). Empty for a model stored before it was kept.
    std::vector<double> referencePrice;
    // The categories of the panel it was trained on, in its order: the noise model's (and the
    // models' own) category indices. Empty for a model stored before they were kept.
    std::vector<std::string> categories;
    // The first day of the panel it was trained on: its period 0. Unknown (nullopt) for a model
    // stored before it was kept.
    std::optional<DayNumber> firstDay;
    // New products (no sales history) placed among the products the model knows
    // (model::addNewProducts): model indices productIds.size() and up. Not stored.
    ColdStart coldStart;

    // Expected demand of cells (cell.product is the model's index), continued boundedly past the
    // supported depth; extraVariance (when not empty) gets the continuation's relative variance,
    // and for a new product how unlike its peers it may be.
    void predict(std::span<const data::DemandCell> cells, std::span<double> means,
                 std::span<double> extraVariance = {}) const;

    // The model's index of each panel product (a placed new product's among them), or -1 for
    // products it has not seen.
    std::vector<int> productIndexFor(const std::vector<std::int64_t>& panelProductIds) const;
    // The same for each product of `panel`, in its order.
    std::vector<int> productIndexFor(const data::Panel& panel) const;
    // Keeps what the model needs of the panel it was fitted on: its products (productIds), the
    // deepest discount each one's category sold at, the regular price its cuts were measured
    // from, the categories in their order and the first day.
    void keepProductsOf(const data::Panel& panel);
    // Makes `panel` read as the model was trained, whatever was imported since:
    // - its periods counted from the model's first day (older history would shift every period
    //   the model reads its trend, season and shopping days by; it is dropped: the model never
    //   saw it);
    // - its categories at the model's indices (a new category would shift them, and each
    //   category's noise with them);
    // - the prices of the products the model knows measured from the regular prices it was
    //   trained with (a new regular price would move what a price means to the model).
    void alignTo(data::Panel& panel) const;
};

// The note that sales were imported after the active model was trained (SalesImportedSinceTraining,
// with both times), or none: plans and forecasts read the history as the model was trained on it
// (TrainedModel::alignTo) until it is trained again. The times are whole seconds: an import in the
// second the model was stored counts as before it (an import and a training at once, as the demo
// does them, say nothing).
std::optional<Problem> importedSinceTraining(store::Store& store);

// Stores `trained` as the project's active model (in one transaction) and returns its id.
std::int64_t saveActiveModel(store::Store& store, const TrainedModel& trained);

// The active model, or nullopt when none was trained. Loading gives bit-identical predictions.
std::optional<TrainedModel> loadActiveModel(store::Store& store);
// The same, for work that cannot go on without a model: throws FlashPlanError saying to train one.
TrainedModel requireActiveModel(store::Store& store);

} // namespace fp::model
