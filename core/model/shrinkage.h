#pragma once

#include <span>

namespace fp::model {

// Empirical Bayes for a group of per-product effects: given each product's own estimate of its
// effect (its data alone) and that estimate's sampling variance, the variance of the effects
// across products that maximizes their marginal likelihood, effect_p ~ N(0, tau^2),
// estimate_p | effect_p ~ N(effect_p, s_p^2). Products with little data (large s_p^2) barely
// count. Returns tau^2 within [minVariance, maxVariance].
double priorVariance(std::span<const double> estimates, std::span<const double> samplingVariances,
                     double minVariance = 1e-4, double maxVariance = 1e2);

} // namespace fp::model
