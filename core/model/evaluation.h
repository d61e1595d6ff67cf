#pragma once

#include "data/demandcells.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fp::model {

class NoiseModel;
struct PanelShape;

// Forecast accuracy on held-out periods. Forecasts are of units sold: E[min(D, stock)] where the
// stock is known, so sold-out periods are judged fairly.
struct Scores
{
    std::int64_t cells = 0;
    double actualUnits = 0;
    double wape = 0; // sum |actual - forecast| / sum actual
    double bias = 0; // sum (forecast - actual) / sum actual
    double mase = 0; // mean |error| / in-sample mean |y_t - y_{t-1 week}|
    // Coverage of the central 80% of the predictive distribution: the share of the randomized
    // PIT inside [0.1, 0.9], which is what "80%" means for counts (0.8 when calibrated).
    double coverage = 0;
    // Share of actual units inside the printed whole-unit band (NegBin::interval).
    double bandHitRate = 0;
};

struct Evaluation
{
    Scores overall, eventDays, regularDays;
    std::vector<double> productWape; // per panel product; NaN when it sold nothing held out
    // Per panel product: sum |actual - forecast| held out; NaN when it had no held-out periods.
    std::vector<double> productError;
};

// How much lower a challenger's held-out WAPE is than an incumbent's on the same cells (positive:
// lower), and the standard error of that difference over products: a product's periods rise and
// fall together, so products, not periods, are the independent draws.
struct WapeGain
{
    double gain = 0;
    double standardError = 0;
    int products = 0; // with held-out periods: the draws the standard error is taken over

    // How many standard errors the gain must reach to be believed at 90% (one-sided): Student's
    // t quantile with products - 1 degrees of freedom, as the standard error is itself estimated
    // from few products.
    double neededStandardErrors() const;
    bool clear() const { return beyondChance(gain, standardError, neededStandardErrors()); }

    // A gain believed: above 0 and above `needed` standard errors (a stored summary's figures).
    static bool beyondChance(double gain, double standardError, double needed)
    {
        return gain > 0 && gain > needed * standardError;
    }
};

WapeGain wapeGain(const Evaluation& incumbent, const Evaluation& challenger);

// Mean absolute change from one week earlier over the training cells (the MASE scale).
double seasonalNaiveScale(const std::vector<data::DemandCell>& train, int periodDays);

Evaluation evaluate(const PanelShape& shape, const std::vector<data::DemandCell>& heldOut,
                    std::span<const double> means, const NoiseModel& noise, double naiveScale);

// The most intervalWidening() adds: a relative sd of 2 on top of the noise.
inline constexpr double kMaxIntervalWidening = 4.0;

// The relative variance to add to every cell's demand (Var = mu + mu^2 (1/r + v)) for the central
// 80% predictive intervals of these out-of-sample cells to hold 80% of them (by the randomized
// PIT): a model's noise, estimated from its own fit's residuals, misses the error of its
// parameters and the drift over the horizon. Negative where they hold far more than 80% (beyond
// chance for so many cells): the variance to take away, at most down to Poisson's. 0 where they
// hold about 80%.
double intervalWidening(const PanelShape& shape, const std::vector<data::DemandCell>& heldOut,
                        std::span<const double> means, const NoiseModel& noise);

// Compact JSON of an evaluation (overall and the two splits), for the project file and the GUI.
std::string toJson(const Scores& s);

} // namespace fp::model

namespace fp::model {

// Reads back the overall held-out scores of `kind` from a summary JSON written by the trainer.
std::optional<Scores> overallScoresIn(const std::string& summaryJson, const std::string& kind);

} // namespace fp::model
