#pragma once

// What the fuzz targets that need a project share: a small project in memory, imported from a
// fixed sales history, and a scratch file to hand readers that take a path.
#include "store/store.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace fp::fuzz {

// An in-memory project holding kSeedSales: 3 products in 2 categories over 10 days, one event.
// The same project each call, copied back from the first import (SQLite's backup): a second import
// per input would cost as much as the one fuzzed.
store::Store& seededProject();
extern const char* const kSeedSales;

// Every table's rows and hash (tests/support/tabledigest.h).
std::string digestOf(store::Store& store);

// Writes the fuzz input to this process's scratch file (in TMPDIR) and returns its path.
std::string writeScratchFile(const std::uint8_t* data, std::size_t size);

// Aborts with `what` on stderr: a property of the target failed (libFuzzer reports the input).
[[noreturn]] void fail(const std::string& what);

} // namespace fp::fuzz
