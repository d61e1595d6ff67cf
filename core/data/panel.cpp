#include "data/panel.h"

#include "base/error.h"
#include "data/regularpricereading.h"
#include "data/regularprices.h"
#include "store/store.h"

#include <algorithm>
#include <limits>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace fp::data {

namespace {
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
}

Panel::Panel(int periodDays, DayNumber firstDay, int periods, std::vector<PanelProduct> products,
             std::vector<std::string> categories)
    : m_periodDays(periodDays), m_firstDay(firstDay), m_periods(periods),
      m_products(std::move(products)), m_categories(std::move(categories))
{
    allocate();
}

void Panel::allocate()
{
    const std::size_t cells = static_cast<std::size_t>(m_products.size()) * m_periods;
    m_units.assign(cells, 0.0f);
    m_price.assign(cells, kNaN);
    m_listPrice.assign(cells, kNaN);
    m_stock.assign(cells, kNaN);
    m_event.assign(cells, -1);
    m_present.assign(cells, 0);
}

void Panel::setCell(int p, int t, float units, float price, float listPrice, float stock,
                    std::int32_t event, bool filled)
{
    const std::size_t i = index(p, t);
    m_units[i] = units;
    m_price[i] = price;
    m_listPrice[i] = listPrice;
    m_stock[i] = stock;
    m_event[i] = event;
    m_present[i] = filled ? 2 : 1;
    PanelProduct& product = m_products[static_cast<size_t>(p)];
    if (product.lastPeriod < product.firstPeriod) {
        product.firstPeriod = product.lastPeriod = t;
    } else {
        product.firstPeriod = std::min(product.firstPeriod, t);
        product.lastPeriod = std::max(product.lastPeriod, t);
    }
}

void Panel::useCategoryOrder(const std::vector<std::string>& order)
{
    std::vector<std::string> categories = order;
    std::unordered_map<std::string, int> index;
    for (size_t i = 0; i < order.size(); ++i)
        index.emplace(order[i], static_cast<int>(i));
    for (const std::string& name : m_categories)
        if (index.emplace(name, static_cast<int>(categories.size())).second)
            categories.push_back(name);
    for (PanelProduct& product : m_products)
        product.category = index.at(m_categories.at(static_cast<size_t>(product.category)));
    m_categories = std::move(categories);
}

void Panel::startAt(DayNumber day)
{
    const DayNumber offset = day - m_firstDay;
    if (offset <= 0 || offset % m_periodDays != 0 || offset / m_periodDays >= m_periods)
        return;
    const int dropped = static_cast<int>(offset / m_periodDays);
    const int periods = m_periods - dropped;
    const auto keep = [&](auto& values) {
        using Values = std::remove_reference_t<decltype(values)>;
        Values kept(m_products.size() * static_cast<std::size_t>(periods));
        for (std::size_t p = 0; p < m_products.size(); ++p)
            std::copy_n(
                values.begin() + static_cast<std::ptrdiff_t>(index(static_cast<int>(p), dropped)),
                periods,
                kept.begin() + static_cast<std::ptrdiff_t>(p * static_cast<std::size_t>(periods)));
        values = std::move(kept);
    };
    keep(m_units);
    keep(m_price);
    keep(m_listPrice);
    keep(m_stock);
    keep(m_event);
    keep(m_present);
    for (PanelProduct& product : m_products) {
        product.lastPeriod -= dropped;
        product.firstPeriod = std::max(0, product.firstPeriod - dropped);
        if (product.lastPeriod < product.firstPeriod) { // all of it before `day`
            product.firstPeriod = 0;
            product.lastPeriod = -1;
        }
    }
    m_firstDay = day;
    m_periods = periods;
}

int Panel::addProduct(PanelProduct product)
{
    product.firstPeriod = 0;
    product.lastPeriod = -1;
    m_products.push_back(std::move(product));
    const std::size_t cells = m_products.size() * static_cast<std::size_t>(m_periods);
    m_units.resize(cells, 0.0f);
    m_price.resize(cells, kNaN);
    m_listPrice.resize(cells, kNaN);
    m_stock.resize(cells, kNaN);
    m_event.resize(cells, -1);
    m_present.resize(cells, 0);
    return productCount() - 1;
}

int Panel::periodOf(DayNumber day) const
{
    const int offset = day - m_firstDay;
    return offset >= 0 ? offset / m_periodDays : -((-offset + m_periodDays - 1) / m_periodDays);
}

std::int32_t Panel::eventIdOf(const std::string& name) const
{
    const auto it = m_eventIds.find(name);
    return it == m_eventIds.end() ? -1 : it->second;
}

int Panel::findProduct(const std::string& sku) const
{
    for (int p = 0; p < productCount(); ++p)
        if (m_products[static_cast<size_t>(p)].sku == sku)
            return p;
    return -1;
}

float Panel::discount(int p, int t) const
{
    const float list = listPrice(p, t);
    const float charged = price(p, t);
    if (!(list > 0) || !(charged > 0))
        return 0.0f;
    return std::clamp(1.0f - charged / list, 0.0f, 0.95f);
}

std::vector<float> Panel::pricesSold(int p) const
{
    const PanelProduct& product = m_products[static_cast<size_t>(p)];
    std::vector<float> prices;
    for (int t = product.firstPeriod; t <= product.lastPeriod; ++t) {
        const std::size_t i = index(p, t);
        prices.push_back(m_present[i] == 1 ? m_price[i] : 0.0f);
    }
    return prices;
}

