// flashplan-cli backtest: the model refitted before each of the latest events, forecasting it.
#include "cli/commands.h"
#include "cli/patientsave.h"
#include "cli/terminalprogress.h"
#include "review/backteststore.h"
#include "store/store.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace fp::cli {

namespace {

std::string format(const char* pattern, double value)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, pattern, value);
    return buf;
}

void printSummary(const review::BacktestResult& result, const std::string& out)
{
    std::cout << "backtested " << result.events.size() << " events (" << result.modelKind
              << " model, refitted on the history before each) -> " << out << "\n";
    for (const review::BacktestEvent& e : result.events) {
        std::cout << "  " << e.event.name << " " << formatIsoDate(e.start) << " +" << e.days
                  << " days: " << e.products << " products, forecast "
                  << format("%.2f", e.forecastUnits);
        if (e.totalInterval)
            std::cout << " (80% " << e.totalInterval->low << "-" << e.totalInterval->high
                      << (e.totalWithin() ? ", inside" : ", outside") << ")";
        const double bias = e.bias();
        std::cout << ", actual " << format("%.2f", e.actualUnits) << " units (bias "
                  << (std::isnan(bias) ? std::string("n/a, nothing sold")
                                       : format("%+.1f%%", 100 * bias))
                  << "), hit rate " << format("%.2f", e.hitRate()) << "\n";
    }
    std::cout << "  all: " << result.rows.size()
              << (result.periodDays == 7 ? " product-weeks" : " product-days")
              << ", within the 80% interval " << result.within << " (hit rate "
              << format("%.2f", result.hitRate()) << "); PIT histogram (tenths):";
    for (const int count : result.pitHistogram)
        std::cout << " " << count;
    std::cout << "\n";
    if (result.eventsWithInterval > 0)
        std::cout << "  event totals: " << result.eventsWithin << " of "
                  << result.eventsWithInterval << " within their 80% interval (event hit rate "
                  << format("%.2f", result.eventHitRate()) << ")\n";
}

} // namespace

int runBacktest(Arguments& args)
{
    args.allow({"project", "events", "out"}, {});
    const int events = args.integer("events", 6, 1, 100);
    const std::string out = args.required("out");
    store::Store store(args.required("project"), store::Store::OpenMode::MustExist);
    store.checkNoOtherWriter(); // before the refits, not at the save
    TerminalProgress::installInterruptHandler();
    store.database().waitWhileBusy(waitPatientlyToSave(store.path(), "backtest"));
    review::BacktestResult result;
    try { // an interrupt leaves the project as it was and no file
        TerminalProgress bar("backtesting");
        result = review::backtestProject(store, events, 2, bar.callback());
        bar.finish();
        review::writeBacktestCsv(result, out);
    } catch (const Cancelled&) {
        std::cerr << "backtest cancelled; nothing was stored or written\n";
        return kCancelled;
    } catch (const sql::SqlError&) {
        if (!TerminalProgress::interrupted())
            throw;
        std::cerr << "backtest cancelled while waiting to save; nothing was stored or written\n";
        return kCancelled;
    }
    if (result.events.empty()) {
        std::cerr << "error: the history has no flash-sale event (an event id) with eight weeks "
                     "of history before it to backtest on\n";
        return kBadInput;
    }
    printSummary(result, out);
    return kOk;
}

} // namespace fp::cli
