#include "data/demandcells.h"

#include "data/panel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fp::data {

float logPriceCut(double price, double reference)
{
    if (!(price > 0) || !(reference > 0))
        return 0.0f;
    return static_cast<float>(std::clamp(-std::log(price / reference), -1.0, -std::log(0.05)));
}

void setDiscount(DemandCell& cell, double discount)
{
    const double level = cell.priceCut + std::log1p(-static_cast<double>(cell.discount));
    cell.discount = static_cast<float>(std::clamp(discount, 0.0, 0.95));
    cell.priceCut = static_cast<float>(
        std::clamp(level - std::log1p(-static_cast<double>(cell.discount)), -1.0, -std::log(0.05)));
}

int dipPeriods(int periodDays)
{
    return periodDays == 1 ? 14 : 2;
}

namespace {

// The promotion state of one product as its periods go by.
class EventTracker
{
public:
    explicit EventTracker(int periodDays) : m_dip(dipPeriods(periodDays)) {}

    // Advances to `period` (which must not go backwards) and fills the cell's event fields.
    void step(int period, bool featured, std::int32_t eventId, float discount, DemandCell& cell)
    {
        const bool continues = featured && m_inEvent && period == m_lastPeriod + 1 &&
                               (eventId < 0 || eventId == m_eventId);
        if (!featured && m_inEvent) { // the event just ended
            m_inEvent = false;
            m_lastEventEnd = m_lastPeriod;
        }
        if (featured) {
            m_eventDay = continues ? std::min(m_eventDay + 1, 100) : 0;
            m_depth = continues ? std::max(m_depth, discount) : discount;
            m_inEvent = true;
            m_eventId = eventId;
            cell.eventDay = static_cast<std::int8_t>(std::min(m_eventDay, 7));
            cell.sinceEvent = 0;
        } else {
            cell.eventDay = -1;
            const int since = m_lastEventEnd == kNone ? 0 : period - m_lastEventEnd;
            cell.sinceEvent = since >= 1 && since <= m_dip ? static_cast<std::uint8_t>(since) : 0;
            cell.lastEventDepth = cell.sinceEvent ? m_depth : 0.0f;
        }
        if (featured)
            cell.lastEventDepth = 0.0f;
        m_lastPeriod = period;
    }

private:
    static constexpr int kNone = std::numeric_limits<int>::min() / 2;
    int m_dip;
    bool m_inEvent = false;
    std::int32_t m_eventId = -1;
    int m_eventDay = 0;
    float m_depth = 0.0f;
    int m_lastPeriod = kNone;
    int m_lastEventEnd = kNone;
};

} // namespace

std::vector<DemandCell> historyCells(const Panel& panel, int fromPeriod, int toPeriod)
{
    std::vector<DemandCell> cells;
    toPeriod = std::min(toPeriod, panel.periodCount());
    // Counted first: growing by doubling would hold up to 1.5 times the cells, and both the old
    // and the new buffer while it moves (millions of cells when training).
    size_t count = 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        const PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        for (int t = std::max(product.firstPeriod, fromPeriod);
             t <= product.lastPeriod && t < toPeriod; ++t)
            count += panel.present(p, t) ? 1 : 0;
    }
    cells.reserve(count);
    for (int p = 0; p < panel.productCount(); ++p) {
        const PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        EventTracker tracker(panel.periodDays());
        for (int t = product.firstPeriod; t <= product.lastPeriod && t < toPeriod; ++t) {
            if (!panel.present(p, t))
                continue;
            DemandCell cell;
            cell.product = p;
            cell.period = t;
            cell.units = panel.units(p, t);
            cell.stock = panel.stock(p, t);
            cell.discount = panel.discount(p, t);
            cell.priceCut = panel.price(p, t) > 0
                                ? logPriceCut(panel.price(p, t), product.priceReference())
                                : logPriceCut(1.0 - cell.discount, 1.0);
            cell.censored = panel.censored(p, t);
            const std::int32_t event = panel.event(p, t);
            tracker.step(t, event >= 0, event, cell.discount, cell);
            if (t >= fromPeriod)
                cells.push_back(cell);
        }
    }
    return cells;
}

std::vector<DemandCell> scenarioCells(const Panel& panel,
                                      const std::vector<ScenarioPeriod>& periods)
{
    std::vector<DemandCell> cells;
    cells.reserve(periods.size());
    size_t i = 0;
    while (i < periods.size()) {
        const int p = periods[i].product;
        const PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        EventTracker tracker(panel.periodDays());
        const int firstPlanned = panel.periodOf(periods[i].day);
        // Replay the history before the plan so a recent event's dip carries into it.
        const int replayFrom = std::max(product.firstPeriod, firstPlanned - 64);
        for (int t = replayFrom; t <= product.lastPeriod && t < firstPlanned; ++t) {
            if (!panel.present(p, t))
                continue;
            DemandCell ignored;
            const std::int32_t event = panel.event(p, t);
            tracker.step(t, event >= 0, event, panel.discount(p, t), ignored);
        }
        for (; i < periods.size() && periods[i].product == p; ++i) {
            const ScenarioPeriod& s = periods[i];
            DemandCell cell;
            cell.product = p;
            cell.period = panel.periodOf(s.day);
            cell.units = 0.0f;
            cell.stock = s.stock;
            const double list =
                s.listPrice > 0 ? static_cast<double>(s.listPrice) : product.listPrice;
            const double reference = product.priceReference() > 0 ? product.priceReference() : list;
            if (s.discount < 0) { // dearer than the regular price
                cell.discount = 0.0f;
                cell.priceCut = logPriceCut(list * (1.0 - s.discount), reference);
            } else { // the regular price's level, then the discount: as setDiscount() does
                cell.priceCut = logPriceCut(list, reference);
                setDiscount(cell, s.discount);
            }
            tracker.step(cell.period, s.featured, s.eventId, cell.discount, cell);
            cells.push_back(cell);
        }
    }
    return cells;
}

} // namespace fp::data
