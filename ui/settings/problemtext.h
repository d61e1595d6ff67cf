#pragma once

#include "base/error.h"

#include <QString>
#include <exception>

namespace fp::ui {

// What core says went wrong, in the language the window is shown in: one translated text per
// ProblemKind, with the problem's arguments (file names, column names, values, counts) put in as
// core gives them. In English these are core's own texts, to the byte.
QString problemMessage(const Problem& problem);

// The same with where it happened, as Problem::describe() words it: "sales.csv:12: column 3: ...".
QString problemText(const Problem& problem);

// The text of an exception: a FlashPlanError's problem; what() of any other (Internal).
QString problemText(const std::exception& error);

// Throws what core's writers throw when a file cannot be written (CannotWriteFile: the path and
// the reason), for the files the window writes itself.
[[noreturn]] void throwCannotWrite(const QString& path, const QString& reason);

} // namespace fp::ui
