#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

namespace fp::io {

// Counts a product's observed prices (in cents) so that its regular price can be estimated when
// the file has no list_price: the most common of its high prices. Promotions are frequent in
// flash-sale histories, so the plain mode or the maximum would both mislead; see estimate().
class PriceHistogram final
{
public:
    void add(double price, std::int64_t weight = 1);
    bool empty() const { return m_counts.empty(); }
    std::int64_t observations() const { return m_total; }

    // The most frequent price among the "high" ones: those at or above 90% of the weighted 95th
    // percentile (so a one-off error price cannot become the regular price). Ties go to the
    // higher price. nullopt when nothing was added.
    std::optional<double> estimate() const;

private:
    std::unordered_map<std::int64_t, std::int64_t> m_counts; // cents -> days seen
    std::int64_t m_total = 0;
};

} // namespace fp::io
