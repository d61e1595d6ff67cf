// flashplan-gensales: writes a synthetic sales history of any size for benchmarks and experiments.
//   flashplan-gensales --products 10000 --days 730 --out sales.csv [--seed N] [--weekly]
//                      [--order date|sku] [--no-list-price] [--stockouts 0..3]
#include "synth/demofiles.h"
#include "synth/market.h"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    fp::synth::MarketConfig config;
    config.firstDay = fp::daysFromCivil(2024, 11, 1);
    std::string out;
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
        else {
            std::cerr << "usage: flashplan-gensales --products N --days D --out FILE [--seed N] "
                         "[--weekly] [--order date|sku] [--no-list-price] [--stockouts X]\n";
            return 1;
        }
    }
    if (out.empty() || config.products <= 0 || config.days <= 0) {
        std::cerr << "flashplan-gensales: --out, --products > 0 and --days > 0 are required\n";
        return 1;
    }
    const fp::synth::Market market(config);
    std::string error;
    if (!fp::synth::writeSalesCsv(market, out, &error)) {
        std::cerr << "flashplan-gensales: " << error << "\n";
        return 2;
    }
    return 0;
}
