#include "cli/newproductnotes.h"

#include "plan/plannerdata.h"

#include <iostream>
#include <set>

namespace fp::cli {

void printWarnings(const std::vector<Problem>& warnings)
{
    for (const Problem& p : warnings)
        std::cerr << "warning: " << p.describe() << "\n";
}

int noteNewProducts(const plan::PlannerData& data, const std::vector<int>& panelProducts)
{
    constexpr int kNamed = 5;
    int count = 0;
    std::string named;
    for (const int p : std::set<int>(panelProducts.begin(), panelProducts.end())) {
        const data::PanelProduct& product = data.panel.products()[static_cast<size_t>(p)];
        const model::ColdStart::Placement* placement =
            data.trained.coldStart.placementOf(product.id);
        if (!placement || ++count > kNamed)
            continue;
        const std::string& category =
            data.panel.categories()[static_cast<size_t>(product.category)];
        named += (named.empty() ? "" : ", ") + product.sku + " (";
        if (!placement->likeSku.empty())
            named += "like " + placement->likeSku;
        else
            named += std::to_string(placement->peers.size()) + " product(s) of " +
                     (category.empty() ? std::string("its category") : "'" + category + "'");
        named += ")";
    }
    if (count > 0)
        std::cerr << "note: " << count
                  << " new product(s) without sales history, forecast from their peers with wider "
                     "intervals (flag cold_start): "
                  << named << (count > kNamed ? ", ..." : "") << "\n";
    return count;
}

} // namespace fp::cli
