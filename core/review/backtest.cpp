#include "review/backtest.h"

#include "base/binaryio.h"
#include "data/panel.h"
#include "model/modelstore.h"
#include "model/salessum.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace fp::review {

namespace {

// Events need history before them to be forecast from it: eight weeks.
int minimumHistoryPeriods(const data::Panel& panel)
{
    return 56 / panel.periodDays();
}

} // namespace

std::vector<HistoryEvent> latestEvents(const data::Panel& panel, int count)
{
    std::map<std::int32_t, HistoryEvent> byId;
    for (int p = 0; p < panel.productCount(); ++p) {
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        for (int t = product.firstPeriod; t <= product.lastPeriod; ++t) {
            const std::int32_t id = panel.event(p, t);
            if (id < 0 || !panel.present(p, t))
                continue;
            auto [it, added] = byId.try_emplace(id, HistoryEvent{id, {}, t, t});
            it->second.firstPeriod = std::min(it->second.firstPeriod, t);
            it->second.lastPeriod = std::max(it->second.lastPeriod, t);
        }
    }
    std::vector<HistoryEvent> events;
    for (const auto& [id, event] : byId)
        if (event.firstPeriod >= minimumHistoryPeriods(panel))
            events.push_back(event);
    std::sort(events.begin(), events.end(), [](const HistoryEvent& a, const HistoryEvent& b) {
        return a.firstPeriod != b.firstPeriod ? a.firstPeriod < b.firstPeriod : a.id < b.id;
    });
    const auto keep = static_cast<size_t>(std::max(0, count));
    if (events.size() > keep)
        events.erase(events.begin(), events.end() - static_cast<std::ptrdiff_t>(keep));
    return events;
}

data::Panel historyBefore(const data::Panel& panel, int period)
{
    period = std::clamp(period, 0, panel.periodCount());
    std::vector<data::PanelProduct> products = panel.products();
    for (size_t p = 0; p < products.size(); ++p) {
        data::PanelProduct& product = products[p];
        product.lastPeriod = std::min(product.lastPeriod, period - 1);
        // The regular price as it was then, not as it is now.
        for (int t = product.lastPeriod; t >= product.firstPeriod; --t)
            if (panel.present(static_cast<int>(p), t)) {
                product.listPrice = panel.listPrice(static_cast<int>(p), t);
                break;
            }
    }
    data::Panel before(panel.periodDays(), panel.firstDay(), period, products, panel.categories());
    for (int p = 0; p < panel.productCount(); ++p)
        for (int t = products[static_cast<size_t>(p)].firstPeriod;
             t <= products[static_cast<size_t>(p)].lastPeriod; ++t)
            if (panel.present(p, t))
                before.setCell(p, t, panel.units(p, t), panel.price(p, t), panel.listPrice(p, t),
                               panel.stock(p, t), panel.event(p, t), panel.filled(p, t));
    return before;
}

model::TrainedModel refitOn(const data::Panel& before, const model::TrainedModel& stored,
                            int threads, const std::function<bool()>& keepGoing)
{
    // A copy of the stored fit to start from.
    BinaryWriter params;
    stored.model->save(params);
    BinaryReader in(params.bytes());
    std::unique_ptr<model::DemandModel> fitted = model::createModel(stored.kind);
    if (!fitted)
        throw FlashPlanError(ProblemKind::StoredModelUnknownKind, {stored.kind});
    fitted->load(in);

    const std::vector<data::DemandCell> cells = data::historyCells(before, 0, before.periodCount());
    model::FitOptions options;
    options.seed = stored.seed != 0 ? stored.seed : 1;
    options.threads = threads;
    options.warmStart = true;
    fitted->fit(before, cells, {}, options,
                [&](const model::LossPoint&) { return !keepGoing || keepGoing(); });
    std::vector<double> means(cells.size());
    fitted->predict(cells, means);

    model::TrainedModel trained;
    trained.kind = stored.kind;
    trained.model = std::move(fitted);
    trained.noise = model::NoiseModel::estimate(model::PanelShape::of(before), cells, means);
    trained.seed = stored.seed;
    trained.keepProductsOf(before);
    return trained;
}

