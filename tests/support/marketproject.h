#pragma once

#include "data/panel.h"
#include "io/salesimporter.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"
#include "synth/market.h"

#include <map>
#include <memory>
#include <stdexcept>

namespace fp::test {

// A synthetic market imported into a real project, as a user would: CSV -> import -> panel.
// Keeps the market so tests can compare against its true expected demand.
class MarketProject
{
public:
    explicit MarketProject(const synth::MarketConfig& config)
        : m_market(config), m_store(m_dir.file("market.flashplan"))
    {
        synth::writeSalesCsv(m_market, m_dir.file("sales.csv"));
        const io::ImportReport report = io::importSalesFile(m_store, m_dir.file("sales.csv"));
        if (!report.committed)
            throw std::runtime_error("import failed: " + report.problems.at(0).describe());
        m_panel = std::make_unique<data::Panel>(data::Panel::load(m_store));
        for (int p = 0; p < m_panel->productCount(); ++p)
            for (int q = 0; q < static_cast<int>(m_market.products().size()); ++q)
                if (m_market.products()[static_cast<size_t>(q)].sku ==
                    m_panel->products()[static_cast<size_t>(p)].sku)
                    m_truthIndex[p] = q;
        m_market.forEachRow([&](const synth::SalesRow& row) {
            m_expected[{row.product, row.day}] = row.expectedDemand;
            return true;
        });
    }

    const synth::Market& market() const { return m_market; }
    const data::Panel& panel() const { return *m_panel; }
    store::Store& store() { return m_store; }
    // The market's index of a panel product.
    int truthIndex(int panelProduct) const { return m_truthIndex.at(panelProduct); }
    // True expected demand of a panel cell at the price charged.
    double expectedDemand(int panelProduct, int period) const
    {
        return m_expected.at({truthIndex(panelProduct), m_panel->dayOf(period)});
    }

private:
    TempDir m_dir;
    synth::Market m_market;
    store::Store m_store;
    std::unique_ptr<data::Panel> m_panel;
    std::map<int, int> m_truthIndex;
    std::map<std::pair<int, DayNumber>, double> m_expected;
};

} // namespace fp::test
