#pragma once

#include "base/civildate.h"
#include "base/progress.h"
#include "model/negbin.h"

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace fp::data {
class Panel;
}
namespace fp::model {
struct TrainedModel;
}

namespace fp::review {

// A flash-sale event of the history: the periods and products that share an event id.
struct HistoryEvent
{
    std::int32_t id = -1;
    std::string name;
    int firstPeriod = 0, lastPeriod = 0;
};

// The `count` latest events of the history (by their first period), oldest first. Names are
// left for the caller (the panel keeps ids).
std::vector<HistoryEvent> latestEvents(const data::Panel& panel, int count);

// The history before `period`, all else equal: the same products (an index is the same product),
// periods [0, period). Nothing from `period` on is in it.
data::Panel historyBefore(const data::Panel& panel, int period);

// `stored` refitted on `before` (its model kind and seed), starting from the stored parameters
// (warm start), with its noise re-estimated there. Throws Cancelled when `onLoss` says stop.
model::TrainedModel refitOn(const data::Panel& before, const model::TrainedModel& stored,
                            int threads, const std::function<bool()>& keepGoing = {});

// One product-period of an event, forecast by the model fitted on the history before the event,
// at the price charged and the stock it had.
struct BacktestRow
{
    int event = 0; // index into BacktestResult::events
    DayNumber day = 0;
    int product = 0; // panel product
    std::string sku;
    double price = 0;    // charged
    double forecast = 0; // E[min(D, stock)], or E[D] without a stock
    int lower = 0, upper = 0;
    double actual = 0;
    std::optional<double> stock;
    bool soldOut = false;
    double pit = 0; // the predictive cdf at the actual (mid-point; censored above when sold out)

    bool within() const { return actual >= lower && actual <= upper; }
};

// An 80% interval of a count: its 10% and 90% quantiles.
struct CountInterval
{
    int low = 0, high = 0;

    bool contains(double value) const { return value >= low && value <= high; }
};

// A row's demand as the model forecast it, and the part of its relative variance the event's
// other days of the same product share (NoiseModel::sharedVariance).
struct RowDemand
{
    model::NegBin demand;
    double sharedVariance = 0;
};

struct EventForecast
{
    std::vector<BacktestRow> rows;  // product by product, day by day
    std::vector<RowDemand> demands; // one per row
    // The event's total units (all its rows): the sum of the rows' sales moment-matched to a
    // negative binomial (model::SalesSum); none without rows.
    std::optional<CountInterval> total = std::nullopt;
};

// Forecasts the periods of `event` from `trained` fitted on historyBefore(panel, firstPeriod).
EventForecast forecastEvent(const data::Panel& panel, const data::Panel& before,
                            const model::TrainedModel& trained, const HistoryEvent& event,
                            int eventIndex);

struct BacktestEvent
{
    HistoryEvent event;
    DayNumber start = 0;
    int days = 0;
    int products = 0, rows = 0, within = 0;
    double forecastUnits = 0, actualUnits = 0, forecastRevenue = 0, actualRevenue = 0;
    // The 80% interval of the event's total units; none in a backtest stored before it was kept.
    std::optional<CountInterval> totalInterval = std::nullopt;

    // Forecast over actual units, minus 1, as `train` and the plan report give a bias: +0.1 =
    // forecast 10% more than sold. NaN when nothing sold (no share of nothing).
    double bias() const
    {
        return actualUnits > 0 ? forecastUnits / actualUnits - 1.0
                               : std::numeric_limits<double>::quiet_NaN();
    }
    double hitRate() const { return rows > 0 ? double(within) / rows : 0.0; }
    bool totalWithin() const { return totalInterval && totalInterval->contains(actualUnits); }
};

struct BacktestResult
{
    std::string modelKind;
    int periodDays = 1;                 // the history's: 7 when its rows are weeks
    std::vector<BacktestEvent> events;  // oldest first
    std::vector<BacktestRow> rows;      // event by event, product by product, day by day
    std::array<int, 10> pitHistogram{}; // counts of PIT in [0, 0.1), ..., [0.9, 1]
    int within = 0;
    int eventsWithInterval = 0, eventsWithin = 0; // events whose actual total is in its interval

    // The share of rows inside their 80% interval: near 0.8 when the intervals are honest.
    double hitRate() const { return rows.empty() ? 0.0 : double(within) / rows.size(); }
    // The share of events whose actual total units fell inside the total's 80% interval.
    double eventHitRate() const;
};

// Fills each event's totals, the hit counts and the PIT histogram from `result.rows` (and the
// events' hits from their total intervals).
void summarize(BacktestResult& result);

// Backtests `stored` on the `events` latest events of `panel`: per event, refit on the history
// before it and forecast its days at the prices and stock actually used. Progress counts events;
// throws Cancelled when it says stop.
BacktestResult backtest(const data::Panel& panel, const model::TrainedModel& stored, int events,
                        int threads, const ProgressFn& progress = {});

} // namespace fp::review
