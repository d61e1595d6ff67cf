#pragma once

#include "base/progress.h"
#include "plan/planresult.h"

#include <optional>
#include <vector>

namespace fp::plan {

class CampaignEvaluator;
struct CampaignProduct;

struct OptimizerSettings
{
    Objective objective = Objective::Revenue;
    double blendWeight = 0.0;           // Blend: profit + blendWeight * revenue
    std::optional<double> budget;       // total markdown cost, never exceeded
    std::optional<double> marginFloor;  // sale price >= unit cost * (1 + marginFloor)
    double step = 0.05;                 // the discount ladder
    std::int64_t nodeLimit = 5'000'000; // branch-and-bound effort before settling for the bound
};

struct OptimizedPlan
{
    std::vector<ProductPlan> rows; // one per campaign product, with limitedBy
    double objectiveValue = 0;
    double upperBound = 0;         // no plan on the ladder can do better than this
    bool proven = true;            // objectiveValue == the best possible (the search finished)
    bool budgetInfeasible = false; // even the smallest discounts exceed the budget
};

// The discount ladder of a product: min..max in `step`s (both ends included).
std::vector<double> discountLadder(double minDiscount, double maxDiscount, double step);

// Chooses each product's discount from its ladder to maximize the objective. Without a budget the
// products are independent and each is solved exactly. A markdown budget couples them into a
// multiple-choice knapsack, solved exactly by branch and bound with a Lagrangian bound (proven
// optimal unless the node limit is hit; then the best plan found and the bound are returned).
// Locked products keep their discount; margin floors remove ladder steps. Throws Cancelled when
// `progress` returns false, also in the middle of the budget search.
OptimizedPlan optimize(const CampaignEvaluator& evaluator, const OptimizerSettings& settings,
                       const ProgressFn& progress = {});

// The limit that holds a product at the discount of `row` without a search: Locked for a locked
// product, Stock when it sells out with probability >= 0.5, MaxDiscount / MinDiscount at that end
// of its range (when min < max and that end is a real bound: max below 95%, min above 0), else
// None. The optimizer decides Budget and Margin, which come from its search.
Limit limitAtDiscount(const CampaignProduct& product, const ProductPlan& row);

// The objective of one product-plan row (revenue, profit or the blend; revenue when the profit is
// unknown for lack of a unit cost).
double objectiveOf(const ProductPlan& row, Objective objective, double blendWeight);

} // namespace fp::plan
