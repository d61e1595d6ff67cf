#include "model/lbfgs.h"

#include <cmath>
#include <deque>

namespace fp::model {

int minimizeLbfgs(
    Eigen::VectorXd& x, const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd&)>& f,
    const LbfgsOptions& options,
    const std::function<bool(int iteration, double value, const Eigen::VectorXd& x)>& onIteration)
{
    Eigen::VectorXd gradient(x.size());
    double value = f(x, gradient);
    std::deque<Eigen::VectorXd> s, y;
    std::deque<double> rho;
    Eigen::VectorXd candidate(x.size()), candidateGradient(x.size());
    int stalled = 0;
    for (int iteration = 1; iteration <= options.maxIterations; ++iteration) {
        // Two-loop recursion for the search direction.
        Eigen::VectorXd q = gradient;
        std::vector<double> alpha(s.size());
        for (int i = static_cast<int>(s.size()) - 1; i >= 0; --i) {
            alpha[static_cast<size_t>(i)] =
                rho[static_cast<size_t>(i)] * s[static_cast<size_t>(i)].dot(q);
            q -= alpha[static_cast<size_t>(i)] * y[static_cast<size_t>(i)];
        }
        if (!s.empty())
            q *= s.back().dot(y.back()) / y.back().squaredNorm();
        else
            q /= std::max(1.0, gradient.norm());
        for (size_t i = 0; i < s.size(); ++i) {
            const double beta = rho[i] * y[i].dot(q);
            q += (alpha[i] - beta) * s[i];
        }
        Eigen::VectorXd direction = -q;
        double slope = gradient.dot(direction);
        if (!(slope < 0)) { // not a descent direction: restart from steepest descent
            s.clear();
            y.clear();
            rho.clear();
            direction = -gradient / std::max(1.0, gradient.norm());
            slope = gradient.dot(direction);
        }
        double step = 1.0;
        double candidateValue = 0;
        bool accepted = false;
        for (int tries = 0; tries < 40; ++tries) {
            candidate = x + step * direction;
            candidateValue = f(candidate, candidateGradient);
            if (std::isfinite(candidateValue) && candidateValue <= value + 1e-4 * step * slope) {
                accepted = true;
                break;
            }
            step *= 0.5;
        }
        if (!accepted)
            return iteration - 1;
        const double improvement = value - candidateValue;
        Eigen::VectorXd sk = candidate - x;
        Eigen::VectorXd yk = candidateGradient - gradient;
        const double sy = sk.dot(yk);
        x.swap(candidate);
        gradient.swap(candidateGradient);
        value = candidateValue;
        if (sy > 1e-12) {
            s.push_back(std::move(sk));
            y.push_back(std::move(yk));
            rho.push_back(1.0 / sy);
            if (static_cast<int>(s.size()) > options.memory) {
                s.pop_front();
                y.pop_front();
                rho.pop_front();
            }
        }
        if (onIteration && !onIteration(iteration, value, x))
            return iteration;
        // Early iterations take short steps while the curvature memory fills: don't stop there.
        const bool small =
            improvement < options.relativeTolerance * std::max(1.0, std::fabs(value));
        stalled = small && iteration > 2 * options.memory ? stalled + 1 : 0;
        if (stalled >= 3)
            return iteration;
    }
    return options.maxIterations;
}

} // namespace fp::model
