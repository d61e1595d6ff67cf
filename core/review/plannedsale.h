#pragma once

#include "base/civildate.h"
#include "base/error.h"
#include "data/panel.h"
#include "model/coldstart.h"
#include "plan/campaign.h"

#include <optional>
#include <string>
#include <vector>

namespace fp::store {
class Store;
}

namespace fp::review {

// What was planned for a sale that has since happened: its window, its products with their stock,
// unit cost and list price, and each product's planned discount.
struct PlannedSale
{
    plan::Campaign campaign;       // panel indices
    std::vector<double> discounts; // planned, one per campaign product
    std::vector<Problem> notes;    // products left out (no longer in the project)
    // The products that were new (no sales history) when the plan was saved, as described then.
    std::vector<model::NewProduct> newProducts;
};

// The scenario saved under `name` (trimmed), read back exactly, with its new products'
// descriptions. Throws FlashPlanError (ScenarioNameUnknown) when the project has none of that
// name.
PlannedSale plannedSaleOfScenario(store::Store& store, const data::Panel& panel,
                                  const std::string& name);

// The history as the plan saw it: the periods before the sale's window, each product's regular
// price as it was then. The sale's own rows (imported since, perhaps at another regular price)
// would otherwise move the reference the model prices against, and the plan's expectations with
// it, though the model is the same. A type of its own, so that a review cannot be handed the
// whole history by mistake; made once per review (it copies the panel).
struct HistoryAtPlanning
{
    data::Panel panel; // the same products, in the same order, as the whole history's
};
HistoryAtPlanning historyAtPlanning(const data::Panel& panel, const plan::Campaign& campaign);

// The plan's new products that have sold since (their sales imported after the model was trained)
// placed among their peers again, as the plan placed them, so that the review sets what they sold
// against what the plan expected of them. One that cannot be placed now is noted in `planned`.
void placeNewProductsOfPlan(const HistoryAtPlanning& history, model::TrainedModel& trained,
                            PlannedSale& planned);

// A recommended.csv (docs/data-format.md, section 3) read back: per row its sku's product with
// stock, unit_cost and list_price as the planner read them, and its discount; a row flagged
// cold_start (or naming a like_sku) also its name and category, how the plan placed the new
// product (the table names no like_sku, so one planned from a like item is placed among its
// category's products). Other columns are ignored, so a hand-edited table works too. The file is
// unusable when `problems` is not empty: each bad row (a sku the project does not hold, a
// discount that is not a fraction) has its line.
struct PlanFile
{
    std::vector<plan::CampaignProduct> products;
    std::vector<double> discounts;              // one per product
    std::vector<model::NewProduct> newProducts; // the rows that were new products
    std::vector<Problem> problems;
};
PlanFile readPlanFile(const std::string& path, const data::Panel& panel);

// A recommended table does not say when its sale ran; the history does: the days of the latest
// flash-sale event (an event id) that features any of `products`, over those products. nullopt
// when none of them was ever featured.
struct SaleWindow
{
    DayNumber start = 0;
    int days = 0;
};
std::optional<SaleWindow> latestEventWindow(const data::Panel& panel,
                                            const std::vector<int>& products);

} // namespace fp::review
