#pragma once

// The oracle plan of a synthetic family: with the true demand known, the best discount of each
// campaign product is known too. A recommended plan is scored by its true expected revenue
// divided by the oracle's.

#include <functional>

namespace fp::synth {

struct OracleChoice
{
    double discount = 0.0;
    double expectedUnits = 0.0;   // E[min(D, stock)] under the truth
    double expectedRevenue = 0.0; // listPrice * (1 - discount) * expectedUnits
};

// The revenue-maximizing discount on the planner's ladder (plan::discountLadder: min..max in
// `step`s), given E[min(D, stock)] at each discount under the truth. Ties go to the shallower
// discount.
OracleChoice bestOnLadder(double listPrice, double minDiscount, double maxDiscount, double step,
                          const std::function<double(double discount)>& expectedSales);

} // namespace fp::synth
