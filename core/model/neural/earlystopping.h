#pragma once

#include <vector>

namespace fp::model::neural {

// Early stopping on a short validation window, whose loss is noisy: "the epoch with the lowest
// loss" would often keep an early, barely annealed epoch by chance. So it keeps the latest epoch
// that is not significantly worse than the best (by two standard errors of the per-cell paired
// difference), and stops after `patience` epochs that are: evidence of overfitting.
class EarlyStopping final
{
public:
    explicit EarlyStopping(int patience) : m_patience(patience) {}

    // The per-cell validation losses of an epoch and its parameters. Returns false when training
    // should stop.
    bool update(int epoch, const std::vector<double>& losses, const std::vector<float>& params);

    int keptEpoch() const { return m_keptEpoch; } // 0 before the first update
    std::vector<float>& kept() { return m_kept; }

private:
    bool significantlyWorse(const std::vector<double>& losses) const;

    int m_patience;
    int m_worse = 0;
    std::vector<double> m_best;
    double m_bestMean = 0.0;
    std::vector<float> m_kept;
    int m_keptEpoch = 0;
};

// The mean of some values; NaN when there are none.
double meanOf(const std::vector<double>& values);

} // namespace fp::model::neural
