#include "io/columnmap.h"

#include <cctype>

namespace fp::io {

const std::array<SalesFieldInfo, kSalesFieldCount>& salesFields()
{
    static const std::array<SalesFieldInfo, kSalesFieldCount> fields = {{
        {SalesField::Date, "date", true, {"day", "order_date"}},
        {SalesField::Sku, "sku", true, {"product_id", "item_id", "upc"}},
        {SalesField::Units, "units", true, {"qty", "quantity", "sales_units"}},
        {SalesField::Price, "price", true, {"unit_price", "sale_price"}},
        {SalesField::ListPrice, "list_price", false, {"base_price", "regular_price", "msrp"}},
        {SalesField::Name, "name", false, {"product_name", "title"}},
        {SalesField::Category, "category", false, {"product_category", "dept"}},
        {SalesField::UnitCost, "unit_cost", false, {"cost"}},
        {SalesField::Stock, "stock", false, {"inventory", "on_hand"}},
        {SalesField::Views, "views", false, {"visits", "sessions"}},
        {SalesField::Event, "event", false, {"promo", "campaign"}},
    }};
    return fields;
}

const SalesFieldInfo& infoOf(SalesField field)
{
    return salesFields()[static_cast<size_t>(field)];
}

std::string normalizeHeader(std::string_view name)
{
    size_t b = 0, e = name.size();
    while (b < e && std::isspace(static_cast<unsigned char>(name[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(name[e - 1])))
        --e;
    std::string out;
    out.reserve(e - b);
    for (size_t i = b; i < e; ++i)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
    return out;
}

HeaderMatch matchHeader(const std::vector<std::string_view>& header)
{
    HeaderMatch result;
    for (int col = 0; col < static_cast<int>(header.size()); ++col) {
        const std::string name = normalizeHeader(header[static_cast<size_t>(col)]);
        bool matched = false;
        for (const SalesFieldInfo& info : salesFields()) {
            bool hit = name == info.canonical;
            for (std::string_view synonym : info.synonyms)
                hit = hit || name == synonym;
            if (!hit)
                continue;
            matched = true;
            const int previous = result.map[info.field];
            if (previous >= 0) {
                result.problems.push_back({{},
                                           1,
                                           col + 1,
                                           ProblemKind::ColumnsGiveOneField,
                                           {std::to_string(previous + 1), std::to_string(col + 1),
                                            std::string(info.canonical)}});
            } else {
                result.map[info.field] = col;
            }
            break;
        }
        if (!matched)
            result.ignoredColumns.push_back(col);
    }
    for (const SalesFieldInfo& info : salesFields()) {
        if (!info.required || result.map.has(info.field))
            continue;
        std::string accepted = "'" + std::string(info.canonical) + "'";
        for (std::string_view synonym : info.synonyms)
            accepted.append(", '").append(synonym).append("'");
        result.problems.push_back({{},
                                   1,
                                   0,
                                   ProblemKind::MissingColumnWithNames,
                                   {std::string(info.canonical), accepted}});
    }
    return result;
}

} // namespace fp::io
