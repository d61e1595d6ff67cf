#include "io/decimalmark.h"

#include "base/text.h"

#include <algorithm>
#include <string>

namespace fp::io {

namespace {

// `text` without the `grouping` characters, with `decimal` turned into a point.
std::optional<double> parseWith(std::string_view text, char decimal, std::string_view grouping)
{
    std::string plain;
    plain.reserve(text.size());
    for (const char c : text) {
        if (grouping.find(c) != std::string_view::npos)
            continue;
        plain += c == decimal ? '.' : c;
    }
    return parseDouble(plain);
}

} // namespace

DecimalMark decimalMarkFor(DecimalMark chosen, char delimiter)
{
    return chosen == DecimalMark::Auto && delimiter == ',' ? DecimalMark::Point : chosen;
}

std::optional<double> parseDecimal(std::string_view text, DecimalMark mark)
{
    const std::size_t comma = text.rfind(',');
    if (mark == DecimalMark::Point || comma == std::string_view::npos)
        return mark == DecimalMark::Comma ? parseWith(text, ',', ". ") : parseDouble(text);
    if (mark == DecimalMark::Comma)
        return parseWith(text, ',', ". ");
    const std::size_t point = text.rfind('.');
    if (point != std::string_view::npos && point > comma)
        return parseWith(text, '.', ","); // 1,234.56
    if (std::count(text.begin(), text.end(), ',') > 1)
        return std::nullopt;          // 1,234,567 alone cannot say which comma is which
    return parseWith(text, ',', "."); // 33,99 or 1.234,56
}

bool looksLikeDecimalComma(std::string_view text)
{
    return text.find(',') != std::string_view::npos && !parseDouble(text) &&
           parseDecimal(text, DecimalMark::Auto).has_value();
}

} // namespace fp::io
