// The backtest on past events: each event forecast by the model refitted on the history before
// it, at the prices and stock it had, with nothing from the event onward leaking into the fit.
#include "base/error.h"
#include "model/modelstore.h"
#include "review/backteststore.h"
#include "store/store.h"
#include "support/marketproject.h"
#include "support/salessimulation.h"
#include "support/trainedmodel.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <numeric>

using namespace fp;

namespace {

class Backtest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        synth::MarketConfig config;
        config.seed = 4242;
        config.products = 36;
        config.days = 420;
        config.firstDay = daysFromCivil(2025, 3, 1);
        config.eventsPerProductYear = 8;
        s_project = new test::MarketProject(config);
        s_stored = new model::TrainedModel(test::trainStructuredOnAllHistory(panel()));
        s_result = new review::BacktestResult(review::backtest(panel(), *s_stored, 2, 2));
    }
    static void TearDownTestSuite()
    {
        delete s_result;
        delete s_stored;
        delete s_project;
    }
    static const data::Panel& panel() { return s_project->panel(); }

    // A copy of the panel with one cell's units changed.
    static data::Panel withUnits(int p, int t, float units)
    {
        data::Panel changed = panel();
        changed.setCell(p, t, units, panel().price(p, t), panel().listPrice(p, t),
                        panel().stock(p, t), panel().event(p, t), panel().filled(p, t));
        return changed;
    }

    static test::MarketProject* s_project;
    static model::TrainedModel* s_stored;
    static review::BacktestResult* s_result;
};

test::MarketProject* Backtest::s_project = nullptr;
model::TrainedModel* Backtest::s_stored = nullptr;
review::BacktestResult* Backtest::s_result = nullptr;

TEST_F(Backtest, TheLatestEventsComeOldestFirstWithTheirOwnRows)
{
    const std::vector<review::HistoryEvent> events = review::latestEvents(panel(), 3);
    ASSERT_EQ(events.size(), 3u);
    for (size_t e = 1; e < events.size(); ++e)
        EXPECT_LE(events[e - 1].firstPeriod, events[e].firstPeriod);
    // No event starts after the last one chosen.
    for (int p = 0; p < panel().productCount(); ++p)
        for (int t = events.back().firstPeriod + 1; t < panel().periodCount(); ++t)
            if (panel().present(p, t) && panel().event(p, t) >= 0 && t > 0 &&
                panel().event(p, t - 1) != panel().event(p, t))
                ADD_FAILURE() << "an event starts at " << t << " after the latest chosen";
    ASSERT_EQ(s_result->events.size(), 2u);
    for (const review::BacktestRow& row : s_result->rows) {
        const review::HistoryEvent& event = s_result->events[static_cast<size_t>(row.event)].event;
        const int t = panel().periodOf(row.day);
        EXPECT_EQ(panel().event(row.product, t), event.id);
        EXPECT_EQ(row.actual, panel().units(row.product, t));
        EXPECT_EQ(row.soldOut, panel().censored(row.product, t));
    }
}

TEST_F(Backtest, HistoryBeforeHoldsNothingFromThePeriodOn)
{
    const int cut = panel().periodCount() - 40;
    const data::Panel before = review::historyBefore(panel(), cut);
    EXPECT_EQ(before.periodCount(), cut);
    for (int p = 0; p < before.productCount(); ++p) {
        EXPECT_LT(before.products()[static_cast<size_t>(p)].lastPeriod, cut);
        for (int t = 0; t < cut; ++t) {
            ASSERT_EQ(before.present(p, t), panel().present(p, t));
            if (panel().present(p, t)) {
                EXPECT_EQ(before.units(p, t), panel().units(p, t));
            }
        }
    }
}

