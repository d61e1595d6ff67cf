#include "review/reviewworkbook.h"

#include "base/atomicfile.h"
#include "export/xlsxbook.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace fp::review {

namespace {

using exports::Formats;
using exports::Sheet;

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double r = std::round(value * scale) / scale;
    return r == 0 ? 0.0 : r; // no "-0.00"
}

void header(Sheet& sheet, const Formats& f, const std::vector<const char*>& names, int rows)
{
    for (size_t c = 0; c < names.size(); ++c) {
        sheet.text(0, int(c), names[c], f.header);
        sheet.width(int(c), std::max<double>(11, std::char_traits<char>::length(names[c]) + 3));
    }
    worksheet_freeze_panes(sheet.get(), 1, 0);
    worksheet_autofilter(sheet.get(), 0, 0, lxw_row_t(rows), lxw_col_t(names.size() - 1));
}

// A money or units cell, rounded as the CSV rounds it; empty when unknown.
void money(Sheet& sheet, int r, int c, std::optional<double> value, const Formats& f)
{
    if (value)
        sheet.number(r, c, rounded(*value, 2), f.money);
}

void date(Sheet& sheet, int r, int c, DayNumber day, const Formats& f)
{
    sheet.number(r, c, day + exports::kExcelDayOfUnixEpoch, f.date);
}

void writeReviewRows(Sheet& sheet, const Formats& f, const SaleReview& review)
{
    header(sheet, f,
           {"sku", "name", "planned_discount", "charged_discount", "expected_units", "units_low",
            "units_high", "actual_units", "sold_out", "expected_revenue", "actual_revenue",
            "expected_profit", "actual_profit", "within_interval",
            "expected_units_at_charged_price"},
           int(review.rows.size()));
    sheet.width(1, 32);
    int r = 1;
    for (const ProductReview& row : review.rows) {
        sheet.text(r, 0, row.sku);
        sheet.text(r, 1, row.name);
        sheet.number(r, 2, rounded(row.plannedDiscount, 4), f.fraction);
        sheet.number(r, 3, rounded(row.chargedDiscount, 4), f.fraction);
        money(sheet, r, 4, row.expectedUnits, f);
        money(sheet, r, 5, row.unitsLow, f);
        money(sheet, r, 6, row.unitsHigh, f);
        money(sheet, r, 7, row.actualUnits, f);
        if (row.soldOutOn)
            date(sheet, r, 8, *row.soldOutOn, f);
        money(sheet, r, 9, row.expectedRevenue, f);
        money(sheet, r, 10, row.actualRevenue, f);
        money(sheet, r, 11, row.expectedProfit, f);
        money(sheet, r, 12, row.actualProfit, f);
        sheet.number(r, 13, row.withinInterval ? 1 : 0, f.integer);
        money(sheet, r, 14, row.expectedUnitsAtChargedPrice, f);
        ++r;
    }
}

void writeReviewTotals(Sheet& sheet, const Formats& f, const SaleReview& review)
{
    const ReviewTotals& t = review.totals;
    sheet.width(0, 30);
    for (int c = 1; c <= 3; ++c)
        sheet.width(c, 20);
    sheet.text(0, 0, "Sale window", f.header);
    date(sheet, 0, 1, review.start, f);
    sheet.text(0, 2, std::to_string(review.days) + " days");
    sheet.text(2, 1, "expected", f.header);
    sheet.text(2, 2, "at the charged prices", f.header);
    sheet.text(2, 3, "actual", f.header);
    sheet.text(3, 0, "Units");
    money(sheet, 3, 1, t.expectedUnits, f);
    money(sheet, 3, 2, t.expectedUnitsAtChargedPrice, f);
    money(sheet, 3, 3, t.actualUnits, f);
    sheet.text(4, 0, "Revenue");
    money(sheet, 4, 1, t.expectedRevenue, f);
    money(sheet, 4, 2, t.expectedRevenueAtChargedPrice, f);
    money(sheet, 4, 3, t.actualRevenue, f);
    sheet.text(5, 0, "Profit");
    if (t.profitComplete) {
        money(sheet, 5, 1, t.expectedProfit, f);
        money(sheet, 5, 3, t.actualProfit, f);
    } else {
        sheet.text(5, 1, "unknown: some products have no unit cost");
    }
    sheet.text(7, 0, "Products");
    sheet.number(7, 1, t.products, f.integer);
    sheet.text(8, 0, "Within the 80% interval");
    sheet.number(8, 1, t.withinInterval, f.integer);
    sheet.text(9, 0, "Hit rate");
    sheet.number(9, 1, t.hitRate(), f.percent);
    sheet.text(10, 0, "Sold out");
    sheet.number(10, 1, t.soldOut, f.integer);
}

