// flashplan-gensales: writes a synthetic sales history of any size for benchmarks and experiments.
//   flashplan-gensales --products 10000 --days 730 --out sales.csv [--seed N] [--weekly]
//                      [--order date|sku] [--no-list-price] [--stockouts 0..3] [--truth FILE]
// --truth FILE also writes date,sku,expected for every row of sales.csv, in the same order:
// SalesRow::expectedDemand, the true expected demand at the price charged (event shock and noise
// have mean 1), not capped by stock; for --weekly, the sum over the week.
#include "base/error.h"
#include "synth/demofiles.h"
#include "synth/market.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

// Streams the truth of every row (a second pass over the market: rows are deterministic).
bool writeTruthCsv(const fp::synth::Market& market, const std::string& path, std::string* error)
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

} // namespace

int main(int argc, char** argv)
{
    fp::synth::MarketConfig config;
    config.firstDay = fp::daysFromCivil(2024, 11, 1);
    std::string out;
    std::string truth;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--products" && hasValue)
            config.products = std::atoi(argv[++i]);
        else if (arg == "--days" && hasValue)
            config.days = std::atoi(argv[++i]);
        else if (arg == "--seed" && hasValue)
            config.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--stockouts" && hasValue)
            config.stockoutIntensity = std::atof(argv[++i]);
        else if (arg == "--order" && hasValue)
            config.order = std::strcmp(argv[++i], "sku") == 0
                               ? fp::synth::MarketConfig::Order::BySku
                               : fp::synth::MarketConfig::Order::ByDate;
        else if (arg == "--weekly")
            config.weekly = true;
        else if (arg == "--no-list-price")
            config.withListPrice = false;
        else if (arg == "--out" && hasValue)
            out = argv[++i];
        else if (arg == "--truth" && hasValue)
            truth = argv[++i];
        else {
            std::cerr << "usage: flashplan-gensales --products N --days D --out FILE [--seed N] "
                         "[--weekly] [--order date|sku] [--no-list-price] [--stockouts X] "
                         "[--truth FILE]\n";
            return 1;
        }
    }
    if (out.empty() || config.products <= 0 || config.days <= 0) {
        std::cerr << "flashplan-gensales: --out, --products > 0 and --days > 0 are required\n";
        return 1;
    }
    const fp::synth::Market market(config);
    try {
        fp::synth::writeSalesCsv(market, out);
    } catch (const fp::FlashPlanError& e) {
        std::cerr << "flashplan-gensales: " << e.what() << "\n";
        return 2;
    }
    std::string error;
    if (!truth.empty() && !writeTruthCsv(market, truth, &error)) {
        std::cerr << "flashplan-gensales: " << error << "\n";
        return 2;
    }
    return 0;
}
