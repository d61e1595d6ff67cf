#pragma once

#include <string_view>

namespace fp::plan {

// Whether a plan still is what the optimizer gave: the one word the planner's status, the PDF
// report and `flashplan-cli plan` say about a plan.
enum class PlanState
{
    NotOptimized, // no Optimize yet for this campaign
    Optimal,      // exactly what the last Optimize gave, with the same model and window
    Edited,       // discounts, locks, products, limits or settings changed since Optimize
    Stale,        // the model or the sale window changed since Optimize: re-optimize
};

// "Not optimized yet", "Optimal", "Edited since Optimize", "Model or window changed: re-optimize".
std::string_view planStateName(PlanState state);

} // namespace fp::plan
