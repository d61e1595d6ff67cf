#pragma once

#include "model/negbin.h"

#include <optional>

namespace fp::model {

// Units sold summed over many periods of many products (a flash-sale event's total), moment-matched
// to a negative binomial: each period sells min(D, stock) of its demand; the periods of one
// product's window share a demand shock (NoiseModel), so their sales are correlated, and the
// correlation is kept where the stock caps them; different products are independent.
class SalesSum final
{
public:
    // Starts the next product's window: the periods added from here on share one shock.
    void startWindow();
    // One period of the current window: its demand, the stock capping its sales (none: uncapped),
    // and the relative variance of its mean shared with the window's other periods
    // (NoiseModel::sharedVariance).
    void add(const NegBin& demand, std::optional<double> stock, double sharedVariance);

    double mean() const { return m_mean; }
    double variance() const;
    // A variance below the mean (stock caps make sales less variable than demand) is a Poisson,
    // which is a little wider than the truth there.
    NegBin distribution() const;

private:
    double m_mean = 0;
    double m_ownVariance = 0;   // the sum of each period's variance
    double m_closedCross = 0;   // covariances between periods of the windows started before
    double m_sharedSum = 0;     // the current window: the sum of each period's shared deviation
    double m_sharedSquares = 0; // and of its square
};

} // namespace fp::model
