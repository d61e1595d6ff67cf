#include "review/salereview.h"

#include "data/panel.h"
#include "model/modelstore.h"
#include "plan/campaignevaluator.h"
#include "store/store.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fp::review {

namespace {

// One imported row of the sale window, with the store's exact numbers (the panel keeps floats).
struct SoldPeriod
{
    DayNumber day = 0;
    double units = 0;
    std::optional<double> price, unitCost, stock;
};

std::vector<SoldPeriod> soldPeriods(sql::Statement& query, std::int64_t productId, DayNumber from,
                                    DayNumber to)
{
    query.reset();
    query.bind(1, productId).bind(2, std::int64_t{from}).bind(3, std::int64_t{to});
    std::vector<SoldPeriod> out;
    while (query.step())
        out.push_back({static_cast<DayNumber>(query.int64(0)), query.real(1), query.optionalReal(2),
                       query.optionalReal(3), query.optionalReal(4)});
    return out;
}

// Fills the actual side of `row` from the window's rows.
void addActuals(ProductReview& row, const std::vector<SoldPeriod>& periods)
{
    double atListPrice = 0, meanDiscount = 0, profit = 0;
    int priced = 0;
    bool profitKnown = true;
    for (const SoldPeriod& period : periods) {
        row.actualUnits += period.units;
        if (period.price) {
            row.actualRevenue += period.units * *period.price;
            atListPrice += period.units * row.listPrice;
            meanDiscount += 1.0 - *period.price / row.listPrice;
            ++priced;
            const std::optional<double> cost = period.unitCost ? period.unitCost : row.unitCost;
            if (cost)
                profit += period.units * (*period.price - *cost);
            else
                profitKnown = profitKnown && period.units == 0;
        }
        const bool rowSoldOut = period.stock && period.units >= *period.stock;
        const bool windowSoldOut = row.stock && row.actualUnits >= *row.stock;
        if (!row.soldOutOn && (rowSoldOut || windowSoldOut))
            row.soldOutOn = period.day;
    }
    if (atListPrice > 0)
        row.chargedDiscount = 1.0 - row.actualRevenue / atListPrice;
    else if (priced > 0)
        row.chargedDiscount = meanDiscount / priced;
    else
        row.chargedDiscount = row.plannedDiscount; // no price on record: as planned
    if (profitKnown)
        row.actualProfit = profit;
    if (row.stock)
        row.actualSellThrough = *row.stock > 0 ? row.actualUnits / *row.stock : 1.0;
}

} // namespace

