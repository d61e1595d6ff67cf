#pragma once

#include "base/error.h"
#include "io/columnmap.h"
#include "io/decimalmark.h"
#include "io/textdecoder.h"

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace fp::io {

// The period of a sales file as far as a few rows can tell. It is only a guess: the import
// decides from every row (and from what the project already holds).
struct PeriodGuess
{
    int days = 0;             // 1 daily, 7 weekly, 0 the rows cannot tell
    int rowsUsed = 0;         // rows with a readable date and a sku
    int productsCompared = 0; // products with two or more different dates among those rows
};

// Daily when some product's dates are not a multiple of 7 days apart; weekly when every product
// with two or more dates has them a multiple of 7 days apart (the import's own rule).
PeriodGuess guessPeriod(const std::vector<std::vector<std::string>>& rows,
                        const ColumnMap& columns);

// What an import dialog shows before anything is written: the first records of a sales CSV.
struct CsvPreview
{
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows; // the first data records, quotes removed
    std::vector<std::int64_t> lines;            // the file line each row starts on (1-based)
    bool moreRows = false;                      // the file goes on after these rows
    char delimiter = ',';                       // detected, or the one asked for
    bool delimiterDetected = true;              // false when the caller chose it
    bool byteOrderMark = false;                 // a byte-order mark opened the file
    TextDecoder::Encoding encoding = TextDecoder::Encoding::Utf8;
    // Some number of the first rows reads only with a decimal comma ("33,99"); never with ','
    // as the separator.
    bool decimalComma = false;
    HeaderMatch match;  // the mapping suggested by the header (names and synonyms) and its gaps
    PeriodGuess period; // from `rows` with match.map: a guess from the first rows only
    // Why the file cannot be imported at all: unreadable, binary, empty, malformed early on.
    std::vector<Problem> problems;

    bool ok() const { return problems.empty(); }
};

// Whether a number in `rows`' numeric columns (by `columns`) needs a decimal comma to read.
bool usesDecimalComma(const std::vector<std::vector<std::string>>& rows, const ColumnMap& columns);

// Reads the header and at most `maxRows` records, then stops: the rest of the file is never read.
// `delimiter` 0 detects it from the header line.
CsvPreview previewCsv(const std::string& path, int maxRows = 50, char delimiter = 0);
// Same, from a stream; `displayName` names the file in problems.
CsvPreview previewCsv(std::istream& in, const std::string& displayName, int maxRows = 50,
                      char delimiter = 0);

} // namespace fp::io
