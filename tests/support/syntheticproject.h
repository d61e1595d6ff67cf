#pragma once

#include "data/panel.h"
#include "io/salesimporter.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"
#include "synth/salescsv.h"
#include "synth/scannerfiles.h"

#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace fp::test {

// A synthetic market of either family (synth::Market, synth::ScannerMarket) imported into a real
// project, as a user would: CSV -> import -> panel. `keep` chooses the rows the file holds (all
// by default) and may change them, so a test can leave periods or a product's early history out
// of the file, or disturb what it sold; the market's truth stays whole.
template <class MarketT, class ConfigT> class SyntheticProject
{
public:
    // Whether the file holds a row; it may also change the row (a test's disturbance of the data).
    using RowFilter = std::function<bool(synth::SalesRow&)>;

    SyntheticProject(const ConfigT& config, const RowFilter& keep = {},
                     const io::ImportOptions& options = {})
        : m_market(config), m_store(m_dir.file("market.flashplan"))
    {
        synth::SalesCsvTable table = synth::salesCsvTable(m_market);
        if (keep) {
            auto all = table.forEachRow;
            table.forEachRow = [all, keep](const std::function<bool(const synth::SalesRow&)>& fn) {
                all([&](const synth::SalesRow& row) {
                    synth::SalesRow kept = row;
                    return !keep(kept) || fn(kept);
                });
            };
        }
        synth::writeSalesCsv(table, m_dir.file("sales.csv"));
        m_report = io::importSalesFile(m_store, m_dir.file("sales.csv"), options);
        if (!m_report.committed)
            throw std::runtime_error("import failed: " + m_report.problems.at(0).describe());
        m_panel = std::make_unique<data::Panel>(data::Panel::load(m_store));
        std::map<std::string, int> bySku;
        for (int q = 0; q < static_cast<int>(m_market.products().size()); ++q)
            bySku[m_market.products()[static_cast<size_t>(q)].sku] = q;
        for (int p = 0; p < m_panel->productCount(); ++p)
            m_truthIndex[p] = bySku.at(m_panel->products()[static_cast<size_t>(p)].sku);
    }

    const MarketT& market() const { return m_market; }
    const data::Panel& panel() const { return *m_panel; }
    store::Store& store() { return m_store; }
    const io::ImportReport& report() const { return m_report; }
    // The market's index of a panel product.
    int truthIndex(int panelProduct) const { return m_truthIndex.at(panelProduct); }

private:
    TempDir m_dir;
    MarketT m_market;
    store::Store m_store;
    io::ImportReport m_report;
    std::unique_ptr<data::Panel> m_panel;
    std::map<int, int> m_truthIndex;
};

using MarketFileProject = SyntheticProject<synth::Market, synth::MarketConfig>;
using ScannerProject = SyntheticProject<synth::ScannerMarket, synth::ScannerConfig>;

} // namespace fp::test
