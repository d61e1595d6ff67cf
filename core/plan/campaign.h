#pragma once

#include "base/civildate.h"
#include "base/error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fp::data {
class Panel;
}

namespace fp::plan {

// One product of an upcoming flash sale and its limits (spec/data-format.md, section 2).
struct CampaignProduct
{
    int product = 0;             // panel index
    std::optional<double> stock; // units for the whole window; nullopt = unlimited
    std::optional<double> unitCost;
    double listPrice = 0;
    double minDiscount = 0.0;
    double maxDiscount = 0.7;
    std::optional<double> lockedDiscount; // the user fixed this product's discount
};

struct Campaign
{
    DayNumber start = 0;
    int days = 1;
    std::vector<CampaignProduct> products;
};

// A campaign row whose sku has no sales history: a new product.
struct NewCampaignProduct
{
    std::string sku;
    std::int64_t line = 0;
};

struct CampaignFile
{
    std::string path;
    std::vector<CampaignProduct> products;
    std::vector<NewCampaignProduct> newProducts; // for placeNewProducts()
    std::vector<Problem> problems;               // the file is unusable when not empty
};

// Reads campaign.csv: sku, optional stock, unit_cost, list_price, min_discount, max_discount.
// Missing values default to the product's history (unit cost, list price, the deepest discount its
// category sold at) or to the contract's defaults (unlimited stock, no minimum discount, 0.7 for a
// category never discounted). A sku without history is a new product, not a problem. Each bad row
// is a problem with its line: min > max, a discount outside 0..1, negative stock or cost.
CampaignFile readCampaignFile(const std::string& path, const data::Panel& panel);

// The one place that decides what becomes of a campaign's new products (no sales history), for
// the command line and the window alike. Today each is skipped, with a note naming it and its line
// (NewProductSkipped), and the rest of the campaign is planned; once new products can be forecast
// from their peers, this is where they join file.products instead.
std::vector<Problem> placeNewProducts(CampaignFile& file);

// The deepest discount a margin floor leaves `product` (sale price >= unit cost x (1 + floor)):
// its max discount without a floor or a unit cost, never less than its min discount (a minimum
// that already sells below the floor holds the product there).
double deepestAllowedDiscount(const CampaignProduct& product, std::optional<double> marginFloor);

// A warning, not a refusal, about a sale window starting on `start`: inside the sales history
// (days already passed) or more than kFarAheadDays after its last day; nullopt when neither.
constexpr int kFarAheadDays = 90;
std::optional<Problem> saleWindowWarning(const data::Panel& panel, DayNumber start);

} // namespace fp::plan
