#include "plan/deepestdiscounts.h"

#include "data/panel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fp::plan {

DeepestDiscounts::DeepestDiscounts(const data::Panel& panel)
{
    constexpr int kPoints = 96; // 0..95%
    std::vector<std::array<int, kPoints>> counts(panel.categories().size());
    for (auto& c : counts)
        c.fill(0);
    m_categoryOf.resize(static_cast<size_t>(panel.productCount()));
    for (int p = 0; p < panel.productCount(); ++p) {
        const int category = panel.products()[static_cast<size_t>(p)].category;
        m_categoryOf[static_cast<size_t>(p)] = category;
        auto& c = counts[static_cast<size_t>(category)];
        for (int t = 0; t < panel.periodCount(); ++t)
            if (panel.present(p, t) && !panel.filled(p, t))
                ++c[static_cast<size_t>(std::clamp(
                    static_cast<int>(std::lround(panel.discount(p, t) * 100.0f)), 0, kPoints - 1))];
    }
    m_byCategory.assign(counts.size(), 0.0);
    for (size_t c = 0; c < counts.size(); ++c) {
        int atLeast = 0;
        for (int point = kPoints - 1; point >= 0; --point) {
            atLeast += counts[c][static_cast<size_t>(point)];
            if (atLeast >= kSupport) {
                m_byCategory[c] = point / 100.0;
                break;
            }
        }
    }
}

double DeepestDiscounts::of(int panelProduct) const
{
    return m_byCategory[static_cast<size_t>(m_categoryOf[static_cast<size_t>(panelProduct)])];
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
