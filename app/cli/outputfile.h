#pragma once

#include "base/atomicfile.h"

namespace fp::cli {

// A command's --out file: written to a temporary file next to it and renamed over it on commit(),
// so a failure or an interrupt never leaves a half-written file. Throws FlashPlanError naming the
// file and the reason when it cannot be written.
using OutputFile = AtomicFile;

} // namespace fp::cli
