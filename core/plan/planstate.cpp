#include "plan/planstate.h"

namespace fp::plan {

std::string_view planStateName(PlanState state)
{
    switch (state) {
    case PlanState::NotOptimized:
        return "Not optimized yet";
    case PlanState::Optimal:
        return "Optimal";
    case PlanState::Edited:
        return "Edited since Optimize";
    case PlanState::Stale:
        return "Model or window changed: re-optimize";
    }
    return "";
}

} // namespace fp::plan
