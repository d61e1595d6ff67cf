#pragma once

#include "base/civildate.h"
#include "base/error.h"
#include "model/coldstart.h"
#include "plan/campaign.h"
#include "plan/optimizer.h"
#include "plan/planresult.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fp::data {
class Panel;
}
namespace fp::store {
class Store;
}
namespace fp::sql {
class Statement;
}

namespace fp::plan {

class CampaignEvaluator;

// What the user chose for the optimizer; saved with each scenario.
struct PlanSettings
{
    Objective objective = Objective::Revenue;
    double blendWeight = 0.5;
    std::optional<double> budget;
    // Sale price >= unit cost x (1 + floor). Never below cost unless the user allows it (nullopt).
    std::optional<double> marginFloor = 0.0;
    double step = 0.05;

    bool operator==(const PlanSettings&) const = default;
};
OptimizerSettings toOptimizerSettings(const PlanSettings& settings);

// The settings as key=value lines (numbers read back exactly), as scenarios and the working plan
// keep them; and back. A text without margin_floor has no floor. Throws FlashPlanError naming
// `owner` (a scenario's name) for a damaged line; unknown keys (from a later FlashPlan) are
// skipped.
std::string planSettingsText(const PlanSettings& settings);
PlanSettings parsePlanSettings(const std::string& text, const std::string& owner);

// Throws FlashPlanError unless `discounts` fit `campaign` (one per product, fractions, each
// product of the panel once, a window of at least one day): the checks before a plan is saved.
void checkPlanToSave(const data::Panel& panel, const Campaign& campaign,
                     const std::vector<double>& discounts);

// One line of the scenario list.
struct ScenarioInfo
{
    std::int64_t id = 0;
    std::string name;
    std::string createdAt; // ISO 8601 UTC
    DayNumber start = 0;
    int days = 0;
    int products = 0;
    // The totals saved with the scenario, for the list (no model needed).
    double revenue = 0;
    double units = 0;
    std::optional<double> profit; // nullopt when some product had no unit cost
    double markdownCost = 0;
};

// A saved plan: the whole campaign setup, the settings and each product's discount.
struct Scenario
{
    ScenarioInfo info;
    Campaign campaign; // panel indices; lockedDiscount set for locked rows
    PlanSettings settings;
    std::vector<double> discounts; // one per campaign product
    std::vector<Problem> notes;    // e.g. products no longer in the project, left out
};

// Saves campaign, settings, discounts and locks in one transaction as a new scenario, replacing a
// scenario of the same name in that transaction, and returns its id. The name is trimmed and must
// be 1..200 characters. A locked product's saved discount is its lockedDiscount. New products (no
// sales history) are kept with their descriptions from `newProducts` (a superset, as
// PlannerData::newProducts() gives them). Throws FlashPlanError for a bad name, a discount count
// that differs from the products, a discount outside 0..1 or a product listed twice, and an
// internal error for a new product `newProducts` does not describe.
std::int64_t saveScenario(store::Store& store, const data::Panel& panel, const std::string& name,
                          const Campaign& campaign, const PlanSettings& settings,
                          const std::vector<double>& discounts, const PlanTotals& totals,
                          const std::vector<model::NewProduct>& newProducts = {});

std::vector<ScenarioInfo> listScenarios(store::Store& store); // newest first

// Reads a scenario back exactly (numbers bit for bit). Products the panel no longer holds are left
// out and named in notes. A new product is found by its sku: placed in the panel
// (PlannerData::addNewProducts, with loadScenarioNewProducts' descriptions) or, once its sku has
// sales history, that product. Throws FlashPlanError when there is no scenario `id`.
Scenario loadScenario(store::Store& store, const data::Panel& panel, std::int64_t id);

// The new products (no sales history) the saved scenarios hold, one description per sku (the
// newest scenario's): placed among their peers when the planner loads, so that any scenario opens.
// With `scenario`: that scenario's only.
std::vector<model::NewProduct>
loadScenarioNewProducts(store::Store& store, std::optional<std::int64_t> scenario = std::nullopt);

// The rows of a query of new product descriptions (sku, name, category, like_sku, list_price,
// unit_cost), as the working plan and the scenarios keep them.
std::vector<model::NewProduct> readNewProductRows(sql::Statement& rows);

// Removes the scenario with its campaign, products and discounts. No scenario `id`: no change.
void deleteScenario(store::Store& store, std::int64_t id);

// Throws FlashPlanError for an empty or too long name, one another scenario has, or no scenario.
void renameScenario(store::Store& store, std::int64_t id, const std::string& name);

// A plan of `campaign` under `settings`: its window, the settings and `rows` (one per campaign
// product) with their totals. No model, flags or optimality gap (makePlanResult() adds them).
PlanResult planResultOf(const Campaign& campaign, const PlanSettings& settings,
                        std::vector<ProductPlan> rows);

// The plan of a scenario's discounts as the evaluator sees them now (one model call for all), with
// each row's limit from limitAtDiscount() and the settings copied in. modelKind and
// modelScoresJson are left for the caller, who holds the model. Throws FlashPlanError when the
// discounts do not match the campaign's products.
PlanResult planAtDiscounts(const CampaignEvaluator& evaluator, const PlanSettings& settings,
                           const std::vector<double>& discounts);

} // namespace fp::plan
