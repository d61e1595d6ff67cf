// flashplan-gensales: writes a synthetic sales history of any size for benchmarks and experiments.
//   flashplan-gensales [--family market] --products 10000 --days 730 --out sales.csv [--seed N]
//                      [--weekly] [--order date|sku] [--no-list-price] [--stockouts 0..3]
//                      [--truth FILE]
//   flashplan-gensales --family scanner --products 300 --weeks 156 [--out sales.csv] [--seed N]
//                      [--no-list-price] [--stockouts 0|1] [--truth FILE]
//                      [--campaign FILE [--campaign-start DATE] [--campaign-products N]
//                       [--oracle FILE]] [--truth-at PRICES --truth-at-out FILE]
// market is the first family (core/synth/market.h: daily, categories, flash-sale events); scanner
// the second (core/synth/scannermarket.h: weekly, no categories, late entrants, bounded discount
// response, moving list prices; --stockouts > 0 limits stock).
// --truth FILE also writes date,sku,expected for every row of sales.csv, in the same order:
// SalesRow::expectedDemand, the true expected demand at the price charged (event shock and noise
// have mean 1), not capped by stock; for weekly rows, the week's.
// Scanner only: --campaign writes campaign.csv for a one-week flash sale starting on
// --campaign-start (a week start; default the week after the history) of --campaign-products
// products (default 60), --oracle its oracle plan (sku,discount,expected_units,expected_revenue:
// the true revenue-maximizing discount on the 5% ladder), and --truth-at reads a prices file
// (forecast --prices format: date,sku,price[,list_price][,event][,stock]) and writes
// date,sku,expected,expected_sales: the true expected demand at those prices, and the expected
// sales under the row's stock.
#include "base/error.h"
#include "io/pricetable.h"
#include "synth/demofiles.h"
#include "synth/market.h"
#include "synth/scannerfiles.h"
#include "synth/scannermarket.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr char kUsage[] =
    "usage: flashplan-gensales [--family market|scanner] --products N (--days D | --weeks W)\n"
    "         [--out FILE] [--seed N] [--weekly] [--order date|sku] [--no-list-price]\n"
    "         [--stockouts X] [--truth FILE] [--campaign FILE [--campaign-start DATE]\n"
    "         [--campaign-products N] [--oracle FILE]] [--truth-at PRICES --truth-at-out FILE]\n";

struct Options
{
    std::string family = "market";
    fp::synth::MarketConfig market;
    fp::synth::ScannerConfig scanner;
    std::string out;
    std::string truth;
    std::string campaign;
    std::optional<fp::DayNumber> campaignStart;
    int campaignProducts = 60;
    std::string oracle;
    std::string truthAt;
    std::string truthAtOut;
};

// Says what went wrong on stderr; false, for `return fail(...)`.
bool fail(const std::string& message)
{
    std::cerr << "flashplan-gensales: " << message << "\n";
    return false;
}

// Streams the truth of every row (a second pass over the market: rows are deterministic).
template <class Market>
bool writeTruthCsv(const Market& market, const std::string& path, std::string* error)
{
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) {
        *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    constexpr std::size_t kChunk = 1 << 20;
    std::vector<char> buffer(kChunk + 256);
    char* const begin = buffer.data();
    char* out = begin;
    bool ok = true;
    auto flush = [&] {
        const auto size = static_cast<std::size_t>(out - begin);
        ok = ok && std::fwrite(begin, 1, size, file) == size;
        out = begin;
    };
    static constexpr char kHeader[] = "date,sku,expected\n";
    std::memcpy(out, kHeader, sizeof kHeader - 1);
    out += sizeof kHeader - 1;

    const auto& products = market.products();
    fp::DayNumber dateOf = -1000000000;
    char date[10];
    market.forEachRow([&](const fp::synth::SalesRow& row) {
        if (row.day != dateOf) {
            fp::formatIsoDate(row.day, date);
            dateOf = row.day;
        }
        const std::string& sku = products[row.product].sku;
        std::memcpy(out, date, 10);
        out += 10;
        *out++ = ',';
        std::memcpy(out, sku.data(), sku.size()); // generated skus never need CSV quoting
        out += sku.size();
        *out++ = ',';
        out = std::to_chars(out, out + 32, row.expectedDemand, std::chars_format::general, 7).ptr;
        *out++ = '\n';
        if (static_cast<std::size_t>(out - begin) >= kChunk)
            flush();
        return ok;
    });
    flush();
    if (std::fclose(file) != 0)
        ok = false;
    if (!ok) {
        *error = "cannot write " + path + ": " + std::strerror(errno);
        std::remove(path.c_str());
    }
    return ok;
}

