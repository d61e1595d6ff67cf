#include "synth/discountresponse.h"

#include <algorithm>
#include <cmath>

namespace fp::synth {

namespace {

constexpr double kDeepest = 0.99; // a free product is no price

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

} // namespace

double DiscountResponse::multiplier(double discount) const
{
    const double d = std::clamp(discount, 0.0, kDeepest);
    if (shape == Shape::Saturating)
        return 1.0 + ceiling * (1.0 - std::exp(-d / scale));
    const double s0 = logistic(-threshold / scale);
    const double jumped = (logistic((d - threshold) / scale) - s0) / (1.0 - s0);
    return (1.0 + slope * d) * (1.0 + ceiling * jumped);
}

double DiscountResponse::elasticity(double discount) const
{
    const double d = std::clamp(discount, 0.0, kDeepest);
    double logSlope = 0.0; // d ln multiplier / dd
    if (shape == Shape::Saturating) {
        logSlope = ceiling / scale * std::exp(-d / scale) / multiplier(d);
    } else {
        const double s0 = logistic(-threshold / scale);
        const double s = logistic((d - threshold) / scale);
        const double jump = 1.0 + ceiling * (s - s0) / (1.0 - s0);
        logSlope = slope / (1.0 + slope * d) + ceiling * s * (1.0 - s) / scale / (1.0 - s0) / jump;
    }
    return (1.0 - d) * logSlope;
}

double DiscountResponse::arcElasticity(double discount) const
{
    const double d = std::clamp(discount, 0.0, kDeepest);
    if (d <= 0.0)
        return elasticity(0.0);
    return std::log(multiplier(d)) / -std::log(1.0 - d);
}

DiscountResponse DiscountResponse::saturating(double arcElasticity30, double scale)
{
    DiscountResponse r;
    r.shape = Shape::Saturating;
    r.scale = scale;
    r.ceiling = (std::pow(0.7, -arcElasticity30) - 1.0) / (1.0 - std::exp(-0.3 / scale));
    return r;
}

DiscountResponse DiscountResponse::jump(double threshold, double width, double ceiling,
                                        double slope)
{
    DiscountResponse r;
    r.shape = Shape::Threshold;
    r.threshold = threshold;
    r.scale = width;
    r.ceiling = ceiling;
    r.slope = slope;
    return r;
}

} // namespace fp::synth
