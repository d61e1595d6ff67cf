#pragma once

#include "base/atomicfile.h"

#include <string>
#include <string_view>

namespace fp::cli {

// A command's --out file: written to a temporary file next to it and renamed over it on commit(),
// so a failure or an interrupt never leaves a half-written file. Throws FlashPlanError naming the
// file and the reason when it cannot be written.
using OutputFile = AtomicFile;

// A CSV field, quoted when needed, and neutralized when a spreadsheet would run it as a formula.
std::string csvField(std::string_view text);

} // namespace fp::cli
