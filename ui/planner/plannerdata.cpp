#include "planner/plannerdata.h"

#include "plan/productfit.h"
#include "store/store.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace fp::ui {

namespace {

// Per category, the deepest whole-point discount reached by kDeepestSupport sold periods.
std::vector<double> deepestDiscounts(const data::Panel& panel)
{
    constexpr int kPoints = 96; // 0..95%
    std::vector<std::array<int, kPoints>> counts(panel.categories().size());
    for (auto& c : counts)
        c.fill(0);
    for (int p = 0; p < panel.productCount(); ++p) {
        auto& c = counts[static_cast<size_t>(panel.products()[static_cast<size_t>(p)].category)];
        for (int t = 0; t < panel.periodCount(); ++t)
            if (panel.present(p, t) && !panel.filled(p, t))
                ++c[static_cast<size_t>(std::clamp(
                    static_cast<int>(std::lround(panel.discount(p, t) * 100.0f)), 0, kPoints - 1))];
    }
    std::vector<double> deepest(counts.size(), 0.0);
    for (size_t c = 0; c < counts.size(); ++c) {
        int atLeast = 0;
        for (int point = kPoints - 1; point >= 0; --point) {
            atLeast += counts[c][static_cast<size_t>(point)];
            if (atLeast >= PlannerData::kDeepestSupport) {
                deepest[c] = point / 100.0;
                break;
            }
        }
    }
    return deepest;
}

} // namespace

PlannerData::PlannerData(data::Panel history, model::TrainedModel model)
    : panel(std::move(history)), trained(std::move(model))
{
}

std::shared_ptr<const PlannerData> PlannerData::load(const std::string& projectPath,
                                                     const ProgressFn& progress)
{
    store::Store store(projectPath, store::Store::OpenMode::ReadOnly);
    model::TrainedModel trained = model::requireActiveModel(store);
    auto data =
        std::make_shared<PlannerData>(data::Panel::load(store, progress), std::move(trained));

    const data::Panel& panel = data->panel;
    const int products = panel.productCount();
    std::vector<std::int64_t> ids(static_cast<size_t>(products));
    for (int p = 0; p < products; ++p)
        ids[static_cast<size_t>(p)] = panel.products()[static_cast<size_t>(p)].id;
    const std::vector<int> modelIndex = data->trained.productIndexFor(ids);

    data->modelKnows.resize(static_cast<size_t>(products));
    data->historyRevenue.assign(static_cast<size_t>(products), 0.0);
    data->usualDiscount.assign(static_cast<size_t>(products), 0.0);
    for (int p = 0; p < products; ++p) {
        data->modelKnows[static_cast<size_t>(p)] = modelIndex[static_cast<size_t>(p)] >= 0;
        data->panelIndexOfId[ids[static_cast<size_t>(p)]] = p;
        double revenue = 0;
        for (int t = 0; t < panel.periodCount(); ++t)
            if (panel.present(p, t) && !panel.filled(p, t))
                revenue += static_cast<double>(panel.units(p, t)) * panel.price(p, t);
        data->historyRevenue[static_cast<size_t>(p)] = revenue;
        data->usualDiscount[static_cast<size_t>(p)] = plan::usualDiscount(panel, p);
    }
    data->deepestDiscountSeen = deepestDiscounts(panel);
    return data;
}

std::vector<int> PlannerData::productsByRevenue(int category) const
{
    std::vector<int> order;
    for (int p = 0; p < panel.productCount(); ++p)
        if (modelKnows[static_cast<size_t>(p)] &&
            (category < 0 || panel.products()[static_cast<size_t>(p)].category == category))
            order.push_back(p);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
        return historyRevenue[static_cast<size_t>(a)] > historyRevenue[static_cast<size_t>(b)];
    });
    return order;
}

double PlannerData::deepestDiscountFor(int panelProduct) const
{
    const int category = panel.products()[static_cast<size_t>(panelProduct)].category;
    return deepestDiscountSeen[static_cast<size_t>(category)];
}

bool PlannerData::beyondHistory(int panelProduct, double discount) const
{
    return discount > deepestDiscountFor(panelProduct) + 0.005;
}

int PlannerData::panelIndex(std::int64_t productId) const
{
    const auto it = panelIndexOfId.find(productId);
    return it == panelIndexOfId.end() ? -1 : it->second;
}

} // namespace fp::ui
