#include "io/regularprice.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace fp::io {

void PriceHistogram::add(double price, std::int64_t weight)
{
    m_counts[std::llround(price * 100.0)] += weight;
    m_total += weight;
}

std::optional<double> PriceHistogram::estimate() const
{
    if (m_counts.empty())
        return std::nullopt;
    std::vector<std::pair<std::int64_t, std::int64_t>> sorted(m_counts.begin(), m_counts.end());
    std::sort(sorted.begin(), sorted.end());

    // Weighted 95th percentile of the observed prices.
    const double target = 0.95 * static_cast<double>(m_total);
    std::int64_t cumulative = 0;
    std::int64_t p95 = sorted.back().first;
    for (const auto& [cents, count] : sorted) {
        cumulative += count;
        if (static_cast<double>(cumulative) >= target) {
            p95 = cents;
            break;
        }
    }
    const double floor = 0.9 * static_cast<double>(p95);
    std::int64_t bestCents = p95;
    std::int64_t bestCount = -1;
    for (const auto& [cents, count] : sorted) {
        if (static_cast<double>(cents) < floor)
            continue;
        if (count >= bestCount) { // >= : ties go to the higher price (sorted ascending)
            bestCount = count;
            bestCents = cents;
        }
    }
    return static_cast<double>(bestCents) / 100.0;
}

} // namespace fp::io
