#include "model/recentshift.h"

#include <algorithm>
#include <cmath>

namespace fp::model {

namespace {

constexpr double kZ = 2.326; // the standard normal's 99% point

} // namespace

double RecentShift::solve() const
{
    double a = 0.0, limit = 1.0, lastScore = 0.0;
    for (int iteration = 0; iteration < 100; ++iteration) {
        double score = 0.5 - 0.5 * std::exp(a), information = 0.5 * std::exp(a);
        for (const Period& p : m_periods) {
            const double m = p.fit * std::exp(a);
            const double variance = p.size > 0 ? m + m * m / p.size : m;
            if (variance <= 0)
                continue;
            const double sd = std::sqrt(variance), r = (p.units - m) / sd;
            // The negative binomial's skewness, (m + 2 m^2 / size) / sd^3, moves both clip points
            // up. Where the 1% point is below 0 units sold (a product selling a tenth of a unit a
            // day: 0 is its most common count), nothing is clipped below: clipped up, every
            // period that sold nothing would count as a sale.
            const double skew = (p.size > 0 ? m + 2 * m * m / p.size : m) / (variance * sd);
            const double shift = skew * (kZ * kZ - 1) / 6;
            const double low = std::min(-kZ + shift, -m / sd), high = kZ + shift;
            score += std::clamp(r, low, high) * m / sd;
            if (r >= low && r < high)
                information += m * m / variance;
        }
        if (iteration > 0 && (score > 0) != (lastScore > 0))
            limit /= 2; // stepped over the root: closer steps
        lastScore = score;
        const double step = std::clamp(score / information, -limit, limit);
        a += step;
        if (std::abs(step) < 1e-9)
            break;
    }
    return a;
}

} // namespace fp::model
