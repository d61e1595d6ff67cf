#pragma once

namespace fp::synth {

// How a price cut moves demand in the scanner family (scannermarket.h): a bounded multiplier of
// the discount depth d (0..1), 1 at d = 0, non-decreasing, approaching 1 + ceiling as d -> 1, so
// that demand at depths never sold (80-90% off) stays finite and known.
//   Saturating: 1 + ceiling * (1 - exp(-d / scale))          most of the lift in the first cuts
//   Threshold:  (1 + slope * d) * (1 + ceiling * (S(d) - S(0)) / (1 - S(0))),
//               S(d) = logistic((d - threshold) / scale)      little below `threshold`, then a jump
// (For Threshold the ceiling is approached as (1 + slope) * (1 + ceiling).)
struct DiscountResponse
{
    enum class Shape
    {
        Saturating,
        Threshold
    };
    Shape shape = Shape::Saturating;
    double ceiling = 2.0;   // the lift's limit above 1
    double scale = 0.25;    // Saturating: the depth of 63% of the lift; Threshold: the jump's width
    double threshold = 0.4; // Threshold only: the depth of half the jump
    double slope = 0.0;     // Threshold only: the gentle linear lift below the jump

    // d is clamped to [0, 0.99].
    double multiplier(double discount) const;
    // The local price elasticity at depth d: d ln multiplier / d(-ln price), price = 1 - d.
    double elasticity(double discount) const;
    // The arc elasticity from list price to depth d: ln multiplier(d) / -ln(1 - d).
    double arcElasticity(double discount) const;

    // A saturating response whose arc elasticity to 30% off is `arcElasticity30`.
    static DiscountResponse saturating(double arcElasticity30, double scale);
    // A threshold response.
    static DiscountResponse jump(double threshold, double width, double ceiling, double slope);
};

} // namespace fp::synth
