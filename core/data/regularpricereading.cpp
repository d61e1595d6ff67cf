#include "data/regularpricereading.h"

#include "store/store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>

namespace fp::data {

namespace {

constexpr const char* kMetaKey = "regular_price_per_period"; // category ids, 0: none

} // namespace

void HoldingPrices::add(float price, bool followsASoldPeriod)
{
    if (followsASoldPeriod && m_last > 0 && price > 0) {
        ++m_pairs;
        m_held += std::abs(price - m_last) <= 0.005f * price ? 1 : 0;
    }
    m_last = price;
}

void decideRegularPriceReading(store::Store& store)
{
    const int periodDays = std::max(store.periodDays(), 1);
    sql::Statement stmt(store.database(), R"sql(
        SELECT s.product_id, coalesce(p.category_id, 0), s.day, s.price
        FROM sales s JOIN products p ON p.id = s.product_id
        WHERE p.list_price_estimated = 1 AND s.filled = 0 AND s.price IS NOT NULL
        ORDER BY s.product_id, s.day)sql");
    std::map<std::int64_t, std::pair<int, int>> categories; // id -> (products holding, products)
    std::int64_t product = -1, category = 0, lastDay = 0;
    bool first = true; // the product's first row follows nothing
    HoldingPrices prices;
    auto close = [&] {
        if (product < 0)
            return;
        auto& [holding, counted] = categories[category];
        holding += prices.hold() ? 1 : 0;
        ++counted;
    };
    while (stmt.step()) {
        if (stmt.int64(0) != product) {
            close();
            product = stmt.int64(0);
            category = stmt.int64(1);
            prices = HoldingPrices{};
            first = true;
        }
        const std::int64_t day = stmt.int64(2);
        prices.add(static_cast<float>(stmt.real(3)), !first && day - lastDay == periodDays);
        lastDay = day;
        first = false;
    }
    close();
    std::string ids;
    for (const auto& [id, counts] : categories)
        if (2 * counts.first >= counts.second)
            ids += (ids.empty() ? "" : ",") + std::to_string(id);
    store.setMeta(kMetaKey, ids);
}

std::unordered_set<std::string> categoriesReadPerPeriod(store::Store& store)
{
    std::unordered_set<std::string> out;
    const std::optional<std::string> ids = store.meta(kMetaKey);
    if (!ids || ids->empty())
        return out;
    std::unordered_set<std::int64_t> wanted;
    for (size_t at = 0; at <= ids->size();) {
        const size_t comma = std::min(ids->find(',', at), ids->size());
        std::int64_t id = -1;
        std::from_chars(ids->data() + at, ids->data() + comma, id); // damage: ignored
        wanted.insert(id);
        at = comma + 1;
    }
    if (wanted.contains(0))
        out.insert("");
    sql::Statement names(store.database(), "SELECT id, name FROM categories");
    while (names.step())
        if (wanted.contains(names.int64(0)))
            out.insert(names.text(1));
    return out;
}

} // namespace fp::data
