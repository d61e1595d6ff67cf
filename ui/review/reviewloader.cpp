#include "review/reviewloader.h"

#include "data/panel.h"
#include "export/forecasttable.h"
#include "plan/plannerdata.h"
#include "review/plannedsale.h"
#include "store/store.h"

#include <QFileInfo>
#include <map>

namespace fp::ui {

namespace {

// The plan of a recommended table, its window the latest event of its products.
review::PlannedSale plannedSaleOfFile(const std::string& path, const data::Panel& panel)
{
    review::PlanFile file = review::readPlanFile(path, panel);
    if (!file.problems.empty())
        throw FlashPlanError(file.problems.front());
    review::PlannedSale planned;
    planned.campaign.products = std::move(file.products);
    planned.discounts = std::move(file.discounts);
    planned.newProducts = std::move(file.newProducts);
    std::vector<int> products;
    for (const plan::CampaignProduct& cp : planned.campaign.products)
        products.push_back(cp.product);
    const std::optional<review::SaleWindow> window = review::latestEventWindow(panel, products);
    if (!window)
        throw FlashPlanError(ProblemKind::ReviewNoEvent, {path});
    planned.campaign.start = window->start;
    planned.campaign.days = window->days;
    return planned;
}

// Each reviewed row's expected units by day (the plan's forecast, from the history it saw, as
// reviewSale() forecasts) and its actual units.
std::vector<ReviewProductDays> daysOf(const plan::PlannerData& data,
                                      const review::HistoryAtPlanning& history,
                                      const review::PlannedSale& planned,
                                      const review::SaleReview& sale)
{
    std::map<std::string, size_t> planIndexOfSku;
    for (size_t i = 0; i < planned.campaign.products.size(); ++i)
        planIndexOfSku[data.panel.products()[size_t(planned.campaign.products[i].product)].sku] = i;
    plan::Campaign campaign = planned.campaign;
    campaign.products.clear();
    std::vector<double> discounts;
    for (const review::ProductReview& row : sale.rows) {
        const size_t i = planIndexOfSku.at(row.sku);
        campaign.products.push_back(planned.campaign.products[i]);
        discounts.push_back(planned.discounts[i]);
    }
    std::map<int, size_t> rowOfProduct;
    for (size_t r = 0; r < campaign.products.size(); ++r)
        rowOfProduct[campaign.products[r].product] = r;
    std::vector<ReviewProductDays> days(sale.rows.size());
    for (ReviewProductDays& d : days)
        d.periodDays = data.panel.periodDays();
    for (const model::ForecastRow& f :
         exports::campaignForecast(history.panel, data.trained, campaign, discounts)) {
        ReviewProductDays& d = days[rowOfProduct.at(f.product)];
        d.days.push_back(f.day);
        d.expected.push_back(f.forecast);
        d.lower.push_back(f.lower);
        d.upper.push_back(f.upper);
        const int period = data.panel.periodOf(f.day);
        const bool known = period >= 0 && period < data.panel.periodCount() &&
                           data.panel.present(f.product, period);
        d.actual.push_back(known ? data.panel.units(f.product, period) : 0.0);
    }
    return days;
}

} // namespace

QString ReviewSource::label() const
{
    return isFile() ? QFileInfo(planFile).fileName() : scenario;
}

LoadedReview loadReview(const QString& projectPath, const ReviewSource& source,
                        const ProgressFn& progress)
{
    const std::string path = projectPath.toStdString();
    plan::PlannerData data = plan::PlannerData::read(path, progress);
    store::Store store(path, store::Store::OpenMode::ReadOnly);
    LoadedReview loaded;
    loaded.source = source;
    loaded.windowFromHistory = source.isFile();
    review::PlannedSale planned =
        source.isFile()
            ? plannedSaleOfFile(source.planFile.toStdString(), data.panel)
            : review::plannedSaleOfScenario(store, data.panel, source.scenario.toStdString());
    const review::HistoryAtPlanning history =
        review::historyAtPlanning(data.panel, planned.campaign);
    review::placeNewProductsOfPlan(history, data.trained, planned);
    reportProgressOrCancel(progress, 1, 1);
    loaded.review = review::reviewSale(store, history, data.trained, planned);
    loaded.days = daysOf(data, history, planned, loaded.review);
    return loaded;
}

} // namespace fp::ui