TEST_F(Backtest, NoRowFromTheEventOnwardReachesItsForecast)
{
    // One row changed on the latest event's first day, one on the history's last: no forecast of
    // any event may move (each starts on or before that day).
    const review::HistoryEvent& latest = s_result->events.back().event;
    int product = -1;
    for (int p = 0; p < panel().productCount() && product < 0; ++p)
        if (panel().present(p, latest.firstPeriod) &&
            panel().event(p, latest.firstPeriod) == latest.id)
            product = p;
    ASSERT_GE(product, 0);
    data::Panel later =
        withUnits(product, latest.firstPeriod, panel().units(product, latest.firstPeriod) * 3 + 40);
    const int last = panel().periodCount() - 1;
    for (int p = 0; p < panel().productCount(); ++p)
        if (panel().present(p, last) && panel().event(p, last) != latest.id) {
            later.setCell(p, last, panel().units(p, last) + 100, panel().price(p, last),
                          panel().listPrice(p, last), NAN, panel().event(p, last));
            break;
        }
    const review::BacktestResult again = review::backtest(later, *s_stored, 2, 2);
    ASSERT_EQ(again.rows.size(), s_result->rows.size());
    int actualsMoved = 0;
    for (size_t i = 0; i < again.rows.size(); ++i) {
        EXPECT_EQ(again.rows[i].forecast, s_result->rows[i].forecast) << i;
        EXPECT_EQ(again.rows[i].lower, s_result->rows[i].lower) << i;
        EXPECT_EQ(again.rows[i].upper, s_result->rows[i].upper) << i;
        actualsMoved += again.rows[i].actual != s_result->rows[i].actual ? 1 : 0;
    }
    EXPECT_EQ(actualsMoved, 1); // the event's own row: what sold, not what was forecast

    // The same change one day earlier is history the forecast must use: this test can fail.
    const data::Panel earlier = withUnits(product, latest.firstPeriod - 1,
                                          panel().units(product, latest.firstPeriod - 1) * 3 + 40);
    const review::BacktestResult moved = review::backtest(earlier, *s_stored, 2, 2);
    ASSERT_EQ(moved.rows.size(), s_result->rows.size());
    int forecastsMoved = 0;
    for (size_t i = 0; i < moved.rows.size(); ++i)
        forecastsMoved += moved.rows[i].forecast != s_result->rows[i].forecast ? 1 : 0;
    EXPECT_GT(forecastsMoved, 0);
}

TEST_F(Backtest, TotalsHitRateAndPitAddUp)
{
    const review::BacktestResult& r = *s_result;
    ASSERT_FALSE(r.rows.empty());
    EXPECT_EQ(std::accumulate(r.pitHistogram.begin(), r.pitHistogram.end(), 0),
              static_cast<int>(r.rows.size()));
    int within = 0;
    for (const review::BacktestRow& row : r.rows) {
        within += row.within() ? 1 : 0;
        EXPECT_GE(row.pit, 0.0);
        EXPECT_LE(row.pit, 1.0);
        EXPECT_LE(row.lower, row.upper);
    }
    EXPECT_EQ(r.within, within);
    double forecast = 0;
    for (const review::BacktestEvent& e : r.events)
        forecast += e.forecastUnits;
    double rows = 0;
    for (const review::BacktestRow& row : r.rows)
        rows += row.forecast;
    EXPECT_NEAR(forecast, rows, 1e-9 * rows);
    // An honest 80% band on a known market: neither far too narrow nor far too wide.
    EXPECT_GT(r.hitRate(), 0.65);
    EXPECT_LT(r.hitRate(), 0.97);
}

// One convention for a bias everywhere (train, the plan report, the backtest): forecast over
// actual, minus 1, so + means the forecast was too high.
TEST(BacktestEvent, ItsBiasIsPositiveWhenTheForecastWasTooHighAndNoneWhenNothingSold)
{
    review::BacktestEvent e;
    e.forecastUnits = 110;
    e.actualUnits = 100;
    EXPECT_NEAR(e.bias(), 0.10, 1e-12);
    e.forecastUnits = 80;
    EXPECT_NEAR(e.bias(), -0.20, 1e-12);
    e.actualUnits = 0;
    EXPECT_TRUE(std::isnan(e.bias()));
}

TEST_F(Backtest, AnEventsTotalIntervalHoldsItsForecastAndIsNarrowerThanItsDaysIntervals)
{
    const review::BacktestResult& r = *s_result;
    int within = 0;
    for (size_t e = 0; e < r.events.size(); ++e) {
        const review::BacktestEvent& event = r.events[e];
        ASSERT_TRUE(event.totalInterval.has_value()) << e;
        const review::CountInterval total = *event.totalInterval;
        double widths = 0;
        for (const review::BacktestRow& row : r.rows)
            if (row.event == static_cast<int>(e))
                widths += row.upper - row.lower;
        EXPECT_LE(total.low, event.forecastUnits) << e;
        EXPECT_GE(total.high, event.forecastUnits) << e;
        EXPECT_GT(total.high, total.low) << e;
        // Days' errors partly cancel in a sum: its band is narrower than the bands added up.
        EXPECT_LT(total.high - total.low, widths) << e;
        within += total.contains(event.actualUnits) ? 1 : 0;
    }
    EXPECT_EQ(r.eventsWithInterval, static_cast<int>(r.events.size()));
    EXPECT_EQ(r.eventsWithin, within);
    EXPECT_DOUBLE_EQ(r.eventHitRate(), double(within) / r.events.size());
}

