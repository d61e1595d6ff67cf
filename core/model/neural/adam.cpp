#include "model/neural/adam.h"

#include <cmath>

namespace fp::model::neural {

void Adam::step(std::vector<float>& theta, const std::vector<float>& grad, double rate)
{
    constexpr float kBeta1 = 0.9f, kBeta2 = 0.999f, kEpsilon = 1e-8f;
    ++m_t;
    const double c1 = 1.0 - std::pow(double{kBeta1}, static_cast<double>(m_t));
    const double c2 = 1.0 - std::pow(double{kBeta2}, static_cast<double>(m_t));
    const auto step = static_cast<float>(rate / c1);
    const auto root = static_cast<float>(1.0 / std::sqrt(c2));
    for (std::size_t i = 0; i < theta.size(); ++i) {
        m_m[i] = kBeta1 * m_m[i] + (1.0f - kBeta1) * grad[i];
        m_v[i] = kBeta2 * m_v[i] + (1.0f - kBeta2) * grad[i] * grad[i];
        theta[i] -= step * m_m[i] / (std::sqrt(m_v[i]) * root + kEpsilon);
    }
}

} // namespace fp::model::neural
