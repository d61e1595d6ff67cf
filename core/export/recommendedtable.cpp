#include "export/recommendedtable.h"

#include "base/atomicfile.h"
#include "base/error.h"
#include "base/text.h"
#include "export/xlsxbook.h"
#include "model/evaluation.h"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <ostream>
#include <variant>

namespace fp::exports {

namespace {

// ---- The table, shared by both formats -------------------------------------------------------

enum class Kind
{
    Text,
    Money,
    Fraction,
    Units
};

struct Column
{
    const char* header;
    Kind kind;
    double width; // XLSX column width in characters; room for the autofilter button
};

constexpr std::size_t kColumnCount = 16;
constexpr std::array<Column, kColumnCount> kColumns{{
    {"sku", Kind::Text, 14},
    {"name", Kind::Text, 32},
    {"category", Kind::Text, 16},
    {"list_price", Kind::Money, 12},
    {"unit_cost", Kind::Money, 12},
    {"stock", Kind::Units, 10},
    {"discount", Kind::Fraction, 11},
    {"sale_price", Kind::Money, 12},
    {"expected_units", Kind::Units, 16},
    {"units_low", Kind::Units, 11},
    {"units_high", Kind::Units, 12},
    {"expected_revenue", Kind::Money, 18},
    {"expected_profit", Kind::Money, 17},
    {"sell_through", Kind::Fraction, 14},
    {"limited_by", Kind::Text, 14},
    {"flags", Kind::Text, 16},
}};

int decimalsOf(Kind kind)
{
    return kind == Kind::Fraction ? 4 : 2;
}

// Empty, text, or a number already rounded to its column's decimals.
using Cell = std::variant<std::monostate, std::string, double>;
using Row = std::array<Cell, kColumnCount>;

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double scaled = std::round(value * scale);
    if (!std::isfinite(scaled))
        return value;
    const double rounded = scaled / scale;
    return rounded == 0 ? 0.0 : rounded; // no "-0.00"
}

// As the user wrote it: the CSV neutralizes formula-like text when it writes it (csvCell); an
// XLSX shared-string cell is never a formula, so a neutralizing ' would only show in it.
Cell text(std::string_view value)
{
    return std::string(value);
}

Cell number(std::optional<double> value)
{
    if (!value || !std::isfinite(*value))
        return {};
    return *value;
}

Row rowOf(const plan::ProductPlan& p)
{
    // The spec's empty-cell rules are enforced here, whatever the optimizer filled in.
    const std::optional<double> profit = p.unitCost ? p.expectedProfit : std::nullopt;
    const std::optional<double> sellThrough = p.stock ? p.sellThrough : std::nullopt;
    const Cell flags = p.flags.empty() ? Cell() : text(p.flags.text());
    Row row{text(p.sku),
            text(p.name),
            text(p.category),
            number(p.listPrice),
            number(p.unitCost),
            number(p.stock),
            number(p.discount),
            number(p.salePrice),
            number(p.expectedUnits),
            number(p.unitsLow),
            number(p.unitsHigh),
            number(p.expectedRevenue),
            number(profit),
            number(sellThrough),
            text(plan::limitName(p.limitedBy)),
            flags};
    for (std::size_t c = 0; c < kColumnCount; ++c)
        if (const double* v = std::get_if<double>(&row[c]))
            row[c] = roundTo(*v, decimalsOf(kColumns[c].kind));
    return row;
}

// ---- CSV --------------------------------------------------------------------------------------

// std::to_chars: '.' as the decimal point whatever the process locale (Qt sets it from the user).
std::string formatNumber(double value, int decimals)
{
    char buffer[400]; // fixed notation of the largest double fits
    auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (ec != std::errc())
        end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

std::string csvCell(const Cell& cell, Kind kind)
{
    if (const std::string* s = std::get_if<std::string>(&cell))
        return spreadsheetSafeCsvField(*s);
    if (const double* v = std::get_if<double>(&cell))
        return formatNumber(*v, decimalsOf(kind));
    return {};
}

// Progress counts the table's rows, reported every kRowsPerReport rows from the first.
constexpr std::size_t kRowsPerReport = 1024;

void reportRow(const ProgressFn& progress, std::size_t row, std::size_t rows)
{
    if (row % kRowsPerReport == 0)
        reportProgressOrCancel(progress, std::int64_t(row), std::int64_t(rows));
}

void writeCsv(std::ostream& out, const plan::PlanResult& plan, const ProgressFn& progress)
{
    for (std::size_t c = 0; c < kColumnCount; ++c)
        out << (c ? "," : "") << kColumns[c].header;
    out << '\n';
    for (std::size_t r = 0; r < plan.rows.size(); ++r) {
        reportRow(progress, r, plan.rows.size());
        const Row row = rowOf(plan.rows[r]);
        for (std::size_t c = 0; c < kColumnCount; ++c)
            out << (c ? "," : "") << csvCell(row[c], kColumns[c].kind);
        out << '\n';
    }
}

// ---- XLSX -------------------------------------------------------------------------------------

lxw_format* formatOf(const Formats& f, Kind kind)
{
    switch (kind) {
    case Kind::Money:
        return f.money;
    case Kind::Units:
        return f.units;
    case Kind::Fraction:
        return f.fraction;
    case Kind::Text:
        break;
    }
    return nullptr;
}

void writeRecommendedSheet(Sheet& sheet, const Formats& f, const plan::PlanResult& plan,
                           const ProgressFn& progress)
{
    for (std::size_t c = 0; c < kColumnCount; ++c) {
        sheet.text(0, int(c), kColumns[c].header, f.header);
        sheet.width(int(c), kColumns[c].width);
    }
    int r = 1;
    for (const plan::ProductPlan& product : plan.rows) {
        reportRow(progress, std::size_t(r - 1), plan.rows.size() + 1);
        const Row row = rowOf(product);
        for (std::size_t c = 0; c < kColumnCount; ++c) {
            if (const std::string* s = std::get_if<std::string>(&row[c]))
                sheet.text(r, int(c), *s);
            else if (const double* v = std::get_if<double>(&row[c]))
                sheet.number(r, int(c), *v, formatOf(f, kColumns[c].kind));
        }
        ++r;
    }
    worksheet_freeze_panes(sheet.get(), 1, 0);
    worksheet_autofilter(sheet.get(), 0, 0, lxw_row_t(plan.rows.size()), kColumnCount - 1);
}

int writeTotals(Sheet& sheet, const Formats& f, const plan::PlanResult& plan, int r)
{
    const plan::PlanTotals& t = plan.totals;
    sheet.text(r++, 0, "Totals", f.header);
    sheet.text(r, 0, "Products");
    sheet.number(r++, 1, double(plan.rows.size()), f.integer);
    sheet.text(r, 0, "Expected units");
    sheet.number(r++, 1, t.units, f.units);
    sheet.text(r, 0, "Expected revenue");
    sheet.number(r++, 1, t.revenue, f.money);
    sheet.text(r, 0, "Expected profit");
    if (t.profitComplete)
        sheet.number(r++, 1, t.profit, f.money);
    else
        sheet.text(r++, 1, "incomplete: some products have no unit cost");
    sheet.text(r, 0, "Markdown cost");
    sheet.number(r++, 1, t.markdownCost, f.money);
    sheet.text(r, 0, "Markdown budget");
    if (plan.budget)
        sheet.number(r++, 1, *plan.budget, f.money);
    else
        sheet.text(r++, 1, "none");
    sheet.text(r, 0, "Budget used");
    if (plan.budget && *plan.budget > 0)
        sheet.number(r, 1, t.markdownCost / *plan.budget, f.percent);
    ++r;
    sheet.text(r, 0, "Products at a limit");
    sheet.number(r++, 1, t.productsAtLimit, f.integer);
    sheet.text(r, 0, "Optimality gap");
    sheet.number(r++, 1, plan.optimalityGap, f.money);
    return r;
}

int writeSettings(Sheet& sheet, const Formats& f, const plan::PlanResult& plan, int r)
{
    sheet.text(r++, 0, "Campaign settings", f.header);
    sheet.text(r, 0, "Start date");
    sheet.number(r++, 1, plan.start + kExcelDayOfUnixEpoch, f.date);
    sheet.text(r, 0, "Days");
    sheet.number(r++, 1, plan.days, f.integer);
    sheet.text(r, 0, "Objective");
    sheet.text(r++, 1, std::string(plan::objectiveName(plan.objective)));
    sheet.text(r, 0, "Blend weight");
    sheet.number(r++, 1, plan.blendWeight, f.ratio);
    sheet.text(r, 0, "Markdown budget");
    if (plan.budget)
        sheet.number(r++, 1, *plan.budget, f.money);
    else
        sheet.text(r++, 1, "none");
    sheet.text(r, 0, "Margin floor");
    if (plan.marginFloor)
        sheet.number(r++, 1, *plan.marginFloor, f.percent);
    else
        sheet.text(r++, 1, "none");
    sheet.text(r, 0, "Discount ladder step");
    sheet.number(r++, 1, plan.step, f.percent);
    sheet.text(r, 0, "Model");
    sheet.text(r++, 1, plan.modelKind);
    return r;
}

void writeSummarySheet(Sheet& sheet, const Formats& f, const plan::PlanResult& plan)
{
    sheet.width(0, 24);
    sheet.width(1, 44);
    const int next = writeTotals(sheet, f, plan, 0);
    writeSettings(sheet, f, plan, next + 1);
}

// The model kinds in a trainer summary JSON, in order ({"kind":"baseline",...}).
std::vector<std::string> modelKindsIn(const std::string& json)
{
    static const std::string key = "\"kind\":\"";
    std::vector<std::string> kinds;
    for (std::size_t at = json.find(key); at != std::string::npos; at = json.find(key, at + 1)) {
        const std::size_t begin = at + key.size();
        const std::size_t end = json.find('"', begin);
        if (end == std::string::npos)
            break;
        kinds.push_back(json.substr(begin, end - begin));
    }
    return kinds;
}

void writeModelSheet(Sheet& sheet, const Formats& f, const plan::PlanResult& plan)
{
    static constexpr std::array<const char*, 6> headers{
        "model", "used for this plan", "WAPE", "bias", "MASE", "coverage of 80% interval"};
    static constexpr std::array<double, 6> widths{14, 19, 10, 10, 10, 24};
    for (std::size_t c = 0; c < headers.size(); ++c) {
        sheet.text(0, int(c), headers[c], f.header);
        sheet.width(int(c), widths[c]);
    }
    worksheet_freeze_panes(sheet.get(), 1, 0);
    int r = 1;
    for (const std::string& kind : modelKindsIn(plan.modelScoresJson)) {
        const std::optional<model::Scores> s = model::overallScoresIn(plan.modelScoresJson, kind);
        if (!s)
            continue;
        sheet.text(r, 0, kind);
        sheet.text(r, 1, kind == plan.modelKind ? "yes" : "");
        sheet.number(r, 2, s->wape, f.percent);
        sheet.number(r, 3, s->bias, f.percent);
        sheet.number(r, 4, s->mase, f.ratio);
        sheet.number(r, 5, s->coverage, f.percent);
        ++r;
    }
    const char* note = r == 1 ? "No held-out scores were recorded for this model."
                              : "Scores on the held-out end of the history, which training "
                                "did not see (80% coverage is ideal).";
    sheet.text(r + 1, 0, note);
}

// Progress: the table's rows, then closing (zipping) the workbook as one more step.
void writeWorkbook(const plan::PlanResult& plan, const std::string& path, const std::string& target,
                   const ProgressFn& progress)
{
    const CLocaleScope cLocale;
    Workbook book(path, target);
    const Formats formats = addFormats(book.get());
    Sheet recommended(book.get(), "Recommended", target);
    Sheet summary(book.get(), "Summary", target);
    Sheet model(book.get(), "Model", target);
    writeRecommendedSheet(recommended, formats, plan, progress);
    writeSummarySheet(summary, formats, plan);
    writeModelSheet(model, formats, plan);
    const auto rows = std::int64_t(plan.rows.size());
    reportProgressOrCancel(progress, rows, rows + 1);
    book.close();
}

} // namespace

void writeRecommendedCsv(const plan::PlanResult& plan, const std::string& path,
                         const ProgressFn& progress)
{
    AtomicFile file(path);
    writeCsv(file.stream(), plan, progress);
    const auto rows = std::int64_t(plan.rows.size());
    reportProgressOrCancel(progress, rows, rows);
    file.commit();
}

void writeRecommendedXlsx(const plan::PlanResult& plan, const std::string& path,
                          const ProgressFn& progress)
{
    AtomicFile file(path);
    writeWorkbook(plan, file.tempPath(), path, progress); // libxlsxwriter writes by file name
    const auto rows = std::int64_t(plan.rows.size());
    reportProgressOrCancel(progress, rows + 1, rows + 1);
    file.commit();
}

} // namespace fp::exports
