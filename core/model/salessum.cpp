#include "model/salessum.h"

#include <algorithm>
#include <cmath>

namespace fp::model {

void SalesSum::startWindow()
{
    m_closedCross += m_sharedSum * m_sharedSum - m_sharedSquares;
    m_sharedSum = m_sharedSquares = 0;
}

void SalesSum::add(const NegBin& demand, std::optional<double> stock, double sharedVariance)
{
    const double mu = demand.mean();
    const double demandVariance = demand.variance();
    const double salesVariance = stock ? demand.salesVariance(*stock) : demandVariance;
    m_mean += stock ? demand.expectedSales(*stock) : mu;
    m_ownVariance += salesVariance;
    // Two periods' demands covary by sharedVariance * mu_t * mu_s (the shared shock); capped, the
    // covariance shrinks with each one's standard deviation (their correlation kept).
    const double shrink =
        demandVariance > 0 ? std::sqrt(std::max(0.0, salesVariance) / demandVariance) : 0.0;
    const double deviation = std::sqrt(std::max(0.0, sharedVariance)) * mu * shrink;
    m_sharedSum += deviation;
    m_sharedSquares += deviation * deviation;
}

double SalesSum::variance() const
{
    return m_ownVariance + m_closedCross + m_sharedSum * m_sharedSum - m_sharedSquares;
}

NegBin SalesSum::distribution() const
{
    const double overdispersion = variance() - m_mean;
    return NegBin(m_mean, overdispersion > 1e-12 ? m_mean * m_mean / overdispersion : 0.0);
}

} // namespace fp::model
