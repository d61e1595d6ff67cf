#include "synth/scannerfiles.h"

#include "base/error.h"
#include "base/text.h"
#include "synth/random.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <ostream>

namespace fp::synth {

namespace {

constexpr double kTightness[] = {0.4, 0.8, 1.2, 3.0}; // campaign stock / demand at 30% off
constexpr double kMaxDiscounts[] = {0.5, 0.7, 0.9};

double unitDraw(std::uint64_t seed, int product, int what)
{
    SplitMix64 rng(streamKey(seed, kTagOracle, product, what));
    return uniform01(rng);
}

} // namespace

std::vector<std::string> salesCsvColumns(const ScannerConfig& config)
{
    std::vector<std::string> columns{"date", "sku", "units", "price"};
    if (config.withListPrice)
        columns.push_back("list_price");
    if (config.stockLimits)
        columns.push_back("stock");
    columns.push_back("event");
    return columns;
}

SalesCsvTable salesCsvTable(const ScannerMarket& market)
{
    SalesCsvTable table;
    table.columns = salesCsvColumns(market.config());
    for (const ScannerProduct& t : market.products())
        table.productFields.push_back("," + csvQuoted(t.sku) + ",");
    table.rowCount = market.rowCount();
    table.forEachRow = [&market](const std::function<bool(const SalesRow&)>& fn) {
        market.forEachRow(fn);
    };
    return table;
}

std::vector<CampaignProduct> scannerCampaign(const ScannerMarket& market, int week,
                                             int productCount)
{
    const std::uint64_t seed = market.config().seed;
    std::vector<int> candidates;
    for (int p = 0; p < static_cast<int>(market.products().size()); ++p)
        if (market.products()[static_cast<std::size_t>(p)].entryWeek < week)
            candidates.push_back(p);
    std::sort(candidates.begin(), candidates.end(),
              [&](int a, int b) { return unitDraw(seed, a, 0) < unitDraw(seed, b, 0); });
    candidates.resize(
        std::min(candidates.size(), static_cast<std::size_t>(std::max(0, productCount))));

    std::vector<CampaignProduct> result;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const int p = candidates[i];
        const double jitter = 0.85 + 0.3 * unitDraw(seed, p, 1);
        const double expected = market.expectedDemand(p, week, 0.3, true);
        long long stock = std::llround(expected * kTightness[i % 4] * jitter);
        if (stock > 100)
            stock = (stock + 5) / 10 * 10; // merchants think in round numbers
        CampaignProduct item;
        item.product = p;
        item.stock = static_cast<int>(std::max(1LL, stock));
        item.minDiscount = i % 5 == 4 ? 0.1 : 0.0;
        item.maxDiscount = kMaxDiscounts[i % 3];
        result.push_back(item);
    }
    std::sort(result.begin(), result.end(), [](const CampaignProduct& a, const CampaignProduct& b) {
        return a.product < b.product;
    });
    return result;
}

void writeCampaignCsv(const ScannerMarket& market, const std::vector<CampaignProduct>& campaign,
                      int week, std::ostream& out)
{
    out << "sku,stock,unit_cost,list_price,min_discount,max_discount\n";
    for (const CampaignProduct& item : campaign) {
        const ScannerProduct& t = market.products()[static_cast<std::size_t>(item.product)];
        out << csvQuoted(t.sku) << ',' << item.stock << ',' << formatCents(t.unitCost) << ','
            << formatCents(market.listPriceAt(item.product, week)) << ','
            << formatCents(item.minDiscount) << ',' << formatCents(item.maxDiscount) << '\n';
    }
}

std::vector<OracleChoice> oraclePlan(const ScannerMarket& market,
                                     const std::vector<CampaignProduct>& campaign, int week,
                                     double step)
{
    std::vector<OracleChoice> choices;
    for (const CampaignProduct& item : campaign) {
        const auto sales = [&](double d) {
            return market.expectedSales(item.product, week, d, true, item.stock);
        };
        choices.push_back(bestOnLadder(market.listPriceAt(item.product, week), item.minDiscount,
                                       item.maxDiscount, step, sales));
    }
    return choices;
}

void writeOracleCsv(const ScannerMarket& market, const std::vector<CampaignProduct>& campaign,
                    const std::vector<OracleChoice>& oracle, std::ostream& out)
{
    out << "sku,discount,expected_units,expected_revenue\n";
    out.precision(10);
    for (std::size_t i = 0; i < campaign.size() && i < oracle.size(); ++i)
        out << csvQuoted(market.products()[static_cast<std::size_t>(campaign[i].product)].sku)
            << ',' << oracle[i].discount << ',' << oracle[i].expectedUnits << ','
            << oracle[i].expectedRevenue << '\n';
}

std::vector<TruthAtPrice> truthAtPrices(const ScannerMarket& market,
                                        const std::vector<io::PlannedPrice>& rows)
{
    std::map<std::string, int> bySku;
    for (int p = 0; p < static_cast<int>(market.products().size()); ++p)
        bySku[market.products()[static_cast<std::size_t>(p)].sku] = p;
    std::vector<TruthAtPrice> truths;
    for (const io::PlannedPrice& row : rows) {
        const auto it = bySku.find(row.sku);
        if (it == bySku.end())
            throw FlashPlanError(Problem{{}, row.line, 0, ProblemKind::SkuNotInMarket, {row.sku}});
        const int week = market.weekOf(row.day);
        const double discount =
            std::max(0.0, 1.0 - row.price / market.listPriceAt(it->second, week));
        TruthAtPrice truth;
        truth.expected = market.expectedDemand(it->second, week, discount, row.event);
        truth.expectedSales =
            row.stock ? market.expectedSales(it->second, week, discount, row.event, *row.stock)
                      : truth.expected;
        truths.push_back(truth);
    }
    return truths;
}

void writeTruthAtPricesCsv(const ScannerMarket& market, const std::vector<io::PlannedPrice>& rows,
                           std::ostream& out)
{
    const std::vector<TruthAtPrice> truths = truthAtPrices(market, rows);
    out << "date,sku,expected,expected_sales\n";
    out.precision(10);
    for (std::size_t i = 0; i < rows.size(); ++i)
        out << formatIsoDate(rows[i].day) << ',' << csvQuoted(rows[i].sku) << ','
            << truths[i].expected << ',' << truths[i].expectedSales << '\n';
}

} // namespace fp::synth
