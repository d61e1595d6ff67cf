#pragma once

#include <string>
#include <xlsxwriter.h>

namespace fp::exports {

// The pieces every XLSX the project writes shares (libxlsxwriter behind a throwing interface):
// the recommended table, the review and the backtest.

// Throws FlashPlanError (CannotWriteFile: `target` and `reason`), AtomicFile's problem.
[[noreturn]] void failWriting(const std::string& target, const std::string& reason);

// libxlsxwriter prints numbers with printf("%.16G"), which follows LC_NUMERIC: under a locale with
// a decimal comma (Qt applications adopt the user's) the XML would hold "0,35" and Excel would
// reject the file. The calling thread alone uses the C locale while the workbook is written.
class CLocaleScope final
{
public:
    CLocaleScope();
    ~CLocaleScope();
    CLocaleScope(const CLocaleScope&) = delete;
    CLocaleScope& operator=(const CLocaleScope&) = delete;

private:
    locale_t m_previous = locale_t(0);
};

// Owns a workbook until workbook_close() writes and frees it; an exception frees it unwritten.
// `path` is where it is written (a temporary name), `target` the name failures report.
class Workbook final
{
public:
    Workbook(const std::string& path, const std::string& target);
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() const { return m_book; }
    void close();

private:
    lxw_workbook* m_book;
    std::string m_target;
};

struct Formats
{
    lxw_format* header;
    lxw_format* money;    // prices, revenue, profit
    lxw_format* units;    // units, with two decimals
    lxw_format* fraction; // discount, sell-through
    lxw_format* percent;  // scores
    lxw_format* ratio;    // plain numbers (MASE, blend weight)
    lxw_format* integer;
    lxw_format* date;
};
Formats addFormats(lxw_workbook* book);

// Excel's day 0 is 1899-12-30, 25569 days before 1970-01-01 (our DayNumber 0).
inline constexpr double kExcelDayOfUnixEpoch = 25569;

// A worksheet whose writes throw instead of returning error codes.
class Sheet final
{
public:
    Sheet(lxw_workbook* book, const char* name, const std::string& target);
    lxw_worksheet* get() const { return m_sheet; }

    void text(int row, int col, const std::string& value, lxw_format* format = nullptr);
    // Non-finite values stay blank: libxlsxwriter would write "nan" and corrupt the file.
    void number(int row, int col, double value, lxw_format* format);
    void width(int col, double characters);

private:
    void check(lxw_error error) const;

    lxw_worksheet* m_sheet;
    std::string m_target;
};

} // namespace fp::exports
