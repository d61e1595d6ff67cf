#include "data/productstats.h"

#include "base/error.h"
#include "data/panel.h"
#include "store/store.h"

#include <algorithm>

namespace fp::data {

std::vector<ProductStats> productStats(store::Store& store, const ProgressFn& progress)
{
    sql::Database& db = store.database();
    std::int64_t products = 0;
    {
        sql::Statement count(db, "SELECT count(*) FROM products");
        if (count.step())
            products = count.int64(0);
    }
    // Depth of discount as the panel defines it: 1 - price / regular price, at most 0.95, with the
    // row's regular price or else the product's (looked up only for rows without one). Filled
    // periods have no price. The sales key (product_id, day) lets SQLite aggregate one product
    // after another without sorting; the expressions are kept cheap (7 million rows): a discounted
    // row is one with price <= 0.99 x regular, and its depth enters as the sum of price ratios.
    sql::Statement stmt(db, R"sql(
        SELECT s.product_id, sum(s.filled = 0), total(s.units), total(s.units * s.price),
               sum(s.price <= 0.99 * coalesce(s.list_price, (SELECT list_price FROM products
                                                              WHERE id = s.product_id))),
               total(CASE WHEN s.price <= 0.99 * coalesce(s.list_price, (SELECT list_price
                                                  FROM products WHERE id = s.product_id))
                          THEN max(0.05, s.price / coalesce(s.list_price, (SELECT list_price
                                                  FROM products WHERE id = s.product_id)))
                     END),
               sum(s.filled = 0 AND s.units >= s.stock),
               max(CASE WHEN s.event_id IS NOT NULL THEN s.day END)
        FROM sales s GROUP BY s.product_id ORDER BY s.product_id)sql");
    std::vector<ProductStats> out;
    out.reserve(static_cast<size_t>(products));
    while (stmt.step()) {
        ProductStats s;
        s.productId = stmt.int64(0);
        s.days = stmt.int64(1);
        s.units = stmt.real(2);
        s.revenue = stmt.real(3);
        s.discountedDays = stmt.isNull(4) ? 0 : stmt.int64(4);
        if (s.discountedDays > 0)
            s.averageDiscount = 1.0 - stmt.real(5) / static_cast<double>(s.discountedDays);
        s.stockoutDays = stmt.isNull(6) ? 0 : stmt.int64(6);
        if (!stmt.isNull(7))
            s.lastEvent = static_cast<DayNumber>(stmt.int64(7));
        out.push_back(s);
        reportProgressOrCancel(progress, static_cast<std::int64_t>(out.size()), products);
    }
    reportProgress(progress, products, products);
    return out;
}

DepthSummary depthSummary(const Panel& panel)
{
    DepthSummary out;
    double sum = 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        const PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        for (int t = product.firstPeriod; t <= product.lastPeriod; ++t) {
            if (!panel.present(p, t) || panel.filled(p, t))
                continue;
            const double price = panel.price(p, t), regular = panel.listPrice(p, t);
            if (!(price > 0) || !(regular > 0))
                continue;
            const double depth = std::max(0.0, 1.0 - price / regular);
            ++out.priced;
            static constexpr double kEdges[] = {0.01, 0.1, 0.3, 0.5, 0.7};
            const auto bucket =
                std::upper_bound(std::begin(kEdges), std::end(kEdges), depth) - std::begin(kEdges);
            ++out.buckets[static_cast<size_t>(bucket)];
            if (depth >= 0.01) {
                ++out.discounted;
                sum += depth;
            }
            out.deepest = std::max(out.deepest, depth);
        }
    }
    out.meanWhenDiscounted = out.discounted > 0 ? sum / double(out.discounted) : 0.0;
    return out;
}

} // namespace fp::data
