#pragma once

#include <Eigen/Core>
#include <functional>

namespace fp::model {

// Limited-memory BFGS with a backtracking (Armijo) line search: enough for smooth, convex-ish
// penalized likelihoods with 10^5 parameters, and fully deterministic.
struct LbfgsOptions
{
    int maxIterations = 200;
    int memory = 10;
    double relativeTolerance = 1e-7; // stop when the objective improves less than this, relatively
};

// f(x, gradient) returns the objective and fills the gradient. onIteration(iteration, value)
// returns false to stop early (cancel). Returns the number of iterations done.
int minimizeLbfgs(
    Eigen::VectorXd& x, const std::function<double(const Eigen::VectorXd&, Eigen::VectorXd&)>& f,
    const LbfgsOptions& options,
    const std::function<bool(int iteration, double value, const Eigen::VectorXd& x)>& onIteration);

} // namespace fp::model
