#include "model/forecaster.h"

#include "base/error.h"
#include "data/panel.h"
#include "model/modelstore.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace fp::model {

std::vector<ForecastRow> forecastPeriods(const data::Panel& panel, const TrainedModel& trained,
                                         const std::vector<data::ScenarioPeriod>& periods)
{
    const std::vector<int> modelIndex = trained.productIndexFor(panel);
    std::vector<data::DemandCell> cells = data::scenarioCells(panel, periods);
    for (data::DemandCell& cell : cells) {
        const int index = modelIndex[static_cast<size_t>(cell.product)];
        if (index < 0)
            throw FlashPlanError(ProblemKind::ProductNewerThanModel,
                                 {panel.products()[static_cast<size_t>(cell.product)].sku});
        cell.product = index;
    }
    std::vector<double> means(cells.size()), extra(cells.size());
    trained.predict(cells, means, extra);
    std::vector<ForecastRow> rows;
    rows.reserve(cells.size());
    for (size_t i = 0; i < cells.size(); ++i) {
        const data::ScenarioPeriod& period = periods[i];
        const int category = panel.products()[static_cast<size_t>(period.product)].category;
        const NegBin demand = trained.noise.cellDemand(category, cells[i], means[i], extra[i]);
        ForecastRow row;
        row.product = period.product;
        row.day = period.day;
        row.extraVariance = extra[i];
        const bool capped = std::isfinite(period.stock);
        row.forecast = capped ? demand.expectedSales(period.stock) : means[i];
        std::tie(row.lower, row.upper) = demand.interval(kIntervalCoverage);
        if (capped) {
            row.lower = std::min(row.lower, static_cast<int>(period.stock));
            row.upper = std::min(row.upper, static_cast<int>(period.stock));
        }
        rows.push_back(row);
    }
    return rows;
}

} // namespace fp::model
