#pragma once

#include "data/demandcells.h"
#include "model/negbin.h"
#include "plan/campaign.h"
#include "plan/planresult.h"

#include <vector>

namespace fp::data {
class Panel;
}
namespace fp::model {
struct TrainedModel;
}

namespace fp::plan {

// What-if evaluation of a campaign: for any discount of any product, the distribution of its
// window demand (the sale's days, featured as a flash-sale event) and what follows from it under
// its stock: expected units sold E[min(D, stock)], their 80% interval, revenue, profit, markdown
// cost, sell-through and the chance of selling out. One product takes a few microseconds, so a
// slider can ask on every move.
class CampaignEvaluator final
{
public:
    // Throws FlashPlanError when the model does not know a campaign product.
    CampaignEvaluator(const data::Panel& panel, const model::TrainedModel& trained,
                      Campaign campaign);

    const Campaign& campaign() const { return m_campaign; }
    int productCount() const { return static_cast<int>(m_campaign.products.size()); }

    model::NegBin windowDemand(int item, double discount) const;
    // Window demand of many (item, discount) pairs with one model call.
    std::vector<model::NegBin>
    windowDemands(const std::vector<std::pair<int, double>>& queries) const;

    // The model's expected demand of each period of the window at a discount.
    std::vector<double> periodMeans(int item, double discount) const;

    ProductPlan evaluate(int item, double discount) const;
    ProductPlan evaluate(int item, double discount, const model::NegBin& demand) const;

    // The periods of the window (days, or the weeks overlapping it for weekly data).
    int windowPeriods() const { return m_periods; }

private:
    const data::Panel& m_panel;
    const model::TrainedModel& m_trained;
    Campaign m_campaign;
    int m_periods = 0;
    std::vector<std::vector<data::DemandCell>> m_cells; // per item: its window, in model indices
};

} // namespace fp::plan
