#pragma once

#include "base/civildate.h"
#include "base/error.h"
#include "model/coldstart.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fp::data {
class Panel;
}

namespace fp::plan {

struct PlannerData;

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

// A campaign row whose sku has no sales history: a new product, and its limits as read.
struct NewCampaignProduct
{
    model::NewProduct product;
    CampaignProduct limits;        // `product` and `listPrice` are set once it is placed
    bool maxDiscountGiven = false; // else its category's default, once its category is known
    std::int64_t line = 0;
};

struct CampaignFile
{
    std::string path;
    std::vector<CampaignProduct> products;
    std::vector<NewCampaignProduct> newProducts; // for placeNewProducts()
    std::vector<Problem> problems;               // the file is unusable when not empty
};

// Reads campaign.csv: sku, optional stock, unit_cost, list_price, min_discount, max_discount,
// and for new products name, category, like_sku. Missing values default to the product's history
// (unit cost, list price, the deepest discount its category sold at) or to the contract's defaults
// (unlimited stock, no minimum discount, 0.7 for a category never discounted). A sku without
// history is a new product, not a problem. Each bad row is a problem with its line: a sku listed
// twice, min > max, a discount outside 0..1, negative stock or cost.
CampaignFile readCampaignFile(const std::string& path, const data::Panel& panel);

// The one place that decides what becomes of a campaign's new products (no sales history), for
// the command line and the window alike: each one that can be placed among its peers
// (PlannerData::addNewProducts: its like_sku, else its category's products) joins file.products
// and is planned and flagged cold_start; one that cannot is skipped. Returns the warnings, each
// naming its sku and line (skipped, or a like_sku ignored).
std::vector<Problem> placeNewProducts(CampaignFile& file, PlannerData& data);

// The deepest discount a margin floor leaves `product` (sale price >= unit cost x (1 + floor)):
// its max discount without a floor or a unit cost, never less than its min discount (a minimum
// that already sells below the floor holds the product there).
double deepestAllowedDiscount(const CampaignProduct& product, std::optional<double> marginFloor);

// A warning, not a refusal, about a sale window starting on `start`: inside the sales history
// (days already passed) or more than kFarAheadDays after its last day; nullopt when neither.
constexpr int kFarAheadDays = 90;
std::optional<Problem> saleWindowWarning(const data::Panel& panel, DayNumber start);

// A note, when the history is weekly and a sale of `days` days from `start` is not exactly whole
// weeks of it: the plan forecasts the weeks its days fall in (a weekly model knows no days), so
// a 3-day sale expects a promotion week's units. nullopt otherwise.
std::optional<Problem> weeklyWindowNote(const data::Panel& panel, DayNumber start, int days);

} // namespace fp::plan
