#include "plan/plannerdata.h"

#include "plan/campaign.h"
#include "plan/optimizer.h"
#include "plan/productfit.h"
#include "store/store.h"

#include <algorithm>
#include <cmath>

namespace fp::plan {

namespace {

// The history as `model` reads it (TrainedModel::alignTo).
data::Panel alignedTo(const model::TrainedModel& model, data::Panel history)
{
    model.alignTo(history);
    return history;
}

} // namespace

PlannerData::PlannerData(data::Panel history, model::TrainedModel model)
    : panel(alignedTo(model, std::move(history))), trained(std::move(model)),
      deepestDiscounts(panel)
{
    deriveProducts(0);
}

void PlannerData::deriveProducts(int first)
{
    const int products = panel.productCount();
    std::vector<std::int64_t> ids(static_cast<size_t>(products));
    for (int p = 0; p < products; ++p)
        ids[static_cast<size_t>(p)] = panel.products()[static_cast<size_t>(p)].id;
    const std::vector<int> modelIndex = trained.productIndexFor(ids);

    modelKnows.resize(static_cast<size_t>(products));
    historyRevenue.resize(static_cast<size_t>(products), 0.0);
    usualDiscount.resize(static_cast<size_t>(products), 0.0);
    for (int p = first; p < products; ++p) {
        modelKnows[static_cast<size_t>(p)] = modelIndex[static_cast<size_t>(p)] >= 0;
        panelIndexOfId[ids[static_cast<size_t>(p)]] = p;
        double revenue = 0;
        for (int t = 0; t < panel.periodCount(); ++t)
            if (panel.present(p, t) && !panel.filled(p, t))
                revenue += static_cast<double>(panel.units(p, t)) * panel.price(p, t);
        historyRevenue[static_cast<size_t>(p)] = revenue;
        usualDiscount[static_cast<size_t>(p)] = plan::usualDiscount(panel, p);
    }
}

std::shared_ptr<const PlannerData> PlannerData::load(const std::string& projectPath,
                                                     const ProgressFn& progress)
{
    return std::make_shared<const PlannerData>(read(projectPath, progress));
}

PlannerData PlannerData::read(const std::string& projectPath, const ProgressFn& progress)
{
    store::Store store(projectPath, store::Store::OpenMode::ReadOnly);
    model::TrainedModel trained = model::requireActiveModel(store);
    PlannerData data(data::Panel::load(store, progress), std::move(trained));
    data.importedSinceTraining = model::importedSinceTraining(store);
    return data;
}

std::vector<model::NewProductResult>
PlannerData::addNewProducts(const std::vector<model::NewProduct>& products)
{
    const int first = panel.productCount();
    std::vector<model::NewProductResult> results = model::addNewProducts(panel, trained, products);
    deepestDiscounts = DeepestDiscounts(panel);
    deriveProducts(first);
    return results;
}

bool PlannerData::isNewProduct(int panelProduct) const
{
    return trained.coldStart.placementOf(panel.products()[static_cast<size_t>(panelProduct)].id) !=
           nullptr;
}

RowFlags PlannerData::flagsAt(int panelProduct, double discount) const
{
    RowFlags flags = deepestDiscounts.flagsAt(panelProduct, discount);
    if (isNewProduct(panelProduct))
        flags.set(RowFlag::ColdStart);
    return flags;
}

std::vector<model::NewProduct> PlannerData::newProducts() const
{
    std::vector<model::NewProduct> described;
    for (const data::PanelProduct& p : panel.products()) {
        const model::ColdStart::Placement* placement = trained.coldStart.placementOf(p.id);
        if (!placement)
            continue;
        model::NewProduct n;
        n.sku = p.sku;
        n.name = p.name;
        const std::vector<std::string>& categories = panel.categories();
        if (p.category >= 0 && p.category < static_cast<int>(categories.size()))
            n.category = categories[static_cast<size_t>(p.category)];
        n.likeSku = placement->likeSku;
        n.listPrice = p.listPrice;
        n.unitCost = p.unitCost;
        described.push_back(std::move(n));
    }
    return described;
}

std::vector<int> PlannerData::productsByRevenue(int category) const
{
    std::vector<int> order;
    for (int p = 0; p < panel.productCount(); ++p)
        if (modelKnows[static_cast<size_t>(p)] && !isNewProduct(p) &&
            (category < 0 || panel.products()[static_cast<size_t>(p)].category == category))
            order.push_back(p);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return historyRevenue[static_cast<size_t>(a)] > historyRevenue[static_cast<size_t>(b)];
    });
    return order;
}

int PlannerData::panelIndex(std::int64_t productId) const
{
    const auto it = panelIndexOfId.find(productId);
    return it == panelIndexOfId.end() ? -1 : it->second;
}

PlanResult makePlanResult(const PlannerData& data, const Campaign& campaign,
                          const PlanSettings& settings, std::vector<ProductPlan> rows,
                          std::optional<double> upperBound)
{
    PlanResult result = planResultOf(campaign, settings, std::move(rows));
    result.modelKind = data.trained.kind;
    result.modelScoresJson = data.trained.scoresJson;
    for (size_t i = 0; i < result.rows.size() && i < campaign.products.size(); ++i) {
        ProductPlan& row = result.rows[i];
        row.flags = data.flagsAt(campaign.products[i].product, row.discount);
        if (row.unitCost && row.salePrice < *row.unitCost - 1e-6) // not a rounding at the floor
            row.flags.set(RowFlag::BelowCost);
    }
    if (upperBound) {
        double objective = 0;
        for (const ProductPlan& row : result.rows)
            objective += objectiveOf(row, settings.objective, settings.blendWeight);
        // The optimizer's own plan meets its bound up to rounding: that is no gap.
        const double gap = *upperBound - objective;
        result.optimalityGap = gap > 1e-9 * std::max(1.0, std::abs(*upperBound)) ? gap : 0.0;
    }
    return result;
}

} // namespace fp::plan
