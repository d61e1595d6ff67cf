#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fp {

// `text` without the spaces and tabs around it: the padding a CSV cell may carry. Line breaks
// inside a quoted cell are content and stay.
std::string_view trim(std::string_view text);
// `text` without the spaces around it, for the text columns (sku, name, category, event): a tab
// there is content and stays, so "\t=1+1" is stored as written, not as the formula-like "=1+1".
std::string_view trimSpaces(std::string_view text);

// The whole of `text` as a finite number, else nullopt. Strict: no surrounding spaces (trim()
// first where the format allows them), no leading '+', nothing after the number, no inf or nan;
// '.' is the decimal point whatever the process locale (std::from_chars).
std::optional<double> parseDouble(std::string_view text);
std::optional<int> parseInt(std::string_view text);

// `text` with a ' in front when it begins with =, +, -, @, tab or CR, so that spreadsheets show it
// as text instead of evaluating it (CSV injection; spec/data-format.md, section 3).
std::string neutralizeFormula(std::string_view text);

// RFC 4180: `text` as it is, or in double quotes with its quotes doubled when it holds a comma, a
// quote or a line break. Nothing else changes, so a program reading the file gets `text` back
// (the demo's sales.csv, cells already neutralized).
std::string csvQuoted(std::string_view text);

// A text cell of a CSV that people open in a spreadsheet: neutralizeFormula(), then csvQuoted().
std::string spreadsheetSafeCsvField(std::string_view text);

} // namespace fp
