#include "synth/salewindow.h"

#include "synth/demofiles.h"
#include "synth/random.h"

#include <algorithm>

namespace fp::synth {

std::vector<SalesRow> simulateSale(const Market& market, const std::vector<SaleOffer>& offers,
                                   DayNumber start, int days, std::string_view event)
{
    std::vector<SalesRow> rows;
    for (const SaleOffer& offer : offers) {
        const ProductTruth& truth = market.products()[static_cast<size_t>(offer.product)];
        SplitMix64 rng(streamKey(market.config().seed, kTagSale, offer.product, start));
        const double shock = gammaMeanOne(rng, truth.eventShockShape);
        int left = offer.stock.value_or(0);
        for (int k = 0; k < days; ++k) {
            SalesRow row;
            row.day = start + k;
            row.product = offer.product;
            row.listPrice = truth.listPrice;
            row.unitCost = truth.unitCost;
            row.price = roundCents(truth.listPrice * (1.0 - offer.discount));
            row.discount = 1.0 - row.price / row.listPrice;
            row.featured = true;
            row.dayInEvent = k;
            row.event = event;
            row.eventShock = shock;
            row.expectedDemand =
                market.expectedDemand(offer.product, row.day, row.discount, true, k);
            row.demand =
                poisson(rng, row.expectedDemand * shock * gammaMeanOne(rng, truth.dispersion));
            // Without an allocation, more than the day's demand is on hand.
            row.stock = offer.stock ? left : row.demand + row.demand / 4 + 1;
            row.units = std::min(row.demand, row.stock);
            row.soldOut = row.units == row.stock;
            left = row.stock - row.units;
            rows.push_back(row);
        }
    }
    return rows;
}

void writeSaleCsv(const Market& market, const std::vector<SalesRow>& rows, const std::string& path)
{
    SalesCsvTable table = salesCsvTable(market);
    table.rowCount = static_cast<std::int64_t>(rows.size());
    table.forEachRow = [&rows](const std::function<bool(const SalesRow&)>& fn) {
        for (const SalesRow& row : rows)
            if (!fn(row))
                return;
    };
    writeSalesCsv(table, path);
}

} // namespace fp::synth
