#include "synth/scannermarket.h"

#include "base/error.h"
#include "model/negbin.h"
#include "synth/random.h"
#include "synth/scannercatalogue.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace fp::synth {

namespace {

constexpr double kTightShare = 0.25; // promotion weeks stocked below their demand

bool inUnitInterval(double x)
{
    return x >= 0.0 && x <= 1.0;
}

} // namespace

ScannerMarket::ScannerMarket(const ScannerConfig& config) : m_config(config)
{
    if (config.products < 1 || config.weeks < 1 || config.lastEntryWeeks < 1)
        throw internalError(
            "scanner market: products, weeks and lastEntryWeeks must be at least 1");
    if (!inUnitInterval(config.lateEntryShare) || !inUnitInterval(config.lastWeeksEntryShare) ||
        !inUnitInterval(config.denseShare) || !inUnitInterval(config.featuredShare) ||
        !inUnitInterval(config.saturatingShare) || !(config.promotionsPerYear >= 0.0))
        throw internalError("scanner market: shares must be 0..1 and rates >= 0");
    if (!(config.maxHistoryDiscount >= 0.1 && config.maxHistoryDiscount <= 0.95))
        throw internalError("scanner market: maxHistoryDiscount must be 0.1..0.95");
    m_middleWeek = 0.5 * (config.weeks - 1);
    m_products = makeScannerProducts(config);
    buildPlans();
    for (int w = 0; w < config.weeks; ++w)
        m_adIds.push_back(adId(w));
}

void ScannerMarket::buildPlans()
{
    for (std::size_t p = 0; p < m_products.size(); ++p) {
        m_listPrices.push_back(makeListPrices(m_config, m_products[p], static_cast<int>(p)));
        m_promotions.push_back(makePromotions(m_config, m_products[p], static_cast<int>(p)));
    }
}

int ScannerMarket::weekOf(DayNumber day) const
{
    const DayNumber offset = day - m_config.firstDay;
    return static_cast<int>(offset >= 0 ? offset / 7 : -((-offset + 6) / 7));
}

std::int64_t ScannerMarket::rowCount() const
{
    std::int64_t rows = 0;
    for (const ScannerProduct& t : m_products)
        rows += std::max(0, m_config.weeks - t.entryWeek);
    return rows;
}

double ScannerMarket::seasonFactor(int p, int week) const
{
    const ScannerProduct& t = m_products[p];
    const DayNumber middle = weekStart(week) + 3;
    const double years = static_cast<double>(middle - daysFromCivil(2000, 1, 1)) / 365.2425;
    return std::exp(t.seasonAmplitude *
                    std::cos(2.0 * std::numbers::pi * (years - t.seasonPeak / 365.2425)));
}

double ScannerMarket::trendFactor(int p, int week) const
{
    return std::exp(m_products[p].trendPerYear * (week - m_middleWeek) * 7.0 / 365.25);
}

double ScannerMarket::listPriceAt(int p, int week) const
{
    const std::vector<ListPriceChange>& path = m_listPrices[p];
    auto it = std::upper_bound(path.begin(), path.end(), week,
                               [](int w, const ListPriceChange& c) { return w < c.week; });
    return it == path.begin() ? path.front().price : std::prev(it)->price;
}

double ScannerMarket::baselineDemand(int p, int week) const
{
    return m_products[p].baseLevel * seasonFactor(p, week) * trendFactor(p, week);
}

double ScannerMarket::expectedDemand(int p, int week, double discount, bool featured,
                                     double listPrice) const
{
    const ScannerProduct& t = m_products[p];
    const double level = std::pow(listPrice / t.firstListPrice, -t.priceElasticity);
    const double feature = featured ? 1.0 + t.featureLift : 1.0;
    return baselineDemand(p, week) * level * t.response.multiplier(discount) * feature;
}

double ScannerMarket::expectedDemand(int p, int week, double discount, bool featured) const
{
    return expectedDemand(p, week, discount, featured, listPriceAt(p, week));
}

double ScannerMarket::expectedSales(int p, int week, double discount, bool featured,
                                    double stock) const
{
    const double mu = expectedDemand(p, week, discount, featured);
    if (!std::isfinite(stock))
        return mu;
    return model::NegBin(mu, m_products[p].dispersion).expectedSales(stock);
}

const ScannerPromotion* ScannerMarket::promotionAt(int p, int week) const
{
    const std::vector<ScannerPromotion>& plan = m_promotions[p];
    auto it = std::upper_bound(plan.begin(), plan.end(), week,
                               [](int w, const ScannerPromotion& e) { return w < e.startWeek; });
    if (it == plan.begin())
        return nullptr;
    const ScannerPromotion& promo = *std::prev(it);
    return week < promo.startWeek + promo.weeks ? &promo : nullptr;
}

std::string ScannerMarket::adId(int week) const
{
    char date[10];
    formatIsoDate(weekStart(week), date);
    return "AD-" + std::string(date, 10);
}

double ScannerMarket::promotionPrice(int p, int week, double discount) const
{
    // Rounded to cents, but never deeper than the nominal discount (the history's cap holds).
    const double list = listPriceAt(p, week);
    double price = std::max(0.01, roundCents(list * (1.0 - discount)));
    if (1.0 - price / list > discount + 1e-9)
        price += 0.01;
    return price;
}

void ScannerMarket::forEachRow(const std::function<bool(const SalesRow&)>& fn) const
{
    SalesRow row;
    for (int w = 0; w < m_config.weeks; ++w) {
        for (int p = 0; p < static_cast<int>(m_products.size()); ++p) {
            const ScannerProduct& t = m_products[p];
            if (w < t.entryWeek)
                continue;
            const ScannerPromotion* promo = promotionAt(p, w);
            row = SalesRow();
            row.day = weekStart(w);
            row.product = p;
            row.listPrice = listPriceAt(p, w);
            row.unitCost = t.unitCost;
            row.price = promo ? promotionPrice(p, w, promo->discount) : row.listPrice;
            row.discount = 1.0 - row.price / row.listPrice;
            row.featured = promo && promo->featured;
            if (row.featured)
                row.event = m_adIds[static_cast<std::size_t>(w)];
            row.expectedDemand = expectedDemand(p, w, row.discount, row.featured, row.listPrice);

            SplitMix64 rng(streamKey(m_config.seed, kTagDay, p, w));
            row.demand = poisson(rng, row.expectedDemand * gammaMeanOne(rng, t.dispersion));
            row.units = row.demand;
            if (m_config.stockLimits) {
                const bool tight = promo && uniform01(rng) < kTightShare;
                const double cover = tight ? uniform(rng, 0.5, 0.95) : uniform(rng, 1.6, 3.0);
                row.stock = tight ? std::max(1, static_cast<int>(row.expectedDemand * cover))
                                  : static_cast<int>(std::ceil(row.expectedDemand * cover)) +
                                        uniformInt(rng, 2, 10);
                row.units = std::min(row.demand, row.stock);
                row.soldOut = row.units == row.stock;
            }
            if (!fn(row))
                return;
        }
    }
}

} // namespace fp::synth
