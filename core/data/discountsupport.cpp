#include "data/discountsupport.h"

#include "data/panel.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fp::data {

namespace {

constexpr int kRegularWindowDays = 28; // how far a period looks for the price it was cut from
constexpr float kSamePrice = 0.005f;   // a price within half a percent of the list price is it

bool sold(const Panel& panel, int p, int t)
{
    return panel.present(p, t) && !panel.filled(p, t);
}

// The highest price the product sold at in periods [from, to] other than t; 0 when none.
float highestPrice(const Panel& panel, int p, int from, int to, int t)
{
    float highest = 0.0f;
    for (int u = std::max(from, 0); u <= std::min(to, panel.periodCount() - 1); ++u)
        if (u != t && sold(panel, p, u))
            highest = std::max(highest, panel.price(p, u));
    return highest;
}

// The depth a period was sold at, measured against the price it was cut from. That is its list
// price when the file gave one and the product sold at it within the window around it. When the
// list price is the import's one estimate for the whole history (the regular price may have
// moved around it), or the product did not sell at it nearby (a price never charged), the list
// price cannot be trusted there: the regular price is read from the sales around the period
// instead, as the lower of the highest prices before and after it (a regular price on one side
// only is a price change, not a cut), never above the list price. Otherwise a history whose
// regular price rose would count its old promotions as cuts deeper than any that was sold.
float depthSoldAt(const Panel& panel, int p, int t, int window, const std::vector<int>& atList)
{
    const float list = panel.listPrice(p, t);
    const float charged = panel.price(p, t);
    if (!(list > 0) || !(charged > 0) || charged >= list)
        return 0.0f;
    const int from = std::max(t - window, 0);
    const int to = std::min(t + window, panel.periodCount() - 1);
    float regular = list;
    const bool estimated = panel.products()[static_cast<size_t>(p)].listPriceEstimated;
    if (estimated || atList[static_cast<size_t>(to + 1)] - atList[static_cast<size_t>(from)] == 0) {
        const float before = highestPrice(panel, p, t - window, t - 1, t);
        const float after = highestPrice(panel, p, t + 1, t + window, t);
        const float local =
            before > 0 && after > 0 ? std::min(before, after) : std::max(before, after);
        if (local > 0)
            regular = std::min(regular, local);
    }
    return std::clamp(1.0f - charged / regular, 0.0f, 0.95f);
}

} // namespace

std::vector<double> deepestSupportedDiscounts(const Panel& panel)
{
    constexpr int kPoints = 96; // 0..95%
    const int window = std::max(1, kRegularWindowDays / std::max(panel.periodDays(), 1));
    std::vector<std::array<int, kPoints>> counts(panel.categories().size());
    for (auto& c : counts)
        c.fill(0);
    std::vector<int> atList(static_cast<size_t>(panel.periodCount()) + 1);
    for (int p = 0; p < panel.productCount(); ++p) {
        // atList[t]: the product's periods before t sold at their list price.
        for (int t = 0; t < panel.periodCount(); ++t) {
            const float list = panel.listPrice(p, t);
            const bool atListPrice = sold(panel, p, t) && list > 0 &&
                                     std::abs(panel.price(p, t) - list) <= kSamePrice * list;
            atList[static_cast<size_t>(t) + 1] = atList[static_cast<size_t>(t)] + atListPrice;
        }
        auto& c = counts[static_cast<size_t>(panel.products()[static_cast<size_t>(p)].category)];
        for (int t = 0; t < panel.periodCount(); ++t)
            if (sold(panel, p, t))
                ++c[static_cast<size_t>(
                    std::clamp(static_cast<int>(
                                   std::lround(depthSoldAt(panel, p, t, window, atList) * 100.0f)),
                               0, kPoints - 1))];
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