TEST_F(Backtest, AnEventsTotalIntervalHoldsEightyPercentOfTotalsDrawnFromItsForecast)
{
    // The latest event forecast again as the backtest did, and its total drawn 4,000 times from
    // the days' distributions (a shared shock per product, each day capped by its stock).
    const review::BacktestEvent& latest = s_result->events.back();
    const data::Panel before = review::historyBefore(panel(), latest.event.firstPeriod);
    const model::TrainedModel trained = review::refitOn(before, *s_stored, 2);
    const review::EventForecast forecast = review::forecastEvent(
        panel(), before, trained, latest.event, static_cast<int>(s_result->events.size()) - 1);
    ASSERT_TRUE(forecast.total.has_value());
    ASSERT_TRUE(latest.totalInterval.has_value());
    EXPECT_EQ(forecast.total->low, latest.totalInterval->low);
    EXPECT_EQ(forecast.total->high, latest.totalInterval->high);
    ASSERT_EQ(forecast.demands.size(), forecast.rows.size());
    std::vector<test::SimulatedPeriod> periods;
    for (size_t i = 0; i < forecast.rows.size(); ++i)
        periods.push_back({forecast.demands[i].demand, forecast.rows[i].stock,
                           forecast.demands[i].sharedVariance, forecast.rows[i].product});
    const std::vector<double> totals = test::simulateTotals(periods, 4000, 5);
    const double coverage = test::shareWithin(totals, forecast.total->low, forecast.total->high);
    EXPECT_GT(coverage, 0.7) << forecast.total->low << ".." << forecast.total->high;
    EXPECT_LT(coverage, 0.9) << forecast.total->low << ".." << forecast.total->high;
}

TEST_F(Backtest, AProjectKeepsItsLatestBacktestAndACancelledOneChangesNothing)
{
    store::Store& store = s_project->store();
    model::saveActiveModel(store, test::trainStructuredOnAllHistory(panel()));
    const review::BacktestResult stored = review::backtestProject(store, 1, 2);
    ASSERT_EQ(stored.events.size(), 1u);
    EXPECT_FALSE(stored.events[0].event.name.empty());
    const review::BacktestResult read = review::loadBacktest(store);
    ASSERT_EQ(read.rows.size(), stored.rows.size());
    ASSERT_EQ(read.events.size(), 1u);
    EXPECT_EQ(read.events[0].event.name, stored.events[0].event.name);
    EXPECT_EQ(read.events[0].start, stored.events[0].start);
    EXPECT_EQ(read.events[0].days, stored.events[0].days);
    EXPECT_EQ(read.periodDays, stored.periodDays);
    EXPECT_EQ(read.within, stored.within);
    EXPECT_EQ(read.pitHistogram, stored.pitHistogram);
    EXPECT_DOUBLE_EQ(read.events[0].forecastUnits, stored.events[0].forecastUnits);
    ASSERT_TRUE(read.events[0].totalInterval && stored.events[0].totalInterval);
    EXPECT_EQ(read.events[0].totalInterval->low, stored.events[0].totalInterval->low);
    EXPECT_EQ(read.events[0].totalInterval->high, stored.events[0].totalInterval->high);
    EXPECT_EQ(read.eventsWithin, stored.eventsWithin);
    EXPECT_EQ(read.eventsWithInterval, 1);

    int calls = 0;
    EXPECT_THROW(review::backtestProject(store, 2, 2,
                                         [&](std::int64_t, std::int64_t) { return ++calls < 3; }),
                 Cancelled);
    const review::BacktestResult after = review::loadBacktest(store);
    EXPECT_EQ(after.rows.size(), stored.rows.size());
    EXPECT_EQ(after.events.size(), 1u);

    // A backtest stored before the events' intervals were kept reads without them.
    store.database().exec("DELETE FROM backtest_events");
    const review::BacktestResult older = review::loadBacktest(store);
    ASSERT_EQ(older.events.size(), 1u);
    EXPECT_FALSE(older.events[0].totalInterval.has_value());
    EXPECT_EQ(older.eventsWithInterval, 0);
    EXPECT_EQ(older.within, stored.within);
}

} // namespace
