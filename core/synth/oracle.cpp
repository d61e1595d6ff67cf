#include "synth/oracle.h"

#include "plan/optimizer.h"

namespace fp::synth {

OracleChoice bestOnLadder(double listPrice, double minDiscount, double maxDiscount, double step,
                          const std::function<double(double discount)>& expectedSales)
{
    OracleChoice best;
    bool first = true;
    for (double d : plan::discountLadder(minDiscount, maxDiscount, step)) {
        OracleChoice choice;
        choice.discount = d;
        choice.expectedUnits = expectedSales(d);
        choice.expectedRevenue = listPrice * (1.0 - d) * choice.expectedUnits;
        if (first || choice.expectedRevenue > best.expectedRevenue) {
            best = choice;
            first = false;
        }
    }
    return best;
}

} // namespace fp::synth
