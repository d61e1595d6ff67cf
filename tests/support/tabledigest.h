#pragma once

// What a project file holds, as one comparable string: per table (in name order) its row count and
// a 64-bit FNV-1a hash of every row in primary-key order, values with their SQLite types. Two
// projects with equal digests hold the same data; the reliability tests compare a project before
// and after an import or training that failed, crashed or was killed.
#include <cstdint>
#include <cstring>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace fp::test {

class TableDigest final
{
public:
    void add(const void* data, std::size_t size)
    {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i)
            m_hash = (m_hash ^ bytes[i]) * 1099511628211ull;
    }
    void addValue(sqlite3_stmt* stmt, int column)
    {
        const int type = sqlite3_column_type(stmt, column);
        add(&type, sizeof type);
        if (type == SQLITE_INTEGER) {
            const sqlite3_int64 v = sqlite3_column_int64(stmt, column);
            add(&v, sizeof v);
        } else if (type == SQLITE_FLOAT) {
            const double v = sqlite3_column_double(stmt, column);
            add(&v, sizeof v);
        } else if (type != SQLITE_NULL) {
            const void* blob = sqlite3_column_blob(stmt, column);
            const int size = sqlite3_column_bytes(stmt, column);
            add(&size, sizeof size);
            if (blob)
                add(blob, static_cast<std::size_t>(size));
        }
    }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 14695981039346656037ull;
};

inline std::vector<std::string> columnsQuery(sqlite3* db, const char* sql)
{
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return {std::string("error: ") + sqlite3_errmsg(db)};
    while (sqlite3_step(stmt) == SQLITE_ROW)
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return out;
}

// "rows hash" of what `sql` selects (in the order it gives), or "error: ...".
inline std::string queryDigest(sqlite3* db, const std::string& sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
        return std::string("error: ") + sqlite3_errmsg(db);
    TableDigest digest;
    std::int64_t rows = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        ++rows;
        for (int c = 0; c < sqlite3_column_count(stmt); ++c)
            digest.addValue(stmt, c);
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return std::string("error: ") + sqlite3_errstr(rc);
    return std::to_string(rows) + " " + std::to_string(digest.value());
}

// "table rows hash" lines for every table of `db`.
inline std::string databaseDigest(sqlite3* db)
{
    std::string out;
    for (const std::string& table :
         columnsQuery(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        // Every column, in order, is the sort key: the same rows give the same hash whatever
        // order SQLite keeps them in.
        const std::vector<std::string> columns =
            columnsQuery(db, ("SELECT name FROM pragma_table_info('" + table + "')").c_str());
        std::string order;
        for (std::size_t i = 1; i <= columns.size(); ++i)
            order += (i > 1 ? "," : "") + std::to_string(i);
        out += table + " " + queryDigest(db, "SELECT * FROM \"" + table + "\" ORDER BY " + order) +
               "\n";
    }
    return out;
}

} // namespace fp::test
