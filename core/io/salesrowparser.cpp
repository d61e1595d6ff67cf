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

// What a numeric column may hold: beyond it a value is a typo or a unit mix-up (a price in
// micro-cents, units of 1e300), refused with its line rather than carried into every total.
struct SaneRange
{
    bool aboveZero = false;
    double minimum = 0;
    const char* minimumText = "0";
    double maximum = 1e9;
    const char* maximumText = "1000000000";
};

SaneRange saneRangeOf(SalesField field)
{
    switch (field) {
    case SalesField::Price:
    case SalesField::ListPrice: // above zero, and at least a hundredth of a cent
        return {true, 1e-4, "0.0001", 1e9, "1000000000"};
    case SalesField::Stock:
    case SalesField::Views:
        return {false, 0, "0", 1e12, "1000000000000"};
    default: // units, unit_cost
        return {};
    }
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

std::optional<Problem> SalesRowParser::number(const std::vector<std::string_view>& fields,
                                              SalesField field, std::optional<double>& out) const
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
    const SaneRange range = saneRangeOf(field);
    if (range.aboveZero && value <= 0)
        return rowProblem(col + 1, ProblemKind::MustBeAboveGot, {name, "0", cutForMessage(text)});
    if (value < range.minimum)
        return rowProblem(col + 1, ProblemKind::MustBeAtLeastGot,
                          {name, range.minimumText, cutForMessage(text)});
    if (value > range.maximum)
        return rowProblem(col + 1, ProblemKind::MustBeAtMostGot,
                          {name, range.maximumText, cutForMessage(text)});
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
    record.sku = trimSpaces(field(SalesField::Sku));
    if (record.sku.empty())
        return rowProblem(column(SalesField::Sku), ProblemKind::EmptySku);
    std::optional<double> number;
    for (const SalesField f : {SalesField::Units, SalesField::Price}) {
        if (auto problem = this->number(fields, f, number))
            return std::move(*problem);
        if (!number) // required: blank is not a number
            return rowProblem(column(f), ProblemKind::NotANumber,
                              {std::string(infoOf(f).canonical), cutForMessage(field(f))});
        (f == SalesField::Units ? record.units : record.price) = *number;
    }
    for (auto [f, out] :
         {std::pair{SalesField::ListPrice, &record.listPrice},
          std::pair{SalesField::UnitCost, &record.unitCost},
          std::pair{SalesField::Stock, &record.stock}, std::pair{SalesField::Views, &record.views}})
        if (auto problem = this->number(fields, f, *out))
            return std::move(*problem);

    auto text = [&](SalesField f) {
        return m_columns.has(f) ? trimSpaces(field(f)) : std::string_view();
    };
    record.name = text(SalesField::Name);
    record.category = text(SalesField::Category);
    record.event = text(SalesField::Event);
    return record;
}

} // namespace fp::io