EventForecast forecastEvent(const data::Panel& panel, const data::Panel& before,
                            const model::TrainedModel& trained, const HistoryEvent& event,
                            int eventIndex)
{
    std::vector<data::ScenarioPeriod> periods;
    EventForecast forecast;
    std::vector<BacktestRow>& rows = forecast.rows;
    for (int p = 0; p < panel.productCount(); ++p) {
        const data::PanelProduct& known = before.products()[static_cast<size_t>(p)];
        if (known.lastPeriod < known.firstPeriod)
            continue; // no history before the event: nothing to forecast it from
        for (int t = event.firstPeriod; t <= event.lastPeriod; ++t) {
            if (!panel.present(p, t) || panel.event(p, t) != event.id)
                continue;
            const double list = panel.listPrice(p, t);
            const double price = panel.price(p, t);
            const float stock = panel.stock(p, t);
            periods.push_back({p, panel.dayOf(t),
                               static_cast<float>(list > 0 ? 1.0 - price / list : 0.0), true, stock,
                               static_cast<float>(list), event.id});
            BacktestRow row;
            row.event = eventIndex;
            row.day = panel.dayOf(t);
            row.product = p;
            row.sku = panel.products()[static_cast<size_t>(p)].sku;
            row.price = price;
            row.actual = panel.units(p, t);
            if (!std::isnan(stock))
                row.stock = stock;
            row.soldOut = panel.censored(p, t);
            rows.push_back(row);
        }
    }
    if (periods.empty())
        return forecast;
    // The cells as forecastPeriods() forms them; the model's index is the panel's (refitOn).
    std::vector<data::DemandCell> cells = data::scenarioCells(before, periods);
    std::vector<double> means(cells.size()), extra(cells.size());
    trained.predict(cells, means, extra);
    model::SalesSum total;
    for (size_t i = 0; i < cells.size(); ++i) {
        BacktestRow& row = rows[i];
        const int category = before.products()[static_cast<size_t>(row.product)].category;
        const model::NegBin demand =
            trained.noise.cellDemand(category, cells[i], means[i], extra[i]);
        row.forecast = row.stock ? demand.expectedSales(*row.stock) : means[i];
        std::tie(row.lower, row.upper) = demand.interval(model::kIntervalCoverage);
        if (row.stock) {
            row.lower = std::min(row.lower, static_cast<int>(*row.stock));
            row.upper = std::min(row.upper, static_cast<int>(*row.stock));
        }
        // Mid-point PIT of a count; a sold-out period says only that demand reached the stock.
        const double y = std::round(row.actual);
        const double below = y >= 1 ? demand.cdf(y - 1) : 0.0;
        row.pit = 0.5 * (below + (row.soldOut ? 1.0 : demand.cdf(y)));
        // The rows come product by product: a product's days share its event shock.
        if (i == 0 || rows[i - 1].product != row.product)
            total.startWindow();
        const double shared = trained.noise.sharedVariance(category, cells[i], extra[i]);
        total.add(demand, row.stock, shared);
        forecast.demands.push_back({demand, shared});
    }
    const model::NegBin sum = total.distribution();
    const auto [low, high] = sum.interval(model::kIntervalCoverage);
    forecast.total = CountInterval{low, high};
    return forecast;
}

void summarize(BacktestResult& result)
{
    result.within = 0;
    result.pitHistogram.fill(0);
    std::vector<std::set<int>> products(result.events.size());
    result.eventsWithInterval = result.eventsWithin = 0;
    for (BacktestEvent& e : result.events) { // the totals from zero
        BacktestEvent fresh{e.event, e.start, e.days};
        fresh.totalInterval = e.totalInterval;
        e = fresh;
    }
    for (const BacktestRow& row : result.rows) {
        BacktestEvent& e = result.events.at(static_cast<size_t>(row.event));
        products[static_cast<size_t>(row.event)].insert(row.product);
        ++e.rows;
        e.within += row.within() ? 1 : 0;
        e.forecastUnits += row.forecast;
        e.actualUnits += row.actual;
        e.forecastRevenue += row.forecast * row.price;
        e.actualRevenue += row.actual * row.price;
        result.within += row.within() ? 1 : 0;
        ++result
              .pitHistogram[static_cast<size_t>(std::clamp(static_cast<int>(row.pit * 10), 0, 9))];
    }
    for (size_t e = 0; e < result.events.size(); ++e) {
        BacktestEvent& event = result.events[e];
        event.products = static_cast<int>(products[e].size());
        result.eventsWithInterval += event.totalInterval ? 1 : 0;
        result.eventsWithin += event.totalWithin() ? 1 : 0;
    }
}

double BacktestResult::eventHitRate() const
{
    return eventsWithInterval > 0 ? double(eventsWithin) / eventsWithInterval : 0.0;
}

BacktestResult backtest(const data::Panel& panel, const model::TrainedModel& stored, int events,
                        int threads, const ProgressFn& progress)
{
    BacktestResult result;
    result.modelKind = stored.kind;
    result.periodDays = panel.periodDays();
    const std::vector<HistoryEvent> chosen = latestEvents(panel, events);
    const auto total = static_cast<std::int64_t>(chosen.size());
    for (size_t e = 0; e < chosen.size(); ++e) {
        const auto done = static_cast<std::int64_t>(e);
        reportProgressOrCancel(progress, done, total);
        const HistoryEvent& event = chosen[e];
        const data::Panel before = historyBefore(panel, event.firstPeriod);
        const model::TrainedModel trained =
            refitOn(before, stored, threads, [&] { return reportProgress(progress, done, total); });
        const EventForecast forecast =
            forecastEvent(panel, before, trained, event, static_cast<int>(e));
        BacktestEvent summary;
        summary.event = event;
        summary.start = panel.dayOf(event.firstPeriod);
        summary.days = (event.lastPeriod - event.firstPeriod + 1) * panel.periodDays();
        summary.totalInterval = forecast.total;
        result.events.push_back(summary);
        result.rows.insert(result.rows.end(), forecast.rows.begin(), forecast.rows.end());
    }
    summarize(result);
    reportProgressOrCancel(progress, total, total);
    return result;
}

} // namespace fp::review
