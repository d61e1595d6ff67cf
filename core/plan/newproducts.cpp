#include "plan/newproducts.h"

#include "io/pricetable.h"
#include "plan/plannerdata.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace fp::plan {

std::vector<Problem> placeNewProducts(io::PriceTable& table, PlannerData& data)
{
    std::unordered_set<std::string> known;
    for (const data::PanelProduct& product : data.panel.products())
        known.insert(product.sku);
    std::vector<model::NewProduct> described;
    std::vector<std::int64_t> firstLine;
    std::vector<double> highestPrice;
    std::unordered_map<std::string, size_t> indexOf;
    for (const io::PlannedPrice& row : table.rows) {
        if (known.count(row.sku))
            continue;
        const auto [it, added] = indexOf.emplace(row.sku, described.size());
        if (added) {
            described.push_back({row.sku, {}, {}, {}, 0.0, std::nullopt});
            firstLine.push_back(row.line);
            highestPrice.push_back(0.0);
        }
        model::NewProduct& product = described[it->second];
        for (auto [field, value] :
             {std::pair{&product.name, &row.name}, std::pair{&product.category, &row.category},
              std::pair{&product.likeSku, &row.likeSku}})
            if (field->empty())
                *field = *value;
        if (product.listPrice <= 0 && row.listPrice)
            product.listPrice = *row.listPrice;
        highestPrice[it->second] = std::max(highestPrice[it->second], row.price);
    }
    for (size_t i = 0; i < described.size(); ++i)
        if (described[i].listPrice <= 0)
            described[i].listPrice = highestPrice[i];

    const std::vector<model::NewProductResult> results = data.addNewProducts(described);
    std::vector<Problem> warnings;
    std::unordered_set<std::string> skipped;
    for (size_t i = 0; i < results.size(); ++i) {
        for (Problem problem : results[i].problems) {
            problem.file = table.path;
            problem.line = firstLine[i];
            warnings.push_back(std::move(problem));
        }
        if (results[i].panelProduct < 0)
            skipped.insert(described[i].sku);
    }
    std::erase_if(table.rows,
                  [&](const io::PlannedPrice& row) { return skipped.count(row.sku) > 0; });
    return warnings;
}

} // namespace fp::plan
