#include "io/salesimporter.h"

#include "base/text.h"
#include "data/regularpricereading.h"
#include "io/csvreader.h"
#include "io/dayset.h"
#include "io/regularprice.h"
#include "io/salesorter.h"
#include "io/salesrowparser.h"
#include "store/store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <variant>

namespace fp::io {

std::optional<DuplicatePolicy> parseDuplicatePolicy(std::string_view text)
{
    if (text == "error")
        return DuplicatePolicy::Error;
    if (text == "sum")
        return DuplicatePolicy::Sum;
    if (text == "last")
        return DuplicatePolicy::Last;
    return std::nullopt;
}

std::optional<MissingPeriods> parseMissingPeriods(std::string_view text)
{
    if (text == "zero")
        return MissingPeriods::Zero;
    if (text == "unknown")
        return MissingPeriods::Unknown;
    return std::nullopt;
}

std::string_view missingPeriodsName(MissingPeriods missing)
{
    return missing == MissingPeriods::Zero ? "zero" : "unknown";
}

namespace {

struct StringHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// What the import learns about one product while streaming its rows.
struct ProductState
{
    std::int64_t id = 0;
    bool isNew = false;
    std::string name, category;
    DaySet days;
    DayNumber firstSeen = 0;
    std::int64_t gapGcd = 0; // gcd of all distances to firstSeen: 7 (or a multiple) means weekly
    std::optional<DayNumber> minDay, maxDay;
    std::int64_t minDayLine = 0, maxDayLine = 0; // where the file gives them
    std::int64_t dayCount = 0;                   // distinct dates in the file
    std::optional<double> listPrice, unitCost;   // the latest by date
    DayNumber listPriceDay = 0, unitCostDay = 0;
    bool rowWithoutListPrice = false;
    PriceHistogram prices; // for the regular-price estimate when the file gives none
};

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// Gap filling stores every period between a product's first and last date, so it is bounded: a
// mistyped year must not turn a small file into millions of rows (docs/data-format.md, "Missing
// periods"). A product with periods to fill may span 20 years (7,305 days, its rows in the
// project included), and the filled periods may be 100 times the file's rows, or 100,000 whatever
// the file (a small sample of a slow seller). The project's sales as a whole span 20 years at
// most: every product shares its calendar.
constexpr DayNumber kMaxSpanDays = 7305;
constexpr std::int64_t kMaxFilledPerRow = 100;
constexpr std::int64_t kFilledAlwaysAllowed = 100000;

// One streaming import, committed at the end or not at all.
class SalesImport
{
public:
    SalesImport(store::Store& store, const std::string& displayName, const ImportOptions& options,
                ImportReport& report)
        : m_store(store), m_db(store.database()), m_name(displayName), m_options(options),
          m_report(report)
    {
    }

    void run(std::istream& in, const ProgressFn& progress, std::int64_t totalBytes);

private:
    void problem(std::int64_t line, int column, ProblemKind kind,
                 std::vector<std::string> args = {});
    void problem(const Problem& found)
    {
        problem(found.line, found.column, found.kind, found.args);
    }
    bool readHeader(CsvReader& reader, CsvReader::Record& record);
    void prepareStatements();
    void loadExisting();
    void processRecord(const CsvReader::Record& record);
    ProductState& productFor(std::string_view sku);
    std::optional<std::int64_t> idFor(StringMap<std::int64_t>& ids, sql::Statement& insert,
                                      std::string_view name);
    bool writeRows(const ProgressFn& progress, std::int64_t totalBytes);
    void note(ProblemKind kind, std::vector<std::string> args = {});
    bool finish(int period);
    int decidePeriod();
    bool datesAndGapsBounded(int period);
    struct ProductRange
    {
        DayNumber first = 0, last = 0; // the file's dates and the project's rows of the product
        std::int64_t dates = 0;
        std::optional<DayNumber> storedFirst, storedLast; // the project's rows alone
    };
    // `stored` is the prepared per-product query (min, max and count of its days in the project).
    static ProductRange rangeWithProject(const ProductState& product, sql::Statement& stored);
    void fillMissingPeriods(int period);
    void decideMissingPeriods(int period);
    void updateProducts();

