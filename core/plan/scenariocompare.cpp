#include "plan/scenariocompare.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace fp::plan {

namespace {

double revenueChange(const ProductDifference& d)
{
    return std::abs(d.revenueB - d.revenueA);
}

void fillA(ProductDifference& d, const ProductPlan& row)
{
    d.discountA = row.discount;
    d.unitsA = row.expectedUnits;
    d.revenueA = row.expectedRevenue;
    d.profitA = row.expectedProfit;
}

void fillB(ProductDifference& d, const ProductPlan& row)
{
    d.discountB = row.discount;
    d.unitsB = row.expectedUnits;
    d.revenueB = row.expectedRevenue;
    d.profitB = row.expectedProfit;
}

void markMajor(std::vector<ProductDifference>& products, double largerRevenue)
{
    double totalChange = 0;
    for (const ProductDifference& d : products)
        totalChange += revenueChange(d);
    const double negligible = kNegligibleRevenueShare * largerRevenue;
    // products are sorted by revenue change, largest first: the Pareto cut is a prefix.
    double covered = 0;
    for (ProductDifference& d : products) {
        const double change = revenueChange(d);
        const bool inParetoCut = covered < kMajorRevenueShare * totalChange && change > negligible;
        covered += change;
        const bool inOneOnly = !d.discountA || !d.discountB;
        const bool discountMoved =
            !inOneOnly && std::abs(*d.discountB - *d.discountA) >= kMajorDiscountPoints - 1e-9;
        d.major = inOneOnly || discountMoved || inParetoCut;
    }
}

} // namespace

ScenarioComparison compareScenarios(const PlanResult& a, const PlanResult& b)
{
    ScenarioComparison comparison;
    comparison.a = totalsOf(a.rows);
    comparison.b = totalsOf(b.rows);

    std::vector<ProductDifference>& products = comparison.products;
    std::unordered_map<std::string, size_t> bySku;
    for (const ProductPlan& row : a.rows) {
        ProductDifference d;
        d.sku = row.sku;
        d.name = row.name;
        fillA(d, row);
        bySku.emplace(row.sku, products.size());
        products.push_back(std::move(d));
    }
    for (const ProductPlan& row : b.rows) {
        const auto found = bySku.find(row.sku);
        if (found != bySku.end()) {
            fillB(products[found->second], row);
            continue;
        }
        ProductDifference d;
        d.sku = row.sku;
        d.name = row.name;
        fillB(d, row);
        products.push_back(std::move(d));
    }
    std::stable_sort(products.begin(), products.end(),
                     [](const ProductDifference& x, const ProductDifference& y) {
                         const double cx = revenueChange(x), cy = revenueChange(y);
                         if (cx != cy)
                             return cx > cy;
                         return x.sku < y.sku;
                     });
    markMajor(products, std::max(comparison.a.revenue, comparison.b.revenue));
    return comparison;
}

} // namespace fp::plan
