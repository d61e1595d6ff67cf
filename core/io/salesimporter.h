#pragma once

#include "base/civildate.h"
#include "base/error.h"
#include "base/progress.h"
#include "io/columnmap.h"
#include "io/decimalmark.h"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace fp::store {
class Store;
}

namespace fp::io {

enum class DuplicatePolicy
{
    Error, // two rows for one (sku, date) reject the import
    Sum,   // units and views add up, price becomes the units-weighted mean
    Last   // the later row wins
};

std::optional<DuplicatePolicy> parseDuplicatePolicy(std::string_view text);

// What a period absent from the file, inside a product's range, means. Either way the period is
// stored (marked filled); the choice is the project's (meta `missing_periods`) and decides whether
// models read it as 0 units sold or leave it out.
enum class MissingPeriods
{
    Zero,   // no row = nothing sold (shop exports that only list days with sales)
    Unknown // no row = no data (scanner panels drop weeks they lack): not used for fitting
};

std::optional<MissingPeriods> parseMissingPeriods(std::string_view text);
std::string_view missingPeriodsName(MissingPeriods missing);

// Why an import treats absent periods the way it does.
enum class MissingPeriodsReason
{
    Asked,             // the user said so (--missing)
    ProjectSetting,    // an earlier import decided it
    WeeklyData,        // scanner panels leave out weeks they have no data for
    ZeroUnitRows,      // the file lists 0-unit periods, so an absent one has no data
    DailyWithoutZeros, // an absent day is a day without sales
};

struct ImportOptions
{
    DuplicatePolicy onDuplicate = DuplicatePolicy::Error;
    char delimiter = 0;                          // 0 = detect
    DecimalMark decimalMark = DecimalMark::Auto; // decimal commas where ',' is not the separator
    std::optional<ColumnMap> columns;    // a mapping chosen by the user; default: match the header
    std::size_t maxListedProblems = 100; // the report lists this many; all are counted
    // nullopt: what the project already says, else chosen from the data (see ImportReport).
    std::optional<MissingPeriods> missing;
};

struct ImportReport
{
    bool committed = false;
    std::vector<Problem> problems; // the first maxListedProblems, in file order
    std::int64_t problemCount = 0;
    // Choices made for the user, e.g. an estimated regular price: worded like problems (a kind
    // and its arguments), but they stop nothing.
    std::vector<Problem> notes;

    std::int64_t rowsRead = 0;     // data records in the file
    std::int64_t rowsInserted = 0; // new product-periods
    std::int64_t rowsMerged = 0;   // duplicates summed or replaced, per the policy
    std::int64_t rowsFilled = 0;   // missing periods stored (as 0 units, or unknown)
    MissingPeriods missing = MissingPeriods::Zero;
    MissingPeriodsReason missingReason = MissingPeriodsReason::DailyWithoutZeros;
    std::int64_t productsAdded = 0;
    std::int64_t productsTouched = 0;
    int periodDays = 0;
    char delimiter = ',';
    std::optional<DayNumber> firstDay, lastDay;
    std::vector<std::string> ignoredColumns;
};

// Reads a sales-history CSV (spec/data-format.md, section 1) into the project in one transaction.
// Every row is validated; on any problem nothing is changed and the report lists them. When
// `progress` asks to stop, throws Cancelled and nothing is changed either.
// `displayName` names the file in problems; `totalBytes` (when known) scales progress.
ImportReport importSales(store::Store& store, std::istream& in, const std::string& displayName,
                         const ImportOptions& options = {}, const ProgressFn& progress = {},
                         std::int64_t totalBytes = -1);

// Same, from a file. A file that cannot be opened is reported as a problem.
ImportReport importSalesFile(store::Store& store, const std::string& path,
                             const ImportOptions& options = {}, const ProgressFn& progress = {});

} // namespace fp::io
