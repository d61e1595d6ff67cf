#pragma once

#include "base/binaryio.h"
#include "data/demandcells.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace fp::data {
class Panel;
}

namespace fp::model {

// One point of the training curve: mean loss per cell (negative log-likelihood of the count model)
// on the training cells and on the validation cells (NaN when there are none).
struct LossPoint
{
    int iteration = 0;
    double train = 0.0;
    double validation = 0.0;
};

// Called after every iteration/epoch; returning false cancels the fit (which then throws
// fp::Cancelled). Also how the GUI draws its live loss plot.
using LossFn = std::function<bool(const LossPoint&)>;

struct FitOptions
{
    std::uint64_t seed = 1;
    int maxIterations = 0; // 0 = the model's default
    int threads = 2;
    // Start from the model's current parameters when they fit the panel (a refit on more
    // history after the held-out evaluation): far fewer iterations for the same optimum.
    bool warmStart = false;
};

// What every demand model shares: what the panel looks like. Set by fit() and load(); lets the
// model compute calendar features of any period, also past the history.
struct PanelShape
{
    int periodDays = 1;
    DayNumber firstDay = 0;
    int periods = 0;
    std::vector<int> productCategory; // per panel product
    int categories = 1;

    // A stored shape beyond these is damage, not a history (an import refuses spans over 20 years).
    static constexpr int kMaxPeriods = 200 * 366;
    static constexpr DayNumber kMaxAbsDay = 10'000'000; // about 27,000 years either side of 1970
    static constexpr int kMaxCategories = 1'000'000;

    static PanelShape of(const data::Panel& panel);
    DayNumber dayOf(int period) const { return firstDay + period * periodDays; }
    void save(BinaryWriter& out) const;
    static PanelShape load(BinaryReader& in);
};

// A model of expected demand per product-period. The noise around the mean (negative binomial
// dispersion, the shared shock of multi-day events) is estimated separately (see Dispersion), so
// every model gets the same honest intervals.
class DemandModel
{
public:
    virtual ~DemandModel() = default;

    virtual std::string kind() const = 0; // "baseline", "structured", "neural"
    // The panel it was fitted on, as it saw it (its first day, each product's category index).
    virtual const PanelShape& shape() const = 0;

    // Fits on `train`; `validation` only feeds the loss curve (and early stopping where the model
    // uses it). Deterministic for the same cells and options.seed. Throws Cancelled.
    virtual void fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
                     const std::vector<data::DemandCell>& validation, const FitOptions& options,
                     const LossFn& onLoss) = 0;

    // Expected demand (not capped by stock) of each cell.
    virtual void predict(std::span<const data::DemandCell> cells, std::span<double> mean) const = 0;

    virtual void save(BinaryWriter& out) const = 0;
    virtual void load(BinaryReader& in) = 0;
};

std::unique_ptr<DemandModel> createModel(const std::string& kind); // nullptr for an unknown kind
std::vector<std::string> modelKinds();                             // in training order

} // namespace fp::model
