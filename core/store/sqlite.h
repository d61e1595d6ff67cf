#pragma once

#include "base/error.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fp::sql {

// The version of the SQLite library linked in, as SQLite reports it at run time ("3.40.1").
std::string sqliteVersion();

// A thin RAII layer over the SQLite C API. Values are always bound, never spliced into SQL.
class Database final
{
public:
    enum class Mode
    {
        ReadWriteCreate,
        ReadWrite,
        ReadOnly
    };

    Database(const std::string& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql); // fixed SQL only: no parameters, no user text
    std::int64_t lastInsertId() const;
    int changes() const;
    sqlite3* handle() const { return m_db; }
    // How long a statement waits for another connection's write lock before it fails with
    // ProjectBusy (kDefaultBusyTimeoutMilliseconds unless set).
    void setBusyTimeout(int milliseconds);
    // Instead of a timeout: while another connection holds the lock a statement needs, calls
    // `keepWaiting` about every 100 ms with how long the statement has waited; false ends the
    // wait (the statement fails with ProjectBusy). For work that must not be lost to a lock.
    using BusyWait = std::function<bool(std::chrono::milliseconds waited)>;
    void waitWhileBusy(BusyWait keepWaiting);
    static constexpr int kDefaultBusyTimeoutMilliseconds = 5000;
    const std::string& path() const { return m_path; }

private:
    sqlite3* m_db = nullptr;
    std::string m_path;
    BusyWait m_busyWait;
};

class Statement final
{
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;

    // Binding is 1-based like SQLite's.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::vector<std::uint8_t>& blob);
    Statement& bindNull(int index);
    Statement& bind(int index, std::optional<double> value);

    bool step();  // true when a row is available
    void run();   // step to completion, then reset
    void reset(); // keeps bindings
    void clearBindings();

    // Result column access, 0-based like SQLite's.
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::optional<double> optionalReal(int column) const;
    std::string text(int column) const;
    std::vector<std::uint8_t> blob(int column) const;

    int lastResultCode() const { return m_lastCode; }

private:
    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    int m_lastCode = 0;
};

// Rolls back unless commit() was called: an exception or early return never leaves half a write.
class Transaction final
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_open = true;
};

// Raised for SQLite failures (DatabaseError, with SQLite's own words, or CannotOpenDatabase);
// carries the SQLite extended result code.
class SqlError final : public FlashPlanError
{
public:
    SqlError(Problem problem, int code) : FlashPlanError(std::move(problem)), m_code(code) {}
    int code() const { return m_code; }
    bool isConstraintViolation() const;

private:
    int m_code;
};

} // namespace fp::sql
