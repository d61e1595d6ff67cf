#pragma once

// The scanner family (scannermarket.h) as the files FlashPlan reads (spec/data-format.md):
// sales.csv (section 1) and an upcoming campaign (section 2), with what a benchmark needs to score
// forecasts and plans against its truth: the truth at any prices, and the oracle plan.

#include "io/pricetable.h"
#include "synth/demofiles.h"
#include "synth/oracle.h"
#include "synth/salescsv.h"
#include "synth/scannermarket.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace fp::synth {

// date,sku,units,price[,list_price][,stock],event: no name, no category, no cost.
std::vector<std::string> salesCsvColumns(const ScannerConfig& config);
// The market's sales.csv for writeSalesCsv (salescsv.h), week by week.
SalesCsvTable salesCsvTable(const ScannerMarket& market);

// A one-week flash sale in `week` (featured, like a featured week of the history): productCount
// products that sell before it, picked deterministically for the market, with stock of mixed
// tightness relative to the true expected demand at 30% off (0.4, 0.8, 1.2 and 3 times), a
// minimum discount of 0 or 10%, and a maximum of 50%, 70% or 90%, the last deeper than the
// history's cap. Sorted by product index.
std::vector<CampaignProduct> scannerCampaign(const ScannerMarket& market, int week,
                                             int productCount);
// campaign.csv: sku,stock,unit_cost,list_price,min_discount,max_discount; list_price is the
// product's list price in `week`.
void writeCampaignCsv(const ScannerMarket& market, const std::vector<CampaignProduct>& campaign,
                      int week, std::ostream& out);

// The oracle of the campaign in `week` (oracle.h) on a ladder of `step`s, one choice per product.
std::vector<OracleChoice> oraclePlan(const ScannerMarket& market,
                                     const std::vector<CampaignProduct>& campaign, int week,
                                     double step = 0.05);
// oracle.csv: sku,discount,expected_units,expected_revenue.
void writeOracleCsv(const ScannerMarket& market, const std::vector<CampaignProduct>& campaign,
                    const std::vector<OracleChoice>& oracle, std::ostream& out);

// The truth at the prices of a price table (io::readPriceTable: forecast --prices files, any
// week): per row, E[D] at the row's price in its week (the discount from the market's own list
// price that week; a price above it counts as no discount), featured when the row has an event;
// and E[min(D, stock)] when the row has a stock, else E[D] again.
struct TruthAtPrice
{
    double expected = 0.0;
    double expectedSales = 0.0;
};
// Throws FlashPlanError (SkuNotInMarket) for the first row whose sku the market does not have.
std::vector<TruthAtPrice> truthAtPrices(const ScannerMarket& market,
                                        const std::vector<io::PlannedPrice>& rows);
// date,sku,expected,expected_sales for those rows, in their order.
void writeTruthAtPricesCsv(const ScannerMarket& market, const std::vector<io::PlannedPrice>& rows,
                           std::ostream& out);

} // namespace fp::synth
