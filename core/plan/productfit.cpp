#include "plan/productfit.h"

#include "base/error.h"
#include "data/demandcells.h"
#include "data/panel.h"
#include "model/modelstore.h"
#include "plan/campaignevaluator.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace fp::plan {

namespace {

std::vector<FittedPeriod> fittedHistory(const data::Panel& panel,
                                        const model::TrainedModel& trained, int product,
                                        int modelIndex)
{
    std::vector<data::DemandCell> cells;
    for (const data::DemandCell& cell : data::historyCells(panel, 0, panel.periodCount()))
        if (cell.product == product)
            cells.push_back(cell);
    std::vector<data::DemandCell> modelCells = cells;
    for (data::DemandCell& cell : modelCells)
        cell.product = modelIndex;
    std::vector<double> means(cells.size());
    trained.predict(modelCells, means);

    const int category = panel.products()[static_cast<size_t>(product)].category;
    std::vector<FittedPeriod> out;
    out.reserve(cells.size());
    for (size_t i = 0; i < cells.size(); ++i) {
        const data::DemandCell& cell = cells[i];
        const model::NegBin demand = trained.noise.cellDemand(category, cell, means[i]);
        FittedPeriod row;
        row.day = panel.dayOf(cell.period);
        row.actual = cell.units;
        row.censored = cell.censored;
        row.event = cell.eventDay >= 0;
        const bool capped = std::isfinite(cell.stock);
        row.fitted = capped ? demand.expectedSales(cell.stock) : means[i];
        std::tie(row.lower, row.upper) = demand.interval(model::kIntervalCoverage);
        if (capped) {
            row.lower = std::min(row.lower, static_cast<int>(cell.stock));
            row.upper = std::min(row.upper, static_cast<int>(cell.stock));
        }
        out.push_back(row);
    }
    return out;
}

} // namespace

double usualDiscount(const data::Panel& panel, int product)
{
    const data::PanelProduct& p = panel.products()[static_cast<size_t>(product)];
    double sum = 0;
    int count = 0;
    for (int t = p.firstPeriod; t <= p.lastPeriod; ++t) {
        if (!panel.present(product, t) || panel.filled(product, t))
            continue;
        const double depth = panel.discount(product, t);
        if (depth >= 0.01) {
            sum += depth;
            ++count;
        }
    }
    return count ? sum / count : 0.0;
}

std::optional<DayNumber> holdoutStartOf(const std::string& scoresJson)
{
    const std::string key = "\"holdout_start\":\"";
    const size_t at = scoresJson.find(key);
    if (at == std::string::npos)
        return std::nullopt;
    return parseIsoDate(std::string_view(scoresJson).substr(at + key.size(), 10));
}

ProductFit fitProduct(const data::Panel& panel, const model::TrainedModel& trained, int product,
                      const ProductFitOptions& options)
{
    const data::PanelProduct& p = panel.products()[static_cast<size_t>(product)];
    const int modelIndex = trained.productIndexFor({p.id}).front();
    if (modelIndex < 0)
        throw FlashPlanError(ProblemKind::ProductNewerThanModel, {p.sku});
    if (p.lastPeriod < p.firstPeriod)
        throw FlashPlanError(ProblemKind::ProductWithoutHistory, {p.sku});

    ProductFit fit;
    fit.history = fittedHistory(panel, trained, product, modelIndex);
    fit.usualDiscount = usualDiscount(panel, product);
    fit.holdoutStart = holdoutStartOf(trained.scoresJson);

    const int periodDays = panel.periodDays();
    const DayNumber lastDay = panel.dayOf(p.lastPeriod);
    std::vector<data::ScenarioPeriod> ahead;
    for (int k = 1; k * periodDays <= std::max(options.forecastDays, periodDays); ++k)
        ahead.push_back({product, lastDay + k * periodDays, 0.0f, false, std::nanf("")});
    fit.forecast = model::forecastPeriods(panel, trained, ahead);

    // The discount curves: a flash sale right after the history, as the planner would see it.
    fit.windowStart = lastDay + periodDays;
    // Of weekly data the sale is the weeks it overlaps, as in the planner: its curves are theirs.
    fit.windowDays = (std::max(options.windowDays, 1) + periodDays - 1) / periodDays * periodDays;
    CampaignProduct item;
    item.product = product;
    item.unitCost = p.unitCost;
    item.listPrice = p.listPrice > 0 ? p.listPrice : panel.listPrice(product, p.lastPeriod);
    item.maxDiscount = options.maxDiscount;
    const CampaignEvaluator evaluator(panel, trained,
                                      Campaign{fit.windowStart, fit.windowDays, {item}});
    std::vector<std::pair<int, double>> queries;
    const int steps =
        static_cast<int>(std::floor(options.maxDiscount / options.discountStep + 1e-9));
    for (int k = 0; k <= steps; ++k)
        queries.emplace_back(0, k * options.discountStep);
    const std::vector<model::NegBin> demands = evaluator.windowDemands(queries);
    for (size_t k = 0; k < queries.size(); ++k) {
        const ProductPlan plan = evaluator.evaluate(0, queries[k].second, demands[k]);
        fit.curve.push_back({plan.discount, plan.expectedUnits, plan.unitsLow, plan.unitsHigh,
                             plan.expectedRevenue, plan.expectedProfit});
    }
    return fit;
}

} // namespace fp::plan
