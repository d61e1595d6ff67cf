#include "plan/deepestdiscounts.h"

#include "data/discountsupport.h"
#include "data/panel.h"

namespace fp::plan {

DeepestDiscounts::DeepestDiscounts(const data::Panel& panel)
    : m_byCategory(data::deepestSupportedDiscounts(panel))
{
    for (const data::PanelProduct& p : panel.products())
        m_categoryOf.push_back(p.category);
}

double DeepestDiscounts::of(int panelProduct) const
{
    return m_byCategory[static_cast<size_t>(m_categoryOf[static_cast<size_t>(panelProduct)])];
}

double DeepestDiscounts::defaultMaxDiscount(int panelProduct) const
{
    const double deepest = of(panelProduct);
    return deepest > 0 ? deepest : kUnsupportedMaxDiscount;
}

bool DeepestDiscounts::beyond(int panelProduct, double discount) const
{
    return discount > of(panelProduct) + 0.005;
}

RowFlags DeepestDiscounts::flagsAt(int panelProduct, double discount) const
{
    RowFlags flags;
    if (beyond(panelProduct, discount))
        flags.set(RowFlag::BeyondHistory);
    return flags;
}

} // namespace fp::plan
