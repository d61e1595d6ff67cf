#pragma once

#include "base/error.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fp::io {

// The fields of the sales-history contract (spec/data-format.md, section 1).
enum class SalesField
{
    Date,
    Sku,
    Units,
    Price,
    ListPrice,
    Name,
    Category,
    UnitCost,
    Stock,
    Views,
    Event,
    Count
};
constexpr int kSalesFieldCount = static_cast<int>(SalesField::Count);

struct SalesFieldInfo
{
    SalesField field;
    std::string_view canonical;
    bool required;
    std::vector<std::string_view> synonyms;
};

const std::array<SalesFieldInfo, kSalesFieldCount>& salesFields();
const SalesFieldInfo& infoOf(SalesField field);

// Which CSV column (0-based) feeds each field; -1 when absent.
struct ColumnMap
{
    std::array<int, kSalesFieldCount> column;

    ColumnMap() { column.fill(-1); }
    int operator[](SalesField f) const { return column[static_cast<size_t>(f)]; }
    int& operator[](SalesField f) { return column[static_cast<size_t>(f)]; }
    bool has(SalesField f) const { return (*this)[f] >= 0; }
};

// Matches a header case-insensitively, ignoring surrounding spaces, against the canonical names
// and the synonyms. Problems: a missing required column, or two columns claiming one field.
struct HeaderMatch
{
    ColumnMap map;
    std::vector<Problem> problems;
    std::vector<int> ignoredColumns; // columns that feed no field
};
HeaderMatch matchHeader(const std::vector<std::string_view>& header);

// Lower-cased, trimmed header name, used for matching.
std::string normalizeHeader(std::string_view name);

} // namespace fp::io
