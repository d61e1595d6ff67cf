#pragma once

#include "base/civildate.h"
#include "model/forecaster.h"

#include <optional>
#include <string>
#include <vector>

namespace fp::data {
class Panel;
}
namespace fp::model {
struct TrainedModel;
}

namespace fp::plan {

struct ProductFitOptions
{
    int forecastDays = 28; // forecast past the product's last period, at the regular price
    int windowDays = 3;    // the flash-sale window of the discount curves
    double maxDiscount = 0.9;
    double discountStep = 0.05;
};

// One period of a product's history and what the model makes of it. The fitted value and the 80%
// interval are of units sold, E[min(D, stock)] when the stock is known, like the forecasts.
struct FittedPeriod
{
    DayNumber day = 0;
    double actual = 0;
    double fitted = 0;
    int lower = 0;
    int upper = 0;
    bool censored = false;
    bool event = false;
};

// The product in a flash-sale window (featured, unlimited stock) at one discount.
struct DiscountPoint
{
    double discount = 0;
    double units = 0; // expected units in the window
    double unitsLow = 0;
    double unitsHigh = 0;
    double revenue = 0;
    std::optional<double> profit; // needs a unit cost
};

struct ProductFit
{
    std::vector<FittedPeriod> history;        // every present period of the product
    std::vector<model::ForecastRow> forecast; // the periods after its history
    DayNumber windowStart = 0;                // the day after its history
    int windowDays = 0;                    // the days its periods cover: whole weeks of weekly data
    std::vector<DiscountPoint> curve;      // discounts 0, step, ... maxDiscount
    double usualDiscount = 0;              // mean depth on its discounted periods (>= 1% off), or 0
    std::optional<DayNumber> holdoutStart; // the model's held-out period began here
};

// How the trained model fits panel product `product` and how it answers discounts: the history with
// fitted values, the forecast continuing it, and expected window units, revenue and profit over the
// discount ladder. Throws FlashPlanError when the model does not know the product.
ProductFit fitProduct(const data::Panel& panel, const model::TrainedModel& trained, int product,
                      const ProductFitOptions& options = {});

// Mean discount of a product's periods sold at least 1% below the regular price, or 0.
double usualDiscount(const data::Panel& panel, int product);

// The first held-out day recorded in a model's scores JSON ("holdout_start"), if any.
std::optional<DayNumber> holdoutStartOf(const std::string& scoresJson);

} // namespace fp::plan
