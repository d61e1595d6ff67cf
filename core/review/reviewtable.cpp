#include "review/reviewtable.h"

#include "base/atomicfile.h"
#include "base/text.h"

#include <charconv>
#include <cmath>
#include <ostream>

namespace fp::review {

namespace {

std::string fixed(std::optional<double> value, int decimals)
{
    if (!value || !std::isfinite(*value))
        return {};
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(*value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // no "-0.00"
    char buffer[64];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, decimals);
    return std::string(buffer, result.ptr);
}

} // namespace

void writeReviewCsv(const SaleReview& review, const std::string& path)
{
    writeFileAtomically(path, [&](std::ostream& out) {
        out << "sku,name,planned_discount,charged_discount,expected_units,units_low,units_high,"
               "actual_units,sold_out,expected_revenue,actual_revenue,expected_profit,"
               "actual_profit,within_interval,expected_units_at_charged_price\n";
        for (const ProductReview& r : review.rows)
            out << spreadsheetSafeCsvField(r.sku) << ',' << spreadsheetSafeCsvField(r.name) << ','
                << fixed(r.plannedDiscount, 4) << ',' << fixed(r.chargedDiscount, 4) << ','
                << fixed(r.expectedUnits, 2) << ',' << fixed(r.unitsLow, 2) << ','
                << fixed(r.unitsHigh, 2) << ',' << fixed(r.actualUnits, 2) << ','
                << (r.soldOutOn ? formatIsoDate(*r.soldOutOn) : std::string()) << ','
                << fixed(r.expectedRevenue, 2) << ',' << fixed(r.actualRevenue, 2) << ','
                << fixed(r.expectedProfit, 2) << ',' << fixed(r.actualProfit, 2) << ','
                << (r.withinInterval ? '1' : '0') << ',' << fixed(r.expectedUnitsAtChargedPrice, 2)
                << '\n';
    });
}

} // namespace fp::review
