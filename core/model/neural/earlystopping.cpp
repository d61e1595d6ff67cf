#include "model/neural/earlystopping.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fp::model::neural {

double meanOf(const std::vector<double>& values)
{
    double sum = 0.0;
    for (double v : values)
        sum += v;
    return values.empty() ? std::numeric_limits<double>::quiet_NaN()
                          : sum / static_cast<double>(values.size());
}

bool EarlyStopping::update(int epoch, const std::vector<double>& losses,
                           const std::vector<float>& params)
{
    const double mean = meanOf(losses);
    const bool best = m_best.empty() || mean < m_bestMean;
    if (best) {
        m_best = losses;
        m_bestMean = mean;
    }
    if (best || !significantlyWorse(losses)) {
        m_kept = params;
        m_keptEpoch = epoch;
        m_worse = 0;
        return true;
    }
    return ++m_worse < m_patience;
}

bool EarlyStopping::significantlyWorse(const std::vector<double>& losses) const
{
    const double n = static_cast<double>(losses.size());
    double sum = 0.0, squares = 0.0;
    for (std::size_t i = 0; i < losses.size(); ++i) {
        const double d = losses[i] - m_best[i];
        sum += d;
        squares += d * d;
    }
    const double mean = sum / n;
    const double variance = std::max(0.0, squares / n - mean * mean);
    return mean > 2.0 * std::sqrt(variance / n);
}

} // namespace fp::model::neural
