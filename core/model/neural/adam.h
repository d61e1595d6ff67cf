#pragma once

#include <cstddef>
#include <vector>

namespace fp::model::neural {

// Adam with bias correction, over one flat parameter vector.
class Adam final
{
public:
    explicit Adam(std::size_t size) : m_m(size, 0.0f), m_v(size, 0.0f) {}

    // One step of size `rate` against the gradient.
    void step(std::vector<float>& theta, const std::vector<float>& grad, double rate);

private:
    std::vector<float> m_m, m_v;
    long m_t = 0;
};

} // namespace fp::model::neural
