#include "export/xlsxbook.h"

#include "base/error.h"

#include <cmath>
#include <locale.h>

namespace fp::exports {

namespace {

lxw_format* numberFormat(lxw_workbook* book, const char* pattern)
{
    lxw_format* format = workbook_add_format(book);
    format_set_num_format(format, pattern);
    return format;
}

} // namespace

void failWriting(const std::string& target, const std::string& reason)
{
    throw FlashPlanError(ProblemKind::CannotWriteFile, {target, reason});
}

CLocaleScope::CLocaleScope()
{
    // Made once and kept: glibc's newlocale() leaks a little on each call when LOCPATH is set.
    static const locale_t c = ::newlocale(LC_ALL_MASK, "C", locale_t(0));
    if (c)
        m_previous = ::uselocale(c);
}

CLocaleScope::~CLocaleScope()
{
    if (m_previous)
        ::uselocale(m_previous);
}

Workbook::Workbook(const std::string& path, const std::string& target)
    : m_book(workbook_new(path.c_str())), m_target(target)
{
    if (!m_book)
        failWriting(m_target, "out of memory creating the workbook");
}

Workbook::~Workbook()
{
    if (m_book)
        lxw_workbook_free(m_book);
}

void Workbook::close()
{
    const lxw_error error = workbook_close(m_book);
    m_book = nullptr;
    if (error != LXW_NO_ERROR)
        failWriting(m_target, lxw_strerror(error));
}

Formats addFormats(lxw_workbook* book)
{
    Formats f{};
    f.header = workbook_add_format(book);
    format_set_bold(f.header);
    f.money = numberFormat(book, "#,##0.00");
    f.units = numberFormat(book, "#,##0.00");
    f.fraction = numberFormat(book, "0.00%");
    f.percent = numberFormat(book, "0.0%");
    f.ratio = numberFormat(book, "0.000");
    f.integer = numberFormat(book, "#,##0");
    f.date = numberFormat(book, "yyyy-mm-dd");
    return f;
}

Sheet::Sheet(lxw_workbook* book, const char* name, const std::string& target)
    : m_sheet(workbook_add_worksheet(book, name)), m_target(target)
{
    if (!m_sheet)
        failWriting(m_target, std::string("cannot add the sheet ") + name);
}

void Sheet::text(int row, int col, const std::string& value, lxw_format* format)
{
    check(worksheet_write_string(m_sheet, lxw_row_t(row), lxw_col_t(col), value.c_str(), format));
}

void Sheet::number(int row, int col, double value, lxw_format* format)
{
    if (std::isfinite(value))
        check(worksheet_write_number(m_sheet, lxw_row_t(row), lxw_col_t(col), value, format));
}

void Sheet::width(int col, double characters)
{
    check(worksheet_set_column(m_sheet, lxw_col_t(col), lxw_col_t(col), characters, nullptr));
}

void Sheet::check(lxw_error error) const
{
    if (error != LXW_NO_ERROR)
        failWriting(m_target, lxw_strerror(error));
}

} // namespace fp::exports
