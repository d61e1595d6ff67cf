#pragma once

// PlanSettings, Campaign, PlanTotals and the forward declarations of Panel and Store come with
// the scenarios' header: a working plan is kept as a scenario is.
#include "model/coldstart.h"
#include "plan/planstate.h"
#include "plan/scenariostore.h"

#include <memory>

namespace fp::plan {

// What the last Optimize gave: the campaign and settings it searched, with which model, and the
// discounts and locks it returned. The plan's state is how the plan now differs from it.
struct OptimizedPlanMark
{
    std::int64_t modelId = 0;
    Campaign campaign;
    PlanSettings settings;
    std::vector<double> discounts;
    std::vector<bool> locked;
};

// The plan the user works on, as the planner holds it and the project keeps it: the campaign
// (window, products and their limits; panel indices, lockedDiscount unused), the settings, each
// product's discount, lock and what limits it, the optimizer's bound, and the mark of the last
// Optimize (shared: undo keeps many copies of one mark).
struct WorkingPlan
{
    Campaign campaign;
    PlanSettings settings;
    std::vector<double> discounts; // one per campaign product
    std::vector<bool> locked;
    std::vector<Limit> limits; // from the optimizer, or classified after a manual move
    // The optimizer's proven bound on the objective for this campaign and these settings: none
    // before optimizing or once either changes. The exports give the plan's gap to it.
    std::optional<double> upperBound;
    std::shared_ptr<const OptimizedPlanMark> optimized; // none before the first Optimize
};

// The same products with the same limits (stock, cost, list price, discount range), in order.
bool sameProducts(const Campaign& a, const Campaign& b);

// Whether `plan`, planned with the model `modelId`, still is what its last Optimize gave: Stale
// once the model or the window changed, Edited once anything else did (discounts, locks, products,
// their limits, settings), else Optimal; NotOptimized without an Optimize.
PlanState planStateOf(const WorkingPlan& plan, std::int64_t modelId);

// The working plan as the project keeps it, with the model it was last evaluated with and the
// totals it had then (so a reopened or retrained plan can say what changed).
struct StoredWorkingPlan
{
    WorkingPlan plan;
    std::int64_t modelId = 0;
    PlanTotals totals;
    std::vector<Problem> notes; // products no longer in the panel, left out
};

// Replaces the project's working plan with `plan` in one transaction (the plan and its mark, and
// the descriptions of the new products they hold, from `newProducts`: a superset, as
// PlannerData::newProducts() gives them). Throws FlashPlanError for a plan that does not fit the
// panel (checkPlanToSave) or holds a new product `newProducts` does not describe.
void saveWorkingPlan(store::Store& store, const data::Panel& panel, const WorkingPlan& plan,
                     std::int64_t modelId, const PlanTotals& totals,
                     const std::vector<model::NewProduct>& newProducts = {});

// The new products (no sales history) the saved working plan holds, in the order they were
// placed: placed again (PlannerData::addNewProducts) before the plan is loaded.
std::vector<model::NewProduct> loadNewProducts(store::Store& store);

// The project's working plan read back exactly (numbers bit for bit), or nullopt when none was
// saved. Products the panel no longer holds (a new product that could not be placed again) are
// left out and named in notes; new products are found by sku.
std::optional<StoredWorkingPlan> loadWorkingPlan(store::Store& store, const data::Panel& panel);

} // namespace fp::plan
