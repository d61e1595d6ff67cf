#pragma once

#include "base/civildate.h"
#include "base/error.h"

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

struct CampaignFile
{
    std::vector<CampaignProduct> products;
    std::vector<Problem> problems; // the file is unusable when not empty
};

// Reads campaign.csv: sku (must be in the panel), optional stock, unit_cost, list_price,
// min_discount, max_discount. Missing values default to the product's history (unit cost, list
// price, the deepest discount its category sold at) or to the contract's defaults (unlimited
// stock, no minimum discount, 0.7 for a category never discounted). Each bad row is a problem with
// its line: unknown sku, min > max, a discount outside 0..1, negative stock or cost.
CampaignFile readCampaignFile(const std::string& path, const data::Panel& panel);

} // namespace fp::plan
