#include "model/shrinkage.h"

#include <cmath>
#include <cstddef>

namespace fp::model {

namespace {

// The marginal log-likelihood of the estimates under prior variance tau2 (constants left out).
double marginalLogLikelihood(std::span<const double> estimates,
                             std::span<const double> samplingVariances, double tau2)
{
    double total = 0;
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        const double v = tau2 + samplingVariances[i];
        total -= 0.5 * (std::log(v) + estimates[i] * estimates[i] / v);
    }
    return total;
}

} // namespace

double priorVariance(std::span<const double> estimates, std::span<const double> samplingVariances,
                     double minVariance, double maxVariance)
{
    // The likelihood is smooth and usually unimodal in log tau^2: a grid finds the neighbourhood,
    // a golden-section search the optimum.
    const double lo = std::log(minVariance), hi = std::log(maxVariance);
    constexpr int kGrid = 48;
    int bestStep = 0;
    double best = -HUGE_VAL;
    for (int i = 0; i <= kGrid; ++i) {
        const double value = marginalLogLikelihood(estimates, samplingVariances,
                                                   std::exp(lo + (hi - lo) * i / kGrid));
        if (value > best) {
            best = value;
            bestStep = i;
        }
    }
    const double step = (hi - lo) / kGrid;
    double a = lo + step * (bestStep - 1), b = lo + step * (bestStep + 1);
    if (a < lo)
        a = lo;
    if (b > hi)
        b = hi;
    const double ratio = (std::sqrt(5.0) - 1) / 2;
    for (int i = 0; i < 40; ++i) {
        const double c = b - ratio * (b - a), d = a + ratio * (b - a);
        if (marginalLogLikelihood(estimates, samplingVariances, std::exp(c)) >
            marginalLogLikelihood(estimates, samplingVariances, std::exp(d)))
            b = d;
        else
            a = c;
    }
    return std::exp(0.5 * (a + b));
}

} // namespace fp::model
