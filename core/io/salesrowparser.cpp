#include "io/salesrowparser.h"

#include "base/text.h"

namespace fp::io {

namespace {

enum class NumberStatus
{
    Ok,
    Empty,
    Invalid
};

NumberStatus parseNumber(std::string_view text, double& value)
{
    text = trim(text);
    if (text.empty())
        return NumberStatus::Empty;
    if (text.front() == '+') // sales data may sign its numbers
        text.remove_prefix(1);
    const std::optional<double> parsed = parseDouble(text);
    if (!parsed)
        return NumberStatus::Invalid;
    value = *parsed;
    return NumberStatus::Ok;
}

} // namespace

std::string quoteForMessage(std::string_view text)
{
    constexpr size_t kMax = 40;
    std::string out = "'";
    out += text.size() > kMax ? std::string(text.substr(0, kMax)) + "..." : std::string(text);
    return out + "'";
}

SalesRowParser::SalesRowParser(const ColumnMap& columns, std::size_t fieldCount)
    : m_columns(columns), m_fieldCount(fieldCount)
{
}

std::optional<RowProblem>
SalesRowParser::optionalNumber(const std::vector<std::string_view>& fields, SalesField field,
                               double minimum, bool strict, std::optional<double>& out) const
{
    out.reset();
    const int col = m_columns[field];
    if (col < 0)
        return std::nullopt;
    const std::string_view text = fields[static_cast<size_t>(col)];
    double value = 0;
    const NumberStatus status = parseNumber(text, value);
    if (status == NumberStatus::Empty)
        return std::nullopt;
    const std::string name(infoOf(field).canonical);
    if (status == NumberStatus::Invalid)
        return RowProblem{col + 1, name + " is not a number: " + quoteForMessage(text)};
    if (strict ? value <= minimum : value < minimum)
        return RowProblem{col + 1, name + (strict ? " must be > " : " must be >= ") +
                                       std::to_string(int(minimum)) + ", got " +
                                       quoteForMessage(text)};
    out = value;
    return std::nullopt;
}

SalesRowParser::Result SalesRowParser::parse(const std::vector<std::string_view>& fields)
{
    if (fields.size() != m_fieldCount)
        return RowProblem{0, "expected " + std::to_string(m_fieldCount) +
                                 " fields (as in the header), found " +
                                 std::to_string(fields.size())};
    auto field = [&](SalesField f) {
        return fields[static_cast<size_t>(m_columns[f])];
    };
    auto column = [&](SalesField f) {
        return m_columns[f] + 1;
    };
    SalesRecord record;

    const std::string_view dateText = trim(field(SalesField::Date));
    record.day = m_lastDate;
    if (m_lastDateText.empty() || dateText != m_lastDateText) { // empty: nothing parsed yet
        const auto parsed = parseIsoDate(dateText);
        if (!parsed)
            return RowProblem{column(SalesField::Date),
                              "date is not a valid YYYY-MM-DD date: " + quoteForMessage(dateText)};
        record.day = *parsed;
        m_lastDateText.assign(dateText);
        m_lastDate = record.day;
    }
    record.sku = trim(field(SalesField::Sku));
    if (record.sku.empty())
        return RowProblem{column(SalesField::Sku), "sku is empty"};
    const NumberStatus units = parseNumber(field(SalesField::Units), record.units);
    if (units != NumberStatus::Ok || record.units < 0)
        return RowProblem{
            column(SalesField::Units),
            units == NumberStatus::Ok
                ? "units must be >= 0, got " + quoteForMessage(field(SalesField::Units))
                : "units is not a number: " + quoteForMessage(field(SalesField::Units))};
    const NumberStatus price = parseNumber(field(SalesField::Price), record.price);
    if (price != NumberStatus::Ok || record.price <= 0)
        return RowProblem{
            column(SalesField::Price),
            price == NumberStatus::Ok
                ? "price must be > 0, got " + quoteForMessage(field(SalesField::Price))
                : "price is not a number: " + quoteForMessage(field(SalesField::Price))};
    if (auto problem = optionalNumber(fields, SalesField::ListPrice, 0, true, record.listPrice))
        return std::move(*problem);
    if (auto problem = optionalNumber(fields, SalesField::UnitCost, 0, false, record.unitCost))
        return std::move(*problem);
    if (auto problem = optionalNumber(fields, SalesField::Stock, 0, false, record.stock))
        return std::move(*problem);
    if (auto problem = optionalNumber(fields, SalesField::Views, 0, false, record.views))
        return std::move(*problem);

    auto text = [&](SalesField f) {
        return m_columns.has(f) ? trim(field(f)) : std::string_view();
    };
    record.name = text(SalesField::Name);
    record.category = text(SalesField::Category);
    record.event = text(SalesField::Event);
    return record;
}

} // namespace fp::io
