#include "synth/salescsv.h"

#include "base/atomicfile.h"
#include "base/error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <ostream>

namespace fp::synth {

namespace {

// Receives the CSV in chunks; false = the write failed.
using Sink = std::function<bool(const char* data, std::size_t size)>;

Sink sinkInto(std::ostream& out)
{
    return [&out](const char* data, std::size_t size) {
        out.write(data, static_cast<std::streamsize>(size));
        return static_cast<bool>(out);
    };
}

constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kNumbers = 8 * 24 + 16; // a row's numbers and separators, at most

void append(char*& out, std::string_view text)
{
    if (text.empty()) // an empty view may hold a null pointer, which memcpy must not get
        return;
    std::memcpy(out, text.data(), text.size());
    out += text.size();
}

void appendInt(char*& out, long long value)
{
    out = std::to_chars(out, out + 24, value).ptr;
}

void appendCents(char*& out, double value)
{
    const long long cents = std::llround(value * 100.0);
    appendInt(out, cents / 100);
    *out++ = '.';
    *out++ = static_cast<char>('0' + cents % 100 / 10);
    *out++ = static_cast<char>('0' + cents % 10);
}

bool has(const SalesCsvTable& table, std::string_view column)
{
    return std::find(table.columns.begin(), table.columns.end(), column) != table.columns.end();
}

// Returns false when the sink failed; throws Cancelled when progress asks to stop.
bool streamSales(const SalesCsvTable& table, const Sink& sink, const ProgressFn& progress)
{
    const bool listPrice = has(table, "list_price");
    const bool unitCost = has(table, "unit_cost");
    const bool stock = has(table, "stock");
    const bool views = has(table, "views");
    const bool event = has(table, "event");

    std::string header;
    for (const std::string& column : table.columns)
        header += (header.empty() ? "" : ",") + column;
    header += '\n';
    std::size_t longest = 0;
    for (const std::string& fields : table.productFields)
        longest = std::max(longest, fields.size());

    std::vector<char> buffer(std::max(kChunk, header.size()) + longest + kNumbers + 256);
    char* begin = buffer.data();
    char* out = begin;
    append(out, header);
    auto flush = [&] {
        const bool written = sink(begin, static_cast<std::size_t>(out - begin));
        out = begin;
        return written;
    };

    bool ok = true;
    std::int64_t done = 0;
    DayNumber dateOf = std::numeric_limits<DayNumber>::min();
    char date[10];
    table.forEachRow([&](const SalesRow& row) {
        const std::string& fields = table.productFields[static_cast<std::size_t>(row.product)];
        const std::size_t need = 10 + fields.size() + kNumbers + row.event.size();
        if (static_cast<std::size_t>(out - begin) + need > buffer.size()) { // a long event id
            ok = flush();
            buffer.resize(std::max(buffer.size(), need)); // empty now: nothing to move
            begin = out = buffer.data();
        }
        if (row.day != dateOf) { // rows come grouped by date (or by week), format it once
            formatIsoDate(row.day, date);
            dateOf = row.day;
        }
        append(out, std::string_view(date, 10));
        append(out, fields);
        appendInt(out, row.units);
        *out++ = ',';
        appendCents(out, row.price);
        if (listPrice) {
            *out++ = ',';
            appendCents(out, row.listPrice);
        }
        if (unitCost) {
            *out++ = ',';
            appendCents(out, row.unitCost);
        }
        if (stock) {
            *out++ = ',';
            appendInt(out, row.stock);
        }
        if (views) {
            *out++ = ',';
            appendInt(out, row.views);
        }
        if (event) {
            *out++ = ',';
            append(out, row.event);
        }
        *out++ = '\n';
        if (ok && static_cast<std::size_t>(out - begin) >= kChunk)
            ok = flush();
        if (ok && (++done & 0xffff) == 0)
            reportProgressOrCancel(progress, done, table.rowCount);
        return ok;
    });
    if (ok && out != begin)
        ok = flush();
    if (ok)
        reportProgressOrCancel(progress, table.rowCount, table.rowCount);
    return ok;
}

} // namespace

void writeSalesCsv(const SalesCsvTable& table, std::ostream& out)
{
    streamSales(table, sinkInto(out), {});
}

void writeSalesCsv(const SalesCsvTable& table, const std::string& path, const ProgressFn& progress)
{
    AtomicFile file(path); // a cancel leaves the target as it was: the temporary file goes
    streamSales(table, sinkInto(file.stream()), progress);
    file.commit(); // after a failed write, throws with the reason and keeps the target
}

std::string formatCents(double value)
{
    char text[32];
    char* out = text;
    appendCents(out, value);
    return std::string(text, out);
}

} // namespace fp::synth
