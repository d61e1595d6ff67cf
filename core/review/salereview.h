#pragma once

#include "base/civildate.h"
#include "base/error.h"
#include "review/plannedsale.h"

#include <optional>
#include <string>
#include <vector>

namespace fp::model {
struct TrainedModel;
}
namespace fp::store {
class Store;
}

namespace fp::review {

// One product of a sale that has happened: what the plan expected (the planner's numbers, from
// the same model and plan::CampaignEvaluator) next to what the imported sales say.
struct ProductReview
{
    std::string sku, name, category;
    double listPrice = 0;
    std::optional<double> unitCost; // the plan's
    std::optional<double> stock;    // the plan's, for the whole window; nullopt = unlimited
    double plannedDiscount = 0;
    // What the sale charged: 1 - revenue / (units x list price); with nothing sold, the days' mean.
    double chargedDiscount = 0;
    // At the planned discount: expected units sold E[min(D, stock)], their 80% interval, money.
    double expectedUnits = 0, unitsLow = 0, unitsHigh = 0;
    double expectedRevenue = 0;
    std::optional<double> expectedProfit;
    std::optional<double> expectedSellThrough;
    // What the model expects at the charged discount: actual minus this is the forecast's error,
    // this minus expectedUnits the execution's gap (a price charged other than planned).
    double expectedUnitsAtChargedPrice = 0;
    double expectedRevenueAtChargedPrice = 0;
    // What the imported rows of the window say: units, units x price, units x (price - cost) with
    // each row's unit cost (else the plan's; nullopt when neither is known).
    double actualUnits = 0, actualRevenue = 0;
    std::optional<double> actualProfit;
    std::optional<double> actualSellThrough;
    // The first period that sold out (a row's units reached its stock, or the window's units the
    // plan's stock); nullopt when none did.
    std::optional<DayNumber> soldOutOn;
    bool withinInterval = false; // unitsLow <= actualUnits <= unitsHigh

    double revenueMissed() const { return actualRevenue - expectedRevenue; }
};

struct ReviewTotals
{
    int products = 0;
    int withinInterval = 0;
    int soldOut = 0;
    double expectedUnits = 0, expectedUnitsAtChargedPrice = 0, actualUnits = 0;
    double expectedRevenue = 0, expectedRevenueAtChargedPrice = 0, actualRevenue = 0;
    double expectedProfit = 0, actualProfit = 0;
    bool profitComplete = true; // false when some product's profit is unknown (no unit cost)

    // The share of products whose actual units fell inside their 80% interval.
    double hitRate() const { return products > 0 ? double(withinInterval) / products : 0.0; }
};

struct SaleReview
{
    DayNumber start = 0;
    int days = 0;
    std::vector<ProductReview> rows; // in the plan's order
    ReviewTotals totals;
    std::vector<Problem> notes; // products left out: gone from the project, or no sales imported
};

// Compares `planned` with the project's sales of its window (its days, or the weeks overlapping
// them), expectations from `trained` exactly as the planner computed them: from `history`, the
// history the plan saw (historyAtPlanning), whatever was imported since. A product without a row
// in the window is left out and noted. Throws FlashPlanError (ReviewNoSales) when no product has
// one (the sale's sales are not imported yet), and when the model does not know a product.
SaleReview reviewSale(store::Store& store, const HistoryAtPlanning& history,
                      const model::TrainedModel& trained, const PlannedSale& planned);

ReviewTotals totalsOf(const std::vector<ProductReview>& rows);

// Indices of the `count` rows whose actual revenue missed the expected most (either way), the
// largest miss first.
std::vector<int> largestMisses(const SaleReview& review, int count);

} // namespace fp::review
