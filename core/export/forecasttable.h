#pragma once

#include "base/progress.h"
#include "model/forecaster.h"
#include "plan/campaign.h"
#include "plan/rowflags.h"

#include <string>
#include <vector>

namespace fp::data {
class Panel;
}
namespace fp::model {
struct TrainedModel;
}

namespace fp::exports {

// The forecast of a campaign at a plan's discounts: one row per campaign product (in campaign
// order) per period of the sale window (its days, or for weekly data the weeks that overlap it,
// as the planner sees them), featured as a flash-sale event. `discounts` has one entry per
// campaign product.
//
// A product's stock is for the whole window, so it caps the periods together: a period's forecast
// is what is expected to sell in it while stock lasts, E[min(D_1..t, stock)] - E[min(D_1..t-1,
// stock)] with D_1..t the demand of the window's first t periods. The forecasts of a product sum
// to the planner's expected units E[min(window demand, stock)]; without a stock, each is the
// model's expected demand. lower/upper bound an 80% interval of the period's units, capped by the
// stock. Throws FlashPlanError when the discounts do not match the products or the model does not
// know a product.
std::vector<model::ForecastRow> campaignForecast(const data::Panel& panel,
                                                 const model::TrainedModel& trained,
                                                 const plan::Campaign& campaign,
                                                 const std::vector<double>& discounts);

// forecast.csv (spec/data-format.md, section 4): date,sku,forecast,lower,upper,flags, one line per
// row, with the forecast to 4 decimals, the interval in whole units and `flags` (one per row) as
// space-separated names, empty when none. Written atomically: a failure leaves any earlier file as
// it was. Throws FlashPlanError when the flags do not match the rows. `progress` counts the rows;
// when it returns false this throws Cancelled, leaving the target as it was and no temporary file.
void writeForecastCsv(const data::Panel& panel, const std::vector<model::ForecastRow>& rows,
                      const std::vector<plan::RowFlags>& flags, const std::string& path,
                      const ProgressFn& progress = {});

// campaignForecast() as forecast.csv, each row flagged cold_start for a new product (placed among
// its peers, model::ColdStart) and beyond_history when its product's discount is deeper than its
// category sold at (plan::DeepestDiscounts).
void writeForecastCsv(const data::Panel& panel, const model::TrainedModel& trained,
                      const plan::Campaign& campaign, const std::vector<double>& discounts,
                      const std::string& path, const ProgressFn& progress = {});

} // namespace fp::exports
