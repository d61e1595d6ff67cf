#pragma once

#include "base/problemkind.h"

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace fp {

// What went wrong and where: a kind and the arguments of its text, never a finished sentence, so
// that the window can say it in the user's language (ui/settings/problemtext). line/column are
// 1-based; 0 = unknown.
struct Problem
{
    std::string file;
    std::int64_t line = 0;
    int column = 0;
    ProblemKind kind = ProblemKind::Internal;
    std::vector<std::string> args; // in the order of the text's %1..%n

    std::string message() const;  // the English text: "price must be > 0, got '-2'"
    std::string describe() const; // with where: "sales.csv:12: column 3: price must be > 0, ..."
};

// A problem of a kind, at no particular place.
Problem problemOf(ProblemKind kind, std::vector<std::string> args = {});

// Thrown for failures the caller cannot continue from (database I/O, a corrupt project, a file
// that cannot be written). what() is the problem's English describe().
class FlashPlanError : public std::runtime_error
{
public:
    explicit FlashPlanError(Problem problem);
    explicit FlashPlanError(ProblemKind kind, std::vector<std::string> args = {});

    const Problem& problem() const { return m_problem; }

private:
    Problem m_problem;
};

// A programmer error or a broken invariant: its detail is English and is not translated.
FlashPlanError internalError(std::string detail);

// Thrown by every long core operation when its progress callback asked it to stop.
class Cancelled final : public FlashPlanError
{
public:
    Cancelled() : FlashPlanError(ProblemKind::Cancelled) {}
};

// The problem an exception stands for: a FlashPlanError's own; Internal with what() for others.
Problem problemOf(const std::exception& error);

} // namespace fp