    store::Store& m_store;
    sql::Database& m_db;
    std::string m_name;
    const ImportOptions& m_options;
    ImportReport& m_report;
    ColumnMap m_columns;
    size_t m_fieldCount = 0;
    std::optional<SalesRowParser> m_parser; // once the header is read
    bool m_writing = true; // false after the first problem: keep validating, stop writing

    bool m_sawZeroUnits = false; // a row with 0 units: the file lists periods without sales
    std::optional<sql::Statement> m_insertRow, m_upsertRow, m_insertOverFilled, m_sumRow,
        m_insertProduct, m_insertCategory, m_insertEvent;
    StringMap<ProductState> m_products;
    ProductState* m_lastProduct = nullptr;
    std::string m_lastSku;
    StringMap<std::int64_t> m_categoryIds, m_eventIds;
    SaleSorter m_sorter;
};

void SalesImport::problem(std::int64_t line, int column, ProblemKind kind,
                          std::vector<std::string> args)
{
    m_writing = false;
    ++m_report.problemCount;
    if (m_report.problems.size() < m_options.maxListedProblems)
        m_report.problems.push_back({m_name, line, column, kind, std::move(args)});
}

void SalesImport::note(ProblemKind kind, std::vector<std::string> args)
{
    m_report.notes.push_back(problemOf(kind, std::move(args)));
}

bool SalesImport::readHeader(CsvReader& reader, CsvReader::Record& record)
{
    if (!reader.next(record)) {
        if (reader.error())
            problem(*reader.error());
        else
            problem(0, 0, ProblemKind::EmptyFileWithoutHeader);
        return false;
    }
    m_report.delimiter = reader.delimiter();
    m_fieldCount = record.fields.size();
    HeaderMatch match = matchHeader(record.fields);
    m_columns = m_options.columns ? *m_options.columns : match.map;
    if (m_options.columns) {
        for (const SalesFieldInfo& info : salesFields()) {
            const int col = m_columns[info.field];
            if (info.required && col < 0)
                problem(1, 0, ProblemKind::RequiredFieldUnmapped, {std::string(info.canonical)});
            if (col >= static_cast<int>(m_fieldCount))
                problem(1, 0, ProblemKind::FieldMappedPastHeader,
                        {std::string(info.canonical), std::to_string(col + 1),
                         std::to_string(m_fieldCount)});
        }
    } else {
        for (const Problem& p : match.problems)
            problem(p);
    }
    for (int col = 0; col < static_cast<int>(m_fieldCount); ++col) {
        bool used = false;
        for (int f = 0; f < kSalesFieldCount; ++f)
            used = used || m_columns.column[static_cast<size_t>(f)] == col;
        if (!used)
            m_report.ignoredColumns.emplace_back(record.fields[static_cast<size_t>(col)]);
    }
    m_parser.emplace(m_columns, m_fieldCount,
                     decimalMarkFor(m_options.decimalMark, reader.delimiter()));
    return m_report.problemCount == 0;
}

void SalesImport::prepareStatements()
{
    static constexpr const char* kInsert =
        "INSERT INTO sales(product_id, day, units, price, list_price, unit_cost, stock, views, "
        "event_id, filled) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0)";
    static constexpr const char* kReplace =
        " ON CONFLICT(product_id, day) DO UPDATE SET units = excluded.units, price = "
        "excluded.price, list_price = excluded.list_price, unit_cost = excluded.unit_cost, "
        "stock = excluded.stock, views = excluded.views, event_id = excluded.event_id, filled = 0";
    m_insertRow.emplace(m_db, kInsert);
    // A row already in the project from an earlier import: this file's value replaces it.
    m_upsertRow.emplace(m_db, std::string(kInsert) + kReplace);
    // Under the error policy a row may only replace a period an earlier import filled with 0.
    m_insertOverFilled.emplace(m_db, std::string(kInsert) + kReplace + " WHERE sales.filled = 1");
    // A second row for a (sku, date) of this same file under --on-duplicate sum.
    m_sumRow.emplace(m_db, R"sql(
        UPDATE sales SET
            price = CASE WHEN units + ?3 > 0 THEN (price * units + ?4 * ?3) / (units + ?3)
                         ELSE ?4 END,
            units = units + ?3,
            list_price = coalesce(?5, list_price), unit_cost = coalesce(?6, unit_cost),
            stock = CASE WHEN ?7 IS NULL THEN stock ELSE coalesce(stock, 0) + ?7 END,
            views = CASE WHEN ?8 IS NULL THEN views ELSE coalesce(views, 0) + ?8 END,
            event_id = coalesce(?9, event_id)
        WHERE product_id = ?1 AND day = ?2)sql");
    m_insertProduct.emplace(m_db, "INSERT INTO products(sku) VALUES(?1)");
    m_insertCategory.emplace(m_db, "INSERT INTO categories(name) VALUES(?1)");
    m_insertEvent.emplace(m_db, "INSERT INTO events(name) VALUES(?1)");
}

void SalesImport::loadExisting()
{
    sql::Statement products(m_db, "SELECT id, sku FROM products");
    while (products.step()) {
        ProductState& state = m_products[products.text(1)];
        state.id = products.int64(0);
    }
    sql::Statement categories(m_db, "SELECT id, name FROM categories");
    while (categories.step())
        m_categoryIds[categories.text(1)] = categories.int64(0);
    sql::Statement events(m_db, "SELECT id, name FROM events");
    while (events.step())
        m_eventIds[events.text(1)] = events.int64(0);
}

ProductState& SalesImport::productFor(std::string_view sku)
{
    if (m_lastProduct && sku == m_lastSku)
        return *m_lastProduct;
    auto it = m_products.find(sku);
    if (it == m_products.end()) {
        it = m_products.emplace(std::string(sku), ProductState{}).first;
        it->second.isNew = true;
        if (m_writing) {
            m_insertProduct->bind(1, sku).run();
            it->second.id = m_db.lastInsertId();
        }
        ++m_report.productsAdded;
    }
    m_lastSku.assign(sku);
    m_lastProduct = &it->second;
    return it->second;
}

std::optional<std::int64_t> SalesImport::idFor(StringMap<std::int64_t>& ids, sql::Statement& insert,
                                               std::string_view name)
{
    name = trim(name);
    if (name.empty())
        return std::nullopt;
    auto it = ids.find(name);
    if (it != ids.end())
        return it->second;
    std::int64_t id = 0;
    if (m_writing) {
        insert.bind(1, name).run();
        id = m_db.lastInsertId();
    }
    ids.emplace(std::string(name), id);
    return id;
}

void SalesImport::processRecord(const CsvReader::Record& r)
{
    ++m_report.rowsRead;
    SalesRowParser::Result parsed = m_parser->parse(r.fields);
    if (Problem* p = std::get_if<Problem>(&parsed)) {
        problem(r.line, p->column, p->kind, std::move(p->args));
        return;
    }
    const SalesRecord& record = std::get<SalesRecord>(parsed);
    const DayNumber day = record.day;
    ProductState& product = productFor(record.sku);
    if (!product.minDay)
        product.firstSeen = day;
    product.gapGcd = std::gcd(product.gapGcd, static_cast<std::int64_t>(day - product.firstSeen));
    const bool duplicate = !product.days.insert(day);
    if (duplicate && m_options.onDuplicate == DuplicatePolicy::Error) {
        problem(r.line, m_columns[SalesField::Date] + 1, ProblemKind::DuplicateRow,
                {cutForMessage(record.sku), formatIsoDate(day)});
        return;
    }
    if (!product.minDay || day < *product.minDay) {
        product.minDay = day;
        product.minDayLine = r.line;
    }
    if (!product.maxDay || day > *product.maxDay) {
        product.maxDay = day;
        product.maxDayLine = r.line;
    }
    product.dayCount += duplicate ? 0 : 1;
    if (!record.name.empty() && record.name != product.name)
        product.name.assign(record.name);
    if (!record.category.empty() && record.category != product.category)
        product.category.assign(record.category);
    if (record.listPrice && (!product.listPrice || day >= product.listPriceDay)) {
        product.listPrice = record.listPrice;
        product.listPriceDay = day;
    }
    if (!record.listPrice) {
        product.rowWithoutListPrice = true;
        product.prices.add(record.price);
    }
    if (record.unitCost && (!product.unitCost || day >= product.unitCostDay)) {
        product.unitCost = record.unitCost;
        product.unitCostDay = day;
    }
    const std::optional<std::int64_t> eventId = idFor(m_eventIds, *m_insertEvent, record.event);

    if (!m_writing)
        return;
    const DuplicatePolicy policy = m_options.onDuplicate;
    PendingSale row;
    row.op = duplicate       ? (policy == DuplicatePolicy::Sum ? WriteOp::Sum : WriteOp::Replace)
             : product.isNew ? WriteOp::Insert
             : policy == DuplicatePolicy::Error ? WriteOp::InsertOverFilled
                                                : WriteOp::Replace;
    row.duplicateInFile = duplicate;
    row.productId = product.id;
    row.day = day;
    row.line = r.line;
    row.eventId = eventId ? *eventId : -1;
    row.units = record.units;
    m_sawZeroUnits = m_sawZeroUnits || record.units == 0;
    row.price = record.price;
    row.listPrice = record.listPrice.value_or(kNone);
    row.unitCost = record.unitCost.value_or(kNone);
    row.stock = record.stock.value_or(kNone);
    row.views = record.views.value_or(kNone);
    m_sorter.add(row);
}

// Writes the validated rows in (product, day) order. Progress runs on from the parse phase:
// `totalBytes` for reading, as much again for writing. False after a problem; throws Cancelled.
bool SalesImport::writeRows(const ProgressFn& progress, std::int64_t totalBytes)
{
    auto optional = [](double v) {
        return std::isnan(v) ? std::nullopt : std::optional(v);
    };
    const std::int64_t rows = std::max<std::int64_t>(m_sorter.size(), 1);
    std::int64_t written = 0;
    bool ok = true;
    m_sorter.forEachSorted([&](const PendingSale& row) {
        sql::Statement& stmt = row.op == WriteOp::Insert             ? *m_insertRow
                               : row.op == WriteOp::InsertOverFilled ? *m_insertOverFilled
                               : row.op == WriteOp::Sum              ? *m_sumRow
                                                                     : *m_upsertRow;
        stmt.bind(1, row.productId).bind(2, static_cast<std::int64_t>(row.day));
        stmt.bind(3, row.units).bind(4, row.price).bind(5, optional(row.listPrice));
        stmt.bind(6, optional(row.unitCost)).bind(7, optional(row.stock));
        stmt.bind(8, optional(row.views));
        if (row.eventId >= 0)
            stmt.bind(9, row.eventId);
        else
            stmt.bindNull(9);
        try {
            stmt.run();
        } catch (const sql::SqlError& e) {
            problem(row.line, 0, ProblemKind::CannotStoreRow, {e.what()});
            return ok = false;
        }
        if (m_db.changes() == 0) { // only InsertOverFilled can change nothing
            problem(row.line, m_columns[SalesField::Date] + 1, ProblemKind::RowAlreadyInProject);
            return ok = false;
        }
        if (row.duplicateInFile)
            ++m_report.rowsMerged;
        else
            ++m_report.rowsInserted;
        if (++written % 65536 == 0 && totalBytes > 0)
            reportProgressOrCancel(progress, totalBytes + totalBytes * written / rows,
                                   2 * totalBytes);
        return true;
    });
    return ok;
}

int SalesImport::decidePeriod()
{
    // Weekly when every product with two or more rows has all its dates a multiple of 7 apart.
    bool anyGap = false, allWeekly = true;
    for (const auto& [sku, p] : m_products) {
        if (p.gapGcd == 0)
            continue;
        anyGap = true;
        allWeekly = allWeekly && p.gapGcd % 7 == 0;
    }
    const int detected = anyGap && allWeekly ? 7 : 1;
    const int existing = m_store.periodDays();
    if (existing == 7 && detected == 1) {
        problem(0, 0, ProblemKind::WeeklyProjectDailyFile);
        return 0;
    }
    if (existing == 1 && detected == 7)
        note(ProblemKind::DailyProjectWeeklyDates);
    return existing ? existing : (anyGap ? detected : 1);
}

// The product's range with the project's rows of it, and how many distinct dates it has (the
// file's and the project's, counted once if the file replaces one: a lower bound).
SalesImport::ProductRange SalesImport::rangeWithProject(const ProductState& product,
                                                        sql::Statement& stored)
{
    ProductRange range{*product.minDay, *product.maxDay, product.dayCount, std::nullopt,
                       std::nullopt};
    if (!product.isNew) {
        stored.reset();
        stored.bind(1, product.id);
        if (stored.step() && !stored.isNull(0)) {
            range.storedFirst = static_cast<DayNumber>(stored.int64(0));
            range.storedLast = static_cast<DayNumber>(stored.int64(1));
            range.first = std::min(range.first, *range.storedFirst);
            range.last = std::max(range.last, *range.storedLast);
            range.dates += stored.int64(2);
        }
    }
    return range;
}

bool SalesImport::datesAndGapsBounded(int period)
{
    // The product each rule names; ties go to the earlier line, so that the message does not
    // depend on the hash order.
    struct Named
    {
        const std::string* sku = nullptr;
        const ProductState* state = nullptr;
        std::int64_t measure = -1;
        ProductRange range{};
    };
    auto consider = [](Named& named, const std::string& sku, const ProductState& p,
                       std::int64_t measure, const ProductRange& range) {
        if (measure > named.measure ||
            (measure == named.measure && p.minDayLine < named.state->minDayLine))
            named = {&sku, &p, measure, range};
    };
    Named longest, fullest; // the longest range with periods to fill; the most periods to fill
    Named earliest, latest; // the file's extreme dates, for the project's whole span
    std::int64_t toFill = 0;
    // Prepared once: a project may hold tens of thousands of the file's products.
    sql::Statement productDays(
        m_db, "SELECT min(day), max(day), count(*) FROM sales WHERE product_id = ?1");
    for (const auto& [sku, p] : m_products) {
        if (!p.minDay)
            continue;
        const ProductRange range = rangeWithProject(p, productDays);
        const std::int64_t fill =
            std::max<std::int64_t>(0, (range.last - range.first) / period + 1 - range.dates);
        toFill += fill;
        consider(fullest, sku, p, fill, range);
        if (fill > 0)
            consider(longest, sku, p, range.last - range.first, range);
        consider(earliest, sku, p, -static_cast<std::int64_t>(*p.minDay), range);
        consider(latest, sku, p, *p.maxDay, range);
    }
    auto years = [](std::int64_t days) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", static_cast<double>(days) / 365.25);
        return std::string(text);
    };
    if (longest.state && longest.measure > kMaxSpanDays) {
        const ProductState& p = *longest.state;
        if (*p.maxDay - *p.minDay > kMaxSpanDays) {
            problem(0, 0, ProblemKind::DatesSpanTooLong,
                    {cutForMessage(*longest.sku), years(longest.measure), formatIsoDate(*p.minDay),
                     std::to_string(p.minDayLine), formatIsoDate(*p.maxDay),
                     std::to_string(p.maxDayLine)});
        } else { // the file's dates are close together, but far from what the project holds
            problem(0, 0, ProblemKind::DatesSpanTooLongWithProject,
                    {cutForMessage(*longest.sku), formatIsoDate(*p.minDay),
                     std::to_string(p.minDayLine), formatIsoDate(*p.maxDay),
                     std::to_string(p.maxDayLine), formatIsoDate(*longest.range.storedFirst),
                     formatIsoDate(*longest.range.storedLast), years(longest.measure)});
        }
        return false;
    }
    if (toFill > kFilledAlwaysAllowed && toFill > kMaxFilledPerRow * m_report.rowsRead) {
        const ProductState& p = *fullest.state;
        problem(0, 0, ProblemKind::TooManyMissingPeriods,
                {std::to_string(toFill), std::to_string(m_report.rowsRead),
                 cutForMessage(*fullest.sku), formatIsoDate(*p.minDay),
                 std::to_string(p.minDayLine), formatIsoDate(*p.maxDay),
                 std::to_string(p.maxDayLine), std::to_string(p.dayCount)});
        return false;
    }
    if (!earliest.state)
        return true;
    // Every product shares the project's calendar (a model holds products x periods), so one date
    // far from the rest (a mistyped year on a new product, with nothing to fill) would stretch
    // every product's history as far.
    const ProductState& early = *earliest.state;
    const ProductState& late = *latest.state;
    sql::Statement stored(m_db, "SELECT min(day), max(day) FROM sales");
    if (!stored.step() || stored.isNull(0)) {
        if (*late.maxDay - *early.minDay <= kMaxSpanDays)
            return true;
        problem(0, 0, ProblemKind::FileDatesSpanTooLong,
                {years(*late.maxDay - *early.minDay), formatIsoDate(*early.minDay),
                 cutForMessage(*earliest.sku), std::to_string(early.minDayLine),
                 formatIsoDate(*late.maxDay), cutForMessage(*latest.sku),
                 std::to_string(late.maxDayLine)});
        return false;
    }
    const auto storedFirst = static_cast<DayNumber>(stored.int64(0));
    const auto storedLast = static_cast<DayNumber>(stored.int64(1));
    const DayNumber first = std::min(storedFirst, *early.minDay);
    const DayNumber last = std::max(storedLast, *late.maxDay);
    if (last - first <= kMaxSpanDays)
        return true;
    // Name the file's date farther outside what the project holds.
    const bool earlyIsFarther = storedFirst - *early.minDay >= *late.maxDay - storedLast;
    const ProductState& odd = earlyIsFarther ? early : late;
    problem(0, 0, ProblemKind::FileDatesFarFromProject,
            {formatIsoDate(earlyIsFarther ? *odd.minDay : *odd.maxDay),
             cutForMessage(earlyIsFarther ? *earliest.sku : *latest.sku),
             std::to_string(earlyIsFarther ? odd.minDayLine : odd.maxDayLine),
             formatIsoDate(storedFirst), formatIsoDate(storedLast), years(last - first)});
    return false;
}

void SalesImport::fillMissingPeriods(int period)
{
    sql::Statement range(m_db, "SELECT min(day), max(day) FROM sales WHERE product_id = ?1");
    sql::Statement fill(m_db, "INSERT OR IGNORE INTO sales(product_id, day, units, filled) "
                              "VALUES(?1, ?2, 0, 1)");
    for (auto& [sku, p] : m_products) {
        if (!p.minDay)
            continue;
        DayNumber first = *p.minDay, last = *p.maxDay;
        if (!p.isNew) {
            range.bind(1, p.id);
            if (range.step() && !range.isNull(0)) {
                first = std::min<DayNumber>(first, static_cast<DayNumber>(range.int64(0)));
                last = std::max<DayNumber>(last, static_cast<DayNumber>(range.int64(1)));
            }
            range.reset();
        }
        // Step from a date the product really has, so weekly rows keep their weekday.
        const DayNumber anchor = *p.minDay;
        const DayNumber start = anchor - ((anchor - first) / period) * period;
        for (DayNumber day = start; day <= last; day += period) {
            if (p.days.contains(day))
                continue;
            fill.bind(1, p.id).bind(2, static_cast<std::int64_t>(day)).run();
            m_report.rowsFilled += m_db.changes();
        }
    }
}

void SalesImport::decideMissingPeriods(int period)
{
    MissingPeriods missing;
    const auto stored = m_store.meta("missing_periods");
    if (m_options.missing) {
        missing = *m_options.missing;
        m_report.missingReason = MissingPeriodsReason::Asked;
    } else if (stored && parseMissingPeriods(*stored)) {
        missing = *parseMissingPeriods(*stored);
        m_report.missingReason = MissingPeriodsReason::ProjectSetting;
    } else if (period == 7) {
        missing = MissingPeriods::Unknown;
        m_report.missingReason = MissingPeriodsReason::WeeklyData;
    } else if (m_sawZeroUnits) {
        missing = MissingPeriods::Unknown;
        m_report.missingReason = MissingPeriodsReason::ZeroUnitRows;
    } else {
        missing = MissingPeriods::Zero;
        m_report.missingReason = MissingPeriodsReason::DailyWithoutZeros;
    }
    m_report.missing = missing;
    m_store.setMeta("missing_periods", std::string(missingPeriodsName(missing)));
}

void SalesImport::updateProducts()
{
    sql::Statement update(m_db, R"sql(
        UPDATE products SET
            name = CASE WHEN ?2 <> '' THEN ?2 ELSE name END,
            category_id = coalesce(?3, category_id),
            list_price = coalesce(?4, list_price),
            list_price_estimated = CASE WHEN ?4 IS NULL THEN list_price_estimated ELSE ?5 END,
            unit_cost = coalesce(?6, unit_cost)
        WHERE id = ?1)sql");
    std::int64_t estimated = 0;
    for (auto& [sku, p] : m_products) {
        if (!p.minDay)
            continue;
        ++m_report.productsTouched;
        std::optional<double> listPrice = p.listPrice;
        bool isEstimate = false;
        if (!listPrice && p.rowWithoutListPrice) {
            listPrice = p.prices.estimate();
            isEstimate = true;
            ++estimated;
        }
        update.bind(1, p.id).bind(2, p.name);
        if (auto category = idFor(m_categoryIds, *m_insertCategory, p.category))
            update.bind(3, *category);
        else
            update.bindNull(3);
        update.bind(4, listPrice).bind(5, isEstimate ? 1 : 0).bind(6, p.unitCost).run();
    }
    if (estimated > 0)
        note(ProblemKind::ListPriceEstimated, {std::to_string(estimated)});
}

bool SalesImport::finish(int period)
{
    m_report.periodDays = period;
    fillMissingPeriods(period);
    decideMissingPeriods(period);
    updateProducts();
    m_store.setMeta("period_days", std::to_string(period));
    data::decideRegularPriceReading(m_store); // over every sale, the earlier imports' too
    for (const auto& [sku, p] : m_products) {
        if (!p.minDay)
            continue;
        m_report.firstDay = m_report.firstDay ? std::min(*m_report.firstDay, *p.minDay) : *p.minDay;
        m_report.lastDay = m_report.lastDay ? std::max(*m_report.lastDay, *p.maxDay) : *p.maxDay;
    }
    std::string notes;
    for (const Problem& n : m_report.notes)
        notes += (notes.empty() ? "" : "\n") + n.message();
    sql::Statement log(m_db, "INSERT INTO imports(file, imported_at, rows_read, rows_rejected, "
                             "rows_filled, products_added, period_days, notes) "
                             "VALUES(?1, ?2, ?3, 0, ?4, ?5, ?6, ?7)");
    log.bind(1, m_name).bind(2, store::utcTimestamp()).bind(3, m_report.rowsRead);
    log.bind(4, m_report.rowsFilled).bind(5, m_report.productsAdded).bind(6, period);
    log.bind(7, notes).run();
    return true;
}

void SalesImport::run(std::istream& in, const ProgressFn& progress, std::int64_t totalBytes)
{
    CsvReader reader(in, m_options.delimiter);
    CsvReader::Record record;
    if (!readHeader(reader, record))
        return;

    // Progress: reading the file is the first half, writing the sorted rows the second.
    const std::int64_t total = totalBytes > 0 ? 2 * totalBytes : -1;
    if (totalBytes > 0) { // a row is at least a date, a SKU, units and a price: 16 bytes or more
        constexpr std::int64_t kMinRowBytes = 16;
        m_sorter.expectRows(static_cast<std::size_t>(totalBytes / kMinRowBytes + 1));
    }
    sql::Transaction transaction(m_db);
    prepareStatements();
    loadExisting();
    std::int64_t sinceProgress = 0;
    while (reader.next(record)) {
        processRecord(record);
        if (++sinceProgress == 16384) {
            sinceProgress = 0;
            reportProgressOrCancel(progress, reader.bytesConsumed(), total); // rolls back
        }
    }
    if (reader.error())
        problem(*reader.error());
    if (m_report.problemCount == 0 && m_report.rowsRead == 0)
        problem(1, 0, ProblemKind::NoDataRows);
    if (m_report.problemCount > 0)
        return;
    // Decided before anything is written: a refusal costs no time.
    const int period = decidePeriod();
    if (period == 0 || !datesAndGapsBounded(period) || !writeRows(progress, totalBytes) ||
        !finish(period))
        return;
    reportProgressOrCancel(progress, total, total);
    transaction.commit();
    m_report.committed = true;
}

} // namespace

ImportReport importSales(store::Store& store, std::istream& in, const std::string& displayName,
                         const ImportOptions& options, const ProgressFn& progress,
                         std::int64_t totalBytes)
{
    ImportReport report;
    SalesImport job(store, displayName, options, report);
    job.run(in, progress, totalBytes);
    if (!report.committed) {
        report.rowsInserted = report.rowsMerged = report.rowsFilled = 0;
        report.productsAdded = report.productsTouched = 0;
    }
    return report;
}

ImportReport importSalesFile(store::Store& store, const std::string& path,
                             const ImportOptions& options, const ProgressFn& progress)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ImportReport report;
        report.problemCount = 1;
        report.problems.push_back({path, 0, 0, ProblemKind::CannotOpenFile, {}});
        return report;
    }
    in.seekg(0, std::ios::end);
    const std::int64_t size = in.tellg();
    in.seekg(0, std::ios::beg);
    return importSales(store, in, path, options, progress, size);
}

} // namespace fp::io