void writeBacktestRows(Sheet& sheet, const Formats& f, const BacktestResult& result)
{
    header(sheet, f,
           {"event", "date", "sku", "price", "forecast", "lower", "upper", "actual", "stock",
            "sold_out"},
           int(result.rows.size()));
    int r = 1;
    for (const BacktestRow& row : result.rows) {
        sheet.text(r, 0, result.events[static_cast<size_t>(row.event)].event.name);
        date(sheet, r, 1, row.day, f);
        sheet.text(r, 2, row.sku);
        money(sheet, r, 3, row.price, f);
        sheet.number(r, 4, rounded(row.forecast, 4), f.ratio);
        sheet.number(r, 5, row.lower, f.integer);
        sheet.number(r, 6, row.upper, f.integer);
        money(sheet, r, 7, row.actual, f);
        money(sheet, r, 8, row.stock, f);
        sheet.number(r, 9, row.soldOut ? 1 : 0, f.integer);
        ++r;
    }
}

void writeBacktestEvents(Sheet& sheet, const Formats& f, const BacktestResult& result)
{
    header(sheet, f,
           {"event", "start", "days", "products", "product_days", "within", "forecast_units",
            "actual_units", "forecast_revenue", "actual_revenue", "bias", "hit_rate", "units_low",
            "units_high", "total_within"},
           int(result.events.size()));
    int r = 1;
    for (const BacktestEvent& e : result.events) {
        sheet.text(r, 0, e.event.name);
        date(sheet, r, 1, e.start, f);
        sheet.number(r, 2, e.days, f.integer);
        sheet.number(r, 3, e.products, f.integer);
        sheet.number(r, 4, e.rows, f.integer);
        sheet.number(r, 5, e.within, f.integer);
        money(sheet, r, 6, e.forecastUnits, f);
        money(sheet, r, 7, e.actualUnits, f);
        money(sheet, r, 8, e.forecastRevenue, f);
        money(sheet, r, 9, e.actualRevenue, f);
        if (const double bias = e.bias(); !std::isnan(bias)) // blank when nothing sold
            sheet.number(r, 10, bias, f.percent);
        sheet.number(r, 11, e.hitRate(), f.percent);
        if (e.totalInterval) { // none in a backtest stored before they were kept
            sheet.number(r, 12, e.totalInterval->low, f.integer);
            sheet.number(r, 13, e.totalInterval->high, f.integer);
            sheet.number(r, 14, e.totalWithin() ? 1 : 0, f.integer);
        }
        ++r;
    }
    sheet.text(r + 1, 0, "all", f.header);
    sheet.number(r + 1, 4, double(result.rows.size()), f.integer);
    sheet.number(r + 1, 5, result.within, f.integer);
    sheet.number(r + 1, 11, result.hitRate(), f.percent);
    if (result.eventsWithInterval > 0)
        sheet.number(r + 1, 14, result.eventsWithin, f.integer);
}

void writeCalibration(Sheet& sheet, const Formats& f, const BacktestResult& result)
{
    header(sheet, f, {"pit_from", "pit_to", "rows"}, int(result.pitHistogram.size()));
    for (size_t b = 0; b < result.pitHistogram.size(); ++b) {
        const int r = int(b) + 1;
        sheet.number(r, 0, double(b) / 10, f.ratio);
        sheet.number(r, 1, double(b + 1) / 10, f.ratio);
        sheet.number(r, 2, result.pitHistogram[b], f.integer);
    }
    sheet.text(int(result.pitHistogram.size()) + 2, 0,
               "Honest intervals give about the same count in every tenth.");
}

// Writes the sheets `fill` adds into a workbook at `path`, all at once or not at all.
void writeWorkbook(const std::string& path,
                   const std::function<void(lxw_workbook*, const Formats&)>& fill)
{
    AtomicFile file(path);
    {
        const exports::CLocaleScope cLocale;
        exports::Workbook book(file.tempPath(), path); // libxlsxwriter writes by file name
        fill(book.get(), exports::addFormats(book.get()));
        book.close();
    }
    file.commit();
}

} // namespace

void writeReviewXlsx(const SaleReview& review, const std::string& path)
{
    writeWorkbook(path, [&](lxw_workbook* book, const Formats& f) {
        Sheet rows(book, "Review", path);
        Sheet totals(book, "Totals", path);
        writeReviewRows(rows, f, review);
        writeReviewTotals(totals, f, review);
    });
}

void writeBacktestXlsx(const BacktestResult& result, const std::string& path)
{
    writeWorkbook(path, [&](lxw_workbook* book, const Formats& f) {
        Sheet rows(book, "Backtest", path);
        Sheet events(book, "Events", path);
        Sheet calibration(book, "Calibration", path);
        writeBacktestRows(rows, f, result);
        writeBacktestEvents(events, f, result);
        writeCalibration(calibration, f, result);
    });
}

} // namespace fp::review
