#pragma once

#include "base/civildate.h"
#include "base/error.h"
#include "io/columnmap.h"
#include "io/decimalmark.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace fp::io {

// One data row of sales.csv, checked against the contract (spec/data-format.md, section 1). The
// texts are trimmed views into the row's fields; an optional column that is absent or blank is
// empty or nullopt.
struct SalesRecord
{
    DayNumber day = 0;
    std::string_view sku;
    double units = 0; // 0..1e9
    double price = 0; // 1e-4..1e9 (list_price too)
    std::optional<double> listPrice;
    std::optional<double> unitCost;     // 0..1e9
    std::optional<double> stock, views; // 0..1e12
    std::string_view name, category, event;
};

// Turns the fields of sales rows into SalesRecords, with no database: the pure half of the import.
// A row's problem is the first thing wrong with it: its kind, its arguments and its column
// (1-based, 0 for the row as a whole); the import adds the file and the line.
class SalesRowParser final
{
public:
    using Result = std::variant<SalesRecord, Problem>;

    // `columns` feed the fields (required ones mapped); the header had `fieldCount` fields;
    // numbers are read with `decimalMark` (decimalMarkFor() the file's separator).
    SalesRowParser(const ColumnMap& columns, std::size_t fieldCount,
                   DecimalMark decimalMark = DecimalMark::Point);

    // The record's views point into `fields`. Not const: consecutive rows usually share their
    // date, so the last one parsed is remembered.
    Result parse(const std::vector<std::string_view>& fields);

private:
    // The field's number in `out` (nullopt when its column is absent or the cell blank), or the
    // problem: not a number, or outside the column's sane range.
    std::optional<Problem> number(const std::vector<std::string_view>& fields, SalesField field,
                                  std::optional<double>& out) const;

    ColumnMap m_columns;
    std::size_t m_fieldCount;
    DecimalMark m_decimalMark;
    std::string m_lastDateText;
    DayNumber m_lastDate = 0;
};

// `text` as a problem's argument, cut after 40 characters (the texts put it in quotes).
std::string cutForMessage(std::string_view text);

} // namespace fp::io
