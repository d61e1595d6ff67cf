#pragma once

#include "base/civildate.h"
#include "io/columnmap.h"

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
    double units = 0; // >= 0
    double price = 0; // > 0
    std::optional<double> listPrice;
    std::optional<double> unitCost, stock, views; // >= 0
    std::string_view name, category, event;
};

// The first thing wrong with a row. column: 1-based, 0 for the row as a whole.
struct RowProblem
{
    int column = 0;
    std::string message;
};

// Turns the fields of sales rows into SalesRecords, with no database: the pure half of the import.
// Problems are worded as the import report shows them.
class SalesRowParser final
{
public:
    using Result = std::variant<SalesRecord, RowProblem>;

    // `columns` feed the fields (required ones mapped); the header had `fieldCount` fields.
    SalesRowParser(const ColumnMap& columns, std::size_t fieldCount);

    // The record's views point into `fields`. Not const: consecutive rows usually share their
    // date, so the last one parsed is remembered.
    Result parse(const std::vector<std::string_view>& fields);

private:
    std::optional<RowProblem> optionalNumber(const std::vector<std::string_view>& fields,
                                             SalesField field, double minimum, bool strict,
                                             std::optional<double>& out) const;

    ColumnMap m_columns;
    std::size_t m_fieldCount;
    std::string m_lastDateText;
    DayNumber m_lastDate = 0;
};

// `text` in single quotes for a problem message, cut after 40 characters.
std::string quoteForMessage(std::string_view text);

} // namespace fp::io
