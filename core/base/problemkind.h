#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fp {

// What went wrong, one value per distinct message core can give (base/problemkinds.def lists them
// with their English texts). A Problem carries its kind and the arguments of its text (file names,
// column names, values, counts), never a finished sentence: the English text comes from the one
// catalogue (englishText), and the window translates by kind. Internal is the one kind for
// programmer errors and broken invariants; its detail stays English.
enum class ProblemKind
{
#define FP_PROBLEM(name, englishText) name,
#include "base/problemkinds.def"
#undef FP_PROBLEM
    Count
};

inline constexpr int kProblemKindCount = static_cast<int>(ProblemKind::Count);

// The kind's English text with %1..%n where its arguments go, in order ("%1 is not a number:
// '%2'"); empty for Count.
std::string_view englishText(ProblemKind kind);

// How many arguments the kind's text takes: the highest %n in it.
int argumentCount(ProblemKind kind);

// `text` with %1..%9 replaced by args[0..8] (a missing argument leaves its placeholder as is).
std::string fillArguments(std::string_view text, const std::vector<std::string>& args);

} // namespace fp