void Panel::readRegularPricesPerPeriod(const std::vector<bool>& products)
{
    const int window = regularWindowPeriods(m_periodDays);
    for (int p = 0; p < productCount(); ++p) {
        PanelProduct& product = m_products[static_cast<size_t>(p)];
        if (!products[static_cast<size_t>(p)] || product.lastPeriod < product.firstPeriod)
            continue;
        const std::vector<float> regular = regularPrices(pricesSold(p), window);
        float latest = 0.0f;
        for (int t = product.firstPeriod; t <= product.lastPeriod; ++t) {
            const std::size_t i = index(p, t);
            const float r = regular[static_cast<size_t>(t - product.firstPeriod)];
            if (r > 0)
                latest = r;
            if (m_listPrice[i] < 0) // set so by the reader: no list price of its own
                m_listPrice[i] = r > 0 ? r : static_cast<float>(product.listPrice);
        }
        if (latest > 0) // the regular price in force at the end: what a plan cuts from
            product.listPrice = latest;
    }
}

bool absentPeriodsAreUnknown(store::Store& store)
{
    return store.meta("missing_periods").value_or("zero") == "unknown";
}

Panel Panel::load(store::Store& store, const ProgressFn& progress)
{
    Panel panel;
    panel.m_periodDays = std::max(store.periodDays(), 1);
    sql::Database& db = store.database();

    std::unordered_map<std::string, int> categoryIndex;
    for (const std::string& name : store.categories()) {
        categoryIndex.emplace(name, static_cast<int>(panel.m_categories.size()));
        panel.m_categories.push_back(name);
    }
    if (panel.m_categories.empty())
        panel.m_categories.push_back("");
    std::unordered_map<std::int64_t, int> productIndex;
    const std::unordered_set<std::string> perPeriod = categoriesReadPerPeriod(store);
    std::vector<bool> readsPerPeriod;
    for (const store::ProductRecord& r : store.products()) {
        readsPerPeriod.push_back(r.listPriceEstimated && perPeriod.contains(r.category));
        PanelProduct p;
        p.id = r.id;
        p.sku = r.sku;
        p.name = r.name;
        const auto it = categoryIndex.find(r.category);
        p.category = it == categoryIndex.end() ? 0 : it->second;
        p.listPrice = r.listPrice.value_or(0.0);
        p.listPriceEstimated = r.listPriceEstimated;
        p.unitCost = r.unitCost;
        productIndex.emplace(r.id, static_cast<int>(panel.m_products.size()));
        panel.m_products.push_back(std::move(p));
    }

    sql::Statement events(db, "SELECT id, name FROM events");
    while (events.step())
        panel.m_eventIds.emplace(events.text(1), static_cast<std::int32_t>(events.int64(0)));

    sql::Statement range(db, "SELECT min(day), max(day), count(*) FROM sales");
    if (!range.step() || range.isNull(0))
        throw FlashPlanError(ProblemKind::NoSales, {store.path()});
    panel.m_firstDay = static_cast<DayNumber>(range.int64(0));
    const auto lastDay = static_cast<DayNumber>(range.int64(1));
    const std::int64_t rows = range.int64(2);
    panel.m_periods = panel.periodOf(lastDay) + 1;
    panel.allocate();

    sql::Statement stmt(db, R"sql(
        SELECT s.product_id, s.day, s.units, s.price, coalesce(s.list_price, p.list_price),
               s.stock, coalesce(s.event_id, -1), s.filled, s.list_price IS NULL
        FROM sales s JOIN products p ON p.id = s.product_id
        ORDER BY s.product_id, s.day)sql");
    // Periods absent from the files are 0 units sold, or no data at all (left absent).
    const bool absentIsUnknown = absentPeriodsAreUnknown(store);
    std::int64_t done = 0;
    int lastProduct = -1;
    float lastPrice = kNaN;
    while (stmt.step()) {
        const int p = productIndex.at(stmt.int64(0));
        const int t = panel.periodOf(static_cast<DayNumber>(stmt.int64(1)));
        if (p != lastProduct) {
            lastProduct = p;
            lastPrice = kNaN;
        }
        const bool filled = stmt.int64(7) != 0;
        if (filled && absentIsUnknown)
            continue;
        const auto listPrice = static_cast<float>(stmt.isNull(4) ? 0.0 : stmt.real(4));
        float price = stmt.isNull(3) ? kNaN : static_cast<float>(stmt.real(3));
        if (std::isnan(price)) // a filled period: the shelf price carries on
            price = std::isnan(lastPrice) ? listPrice : lastPrice;
        else
            lastPrice = price;
        const float stock = stmt.isNull(5) ? kNaN : static_cast<float>(stmt.real(5));
        // A row without its own list price, in a category that reads it per period: read below.
        const bool readBelow = readsPerPeriod[static_cast<size_t>(p)] && stmt.int64(8) != 0;
        panel.setCell(p, t, static_cast<float>(stmt.real(2)), price, readBelow ? -1.0f : listPrice,
                      stock, static_cast<std::int32_t>(stmt.int64(6)), filled);
        if (++done % 262144 == 0)
            reportProgressOrCancel(progress, done, rows);
    }
    panel.readRegularPricesPerPeriod(readsPerPeriod);
    // Products without any sale keep an empty range.
    return panel;
}

} // namespace fp::data
