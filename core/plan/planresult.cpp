#include "plan/planresult.h"

namespace fp::plan {

std::string_view limitName(Limit limit)
{
    switch (limit) {
    case Limit::None:
        return "none";
    case Limit::Stock:
        return "stock";
    case Limit::MaxDiscount:
        return "max_discount";
    case Limit::MinDiscount:
        return "min_discount";
    case Limit::Margin:
        return "margin";
    case Limit::Budget:
        return "budget";
    case Limit::Locked:
        return "locked";
    }
    return "none";
}

std::string_view objectiveName(Objective objective)
{
    switch (objective) {
    case Objective::Revenue:
        return "revenue";
    case Objective::Profit:
        return "profit";
    case Objective::Blend:
        return "blend";
    }
    return "revenue";
}

PlanTotals totalsOf(const std::vector<ProductPlan>& rows)
{
    PlanTotals t;
    for (const ProductPlan& r : rows) {
        t.units += r.expectedUnits;
        t.revenue += r.expectedRevenue;
        t.markdownCost += r.markdownCost;
        if (r.expectedProfit)
            t.profit += *r.expectedProfit;
        else
            t.profitComplete = false;
        if (r.limitedBy != Limit::None)
            ++t.productsAtLimit;
    }
    return t;
}

} // namespace fp::plan
