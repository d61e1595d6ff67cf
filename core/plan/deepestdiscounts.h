#pragma once

#include "data/discountsupport.h"
#include "plan/rowflags.h"

#include <vector>

namespace fp::data {
class Panel;
}

namespace fp::plan {

// Per category of a sales history, the deepest discount its products sold at
// (data::deepestSupportedDiscounts). The model has seen nothing deeper: a plan or a forecast beyond
// it extrapolates cautiously, and says so (the planner's mark, the beyond_history flag).
class DeepestDiscounts final
{
public:
    static constexpr int kSupport = data::kDiscountSupport;
    static constexpr double kUnsupportedMaxDiscount = 0.7; // spec/data-format.md, section 2

    DeepestDiscounts() = default;
    explicit DeepestDiscounts(const data::Panel& panel);

    // The deepest discount the category of a panel product sold at.
    double of(int panelProduct) const;
    // The optimizer's maximum discount when the campaign names none: that depth, or
    // kUnsupportedMaxDiscount for a category never sold at a discount.
    double defaultMaxDiscount(int panelProduct) const;
    // Whether `discount` goes beyond it (by more than half a point).
    bool beyond(int panelProduct, double discount) const;
    // beyond_history when beyond(), else none.
    RowFlags flagsAt(int panelProduct, double discount) const;

private:
    std::vector<double> m_byCategory;
    std::vector<int> m_categoryOf; // per panel product
};

} // namespace fp::plan
