#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace fp {

// What went wrong and where, in words a user can act on. line/column are 1-based; 0 = unknown.
struct Problem
{
    std::string file;
    std::int64_t line = 0;
    int column = 0;
    std::string message;

    std::string describe() const; // "sales.csv:12: column 3 (price): price must be > 0, got -2"
};

// Thrown for failures the caller cannot continue from (database I/O, corrupt project).
class FlashPlanError : public std::runtime_error
{
public:
    explicit FlashPlanError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace fp

namespace fp {

// Thrown by long core operations when their progress callback asked them to stop.
class Cancelled final : public FlashPlanError
{
public:
    Cancelled() : FlashPlanError("cancelled") {}
};

} // namespace fp
