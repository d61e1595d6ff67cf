#include "data/productpanel.h"

#include "base/error.h"
#include "data/regularpricereading.h"
#include "store/store.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fp::data {

std::optional<DayRange> salesDayRange(store::Store& store)
{
    sql::Statement stmt(store.database(), R"sql(
        SELECT min(first), max(last) FROM (
            SELECT (SELECT min(day) FROM sales WHERE product_id = p.id) AS first,
                   (SELECT max(day) FROM sales WHERE product_id = p.id) AS last
            FROM products p))sql");
    if (!stmt.step() || stmt.isNull(0))
        return std::nullopt;
    return DayRange{static_cast<DayNumber>(stmt.int64(0)), static_cast<DayNumber>(stmt.int64(1))};
}

std::optional<DayRange> productDayRange(store::Store& store, std::int64_t productId)
{
    sql::Statement stmt(store.database(),
                        "SELECT min(day), max(day) FROM sales WHERE product_id = ?");
    stmt.bind(1, productId);
    if (!stmt.step() || stmt.isNull(0))
        return std::nullopt;
    return DayRange{static_cast<DayNumber>(stmt.int64(0)), static_cast<DayNumber>(stmt.int64(1))};
}

Panel loadProductPanel(store::Store& store, std::int64_t productId, const DayRange& range)
{
    constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
    sql::Database& db = store.database();
    // Categories in the order Panel::load gives them, so category indices agree.
    std::vector<std::string> categories = store.categories();
    if (categories.empty())
        categories.push_back("");

    sql::Statement productStmt(db, R"sql(
        SELECT p.sku, p.name, coalesce(c.name, ''), p.list_price, p.unit_cost,
               p.list_price_estimated
        FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.id = ?)sql");
    productStmt.bind(1, productId);
    if (!productStmt.step())
        throw FlashPlanError(ProblemKind::NoSuchProduct, {store.path(), std::to_string(productId)});
    PanelProduct product;
    product.id = productId;
    product.sku = productStmt.text(0);
    product.name = productStmt.text(1);
    const std::string category = productStmt.text(2);
    const auto it = std::find(categories.begin(), categories.end(), category);
    product.category = it == categories.end() ? 0 : static_cast<int>(it - categories.begin());
    product.listPrice = productStmt.optionalReal(3).value_or(0.0);
    product.unitCost = productStmt.optionalReal(4);
    product.listPriceEstimated = productStmt.int64(5) != 0;
    const bool readsPerPeriod =
        product.listPriceEstimated && categoriesReadPerPeriod(store).contains(category);

    const int periodDays = std::max(store.periodDays(), 1);
    const int periods = (range.last - range.first) / periodDays + 1;
    Panel panel(periodDays, range.first, std::max(periods, 0), {std::move(product)},
                std::move(categories));

    // The same reading as Panel::load, for one product's rows of the range.
    sql::Statement stmt(db, R"sql(
        SELECT s.day, s.units, s.price, coalesce(s.list_price, p.list_price), s.stock,
               coalesce(s.event_id, -1), s.filled, s.list_price IS NULL
        FROM sales s JOIN products p ON p.id = s.product_id
        WHERE s.product_id = ? AND s.day BETWEEN ? AND ? ORDER BY s.day)sql");
    stmt.bind(1, productId).bind(2, range.first).bind(3, range.last);
    const bool absentIsUnknown = absentPeriodsAreUnknown(store);
    float lastPrice = kNaN;
    while (stmt.step()) {
        const int t = panel.periodOf(static_cast<DayNumber>(stmt.int64(0)));
        const bool filled = stmt.int64(6) != 0;
        if (filled && absentIsUnknown)
            continue;
        // A row without its own list price, in a category that reads it per period: read below.
        const bool perPeriod = readsPerPeriod && stmt.int64(7) != 0;
        const auto listPrice = static_cast<float>(stmt.isNull(3) ? 0.0 : stmt.real(3));
        float price = stmt.isNull(2) ? kNaN : static_cast<float>(stmt.real(2));
        if (std::isnan(price)) // a filled period: the shelf price carries on
            price = std::isnan(lastPrice) ? listPrice : lastPrice;
        else
            lastPrice = price;
        const float stock = stmt.isNull(4) ? kNaN : static_cast<float>(stmt.real(4));
        panel.setCell(0, t, static_cast<float>(stmt.real(1)), price, perPeriod ? -1.0f : listPrice,
                      stock, static_cast<std::int32_t>(stmt.int64(5)), filled);
    }
    panel.readRegularPricesPerPeriod({readsPerPeriod});
    return panel;
}

} // namespace fp::data
