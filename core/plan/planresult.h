#pragma once

#include "base/civildate.h"
#include "plan/planstate.h"
#include "plan/rowflags.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fp::plan {

// What stopped the optimizer from going further for a product (the `limited_by` column).
enum class Limit
{
    None,
    Stock,
    MaxDiscount,
    MinDiscount,
    Margin,
    Budget,
    Locked
};
std::string_view limitName(Limit limit); // "none", "stock", "max_discount", ... "locked"

enum class Objective
{
    Revenue,
    Profit,
    Blend
};
std::string_view objectiveName(Objective objective); // "revenue", "profit", "blend"

// One product of a plan: the row of the recommended table (spec/data-format.md, section 3).
struct ProductPlan
{
    std::string sku, name, category;
    double listPrice = 0;
    std::optional<double> unitCost;
    std::optional<double> stock; // units for the whole window; nullopt = unlimited
    double discount = 0;         // fraction 0..1
    double salePrice = 0;        // listPrice * (1 - discount)
    double expectedUnits = 0;    // E[min(window demand, stock)]
    double unitsLow = 0;         // 80% interval of units sold
    double unitsHigh = 0;
    double expectedRevenue = 0;
    std::optional<double> expectedProfit; // needs a unit cost
    std::optional<double> sellThrough;    // expected units / stock
    double sellOutProbability = 0;        // P(window demand >= stock)
    double markdownCost = 0;              // (list price - sale price) * expected units
    Limit limitedBy = Limit::None;
    bool locked = false;
    RowFlags flags; // what the row warns about (the `flags` column)
};

struct PlanTotals
{
    double units = 0, revenue = 0, profit = 0, markdownCost = 0;
    bool profitComplete = true; // false when some product has no unit cost
    int productsAtLimit = 0;
};

// A whole recommended plan and the settings that produced it, for the exports.
struct PlanResult
{
    DayNumber start = 0;
    int days = 0;
    Objective objective = Objective::Revenue;
    double blendWeight = 0;            // profit + w * revenue for the blend
    std::optional<double> budget;      // markdown budget
    std::optional<double> marginFloor; // sale price >= unit cost * (1 + margin)
    double step = 0.05;                // discount ladder step
    double optimalityGap = 0;          // proven upper bound minus the plan's objective (>= 0)
    PlanState state = PlanState::NotOptimized; // whether the rows still are the optimizer's
    std::string modelKind;
    std::string modelScoresJson; // the model's held-out scores (trainer JSON)
    std::vector<ProductPlan> rows;
    PlanTotals totals;
};

PlanTotals totalsOf(const std::vector<ProductPlan>& rows);

} // namespace fp::plan
