#pragma once

// The synthetic market's random numbers. Every draw comes from a stream keyed by what it is for
// (seed, tag, product, day), so rows do not depend on the order they are produced in; and our own
// samplers (no std::*_distribution, which differ between standard libraries) give the same numbers
// with every standard library. The samplers take std::mt19937_64 or SplitMix64.

#include <cstdint>
#include <random>

namespace fp::synth {

// What a stream is for; part of its key so that streams never coincide.
enum Tag : std::uint64_t
{
    kTagProduct = 1,
    kTagCalendar,
    kTagPlan,
    kTagEvent,
    kTagDay,
    kTagInitialStock,
    kTagCalibration,
    kTagOracle,
    kTagSale,
};

// Key of an independent stream for (seed, tag, a, b).
std::uint64_t streamKey(std::uint64_t seed, Tag tag, std::int64_t a, std::int64_t b = 0);

// splitmix64: a tiny generator that is cheap to start, for the per product-day streams
// (starting a mt19937_64 costs more than generating a whole row).
class SplitMix64 final
{
public:
    using result_type = std::uint64_t;
    explicit SplitMix64(std::uint64_t state) : m_state(state) {}
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }
    result_type operator()();

private:
    std::uint64_t m_state;
};

// In (0, 1), never 0 or 1, so logs are safe.
template <class Rng> double uniform01(Rng& rng);
template <class Rng> double uniform(Rng& rng, double lo, double hi);
template <class Rng> int uniformInt(Rng& rng, int lo, int hi); // lo..hi, both included
template <class Rng> double normal(Rng& rng);
// Gamma(shape, 1) / shape for shape >= 1: mean 1.
template <class Rng> double gammaMeanOne(Rng& rng, double shape);
template <class Rng> int poisson(Rng& rng, double lambda);

// Rounded to whole cents.
double roundCents(double x);

} // namespace fp::synth