// Writes a small text file through `write`; false and the reason when it cannot.
template <class Write> bool writeText(const std::string& path, std::string* error, Write write)
{
    std::ofstream out(path, std::ios::binary);
    if (out)
        write(out);
    out.close();
    if (!out) {
        *error = "cannot write " + path + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

template <class Market> bool writeSalesAndTruth(const Market& market, const Options& o)
{
    try {
        if (!o.out.empty())
            fp::synth::writeSalesCsv(fp::synth::salesCsvTable(market), o.out);
    } catch (const fp::FlashPlanError& e) {
        return fail(e.what());
    }
    std::string error;
    if (!o.truth.empty() && !writeTruthCsv(market, o.truth, &error))
        return fail(error);
    return true;
}

// The scanner family's campaign, oracle and truth at given prices.
bool writeScannerExtras(const fp::synth::ScannerMarket& market, const Options& o)
{
    std::string error;
    if (!o.campaign.empty()) {
        const fp::DayNumber start = o.campaignStart.value_or(market.weekStart(o.scanner.weeks));
        const int week = market.weekOf(start);
        if (market.weekStart(week) != start) {
            return fail("--campaign-start must be a week start, e.g. " +
                        fp::formatIsoDate(market.weekStart(week)));
        }
        const auto campaign = fp::synth::scannerCampaign(market, week, o.campaignProducts);
        if (!writeText(o.campaign, &error, [&](std::ostream& out) {
                fp::synth::writeCampaignCsv(market, campaign, week, out);
            }))
            return fail(error);
        const auto oracle = fp::synth::oraclePlan(market, campaign, week);
        if (!o.oracle.empty() && !writeText(o.oracle, &error, [&](std::ostream& out) {
                fp::synth::writeOracleCsv(market, campaign, oracle, out);
            }))
            return fail(error);
    }
    if (!o.truthAt.empty()) {
        const fp::io::PriceTable prices = fp::io::readPriceTable(o.truthAt);
        if (prices.problemCount > 0)
            return fail(prices.problems.front().describe());
        try {
            if (!writeText(o.truthAtOut, &error, [&](std::ostream& out) {
                    fp::synth::writeTruthAtPricesCsv(market, prices.rows, out);
                }))
                return fail(error);
        } catch (const fp::FlashPlanError& e) {
            return fail(o.truthAt + ": " + e.what());
        }
    }
    return true;
}

// Fills `o` from the command line; false on a usage error (said on stderr).
bool parse(int argc, char** argv, Options& o)
{
    int days = 0;
    int weeks = 0;
    double stockouts = -1.0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        const char* value = hasValue ? argv[i + 1] : "";
        i += hasValue && arg != "--weekly" && arg != "--no-list-price" ? 1 : 0;
        if (arg == "--family" && hasValue)
            o.family = value;
        else if (arg == "--products" && hasValue)
            o.market.products = o.scanner.products = std::atoi(value);
        else if (arg == "--days" && hasValue)
            days = std::atoi(value);
        else if (arg == "--weeks" && hasValue)
            weeks = std::atoi(value);
        else if (arg == "--seed" && hasValue)
            o.market.seed = o.scanner.seed = std::strtoull(value, nullptr, 10);
        else if (arg == "--stockouts" && hasValue)
            stockouts = std::atof(value);
        else if (arg == "--order" && hasValue)
            o.market.order = std::strcmp(value, "sku") == 0
                                 ? fp::synth::MarketConfig::Order::BySku
                                 : fp::synth::MarketConfig::Order::ByDate;
        else if (arg == "--weekly")
            o.market.weekly = true;
        else if (arg == "--no-list-price")
            o.market.withListPrice = o.scanner.withListPrice = false;
        else if (arg == "--out" && hasValue)
            o.out = value;
        else if (arg == "--truth" && hasValue)
            o.truth = value;
        else if (arg == "--campaign" && hasValue)
            o.campaign = value;
        else if (arg == "--campaign-start" && hasValue && fp::parseIsoDate(value))
            o.campaignStart = *fp::parseIsoDate(value);
        else if (arg == "--campaign-products" && hasValue)
            o.campaignProducts = std::atoi(value);
        else if (arg == "--oracle" && hasValue)
            o.oracle = value;
        else if (arg == "--truth-at" && hasValue)
            o.truthAt = value;
        else if (arg == "--truth-at-out" && hasValue)
            o.truthAtOut = value;
        else
            return fail(std::string("unknown or incomplete option ") + arg + "\n" + kUsage);
    }
    const bool scanner = o.family == "scanner";
    const char* problem = nullptr;
    if (o.family != "market" && !scanner)
        problem = "--family must be market or scanner";
    else if (o.market.products <= 0)
        problem = "--products > 0 is required";
    else if (scanner ? weeks <= 0 || days != 0 : days <= 0 || weeks != 0)
        problem = "--days > 0 goes with --family market, --weeks > 0 with --family scanner";
    else if (!scanner && (o.out.empty() || !o.campaign.empty() || !o.truthAt.empty()))
        problem = "--family market needs --out; --campaign and --truth-at are for scanner";
    else if (o.truthAt.empty() != o.truthAtOut.empty())
        problem = "--truth-at and --truth-at-out go together";
    else if (!o.oracle.empty() && o.campaign.empty())
        problem = "--oracle needs --campaign";
    if (problem)
        return fail(std::string(problem) + "\n" + kUsage);
    o.market.days = days;
    o.scanner.weeks = weeks;
    if (stockouts >= 0.0) {
        o.market.stockoutIntensity = stockouts;
        o.scanner.stockLimits = stockouts > 0.0;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    Options o;
    o.market.firstDay = fp::daysFromCivil(2024, 11, 1);
    if (!parse(argc, argv, o))
        return 1;
    if (o.family == "market")
        return writeSalesAndTruth(fp::synth::Market(o.market), o) ? 0 : 2;
    const fp::synth::ScannerMarket market(o.scanner);
    return writeSalesAndTruth(market, o) && writeScannerExtras(market, o) ? 0 : 2;
}