SaleReview reviewSale(store::Store& store, const HistoryAtPlanning& history,
                      const model::TrainedModel& trained, const PlannedSale& planned)
{
    const data::Panel& panel = history.panel;
    const plan::Campaign& campaign = planned.campaign;
    if (planned.discounts.size() != campaign.products.size())
        throw internalError("the plan has " + std::to_string(planned.discounts.size()) +
                            " discounts for " + std::to_string(campaign.products.size()) +
                            " products");
    SaleReview review;
    review.start = campaign.start;
    review.days = campaign.days;
    review.notes = planned.notes;
    // The window's periods as the evaluator forms them: its days, or the weeks overlapping them.
    const DayNumber from = panel.dayOf(panel.periodOf(campaign.start));
    const DayNumber to = campaign.start + campaign.days;
    sql::Statement query(store.database(), R"sql(
        SELECT day, units, price, unit_cost, stock FROM sales
        WHERE product_id = ?1 AND day >= ?2 AND day < ?3 ORDER BY day)sql");

    // Products with sales in the window that the model knows are reviewed; the rest are noted.
    const std::vector<int> modelIndex = trained.productIndexFor(panel);
    plan::Campaign reviewed = campaign;
    reviewed.products.clear();
    std::vector<double> discounts;
    std::vector<std::vector<SoldPeriod>> sold;
    for (size_t i = 0; i < campaign.products.size(); ++i) {
        const data::PanelProduct& product =
            panel.products()[static_cast<size_t>(campaign.products[i].product)];
        if (modelIndex[static_cast<size_t>(campaign.products[i].product)] < 0) {
            review.notes.push_back(
                problemOf(ProblemKind::ReviewProductUnknownToModel, {product.sku}));
            continue;
        }
        std::vector<SoldPeriod> periods = soldPeriods(query, product.id, from, to);
        if (periods.empty()) {
            review.notes.push_back(
                problemOf(ProblemKind::ReviewProductNoSales,
                          {product.sku, formatIsoDate(from), formatIsoDate(to - 1)}));
            continue;
        }
        reviewed.products.push_back(campaign.products[i]);
        discounts.push_back(planned.discounts[i]);
        sold.push_back(std::move(periods));
    }
    if (reviewed.products.empty())
        throw FlashPlanError(ProblemKind::ReviewNoSales,
                             {formatIsoDate(from), formatIsoDate(to - 1)});

    const plan::CampaignEvaluator evaluator(panel, trained, reviewed);
    const int count = evaluator.productCount();
    std::vector<ProductReview> rows(static_cast<size_t>(count));
    std::vector<std::pair<int, double>> queries;
    for (int i = 0; i < count; ++i) {
        const auto item = static_cast<size_t>(i);
        ProductReview& row = rows[item];
        const plan::CampaignProduct& cp = reviewed.products[item];
        row.listPrice = cp.listPrice;
        row.unitCost = cp.unitCost;
        row.stock = cp.stock;
        row.plannedDiscount = discounts[item];
        addActuals(row, sold[item]);
        queries.emplace_back(i, row.plannedDiscount);
        queries.emplace_back(i, row.chargedDiscount);
    }
    // One model call for every product at both discounts, as the planner evaluates a plan.
    const std::vector<model::NegBin> demands = evaluator.windowDemands(queries);
    for (int i = 0; i < count; ++i) {
        const auto item = static_cast<size_t>(i);
        ProductReview& row = rows[item];
        const plan::ProductPlan atPlan =
            evaluator.evaluate(i, row.plannedDiscount, demands[2 * item]);
        const plan::ProductPlan atCharged =
            evaluator.evaluate(i, row.chargedDiscount, demands[2 * item + 1]);
        row.sku = atPlan.sku;
        row.name = atPlan.name;
        row.category = atPlan.category;
        row.expectedUnits = atPlan.expectedUnits;
        row.unitsLow = atPlan.unitsLow;
        row.unitsHigh = atPlan.unitsHigh;
        row.expectedRevenue = atPlan.expectedRevenue;
        row.expectedProfit = atPlan.expectedProfit;
        row.expectedSellThrough = atPlan.sellThrough;
        row.expectedUnitsAtChargedPrice = atCharged.expectedUnits;
        row.expectedRevenueAtChargedPrice = atCharged.expectedRevenue;
        row.withinInterval = row.actualUnits >= row.unitsLow && row.actualUnits <= row.unitsHigh;
    }
    review.rows = std::move(rows);
    review.totals = totalsOf(review.rows);
    return review;
}

ReviewTotals totalsOf(const std::vector<ProductReview>& rows)
{
    ReviewTotals t;
    for (const ProductReview& r : rows) {
        ++t.products;
        t.withinInterval += r.withinInterval ? 1 : 0;
        t.soldOut += r.soldOutOn ? 1 : 0;
        t.expectedUnits += r.expectedUnits;
        t.expectedUnitsAtChargedPrice += r.expectedUnitsAtChargedPrice;
        t.actualUnits += r.actualUnits;
        t.expectedRevenue += r.expectedRevenue;
        t.expectedRevenueAtChargedPrice += r.expectedRevenueAtChargedPrice;
        t.actualRevenue += r.actualRevenue;
        if (r.expectedProfit && r.actualProfit) {
            t.expectedProfit += *r.expectedProfit;
            t.actualProfit += *r.actualProfit;
        } else {
            t.profitComplete = false;
        }
    }
    return t;
}

std::vector<int> largestMisses(const SaleReview& review, int count)
{
    std::vector<int> order(review.rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return std::abs(review.rows[static_cast<size_t>(a)].revenueMissed()) >
               std::abs(review.rows[static_cast<size_t>(b)].revenueMissed());
    });
    order.resize(std::min(order.size(), static_cast<size_t>(std::max(0, count))));
    return order;
}

} // namespace fp::review
