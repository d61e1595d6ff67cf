#include "synth/demofiles.h"

#include "base/atomicfile.h"
#include "base/error.h"
#include "base/text.h"
#include "synth/salescsv.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <ostream>

namespace fp::synth {
namespace {

std::uint64_t pickKey(std::uint64_t seed, int product)
{
    std::uint64_t z = seed ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(product + 1));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

std::vector<std::string> salesCsvColumns(const MarketConfig& config)
{
    std::vector<std::string> columns{"date", "sku"};
    if (config.withNameCategory) {
        columns.push_back("name");
        columns.push_back("category");
    }
    columns.push_back("units");
    columns.push_back("price");
    if (config.withListPrice)
        columns.push_back("list_price");
    if (config.withCost)
        columns.push_back("unit_cost");
    if (config.withStock)
        columns.push_back("stock");
    if (config.withViews)
        columns.push_back("views");
    if (config.withEvent)
        columns.push_back("event");
    return columns;
}

SalesCsvTable salesCsvTable(const Market& market)
{
    const MarketConfig& config = market.config();
    SalesCsvTable table;
    table.columns = salesCsvColumns(config);
    for (const ProductTruth& t : market.products()) {
        std::string fields = "," + csvQuoted(t.sku);
        if (config.withNameCategory)
            fields += "," + csvQuoted(t.name) + "," + csvQuoted(t.category);
        table.productFields.push_back(fields + ",");
    }
    table.rowCount = market.rowCount();
    table.forEachRow = [&market](const std::function<bool(const SalesRow&)>& fn) {
        market.forEachRow(fn);
    };
    return table;
}

void writeSalesCsv(const Market& market, std::ostream& out)
{
    writeSalesCsv(salesCsvTable(market), out);
}

void writeSalesCsv(const Market& market, const std::string& path, const ProgressFn& progress)
{
    writeSalesCsv(salesCsvTable(market), path, progress);
}

std::vector<CampaignProduct> campaignProducts(const Market& market, DayNumber start, int days,
                                              int productCount)
{
    const std::uint64_t seed = market.config().seed;
    const int products = static_cast<int>(market.products().size());
    const int categories = static_cast<int>(market.categories().size());
    const int count = std::clamp(productCount, 0, products);

    // Each category's products in a seed-dependent order; then take one per category in turn.
    std::vector<std::vector<int>> byCategory(categories);
    for (int p = 0; p < products; ++p)
        byCategory[market.products()[p].categoryIndex].push_back(p);
    for (std::vector<int>& list : byCategory)
        std::sort(list.begin(), list.end(),
                  [&](int a, int b) { return pickKey(seed, a) < pickKey(seed, b); });
    std::vector<int> picked;
    for (std::size_t round = 0; static_cast<int>(picked.size()) < count; ++round)
        for (const std::vector<int>& list : byCategory)
            if (round < list.size() && static_cast<int>(picked.size()) < count)
                picked.push_back(list[round]);

    // Stock relative to the true expected demand at 30% off: very tight, tight, about right, ample.
    static constexpr double kTightness[] = {0.4, 0.8, 1.2, 3.0};
    std::vector<CampaignProduct> result;
    for (std::size_t i = 0; i < picked.size(); ++i) {
        const int p = picked[i];
        const double jitter =
            0.85 + 0.3 * static_cast<double>(pickKey(seed + 1, p) >> 11) * 0x1.0p-53;
        const double expected = market.expectedWindowDemand(p, start, days, 0.3);
        long long stock = std::llround(expected * kTightness[i % 4] * jitter);
        if (stock > 100)
            stock = (stock + 5) / 10 * 10; // merchants think in round numbers
        CampaignProduct item;
        item.product = p;
        item.stock = static_cast<int>(std::max(1LL, stock));
        item.minDiscount = i % 5 == 4 ? 0.1 : 0.0;
        item.maxDiscount = i % 3 == 2 ? 0.5 : (i % 3 == 1 ? 0.6 : 0.7);
        result.push_back(item);
    }
    std::sort(result.begin(), result.end(), [](const CampaignProduct& a, const CampaignProduct& b) {
        return a.product < b.product;
    });
    return result;
}

void writeCampaignCsv(const Market& market, std::ostream& out, DayNumber start, int days,
                      int productCount)
{
    out << "sku,stock,unit_cost,list_price,min_discount,max_discount\n";
    for (const CampaignProduct& item : campaignProducts(market, start, days, productCount)) {
        const ProductTruth& t = market.products()[item.product];
        out << csvQuoted(t.sku) << ',' << item.stock << ',' << formatCents(t.unitCost) << ','
            << formatCents(t.listPrice) << ',' << formatCents(item.minDiscount) << ','
            << formatCents(item.maxDiscount) << '\n';
    }
}

MarketConfig demoMarketConfig()
{
    MarketConfig config;
    config.days = 730;
    config.firstDay = kDemoCampaignStart - config.days;
    return config;
}

void writeDemoFiles(const std::string& dir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw FlashPlanError(ProblemKind::CannotCreateFolder, {dir, ec.message()});
    const Market market(demoMarketConfig());
    writeSalesCsv(market, (fs::path(dir) / "sales.csv").string());
    writeFileAtomically((fs::path(dir) / "campaign.csv").string(), [&](std::ostream& out) {
        writeCampaignCsv(market, out, kDemoCampaignStart, kDemoCampaignDays, kDemoCampaignProducts);
    });
}

} // namespace fp::synth
