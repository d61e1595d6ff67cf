#pragma once

#include "data/demandcells.h"

#include <vector>

namespace fp::data {
class Panel;
}

namespace fp::model {

struct TrainedModel;

struct ForecastRow
{
    int product = 0; // panel product
    DayNumber day = 0;
    double forecast = 0; // expected units sold: E[min(D, stock)], or E[D] without a stock
    int lower = 0;       // 80% interval of units sold
    int upper = 0;
    double extraVariance = 0; // of the mean: an extrapolation past the supported depth (DepthGuard)
};

// Forecasts each planned period with the trained model. Periods must be sorted by (product, day);
// products the model has not seen raise FlashPlanError.
std::vector<ForecastRow> forecastPeriods(const data::Panel& panel, const TrainedModel& trained,
                                         const std::vector<data::ScenarioPeriod>& periods);

} // namespace fp::model
