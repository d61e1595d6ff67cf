#include "review/plannedsale.h"

#include "base/text.h"
#include "data/panel.h"
#include "io/columnmap.h"
#include "io/csvreader.h"
#include "model/modelstore.h"
#include "plan/rowflags.h"
#include "plan/scenariostore.h"
#include "review/backtest.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

namespace fp::review {

PlannedSale plannedSaleOfScenario(store::Store& store, const data::Panel& panel,
                                  const std::string& name)
{
    const std::string wanted(trim(name));
    for (const plan::ScenarioInfo& info : plan::listScenarios(store)) {
        if (info.name != wanted)
            continue;
        plan::Scenario scenario = plan::loadScenario(store, panel, info.id);
        return {std::move(scenario.campaign), std::move(scenario.discounts),
                std::move(scenario.notes), plan::loadScenarioNewProducts(store, info.id)};
    }
    throw FlashPlanError(ProblemKind::ScenarioNameUnknown, {wanted});
}

HistoryAtPlanning historyAtPlanning(const data::Panel& panel, const plan::Campaign& campaign)
{
    return {historyBefore(panel, panel.periodOf(campaign.start))};
}

void placeNewProductsOfPlan(const HistoryAtPlanning& history, model::TrainedModel& trained,
                            PlannedSale& planned)
{
    if (planned.newProducts.empty())
        return;
    // Among their peers as the plan placed them: at the peers' regular prices of then.
    for (const model::NewProductResult& result :
         model::placeUnknownProducts(history.panel, trained, planned.newProducts))
        planned.notes.insert(planned.notes.end(), result.problems.begin(), result.problems.end());
}

namespace {

// What a plan file's row adds to a campaign's: its discount and, for a new product (flagged
// cold_start, or naming a like_sku), how the plan described it.
struct PlanRow
{
    double discount = 0;
    std::string name, category, likeSku;
    bool coldStart = false;
};

// A plan file's rows by sku; a bad discount is a problem with its line.
std::unordered_map<std::string, PlanRow> readPlanRows(const std::string& path,
                                                      std::vector<Problem>& problems)
{
    std::unordered_map<std::string, PlanRow> rows;
    std::ifstream in(path, std::ios::binary);
    io::CsvReader reader(in);
    io::CsvReader::Record record;
    if (!reader.next(record))
        return rows; // readCampaignFile() has said why
    int skuColumn = -1, discountColumn = -1, nameColumn = -1, categoryColumn = -1, likeColumn = -1,
        flagsColumn = -1;
    for (int i = 0; i < static_cast<int>(record.fields.size()); ++i) {
        const std::string header = io::normalizeHeader(record.fields[static_cast<size_t>(i)]);
        for (auto& [name, column] : {std::pair<const char*, int&>{"sku", skuColumn},
                                     {"discount", discountColumn},
                                     {"name", nameColumn},
                                     {"category", categoryColumn},
                                     {"like_sku", likeColumn},
                                     {"flags", flagsColumn}})
            if (header == name)
                column = i;
    }
    if (skuColumn < 0 || discountColumn < 0) {
        problems.push_back(
            {path, 1, 0, ProblemKind::MissingColumn, {skuColumn < 0 ? "sku" : "discount"}});
        return rows;
    }
    while (reader.next(record)) {
        const auto width = static_cast<int>(record.fields.size());
        if (width <= std::max(skuColumn, discountColumn))
            continue; // readCampaignFile() reports the row's field count
        const auto field = [&](int column) {
            return column >= 0 && column < width
                       ? std::string(trim(record.fields[static_cast<size_t>(column)]))
                       : std::string();
        };
        const std::string_view text = trim(record.fields[static_cast<size_t>(discountColumn)]);
        const std::optional<double> discount = parseDouble(text);
        if (!discount) {
            problems.push_back(
                {path, record.line, 0, ProblemKind::NotANumber, {"discount", std::string(text)}});
            continue;
        }
        if (*discount < 0 || *discount > 1) {
            problems.push_back(
                {path, record.line, 0, ProblemKind::ScenarioDiscountNotAFraction, {path}});
            continue;
        }
        PlanRow row{*discount, field(nameColumn), field(categoryColumn), field(likeColumn)};
        row.coldStart = plan::RowFlags::parse(field(flagsColumn)).has(plan::RowFlag::ColdStart) ||
                        !row.likeSku.empty();
        rows[field(skuColumn)] = std::move(row);
    }
    return rows;
}

} // namespace

PlanFile readPlanFile(const std::string& path, const data::Panel& panel)
{
    PlanFile file;
    // The limits are read as a campaign file's; the discounts are what a plan adds.
    plan::CampaignFile limits = plan::readCampaignFile(path, panel);
    file.problems = std::move(limits.problems);
    if (!file.problems.empty())
        return file;
    for (const plan::NewCampaignProduct& unknown : limits.newProducts)
        file.problems.push_back(
            {path, unknown.line, 0, ProblemKind::ProductWithoutHistory, {unknown.product.sku}});
    const auto rows = readPlanRows(path, file.problems);
    if (!file.problems.empty())
        return file;
    for (const plan::CampaignProduct& product : limits.products) {
        const std::string& sku = panel.products()[static_cast<size_t>(product.product)].sku;
        const auto found = rows.find(sku);
        if (found == rows.end()) // both passes read the same rows
            throw internalError("no discount read for " + sku + " in " + path);
        file.products.push_back(product);
        file.discounts.push_back(found->second.discount);
        if (const PlanRow& row = found->second; row.coldStart)
            file.newProducts.push_back(
                {sku, row.name, row.category, row.likeSku, product.listPrice, product.unitCost});
    }
    return file;
}

std::optional<SaleWindow> latestEventWindow(const data::Panel& panel,
                                            const std::vector<int>& products)
{
    // The event of the latest featured period of any product...
    int latest = -1;
    std::int32_t event = -1;
    for (const int p : products)
        for (int t = panel.products()[static_cast<size_t>(p)].lastPeriod; t > latest; --t)
            if (panel.present(p, t) && panel.event(p, t) >= 0) {
                latest = t;
                event = panel.event(p, t);
                break;
            }
    if (event < 0)
        return std::nullopt;
    // ... and every period of that event, over the products: within a month of its last, as a
    // name used again for next year's sale is another event.
    const int reach = std::max(1, 31 / panel.periodDays());
    int first = latest;
    for (const int p : products) {
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        for (int t = std::max(product.firstPeriod, latest - reach); t < first; ++t)
            if (panel.present(p, t) && panel.event(p, t) == event) {
                first = t;
                break;
            }
    }
    return SaleWindow{panel.dayOf(first), (latest - first + 1) * panel.periodDays()};
}

} // namespace fp::review
