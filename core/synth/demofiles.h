#pragma once

// Writing a synthetic market as the files FlashPlan reads (spec/data-format.md): sales.csv
// (section 1) and campaign.csv (section 2), and the bundled demo built from them.

#include "base/progress.h"
#include "synth/market.h"
#include "synth/salescsv.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace fp::synth {

// The header of sales.csv for a config: date,sku,name,category,units,price,list_price,unit_cost,
// stock,views,event, leaving out the optional columns the config turns off.
std::vector<std::string> salesCsvColumns(const MarketConfig& config);

// The market's sales.csv for the shared writer (salescsv.h).
SalesCsvTable salesCsvTable(const Market& market);

// Streams every row of the market in its configured order: prices and costs in cents with two
// decimals, units/stock/views as integers. Failures show in the stream's state.
void writeSalesCsv(const Market& market, std::ostream& out);
// The same into a file, replaced atomically (AtomicFile). Progress counts rows. Throws
// FlashPlanError (CannotWriteFile) on failure and Cancelled when progress asks to stop; then the
// file is as it was.
void writeSalesCsv(const Market& market, const std::string& path, const ProgressFn& progress = {});

// One product of an upcoming campaign and its limits.
struct CampaignProduct
{
    int product = 0;
    int stock = 0;            // units for the whole window
    double minDiscount = 0.0; // fraction 0..1
    double maxDiscount = 0.7;
};

// productCount products picked across all categories (deterministic for the market), with stock
// of mixed tightness relative to the true expected window demand at 30% off: some far below it,
// some near it, some ample. Sorted by product index.
std::vector<CampaignProduct> campaignProducts(const Market& market, DayNumber start, int days,
                                              int productCount);
// campaign.csv: sku,stock,unit_cost,list_price,min_discount,max_discount for campaignProducts().
void writeCampaignCsv(const Market& market, std::ostream& out, DayNumber start, int days,
                      int productCount);

// The bundled demo: 150 products in 6 categories, two years of daily history ending the day
// before a 3-day 11.11 campaign starting 2026-11-11, with 30 campaign products.
inline constexpr DayNumber kDemoCampaignStart = daysFromCivil(2026, 11, 11);
inline constexpr int kDemoCampaignDays = 3;
inline constexpr int kDemoCampaignProducts = 30;
MarketConfig demoMarketConfig();

// Writes DIR/sales.csv and DIR/campaign.csv, creating DIR if needed. Throws FlashPlanError
// (CannotCreateFolder, CannotWriteFile: the path and the reason) on I/O failure.
void writeDemoFiles(const std::string& dir);

} // namespace fp::synth
