#include "data/discountsupport.h"

#include "data/panel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fp::data {

std::vector<double> deepestSupportedDiscounts(const Panel& panel)
{
    constexpr int kPoints = 96; // 0..95%
    std::vector<std::array<int, kPoints>> counts(panel.categories().size());
    for (auto& c : counts)
        c.fill(0);
    for (int p = 0; p < panel.productCount(); ++p) {
        auto& c = counts[static_cast<size_t>(panel.products()[static_cast<size_t>(p)].category)];
        for (int t = 0; t < panel.periodCount(); ++t)
            if (panel.present(p, t) && !panel.filled(p, t))
                ++c[static_cast<size_t>(std::clamp(
                    static_cast<int>(std::lround(panel.discount(p, t) * 100.0f)), 0, kPoints - 1))];
    }
    std::vector<double> deepest(counts.size(), 0.0);
    for (size_t c = 0; c < counts.size(); ++c) {
        int atLeast = 0;
        for (int point = kPoints - 1; point >= 0; --point) {
            atLeast += counts[c][static_cast<size_t>(point)];
            if (atLeast >= kDiscountSupport) {
                deepest[c] = point / 100.0;
                break;
            }
        }
    }
    return deepest;
}

} // namespace fp::data
