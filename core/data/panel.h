#pragma once

#include "base/civildate.h"
#include "base/progress.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace fp::store {
class Store;
}

namespace fp::data {

struct PanelProduct
{
    std::int64_t id = 0; // products.id in the project
    std::string sku;
    std::string name;
    int category = 0;       // index into Panel::categories()
    double listPrice = 0.0; // latest regular price
    std::optional<double> unitCost;
    int firstPeriod = 0; // the product's own range in the panel's periods
    int lastPeriod = -1;
    // The import estimated the list price (one for the whole history: the file had none), so a
    // period's regular price is better read from the prices around it.
    bool listPriceEstimated = false;
    // The regular price the model's price cuts are measured from: the list price the model saw
    // when it was trained (model::TrainedModel::alignTo), which sales imported since
    // may have moved; 0 until aligned: the list price, as when training.
    double modelReference = 0.0;
    double priceReference() const { return modelReference > 0 ? modelReference : listPrice; }
};

// Whether the project's absent periods (rows the import filled, `filled`) are no data at all
// rather than 0 units sold: the import's --missing, kept in the project. Every reading of the
// history leaves such periods absent.
bool absentPeriodsAreUnknown(store::Store& store);

// The sales history in memory: products x periods (days or weeks) in flat arrays, period t being
// firstDay() + t * periodDays(). Cells outside a product's own range are absent.
class Panel final
{
public:
    // Reads every product and sale of the project. Throws FlashPlanError when it holds no sales.
    static Panel load(store::Store& store, const ProgressFn& progress = {});

    int productCount() const { return static_cast<int>(m_products.size()); }
    int periodCount() const { return m_periods; }
    int periodDays() const { return m_periodDays; }
    DayNumber firstDay() const { return m_firstDay; }
    DayNumber dayOf(int period) const { return m_firstDay + period * m_periodDays; }
    // The period containing `day` (may be < 0 or >= periodCount()).
    int periodOf(DayNumber day) const;

    const std::vector<PanelProduct>& products() const { return m_products; }
    const std::vector<std::string>& categories() const { return m_categories; }
    int findProduct(const std::string& sku) const; // -1 when absent

    bool present(int p, int t) const { return m_present[index(p, t)] != 0; }
    float units(int p, int t) const { return m_units[index(p, t)]; }
    // Price charged; for a period missing from the files, the last price before it.
    float price(int p, int t) const { return m_price[index(p, t)]; }
    float listPrice(int p, int t) const { return m_listPrice[index(p, t)]; }
    // Depth of discount 1 - price / list price, clamped to [0, 0.95].
    float discount(int p, int t) const;
    float stock(int p, int t) const { return m_stock[index(p, t)]; } // NaN: unknown
    // Sold out: demand was at least the units sold.
    bool censored(int p, int t) const
    {
        const float s = stock(p, t);
        return !std::isnan(s) && units(p, t) >= s;
    }
    std::int32_t event(int p, int t) const { return m_event[index(p, t)]; } // -1: none
    // The id event(p, t) gives for an event of that name, or -1 when the history has none.
    std::int32_t eventIdOf(const std::string& name) const;
    bool filled(int p, int t) const { return m_present[index(p, t)] == 2; }

    // For building small panels in tests and from other sources.
    Panel(int periodDays, DayNumber firstDay, int periods, std::vector<PanelProduct> products,
          std::vector<std::string> categories);
    void setCell(int p, int t, float units, float price, float listPrice, float stock,
                 std::int32_t event, bool filled = false);
    // Each period's regular price, read from the prices around it (regularPrices()), for the
    // products flagged (their import estimated the list price, and their category reads per
    // period: categoriesReadPerPeriod()); their list price becomes the latest one. Cells of those
    // products must have been set with a list price below 0. After every setCell().
    void readRegularPricesPerPeriod(const std::vector<bool>& products);
    // A product without sales history (a new product, forecast from its peers): added with every
    // period absent, and its index returned.
    int addProduct(PanelProduct product);
    // Puts `order`'s categories first, each at its index there (a model's categories, in the order
    // it was trained with), and the panel's others after them; every product's category follows.
    // A category imported since sorts among the others by name and would shift their indices.
    void useCategoryOrder(const std::vector<std::string>& order);
    // Leaves out the periods before `day` (a period's first day; nothing when not one after
    // firstDay()): period 0 becomes the one starting on `day`. A model counts periods from the
    // first day it was trained with; history imported since from before it would shift every
    // period.
    void startAt(DayNumber day);
    // Sets the regular price product `p`'s price cuts are measured from
    // (PanelProduct::modelReference).
    void setModelReference(int p, double price)
    {
        m_products.at(static_cast<size_t>(p)).modelReference = price;
    }

private:
    Panel() = default;
    std::size_t index(int p, int t) const
    {
        return static_cast<std::size_t>(p) * static_cast<std::size_t>(m_periods) +
               static_cast<std::size_t>(t);
    }
    void allocate();
    std::vector<float> pricesSold(int p) const; // over the product's own range; 0 where none

    int m_periodDays = 1;
    DayNumber m_firstDay = 0;
    int m_periods = 0;
    std::vector<PanelProduct> m_products;
    std::vector<std::string> m_categories;
    std::vector<float> m_units, m_price, m_listPrice, m_stock;
    std::vector<std::int32_t> m_event;
    std::vector<std::uint8_t> m_present; // 0 absent, 1 from a file, 2 filled with 0 units
    std::unordered_map<std::string, std::int32_t> m_eventIds; // event name -> id
};

} // namespace fp::data
