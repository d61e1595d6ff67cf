#pragma once

#include <optional>
#include <string_view>

namespace fp::io {

// The character between a number's whole and fractional part in a sales file.
enum class DecimalMark
{
    Auto,  // a point in a comma-separated file; with ';' or tab, "33,99" and "33.99" alike
    Point, // 33.99 (a comma is an error)
    Comma, // 33,99, with '.' or spaces grouping thousands (1.234,56), as European spreadsheets
};

// The mark a file separated by `delimiter` is read with: Auto stays Auto only where a comma
// cannot be the separator.
DecimalMark decimalMarkFor(DecimalMark chosen, char delimiter);

// `text` (trimmed, no sign prefix) as a number under `mark`. Auto: where both a comma and a point
// occur, the last one is the decimal mark and the other groups thousands; a lone comma is the
// decimal mark. nullopt when it is not a number.
std::optional<double> parseDecimal(std::string_view text, DecimalMark mark);

// Whether `text` reads as a number only with a decimal comma ("33,99"): what detects one.
bool looksLikeDecimalComma(std::string_view text);

} // namespace fp::io
