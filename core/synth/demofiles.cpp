#include "synth/demofiles.h"

#include "base/atomicfile.h"
#include "base/error.h"
#include "base/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <ostream>

namespace fp::synth {
namespace {

// Receives the CSV in chunks; false = the write failed.
using Sink = std::function<bool(const char* data, std::size_t size)>;

constexpr std::size_t kChunk = 1 << 20;

void append(char*& out, std::string_view text)
{
    if (text.empty()) // an empty view may hold a null pointer, which memcpy must not get
        return;
    std::memcpy(out, text.data(), text.size());
    out += text.size();
}

void appendInt(char*& out, long long value)
{
    out = std::to_chars(out, out + 24, value).ptr;
}

// Money with exactly two decimals, from whole cents (no floating-point formatting).
void appendCents(char*& out, double value)
{
    const long long cents = std::llround(value * 100.0);
    appendInt(out, cents / 100);
    *out++ = '.';
    *out++ = static_cast<char>('0' + cents % 100 / 10);
    *out++ = static_cast<char>('0' + cents % 10);
}

std::string cents(double value)
{
    char text[32];
    char* out = text;
    appendCents(out, value);
    return std::string(text, out);
}

// Returns false when the sink failed; throws Cancelled when progress asks to stop.
bool streamSales(const Market& market, const Sink& sink, const ProgressFn& progress)
{
    const MarketConfig& config = market.config();
    const std::vector<ProductTruth>& products = market.products();

    // The constant parts of a product's row, built once: ",sku[,name,category]," before units,
    // and "[,list_price][,unit_cost]" after price.
    std::vector<std::string> head(products.size());
    std::vector<std::string> tail(products.size());
    std::size_t longest = 0;
    std::size_t longestEvent = 0;
    for (std::size_t p = 0; p < products.size(); ++p) {
        const ProductTruth& t = products[p];
        head[p] = "," + csvQuoted(t.sku);
        if (config.withNameCategory)
            head[p] += "," + csvQuoted(t.name) + "," + csvQuoted(t.category);
        head[p] += ",";
        if (config.withListPrice)
            tail[p] += "," + cents(t.listPrice);
        if (config.withCost)
            tail[p] += "," + cents(t.unitCost);
        longest = std::max(longest, head[p].size() + tail[p].size());
    }
    for (const Campaign& c : market.campaigns())
        longestEvent = std::max(longestEvent, c.id.size());

    std::string header;
    for (const std::string& column : salesCsvColumns(config))
        header += (header.empty() ? "" : ",") + column;
    header += '\n';

    // A row never outgrows the slack after a chunk: date, numbers (< 24 chars each), the rest.
    std::vector<char> buffer(std::max(kChunk, header.size()) + longest + longestEvent + 256);
    char* const begin = buffer.data();
    char* out = begin;
    append(out, header);

    bool ok = true;
    const std::int64_t total = market.rowCount();
    std::int64_t done = 0;
    DayNumber dateOf = std::numeric_limits<DayNumber>::min();
    char date[10];
    market.forEachRow([&](const SalesRow& row) {
        if (row.day != dateOf) { // rows come grouped by date (or by week), format it once
            formatIsoDate(row.day, date);
            dateOf = row.day;
        }
        append(out, std::string_view(date, 10));
        append(out, head[row.product]);
        appendInt(out, row.units);
        *out++ = ',';
        appendCents(out, row.price);
        append(out, tail[row.product]);
        if (config.withStock) {
            *out++ = ',';
            appendInt(out, row.stock);
        }
        if (config.withViews) {
            *out++ = ',';
            appendInt(out, row.views);
        }
        if (config.withEvent) {
            *out++ = ',';
            append(out, row.event);
        }
        *out++ = '\n';
        if (static_cast<std::size_t>(out - begin) >= kChunk) {
            ok = sink(begin, static_cast<std::size_t>(out - begin));
            out = begin;
        }
        if (ok && (++done & 0xffff) == 0)
            reportProgressOrCancel(progress, done, total);
        return ok;
    });
    if (ok && out != begin)
        ok = sink(begin, static_cast<std::size_t>(out - begin));
    if (ok)
        reportProgressOrCancel(progress, total, total);
    return ok;
}

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

void writeSalesCsv(const Market& market, std::ostream& out)
{
    streamSales(market,
                [&](const char* data, std::size_t size) {
                    out.write(data, static_cast<std::streamsize>(size));
                    return static_cast<bool>(out);
                },
                {});
}

void writeSalesCsv(const Market& market, const std::string& path, const ProgressFn& progress)
{
    AtomicFile file(path); // a cancel leaves the target as it was: the temporary file goes
    std::ostream& out = file.stream();
    streamSales(
        market,
        [&](const char* data, std::size_t size) {
            out.write(data, static_cast<std::streamsize>(size));
            return static_cast<bool>(out);
        },
        progress);
    file.commit(); // after a failed write, throws with the reason and keeps the target
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
        out << csvQuoted(t.sku) << ',' << item.stock << ',' << cents(t.unitCost) << ','
            << cents(t.listPrice) << ',' << cents(item.minDiscount) << ','
            << cents(item.maxDiscount) << '\n';
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
