#pragma once

#include "base/binaryio.h"
#include "data/demandcells.h"
#include "model/negbin.h"

#include <span>
#include <utility>
#include <vector>

namespace fp::model {

struct PanelShape;

// The noise around a model's expected demand, estimated from its residuals, so every model gets
// intervals of the same kind: negative binomial daily noise with a size per category, and a
// demand shock shared by all days of one flash-sale event (a product hot on day 1 stays hot), which
// makes event totals vary more than independent days would.
class NoiseModel final
{
public:
    // Estimated from fitted cells: sizes by maximum likelihood on regular (non-event, unsold-out)
    // cells; the event shock's variance by moments of whole-event totals.
    static NoiseModel estimate(const PanelShape& shape, const std::vector<data::DemandCell>& cells,
                               std::span<const double> means);

    // Demand of one cell: on an event day the shock's variance widens the negative binomial.
    // `extra` is more relative variance of the mean itself (an extrapolation's, DepthGuard).
    NegBin cellDemand(int category, const data::DemandCell& cell, double mean,
                      double extra = 0.0) const;
    // The part of a cell's relative variance its window's other periods share (the event shock on
    // an event day, plus `extra`): what makes the periods of one product's event move together.
    double sharedVariance(int category, const data::DemandCell& cell, double extra = 0.0) const;
    // Total demand over several periods of one product with these means, moment-matched to a
    // negative binomial; `featured` adds the event shock shared by all of them.
    // `extra`: relative variance of the whole window's mean, shared by its periods.
    NegBin windowDemand(int category, std::span<const double> means, bool featured,
                        double extra = 0.0) const;

    // The same noise with `extra` more relative variance on every cell (each size r becomes
    // 1 / (1 / r + extra); negative takes it away, down to Poisson's): out-of-sample
    // calibration, see intervalWidening().
    NoiseModel widened(double extra) const;

    // A category the model was not trained with (one imported since, which
    // TrainedModel::alignTo puts after the model's) gets the noisiest of the model's.
    double size(int category) const;
    double eventShockVariance(int category) const;

    void save(BinaryWriter& out) const;
    static NoiseModel load(BinaryReader& in);

private:
    std::vector<double> m_size;  // NB size per category
    std::vector<double> m_shock; // variance of the (mean 1) event shock per category
};

} // namespace fp::model
