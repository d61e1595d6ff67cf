#include "io/csvpreview.h"

#include "base/civildate.h"
#include "base/text.h"
#include "io/csvreader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <unordered_map>

namespace fp::io {

namespace {

// A preview is for the eye: a longer cell is cut (at a UTF-8 character boundary).
constexpr std::size_t kMaxCellBytes = 1024;

std::string previewCell(std::string_view text)
{
    if (text.size() <= kMaxCellBytes)
        return std::string(text);
    std::size_t cut = kMaxCellBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(text.substr(0, cut)) + "...";
}

} // namespace

PeriodGuess guessPeriod(const std::vector<std::vector<std::string>>& rows, const ColumnMap& columns)
{
    PeriodGuess guess;
    const int dateColumn = columns[SalesField::Date];
    const int skuColumn = columns[SalesField::Sku];
    if (dateColumn < 0 || skuColumn < 0)
        return guess;
    struct Seen
    {
        DayNumber first = 0;
        std::int64_t gapGcd = 0; // gcd of the distances to the first date
    };
    std::unordered_map<std::string, Seen> products;
    for (const std::vector<std::string>& row : rows) {
        const auto size = static_cast<int>(row.size());
        if (dateColumn >= size || skuColumn >= size)
            continue;
        const std::string_view sku = trim(row[static_cast<size_t>(skuColumn)]);
        const auto day = parseIsoDate(trim(row[static_cast<size_t>(dateColumn)]));
        if (sku.empty() || !day)
            continue;
        ++guess.rowsUsed;
        const auto [it, added] = products.try_emplace(std::string(sku), Seen{*day, 0});
        if (!added)
            it->second.gapGcd =
                std::gcd(it->second.gapGcd, static_cast<std::int64_t>(*day - it->second.first));
    }
    bool allWeekly = true;
    for (const auto& [sku, seen] : products) {
        if (seen.gapGcd == 0)
            continue;
        ++guess.productsCompared;
        allWeekly = allWeekly && seen.gapGcd % 7 == 0;
    }
    if (guess.productsCompared > 0)
        guess.days = allWeekly ? 7 : 1;
    return guess;
}

CsvPreview previewCsv(std::istream& in, const std::string& displayName, int maxRows, char delimiter)
{
    CsvPreview preview;
    CsvReader reader(in, delimiter);
    CsvReader::Record record;
    auto fail = [&](std::int64_t line, ProblemKind kind, std::vector<std::string> args = {}) {
        preview.problems.push_back({displayName, line, 0, kind, std::move(args)});
    };
    const bool gotHeader = reader.next(record);
    preview.delimiter = reader.delimiter() ? reader.delimiter() : ',';
    preview.delimiterDetected = delimiter == 0;
    preview.byteOrderMark = reader.hadByteOrderMark();
    preview.encoding = reader.encoding();
    if (!gotHeader) {
        if (reader.error())
            fail(reader.error()->line, reader.error()->kind, reader.error()->args);
        else
            fail(0, ProblemKind::EmptyFileWithoutHeader);
        return preview;
    }
    preview.header.assign(record.fields.begin(), record.fields.end());
    preview.match = matchHeader(record.fields);

    while (static_cast<int>(preview.rows.size()) < maxRows && reader.next(record)) {
        std::vector<std::string> row;
        row.reserve(record.fields.size());
        for (std::string_view field : record.fields)
            row.push_back(previewCell(field));
        preview.rows.push_back(std::move(row));
        preview.lines.push_back(record.line);
    }
    if (reader.error()) {
        fail(reader.error()->line, reader.error()->kind, reader.error()->args);
    } else {
        // One record more says whether the file goes on; its own problems are the import's.
        preview.moreRows = reader.next(record) || reader.error();
        if (preview.rows.empty() && !preview.moreRows)
            fail(1, ProblemKind::NoDataRows);
    }
    preview.period = guessPeriod(preview.rows, preview.match.map);
    preview.decimalComma =
        preview.delimiter != ',' && usesDecimalComma(preview.rows, preview.match.map);
    return preview;
}

bool usesDecimalComma(const std::vector<std::vector<std::string>>& rows, const ColumnMap& columns)
{
    for (const SalesField field : {SalesField::Units, SalesField::Price, SalesField::ListPrice,
                                   SalesField::UnitCost, SalesField::Stock, SalesField::Views}) {
        const int column = columns[field];
        if (column < 0)
            continue;
        for (const std::vector<std::string>& row : rows)
            if (static_cast<std::size_t>(column) < row.size() &&
                looksLikeDecimalComma(trim(row[static_cast<std::size_t>(column)])))
                return true;
    }
    return false;
}

CsvPreview previewCsv(const std::string& path, int maxRows, char delimiter)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        CsvPreview preview;
        preview.problems.push_back({path, 0, 0, ProblemKind::IsAFolder, {}});
        return preview;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        CsvPreview preview;
        preview.problems.push_back({path, 0, 0, ProblemKind::CannotOpenFile, {}});
        return preview;
    }
    return previewCsv(in, path, maxRows, delimiter);
}

} // namespace fp::io
