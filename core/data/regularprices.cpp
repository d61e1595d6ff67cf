#include "data/regularprices.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace fp::data {

namespace {

bool sold(float price)
{
    return price > 0 && std::isfinite(price);
}

// The highest price in each window [t - window, t - 1] (before = true) or [t + 1, t + window],
// 0 when none: a monotone deque, one pass.
std::vector<float> highestBeside(std::span<const float> prices, int window, bool before)
{
    const int n = static_cast<int>(prices.size());
    std::vector<float> out(prices.size(), 0.0f);
    std::deque<int> candidates; // indices whose prices fall from front to back
    for (int step = 0; step < n; ++step) {
        const int t = before ? step : n - 1 - step;
        const int leaving = before ? t - window - 1 : t + window + 1;
        while (!candidates.empty() && candidates.front() == leaving)
            candidates.pop_front();
        out[static_cast<size_t>(t)] =
            candidates.empty() ? 0.0f : prices[static_cast<size_t>(candidates.front())];
        if (sold(prices[static_cast<size_t>(t)])) {
            while (!candidates.empty() &&
                   prices[static_cast<size_t>(candidates.back())] <= prices[static_cast<size_t>(t)])
                candidates.pop_back();
            candidates.push_back(t);
        }
    }
    return out;
}

} // namespace

std::vector<float> regularPrices(std::span<const float> prices, int window)
{
    const std::vector<float> before = highestBeside(prices, window, true),
                             after = highestBeside(prices, window, false);
    std::vector<float> regular(prices.size(), 0.0f);
    for (size_t t = 0; t < prices.size(); ++t) {
        const float b = before[t], a = after[t];
        const float local = b > 0 && a > 0 ? std::min(b, a) : std::max(b, a);
        const float own = sold(prices[t]) ? prices[t] : 0.0f;
        regular[t] = std::max(local, own);
    }
    return regular;
}

} // namespace fp::data
