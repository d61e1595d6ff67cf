#pragma once

#include "data/panel.h"
#include "io/salesimporter.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"
#include "synth/market.h"

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

namespace fp::test {

// A synthetic market imported into a real project, as a user would: CSV -> import -> panel.
// Keeps the market so tests can compare against its true expected demand. The skus `leftOut` are
// not imported: products the project has never seen, whose truth the market still knows.
class MarketProject
{
public:
    explicit MarketProject(const synth::MarketConfig& config,
                           const std::set<std::string>& leftOut = {})
        : m_market(config), m_store(m_dir.file("market.flashplan"))
    {
        if (leftOut.empty()) {
            synth::writeSalesCsv(m_market, m_dir.file("sales.csv"));
        } else {
            std::ostringstream all;
            synth::writeSalesCsv(m_market, all);
            std::istringstream lines(all.str());
            std::ofstream kept(m_dir.file("sales.csv"));
            for (std::string line; std::getline(lines, line);) {
                bool keep = true;
                for (const std::string& sku : leftOut)
                    keep = keep && line.find("," + sku + ",") == std::string::npos;
                if (keep)
                    kept << line << '\n';
            }
        }
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
    // The market's index of a sku (also of one left out).
    int truthIndexOf(const std::string& sku) const
    {
        for (size_t q = 0; q < m_market.products().size(); ++q)
            if (m_market.products()[q].sku == sku)
                return static_cast<int>(q);
        throw std::runtime_error("no sku " + sku + " in the market");
    }
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
