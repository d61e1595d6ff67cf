#include "store/store.h"

#include "base/text.h"
#include "store/schema.h"

#include <ctime>
#include <filesystem>
#include <sqlite3.h>

namespace fp::store {

namespace {

sql::Database::Mode databaseMode(const std::string& path, Store::OpenMode mode)
{
    switch (mode) {
    case Store::OpenMode::CreateIfMissing:
        return sql::Database::Mode::ReadWriteCreate;
    case Store::OpenMode::MustExist:
        if (!std::filesystem::exists(path))
            throw FlashPlanError(ProblemKind::NoSuchProjectFile, {path});
        return sql::Database::Mode::ReadWrite;
    case Store::OpenMode::ReadOnly:
        if (!std::filesystem::exists(path))
            throw FlashPlanError(ProblemKind::NoSuchProjectFile, {path});
        return sql::Database::Mode::ReadOnly;
    }
    return sql::Database::Mode::ReadWrite;
}

std::int64_t scalarInt(sql::Database& db, const char* query)
{
    sql::Statement stmt(db, query);
    return stmt.step() ? stmt.int64(0) : 0;
}

} // namespace

std::string utcTimestamp()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

Store::Store(const std::string& path, OpenMode mode) : m_db(path, databaseMode(path, mode))
{
    try {
        // Reading the header first turns "not a database" into a clear message.
        const std::int64_t appId = scalarInt(m_db, "PRAGMA application_id");
        const std::int64_t version = scalarInt(m_db, "PRAGMA user_version");
        const std::int64_t tables = scalarInt(m_db, "SELECT count(*) FROM sqlite_schema");
        if ((version > 0 || tables > 0) && appId != kApplicationId)
            throw FlashPlanError(ProblemKind::NotAFlashPlanProject, {path});
        // Only an import makes a project (CreateIfMissing): opening an empty file for anything
        // else must not write the schema into it.
        if (version == 0 && tables == 0 && mode != OpenMode::CreateIfMissing)
            throw FlashPlanError(ProblemKind::EmptyProjectFile, {path});
        if (mode == OpenMode::ReadOnly) {
            // A project from an older FlashPlan is upgraded in place first (one transaction, on
            // a connection of its own), so that reading it never depends on how it was opened
            // before. A newer one is refused by the migration with its own message.
            if (version > currentSchemaVersion())
                migrate(m_db); // refuses it, saying which version wrote it
            if (version < currentSchemaVersion() && version > 0) {
                try {
                    Store upgrade(path, OpenMode::MustExist);
                } catch (const FlashPlanError& e) {
                    throw FlashPlanError(ProblemKind::OlderProjectReadOnly, {e.what()});
                }
            }
            if (scalarInt(m_db, "PRAGMA user_version") != currentSchemaVersion())
                throw FlashPlanError(ProblemKind::UnreadableSchema, {path});
        } else {
            m_db.exec("PRAGMA journal_mode = WAL");
            m_db.exec("PRAGMA synchronous = NORMAL");
            if (tables == 0)
                m_db.exec("PRAGMA application_id = 1179407184"); // kApplicationId
            migrate(m_db);
        }
        m_db.exec("PRAGMA foreign_keys = ON");
    } catch (const sql::SqlError& e) {
        // A project FlashPlan may not write to (a read-only folder or file) is a project all
        // the same: say what stops it, not that it is none.
        const int primary = e.code() & 0xFF;
        if (primary == SQLITE_READONLY ||
            (primary == SQLITE_CANTOPEN && mode != OpenMode::ReadOnly &&
             std::filesystem::exists(path)))
            throw FlashPlanError(ProblemKind::ProjectNotWritable, {path});
        throw FlashPlanError(ProblemKind::NotAProject, {path, e.what()});
    }
}

void Store::checkNoOtherWriter()
{
    constexpr int kPatienceMilliseconds = 1000;
    m_db.setBusyTimeout(kPatienceMilliseconds);
    try {
        sql::Transaction probe(m_db); // takes the write lock, and gives it back unused
    } catch (const sql::SqlError&) {
        m_db.setBusyTimeout(sql::Database::kDefaultBusyTimeoutMilliseconds);
        throw;
    }
    m_db.setBusyTimeout(sql::Database::kDefaultBusyTimeoutMilliseconds);
}

std::optional<std::string> Store::meta(const std::string& key)
{
    sql::Statement stmt(m_db, "SELECT value FROM meta WHERE key = ?1");
    stmt.bind(1, key);
    if (!stmt.step())
        return std::nullopt;
    return stmt.text(0);
}

void Store::setMeta(const std::string& key, const std::string& value)
{
    sql::Statement stmt(m_db, "INSERT INTO meta(key, value) VALUES(?1, ?2) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    stmt.bind(1, key).bind(2, value).run();
}

int Store::periodDays()
{
    const auto value = meta("period_days");
    if (!value)
        return 0;
    const std::optional<int> days = parseInt(*value);
    if (!days || *days < 0 || *days > 366)
        throw FlashPlanError(ProblemKind::ProjectSettingDamaged, {"period_days", *value});
    return *days;
}

ProjectSummary Store::summary()
{
    ProjectSummary s;
    s.products = scalarInt(m_db, "SELECT count(*) FROM products");
    s.categories = scalarInt(m_db, "SELECT count(*) FROM categories");
    s.estimatedListPriceProducts =
        scalarInt(m_db, "SELECT count(*) FROM products WHERE list_price_estimated = 1");
    s.periodDays = periodDays();

    // One pass over the facts; discount depth uses the row's list price, else the product's.
    sql::Statement stmt(m_db, R"sql(
        WITH d AS (
            SELECT s.day, s.units, s.price, s.stock, s.event_id, s.filled,
                   CASE WHEN s.price IS NULL THEN NULL
                        ELSE max(0.0, 1.0 - s.price / coalesce(s.list_price, p.list_price)) END AS depth
            FROM sales s JOIN products p ON p.id = s.product_id)
        SELECT count(*), sum(filled), sum(stock IS NOT NULL AND units >= stock AND filled = 0),
               sum(event_id IS NOT NULL), sum(depth >= 0.01), min(day), max(day),
               total(units), total(units * price),
               avg(CASE WHEN depth >= 0.01 THEN depth END), max(depth),
               sum(depth < 0.01), sum(depth >= 0.01 AND depth < 0.1),
               sum(depth >= 0.1 AND depth < 0.3), sum(depth >= 0.3 AND depth < 0.5),
               sum(depth >= 0.5 AND depth < 0.7), sum(depth >= 0.7)
        FROM d)sql");
    if (stmt.step() && stmt.int64(0) > 0) {
        s.rows = stmt.int64(0);
        s.filledRows = stmt.int64(1);
        s.stockoutRows = stmt.int64(2);
        s.eventRows = stmt.int64(3);
        s.discountedRows = stmt.int64(4);
        s.firstDay = static_cast<DayNumber>(stmt.int64(5));
        s.lastDay = static_cast<DayNumber>(stmt.int64(6));
        s.totalUnits = stmt.real(7);
        s.totalRevenue = stmt.real(8);
        s.meanDiscountWhenDiscounted = stmt.real(9);
        s.maxDiscount = stmt.real(10);
        for (int i = 0; i < 6; ++i)
            s.discountBuckets[static_cast<size_t>(i)] = stmt.int64(11 + i);
    }
    return s;
}

std::vector<ProductRecord> Store::products()
{
    std::vector<ProductRecord> out;
    sql::Statement stmt(m_db, R"sql(
        SELECT p.id, p.sku, p.name, coalesce(c.name, ''), p.list_price, p.list_price_estimated,
               p.unit_cost
        FROM products p LEFT JOIN categories c ON c.id = p.category_id ORDER BY p.id)sql");
    while (stmt.step()) {
        ProductRecord r;
        r.id = stmt.int64(0);
        r.sku = stmt.text(1);
        r.name = stmt.text(2);
        r.category = stmt.text(3);
        r.listPrice = stmt.optionalReal(4);
        r.listPriceEstimated = stmt.int64(5) != 0;
        r.unitCost = stmt.optionalReal(6);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<std::string> Store::categories()
{
    std::vector<std::string> out;
    sql::Statement stmt(m_db, "SELECT name FROM categories ORDER BY name");
    while (stmt.step())
        out.push_back(stmt.text(0));
    return out;
}

std::vector<ImportRecord> Store::imports()
{
    std::vector<ImportRecord> out;
    sql::Statement stmt(m_db, "SELECT id, file, imported_at, rows_read, rows_rejected, "
                              "rows_filled, products_added, period_days, notes FROM imports "
                              "ORDER BY id");
    while (stmt.step()) {
        ImportRecord r;
        r.id = stmt.int64(0);
        r.file = stmt.text(1);
        r.importedAt = stmt.text(2);
        r.rowsRead = stmt.int64(3);
        r.rowsRejected = stmt.int64(4);
        r.rowsFilled = stmt.int64(5);
        r.productsAdded = stmt.int64(6);
        r.periodDays = static_cast<int>(stmt.int64(7));
        r.notes = stmt.text(8);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<ModelRecord> Store::models()
{
    std::vector<ModelRecord> out;
    sql::Statement stmt(m_db, "SELECT id, name, kind, created_at, is_active, scores FROM models "
                              "ORDER BY id");
    while (stmt.step()) {
        ModelRecord r;
        r.id = stmt.int64(0);
        r.name = stmt.text(1);
        r.kind = stmt.text(2);
        r.createdAt = stmt.text(3);
        r.active = stmt.int64(4) != 0;
        r.scores = stmt.text(5);
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace fp::store
