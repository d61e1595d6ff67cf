#include "store/sqlite.h"

#include "store/projectwriter.h"

#include <sqlite3.h>
#include <utility>

namespace fp::sql {

namespace {

// SQLITE_BUSY outlasted the busy timeout: another connection holds the write lock. Says so in
// words instead of SQLite's "database is locked".
bool isBusy(int code)
{
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
}

[[noreturn]] void failBusy(sqlite3* db, int code)
{
    const char* file = sqlite3_db_filename(db, "main");
    if (!file || !*file)
        throw SqlError(problemOf(ProblemKind::ProjectBusy, {"the project"}), code);
    if (const auto writer = store::findProjectWriter(file))
        throw SqlError(problemOf(ProblemKind::ProjectBusyBy,
                                 {file, writer->command, std::to_string(writer->pid)}),
                       code);
    throw SqlError(problemOf(ProblemKind::ProjectBusy, {file}), code);
}

constexpr int kBusyPollMilliseconds = 100;

[[noreturn]] void fail(sqlite3* db, int code, std::string_view what)
{
    if (db && isBusy(sqlite3_extended_errcode(db)))
        failBusy(db, sqlite3_extended_errcode(db));
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw SqlError(problemOf(ProblemKind::DatabaseError, {std::move(message)}),
                   db ? sqlite3_extended_errcode(db) : code);
}

} // namespace

std::string sqliteVersion()
{
    return sqlite3_libversion();
}

bool SqlError::isConstraintViolation() const
{
    return (m_code & 0xff) == SQLITE_CONSTRAINT;
}

Database::Database(const std::string& path, Mode mode) : m_path(path)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string reason = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqlError(problemOf(ProblemKind::CannotOpenDatabase, {path, std::move(reason)}), rc);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, kDefaultBusyTimeoutMilliseconds);
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

void Database::exec(const char* sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        if (isBusy(rc))
            failBusy(m_db, sqlite3_extended_errcode(m_db));
        throw SqlError(problemOf(ProblemKind::DatabaseError, {std::move(message)}),
                       sqlite3_extended_errcode(m_db));
    }
}

void Database::setBusyTimeout(int milliseconds)
{
    sqlite3_busy_timeout(m_db, milliseconds);
}

void Database::waitWhileBusy(BusyWait keepWaiting)
{
    m_busyWait = std::move(keepWaiting);
    sqlite3_busy_handler(
        m_db,
        [](void* self, int attempt) {
            sqlite3_sleep(kBusyPollMilliseconds);
            const std::chrono::milliseconds waited((attempt + 1) * kBusyPollMilliseconds);
            return static_cast<Database*>(self)->m_busyWait(waited) ? 1 : 0;
        },
        this);
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Statement::Statement(Database& db, std::string_view sql) : m_db(&db)
{
    const int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db.handle(), rc, "cannot prepare statement");
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)), m_lastCode(other.m_lastCode)
{
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_db->handle(), rc, "cannot bind value");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    const int rc = sqlite3_bind_double(m_stmt, index, value);
    if (rc != SQLITE_OK)
        fail(m_db->handle(), rc, "cannot bind value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    const int rc =
        sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK)
        fail(m_db->handle(), rc, "cannot bind text");
    return *this;
}

Statement& Statement::bind(int index, const std::vector<std::uint8_t>& blob)
{
    const int rc = sqlite3_bind_blob64(m_stmt, index, blob.data(), blob.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK)
        fail(m_db->handle(), rc, "cannot bind blob");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK)
        fail(m_db->handle(), rc, "cannot bind null");
    return *this;
}

Statement& Statement::bind(int index, std::optional<double> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

bool Statement::step()
{
    m_lastCode = sqlite3_step(m_stmt);
    if (m_lastCode == SQLITE_ROW)
        return true;
    if (m_lastCode == SQLITE_DONE)
        return false;
    const int code = m_lastCode;
    sqlite3_reset(m_stmt);
    fail(m_db->handle(), code, "database error");
}

void Statement::run()
{
    while (step()) {
    }
    sqlite3_reset(m_stmt);
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
}

void Statement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::optional<double> Statement::optionalReal(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return real(column);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)))
             : std::string();
}

std::vector<std::uint8_t> Statement::blob(int column) const
{
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
}

Transaction::Transaction(Database& db) : m_db(db)
{
    m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_open) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
            // The connection is broken; SQLite rolls back on close anyway.
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace fp::sql
