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

NumberStatus parseNumber(std::string_view text, DecimalMark mark, double& value)
{
    text = trim(text);
    if (text.empty())
        return NumberStatus::Empty;
    if (text.front() == '+') // sales data may sign its numbers
        text.remove_prefix(1);
    const std::optional<double> parsed = parseDecimal(text, mark);
    if (!parsed)
        return NumberStatus::Invalid;
    value = *parsed;
    return NumberStatus::Ok;
}

// A row's problem, in its column (1-based; 0 for the row as a whole): the import adds the place.
Problem rowProblem(int column, ProblemKind kind, std::vector<std::string> args = {})
{
    return Problem{{}, 0, column, kind, std::move(args)};
}

} // namespace

std::string cutForMessage(std::string_view text)
{
    constexpr size_t kMax = 40;
    return text.size() > kMax ? std::string(text.substr(0, kMax)) + "..." : std::string(text);
}

SalesRowParser::SalesRowParser(const ColumnMap& columns, std::size_t fieldCount,
                               DecimalMark decimalMark)
    : m_columns(columns), m_fieldCount(fieldCount), m_decimalMark(decimalMark)
{
}

std::optional<Problem> SalesRowParser::optionalNumber(const std::vector<std::string_view>& fields,
                                                      SalesField field, double minimum, bool strict,
                                                      std::optional<double>& out) const
{
    out.reset();
    const int col = m_columns[field];
    if (col < 0)
        return std::nullopt;
    const std::string_view text = fields[static_cast<size_t>(col)];
    double value = 0;
    const NumberStatus status = parseNumber(text, m_decimalMark, value);
    if (status == NumberStatus::Empty)
        return std::nullopt;
    const std::string name(infoOf(field).canonical);
    if (status == NumberStatus::Invalid)
        return rowProblem(col + 1, ProblemKind::NotANumber, {name, cutForMessage(text)});
    if (strict ? value <= minimum : value < minimum)
        return rowProblem(col + 1,
                          strict ? ProblemKind::MustBeAboveGot : ProblemKind::MustBeAtLeastGot,
                          {name, std::to_string(int(minimum)), cutForMessage(text)});
    out = value;
    return std::nullopt;
}

SalesRowParser::Result SalesRowParser::parse(const std::vector<std::string_view>& fields)
{
    if (fields.size() != m_fieldCount)
        return rowProblem(0, ProblemKind::WrongFieldCountAsInHeader,
                          {std::to_string(m_fieldCount), std::to_string(fields.size())});
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
            return rowProblem(column(SalesField::Date), ProblemKind::BadDateValue,
                              {cutForMessage(dateText)});
        record.day = *parsed;
        m_lastDateText.assign(dateText);
        m_lastDate = record.day;
    }
    record.sku = trim(field(SalesField::Sku));
    if (record.sku.empty())
        return rowProblem(column(SalesField::Sku), ProblemKind::EmptySku);
    const NumberStatus units = parseNumber(field(SalesField::Units), m_decimalMark, record.units);
    if (units != NumberStatus::Ok)
        return rowProblem(column(SalesField::Units), ProblemKind::NotANumber,
                          {"units", cutForMessage(field(SalesField::Units))});
    if (record.units < 0)
        return rowProblem(column(SalesField::Units), ProblemKind::MustBeAtLeastGot,
                          {"units", "0", cutForMessage(field(SalesField::Units))});
    const NumberStatus price = parseNumber(field(SalesField::Price), m_decimalMark, record.price);
    if (price != NumberStatus::Ok)
        return rowProblem(column(SalesField::Price), ProblemKind::NotANumber,
                          {"price", cutForMessage(field(SalesField::Price))});
    if (record.price <= 0)
        return rowProblem(column(SalesField::Price), ProblemKind::MustBeAboveGot,
                          {"price", "0", cutForMessage(field(SalesField::Price))});
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
