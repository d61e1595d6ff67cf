// The backtest of a project: run on its history and stored in it, read back, written as CSV.
#include "review/backteststore.h"

#include "base/atomicfile.h"
#include "base/text.h"
#include "data/panel.h"
#include "model/modelstore.h"
#include "store/store.h"

#include <charconv>
#include <cmath>
#include <ostream>
#include <unordered_map>

namespace fp::review {

namespace {

void saveBacktest(store::Store& store, const data::Panel& panel, const BacktestResult& result)
{
    sql::Database& db = store.database();
    sql::Transaction transaction(db);
    db.exec("DELETE FROM backtests"); // the latest only; its rows go with it
    sql::Statement head(db, "INSERT INTO backtests(created_at, model_kind) VALUES(?1, ?2)");
    head.bind(1, store::utcTimestamp()).bind(2, result.modelKind).run();
    const std::int64_t id = db.lastInsertId();
    sql::Statement insert(db, R"sql(
        INSERT INTO backtest_rows(backtest_id, event_index, event, product_id, day, price,
                                  forecast, lower, upper, actual, stock, sold_out, pit)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql");
    for (const BacktestRow& row : result.rows) {
        const HistoryEvent& event = result.events[static_cast<size_t>(row.event)].event;
        insert.bind(1, id).bind(2, row.event).bind(3, event.name);
        insert.bind(4, panel.products()[static_cast<size_t>(row.product)].id);
        insert.bind(5, std::int64_t{row.day}).bind(6, row.price).bind(7, row.forecast);
        insert.bind(8, row.lower).bind(9, row.upper).bind(10, row.actual).bind(11, row.stock);
        insert.bind(12, row.soldOut ? 1 : 0).bind(13, row.pit).run();
    }
    sql::Statement interval(db, R"sql(
        INSERT INTO backtest_events(backtest_id, event_index, units_low, units_high)
        VALUES(?1, ?2, ?3, ?4))sql");
    for (size_t e = 0; e < result.events.size(); ++e)
        if (const std::optional<CountInterval>& total = result.events[e].totalInterval)
            interval.bind(1, id)
                .bind(2, static_cast<std::int64_t>(e))
                .bind(3, total->low)
                .bind(4, total->high)
                .run();
    transaction.commit();
}

std::string fixed(double value, int decimals)
{
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    return std::string(buffer, result.ptr);
}

} // namespace

BacktestResult backtestProject(store::Store& store, int events, int threads,
                               const ProgressFn& progress)
{
    const data::Panel panel = data::Panel::load(store);
    const model::TrainedModel stored = model::requireActiveModel(store);
    BacktestResult result = backtest(panel, stored, events, threads, progress);
    std::unordered_map<std::int32_t, std::string> names;
    sql::Statement query(store.database(), "SELECT id, name FROM events");
    while (query.step())
        names[static_cast<std::int32_t>(query.int64(0))] = query.text(1);
    for (BacktestEvent& e : result.events)
        e.event.name = names[e.event.id];
    if (!result.events.empty()) // nothing to backtest keeps the previous one
        saveBacktest(store, panel, result);
    return result;
}

BacktestResult loadBacktest(store::Store& store)
{
    BacktestResult result;
    sql::Statement head(store.database(),
                        "SELECT id, model_kind FROM backtests ORDER BY id DESC LIMIT 1");
    if (!head.step())
        return result;
    result.modelKind = head.text(1);
    sql::Statement rows(store.database(), R"sql(
        SELECT r.event_index, r.event, r.product_id, p.sku, r.day, r.price, r.forecast, r.lower,
               r.upper, r.actual, r.stock, r.sold_out, r.pit
        FROM backtest_rows r JOIN products p ON p.id = r.product_id
        WHERE r.backtest_id = ?1 ORDER BY r.event_index, r.product_id, r.day)sql");
    rows.bind(1, head.int64(0));
    const int periodDays = std::max(1, store.periodDays());
    result.periodDays = periodDays;
    while (rows.step()) {
        BacktestRow row;
        row.event = static_cast<int>(rows.int64(0));
        row.product = static_cast<int>(rows.int64(2)); // the project's product id
        row.sku = rows.text(3);
        row.day = static_cast<DayNumber>(rows.int64(4));
        row.price = rows.real(5);
        row.forecast = rows.real(6);
        row.lower = static_cast<int>(rows.int64(7));
        row.upper = static_cast<int>(rows.int64(8));
        row.actual = rows.real(9);
        row.stock = rows.optionalReal(10);
        row.soldOut = rows.int64(11) != 0;
        row.pit = rows.real(12);
        while (result.events.size() <= static_cast<size_t>(row.event))
            result.events.push_back({{-1, rows.text(1), 0, 0}, row.day, 0});
        BacktestEvent& e = result.events[static_cast<size_t>(row.event)];
        const DayNumber end = std::max(e.start + e.days, row.day + periodDays);
        e.start = std::min(e.start, row.day);
        e.days = end - e.start;
        result.rows.push_back(std::move(row));
    }
    sql::Statement intervals(store.database(), R"sql(
        SELECT event_index, units_low, units_high FROM backtest_events WHERE backtest_id = ?1)sql");
    intervals.bind(1, head.int64(0));
    while (intervals.step())
        if (const auto e = static_cast<size_t>(intervals.int64(0)); e < result.events.size())
            result.events[e].totalInterval = CountInterval{static_cast<int>(intervals.int64(1)),
                                                           static_cast<int>(intervals.int64(2))};
    summarize(result);
    return result;
}

void writeBacktestCsv(const BacktestResult& result, const std::string& path)
{
    writeFileAtomically(path, [&](std::ostream& out) {
        out << "event,date,sku,price,forecast,lower,upper,actual,stock,sold_out\n";
        for (const BacktestRow& r : result.rows)
            out << spreadsheetSafeCsvField(result.events[static_cast<size_t>(r.event)].event.name)
                << ',' << formatIsoDate(r.day) << ',' << spreadsheetSafeCsvField(r.sku) << ','
                << fixed(r.price, 2) << ',' << fixed(r.forecast, 4) << ',' << r.lower << ','
                << r.upper << ',' << fixed(r.actual, 2) << ','
                << (r.stock ? fixed(*r.stock, 2) : std::string()) << ',' << (r.soldOut ? 1 : 0)
                << '\n';
    });
}

} // namespace fp::review
