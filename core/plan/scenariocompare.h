#pragma once

#include "plan/planresult.h"

#include <optional>
#include <string>
#include <vector>

namespace fp::plan {

// One product in two plans A and B, matched by sku.
struct ProductDifference
{
    std::string sku, name;
    std::optional<double> discountA, discountB; // nullopt: the product is only in the other plan
    double unitsA = 0, unitsB = 0, revenueA = 0, revenueB = 0;
    std::optional<double> profitA, profitB; // nullopt: absent, or no unit cost
    bool major = false;
};

struct ScenarioComparison
{
    PlanTotals a, b;                         // totalsOf() each plan's rows
    std::vector<ProductDifference> products; // by |revenueB - revenueA|, largest first; then sku
};

// Plan A against plan B, product by product (matched by sku) and in total.
//
// `major` marks the changes worth a look first:
// - a product in only one of the plans;
// - a discount that moved by kMajorDiscountPoints (10 percentage points) or more;
// - the largest revenue changes that together make up kMajorRevenueShare (80%) of the summed
//   absolute revenue change, largest first (a Pareto cut: one product when it dominates, many when
//   the change is spread out), counting only changes of at least kNegligibleRevenueShare (0.1%) of
//   the larger total revenue, so rounding noise is never major.
ScenarioComparison compareScenarios(const PlanResult& a, const PlanResult& b);

inline constexpr double kMajorDiscountPoints = 0.10;
inline constexpr double kMajorRevenueShare = 0.80;
inline constexpr double kNegligibleRevenueShare = 0.001;

} // namespace fp::plan
