#include "synth/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace fp::synth {

namespace {

constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double logFactorial(double k)
{
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (std::size_t i = 2; i < t.size(); ++i)
            t[i] = t[i - 1] + std::log(static_cast<double>(i));
        return t;
    }();
    if (k < 256.0)
        return table[static_cast<std::size_t>(k)];
    const double inv = 1.0 / k;
    const double inv2 = inv * inv;
    return (k + 0.5) * std::log(k) - k + 0.5 * std::log(2.0 * std::numbers::pi) +
           inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 / 1260.0));
}

} // namespace

std::uint64_t streamKey(std::uint64_t seed, Tag tag, std::int64_t a, std::int64_t b)
{
    std::uint64_t h = mix64(seed + 0x9e3779b97f4a7c15ULL * (static_cast<std::uint64_t>(tag) + 1));
    h = mix64(h ^ (static_cast<std::uint64_t>(a) + 0x632be59bd9b4e019ULL));
    return mix64(h ^ (static_cast<std::uint64_t>(b) + 0x8cb92ba72f3d8dd7ULL));
}

SplitMix64::result_type SplitMix64::operator()()
{
    m_state += 0x9e3779b97f4a7c15ULL;
    return mix64(m_state);
}

template <class Rng> double uniform01(Rng& rng)
{
    return (static_cast<double>(rng() >> 12) + 0.5) * 0x1.0p-52;
}

template <class Rng> double uniform(Rng& rng, double lo, double hi)
{
    return lo + (hi - lo) * uniform01(rng);
}

template <class Rng> int uniformInt(Rng& rng, int lo, int hi)
{
    return lo + static_cast<int>(uniform01(rng) * (hi - lo + 1));
}

// Marsaglia's polar method: no sin/cos, only log and sqrt.
template <class Rng> double normal(Rng& rng)
{
    for (;;) {
        const double u = 2.0 * uniform01(rng) - 1.0;
        const double v = 2.0 * uniform01(rng) - 1.0;
        const double s = u * u + v * v;
        if (s > 0.0 && s < 1.0)
            return u * std::sqrt(-2.0 * std::log(s) / s);
    }
}

// Marsaglia and Tsang.
template <class Rng> double gammaMeanOne(Rng& rng, double shape)
{
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = 0.0;
        double v = 0.0;
        do {
            x = normal(rng);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniform01(rng);
        const double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v)))
            return d * v / shape;
    }
}

// Inversion for small means; Hoermann's PTRS (transformed rejection) for larger ones.
template <class Rng> int poisson(Rng& rng, double lambda)
{
    if (!(lambda > 0.0))
        return 0;
    if (lambda < 10.0) {
        double p = std::exp(-lambda);
        double cdf = p;
        const double u = uniform01(rng);
        int k = 0;
        while (u > cdf && k < 200) {
            ++k;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }
    lambda = std::min(lambda, 1e9);
    const double slam = std::sqrt(lambda);
    const double logLam = std::log(lambda);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = uniform01(rng) - 0.5;
        const double v = uniform01(rng);
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2.0 * a / us + b) * u + lambda + 0.43);
        if (us >= 0.07 && v <= vr)
            return static_cast<int>(k);
        if (k < 0.0 || (us < 0.013 && v > us))
            continue;
        if (std::log(v) + std::log(invAlpha) - std::log(a / (us * us) + b) <=
            -lambda + k * logLam - logFactorial(k))
            return static_cast<int>(k);
    }
}

double roundCents(double x)
{
    return static_cast<double>(std::llround(x * 100.0)) / 100.0;
}

// The two generators the market uses.
#define FP_SYNTH_SAMPLERS(Rng)                                                                     \
    template double uniform01(Rng&);                                                               \
    template double uniform(Rng&, double, double);                                                 \
    template int uniformInt(Rng&, int, int);                                                       \
    template double normal(Rng&);                                                                  \
    template double gammaMeanOne(Rng&, double);                                                    \
    template int poisson(Rng&, double);
FP_SYNTH_SAMPLERS(std::mt19937_64)
FP_SYNTH_SAMPLERS(SplitMix64)
#undef FP_SYNTH_SAMPLERS

} // namespace fp::synth
