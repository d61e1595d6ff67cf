#include "export/forecasttable.h"

#include "base/atomicfile.h"
#include "base/error.h"
#include "base/text.h"
#include "data/panel.h"
#include "model/modelstore.h"
#include "plan/deepestdiscounts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <ostream>
#include <span>
#include <unordered_map>

namespace fp::exports {

namespace {

// The periods of the sale window, as CampaignEvaluator forms them: its days, or for weekly data
// the weeks (the panel's weekly dates, which every product's continue) that overlap the window.
std::vector<DayNumber> windowPeriods(const data::Panel& panel, DayNumber start, int days)
{
    std::vector<DayNumber> out;
    for (DayNumber day = panel.dayOf(panel.periodOf(start)); day < start + days;
         day += panel.periodDays())
        out.push_back(day);
    return out;
}

// Units sold period by period while a window's stock lasts: the increments of
// E[min(demand of the first t periods, stock)].
void capByWindowStock(std::span<model::ForecastRow> rows, const model::TrainedModel& trained,
                      int category, double stock)
{
    std::vector<double> means;
    for (const model::ForecastRow& row : rows)
        means.push_back(row.forecast);
    double soldBefore = 0;
    for (size_t t = 0; t < rows.size(); ++t) {
        const model::NegBin upToNow = trained.noise.windowDemand(
            category, std::span(means.data(), t + 1), true, rows.front().extraVariance);
        const double sold = upToNow.expectedSales(stock);
        rows[t].forecast = std::max(0.0, sold - soldBefore);
        soldBefore = sold;
        rows[t].lower = std::min(rows[t].lower, static_cast<int>(stock));
        rows[t].upper = std::min(rows[t].upper, static_cast<int>(stock));
    }
}

std::string fixed4(double value)
{
    if (!std::isfinite(value))
        return "-"; // as the command line writes it
    char buffer[400];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 4);
    return std::string(buffer, result.ptr);
}

} // namespace

std::vector<model::ForecastRow> campaignForecast(const data::Panel& panel,
                                                 const model::TrainedModel& trained,
                                                 const plan::Campaign& campaign,
                                                 const std::vector<double>& discounts)
{
    const std::vector<plan::CampaignProduct>& products = campaign.products;
    if (discounts.size() != products.size())
        throw internalError("the plan has " + std::to_string(discounts.size()) + " discounts for " +
                            std::to_string(products.size()) + " products");
    // forecastPeriods() wants the periods sorted by product: forecast in that order, then put
    // the rows back in campaign order.
    std::vector<size_t> order(products.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return products[a].product < products[b].product; });
    std::vector<data::ScenarioPeriod> periods;
    std::vector<size_t> firstRow(products.size()), rowCount(products.size());
    for (const size_t item : order) {
        const plan::CampaignProduct& cp = products[item];
        const auto discount = static_cast<float>(std::clamp(discounts[item], 0.0, 0.95));
        firstRow[item] = periods.size();
        for (const DayNumber day : windowPeriods(panel, campaign.start, campaign.days))
            periods.push_back(
                {cp.product, day, discount, true, std::nanf(""), static_cast<float>(cp.listPrice)});
        rowCount[item] = periods.size() - firstRow[item];
    }
    std::vector<model::ForecastRow> sorted = model::forecastPeriods(panel, trained, periods);

    std::vector<model::ForecastRow> rows;
    rows.reserve(sorted.size());
    for (size_t item = 0; item < products.size(); ++item) {
        const std::span<model::ForecastRow> own(sorted.data() + firstRow[item], rowCount[item]);
        if (const std::optional<double>& stock = products[item].stock) {
            const int category =
                panel.products()[static_cast<size_t>(products[item].product)].category;
            capByWindowStock(own, trained, category, *stock);
        }
        rows.insert(rows.end(), own.begin(), own.end());
    }
    return rows;
}

void writeForecastCsv(const data::Panel& panel, const std::vector<model::ForecastRow>& rows,
                      const std::vector<plan::RowFlags>& flags, const std::string& path,
                      const ProgressFn& progress)
{
    constexpr size_t kRowsPerReport = 4096;
    if (flags.size() != rows.size())
        throw internalError("the forecast has " + std::to_string(flags.size()) + " flags for " +
                            std::to_string(rows.size()) + " rows");
    AtomicFile file(path);
    std::ostream& out = file.stream();
    out << "date,sku,forecast,lower,upper,flags\n";
    const auto total = std::int64_t(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        if (i % kRowsPerReport == 0)
            reportProgressOrCancel(progress, std::int64_t(i), total);
        const model::ForecastRow& r = rows[i];
        out << formatIsoDate(r.day) << ','
            << spreadsheetSafeCsvField(panel.products()[static_cast<size_t>(r.product)].sku) << ','
            << fixed4(r.forecast) << ',' << r.lower << ',' << r.upper << ',' << flags[i].text()
            << '\n';
    }
    reportProgressOrCancel(progress, total, total);
    file.commit();
}

void writeForecastCsv(const data::Panel& panel, const model::TrainedModel& trained,
                      const plan::Campaign& campaign, const std::vector<double>& discounts,
                      const std::string& path, const ProgressFn& progress)
{
    const std::vector<model::ForecastRow> rows =
        campaignForecast(panel, trained, campaign, discounts);
    // campaignForecast() checked the discounts; a product is in a campaign once.
    std::unordered_map<int, double> discountOf;
    for (size_t i = 0; i < campaign.products.size(); ++i)
        discountOf.emplace(campaign.products[i].product, discounts[i]);
    const plan::DeepestDiscounts deepest(panel);
    std::vector<plan::RowFlags> flags;
    flags.reserve(rows.size());
    for (const model::ForecastRow& r : rows) {
        flags.push_back(deepest.flagsAt(r.product, discountOf.at(r.product)));
        if (trained.coldStart.placementOf(panel.products()[static_cast<size_t>(r.product)].id))
            flags.back().set(plan::RowFlag::ColdStart);
    }
    writeForecastCsv(panel, rows, flags, path, progress);
}

} // namespace fp::exports
