#include "plan/campaignevaluator.h"

#include "base/error.h"
#include "data/panel.h"
#include "model/modelstore.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fp::plan {

CampaignEvaluator::CampaignEvaluator(const data::Panel& panel, const model::TrainedModel& trained,
                                     Campaign campaign)
    : m_panel(panel), m_trained(trained), m_campaign(std::move(campaign))
{
    const std::vector<int> modelIndex = trained.productIndexFor(panel);
    const int periodDays = panel.periodDays();
    for (const CampaignProduct& cp : m_campaign.products) {
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(cp.product)];
        if (modelIndex[static_cast<size_t>(cp.product)] < 0)
            throw FlashPlanError(ProblemKind::ProductNewerThanModel, {product.sku});
        // The sale's periods: its days, or the weeks that overlap them (the panel's weekly dates,
        // which every product's continue, also a new product's).
        const DayNumber first = panel.dayOf(panel.periodOf(m_campaign.start));
        std::vector<data::ScenarioPeriod> plan;
        for (DayNumber day = first; day < m_campaign.start + m_campaign.days; day += periodDays)
            plan.push_back(
                {cp.product, day, 0.0f, true, std::nanf(""), static_cast<float>(cp.listPrice)});
        std::vector<data::DemandCell> cells = data::scenarioCells(panel, plan);
        for (data::DemandCell& cell : cells)
            cell.product = modelIndex[static_cast<size_t>(cp.product)];
        m_periods = static_cast<int>(cells.size());
        m_cells.push_back(std::move(cells));
    }
}

std::vector<model::NegBin>
CampaignEvaluator::windowDemands(const std::vector<std::pair<int, double>>& queries) const
{
    std::vector<data::DemandCell> cells;
    std::vector<size_t> offsets;
    for (const auto& [item, discount] : queries) {
        offsets.push_back(cells.size());
        for (data::DemandCell cell : m_cells[static_cast<size_t>(item)]) {
            data::setDiscount(cell, discount);
            cells.push_back(cell);
        }
    }
    offsets.push_back(cells.size());
    std::vector<double> means(cells.size()), extra(cells.size());
    m_trained.predict(cells, means, extra);
    std::vector<model::NegBin> out;
    out.reserve(queries.size());
    for (size_t q = 0; q < queries.size(); ++q) {
        const CampaignProduct& cp = m_campaign.products[static_cast<size_t>(queries[q].first)];
        const int category = m_panel.products()[static_cast<size_t>(cp.product)].category;
        const std::span<const double> window(means.data() + offsets[q],
                                             offsets[q + 1] - offsets[q]);
        // The periods share the discount, and so the extrapolation's uncertainty.
        const double shared = offsets[q + 1] > offsets[q] ? extra[offsets[q]] : 0.0;
        out.push_back(m_trained.noise.windowDemand(category, window, true, shared));
    }
    return out;
}

std::vector<double> CampaignEvaluator::periodMeans(int item, double discount) const
{
    std::vector<data::DemandCell> cells = m_cells[static_cast<size_t>(item)];
    for (data::DemandCell& cell : cells)
        data::setDiscount(cell, discount);
    std::vector<double> means(cells.size());
    m_trained.predict(cells, means);
    return means;
}

model::NegBin CampaignEvaluator::windowDemand(int item, double discount) const
{
    return windowDemands({{item, discount}}).front();
}

ProductPlan CampaignEvaluator::evaluate(int item, double discount) const
{
    return evaluate(item, discount, windowDemand(item, discount));
}

ProductPlan CampaignEvaluator::evaluate(int item, double discount,
                                        const model::NegBin& demand) const
{
    const CampaignProduct& cp = m_campaign.products[static_cast<size_t>(item)];
    const data::PanelProduct& product = m_panel.products()[static_cast<size_t>(cp.product)];
    ProductPlan row;
    row.sku = product.sku;
    row.name = product.name;
    row.category = m_panel.categories()[static_cast<size_t>(product.category)];
    row.listPrice = cp.listPrice;
    row.unitCost = cp.unitCost;
    row.stock = cp.stock;
    row.discount = discount;
    row.salePrice = cp.listPrice * (1.0 - discount);
    const double stock = cp.stock ? *cp.stock : std::numeric_limits<double>::infinity();
    row.expectedUnits = demand.expectedSales(stock);
    const auto [low, high] = demand.interval(model::kIntervalCoverage);
    row.unitsLow = std::min<double>(low, stock);
    row.unitsHigh = std::min<double>(high, stock);
    row.expectedRevenue = row.salePrice * row.expectedUnits;
    if (cp.unitCost)
        row.expectedProfit = (row.salePrice - *cp.unitCost) * row.expectedUnits;
    row.markdownCost = (cp.listPrice - row.salePrice) * row.expectedUnits;
    if (cp.stock) {
        row.sellThrough = *cp.stock > 0 ? row.expectedUnits / *cp.stock : 1.0;
        row.sellOutProbability = demand.survival(*cp.stock);
    }
    row.locked = cp.lockedDiscount.has_value();
    return row;
}

} // namespace fp::plan
