#include "io/pricetable.h"

#include "base/text.h"
#include "io/columnmap.h"
#include "io/csvreader.h"

#include <fstream>

namespace fp::io {

namespace {

std::optional<double> number(std::string_view text)
{
    return parseDouble(trim(text));
}

} // namespace

PriceTable readPriceTable(const std::string& path)
{
    PriceTable table;
    table.path = path;
    auto problem = [&](std::int64_t line, int column, ProblemKind kind,
                       std::vector<std::string> args = {}) {
        if (++table.problemCount <= 100)
            table.problems.push_back({path, line, column, kind, std::move(args)});
    };
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem(0, 0, ProblemKind::CannotOpenFile);
        return table;
    }
    CsvReader reader(in);
    CsvReader::Record record;
    if (!reader.next(record)) {
        const Problem empty = problemOf(ProblemKind::EmptyFile);
        const Problem& why = reader.error() ? *reader.error() : empty;
        problem(why.line, 0, why.kind, why.args);
        return table;
    }
    const HeaderMatch header = matchHeader(record.fields);
    const ColumnMap& map = header.map;
    for (SalesField required : {SalesField::Date, SalesField::Sku, SalesField::Price})
        if (!map.has(required))
            problem(1, 0, ProblemKind::MissingColumn, {std::string(infoOf(required).canonical)});
    if (table.problemCount > 0)
        return table;
    int likeSkuColumn = -1; // not a sales field: only new products have one
    for (const int column : header.ignoredColumns) {
        const std::string name = normalizeHeader(record.fields[static_cast<size_t>(column)]);
        if (name == "like_sku" || name == "like_item")
            likeSkuColumn = column;
    }
    const size_t fields = record.fields.size();
    while (reader.next(record)) {
        if (record.fields.size() != fields) {
            problem(record.line, 0, ProblemKind::WrongFieldCount,
                    {std::to_string(fields), std::to_string(record.fields.size())});
            continue;
        }
        auto field = [&](SalesField f) {
            return record.fields[static_cast<size_t>(map[f])];
        };
        PlannedPrice row;
        row.line = record.line;
        const auto day = parseIsoDate(trim(field(SalesField::Date)));
        if (!day) {
            problem(record.line, map[SalesField::Date] + 1, ProblemKind::BadDate);
            continue;
        }
        row.day = *day;
        row.sku = std::string(trim(field(SalesField::Sku)));
        const auto price = number(field(SalesField::Price));
        if (row.sku.empty() || !price || *price <= 0) {
            if (row.sku.empty())
                problem(record.line, 0, ProblemKind::EmptySku);
            else
                problem(record.line, 0, ProblemKind::NumberMustBeAbove, {"price", "0"});
            continue;
        }
        row.price = *price;
        if (map.has(SalesField::ListPrice) && !trim(field(SalesField::ListPrice)).empty()) {
            row.listPrice = number(field(SalesField::ListPrice));
            if (!row.listPrice || *row.listPrice <= 0) {
                problem(record.line, map[SalesField::ListPrice] + 1, ProblemKind::NumberMustBeAbove,
                        {"list_price", "0"});
                continue;
            }
        }
        if (map.has(SalesField::Stock) && !trim(field(SalesField::Stock)).empty()) {
            row.stock = number(field(SalesField::Stock));
            if (!row.stock || *row.stock < 0) {
                problem(record.line, map[SalesField::Stock] + 1, ProblemKind::NumberMustBeAtLeast,
                        {"stock", "0"});
                continue;
            }
        }
        if (map.has(SalesField::Event))
            row.eventId = std::string(trim(field(SalesField::Event)));
        row.event = !row.eventId.empty();
        if (map.has(SalesField::Name))
            row.name = std::string(trim(field(SalesField::Name)));
        if (map.has(SalesField::Category))
            row.category = std::string(trim(field(SalesField::Category)));
        if (likeSkuColumn >= 0)
            row.likeSku = std::string(trim(record.fields[static_cast<size_t>(likeSkuColumn)]));
        table.rows.push_back(std::move(row));
    }
    if (reader.error())
        problem(reader.error()->line, 0, reader.error()->kind, reader.error()->args);
    return table;
}

} // namespace fp::io
