#pragma once

#include "base/error.h"

#include <cstdint>
#include <functional>

namespace fp {

// Long core operations report progress as (done, total) in units of their own choosing and
// stop early when the callback returns false. Core knows nothing about threads: the UI wraps
// this in a worker and an atomic cancel flag; the CLI wraps it in a terminal bar and SIGINT.
using ProgressFn = std::function<bool(std::int64_t done, std::int64_t total)>;

inline bool reportProgress(const ProgressFn& progress, std::int64_t done, std::int64_t total)
{
    return !progress || progress(done, total);
}

// The same for work that stops by throwing: Cancelled when the callback asks to stop.
inline void reportProgressOrCancel(const ProgressFn& progress, std::int64_t done,
                                   std::int64_t total)
{
    if (!reportProgress(progress, done, total))
        throw Cancelled();
}

} // namespace fp
