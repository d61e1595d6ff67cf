#include "io/salesrowparser.h"

#include <deque>
#include <gtest/gtest.h>

using namespace fp;
using fp::io::SalesRecord;
using fp::io::SalesRowParser;

namespace {

// Splits at commas (the tests' fields hold none); the strings live as long as the parser needs.
class Rows
{
public:
    explicit Rows(const std::string& header)
    {
        const std::vector<std::string_view> names = split(header);
        const io::HeaderMatch match = io::matchHeader(names);
        EXPECT_TRUE(match.problems.empty());
        m_parser.emplace(match.map, names.size());
    }

    SalesRowParser::Result parse(const std::string& row) { return m_parser->parse(split(row)); }

    SalesRecord record(const std::string& row)
    {
        SalesRowParser::Result result = parse(row);
        if (const Problem* p = std::get_if<Problem>(&result))
            ADD_FAILURE() << row << ": " << p->message();
        return std::holds_alternative<SalesRecord>(result) ? std::get<SalesRecord>(result)
                                                           : SalesRecord{};
    }

    Problem problem(const std::string& row)
    {
        SalesRowParser::Result result = parse(row);
        EXPECT_TRUE(std::holds_alternative<Problem>(result)) << row;
        return std::holds_alternative<Problem>(result) ? std::get<Problem>(result) : Problem{};
    }

private:
    std::vector<std::string_view> split(const std::string& text)
    {
        m_texts.push_back(text);
        const std::string& kept = m_texts.back();
        std::vector<std::string_view> fields;
        std::size_t at = 0;
        for (std::size_t comma; (comma = kept.find(',', at)) != std::string::npos; at = comma + 1)
            fields.emplace_back(kept.data() + at, comma - at);
        fields.emplace_back(kept.data() + at, kept.size() - at);
        return fields;
    }

    std::deque<std::string> m_texts;
    std::optional<SalesRowParser> m_parser;
};

} // namespace

TEST(SalesRowParser, ReadsEveryFieldTrimmed)
{
    Rows rows("date,sku,name,category,units,price,list_price,unit_cost,stock,views,event");
    const SalesRecord r =
        rows.record(" 2025-11-11 , A-1 , Tee ,tops, +3 ,9.5,12,4.25,10,250, 11.11 ");
    EXPECT_EQ(r.day, daysFromCivil(2025, 11, 11));
    EXPECT_EQ(r.sku, "A-1");
    EXPECT_EQ(r.name, "Tee");
    EXPECT_EQ(r.category, "tops");
    EXPECT_EQ(r.units, 3.0);
    EXPECT_EQ(r.price, 9.5);
    EXPECT_EQ(r.listPrice, 12.0);
    EXPECT_EQ(r.unitCost, 4.25);
    EXPECT_EQ(r.stock, 10.0);
    EXPECT_EQ(r.views, 250.0);
    EXPECT_EQ(r.event, "11.11");
}

TEST(SalesRowParser, AbsentAndBlankOptionalColumnsAreEmpty)
{
    Rows withOptional("date,sku,units,price,list_price,name");
    const SalesRecord blank = withOptional.record("2025-01-02,B,0,5, ,");
    EXPECT_FALSE(blank.listPrice.has_value());
    EXPECT_TRUE(blank.name.empty());

    Rows required("date,sku,units,price");
    const SalesRecord bare = required.record("2025-01-02,B,0,5");
    EXPECT_FALSE(bare.listPrice || bare.unitCost || bare.stock || bare.views);
    EXPECT_TRUE(bare.name.empty() && bare.category.empty() && bare.event.empty());
}

TEST(SalesRowParser, NamesTheFirstProblemAndItsColumn)
{
    Rows rows("date,sku,units,price,list_price,stock");
    using K = ProblemKind;
    struct Case
    {
        const char* row;
        int column;
        ProblemKind kind;
        const char* message;
    };
    for (const Case& c : {
             Case{"2025-13-01,A,1,5,,", 1, K::BadDateValue,
                  "date is not a valid YYYY-MM-DD date: '2025-13-01'"},
             Case{"2025-01-01, ,1,5,,", 2, K::EmptySku, "sku is empty"},
             Case{"2025-01-01,A,-1,5,,", 3, K::MustBeAtLeastGot, "units must be >= 0, got '-1'"},
             Case{"2025-01-01,A,x,5,,", 3, K::NotANumber, "units is not a number: 'x'"},
             Case{"2025-01-01,A,1,0,,", 4, K::MustBeAboveGot, "price must be > 0, got '0'"},
             Case{"2025-01-01,A,1,5e,,", 4, K::NotANumber, "price is not a number: '5e'"},
             Case{"2025-01-01,A,1,5,0,", 5, K::MustBeAboveGot, "list_price must be > 0, got '0'"},
             Case{"2025-01-01,A,1,5,,-2", 6, K::MustBeAtLeastGot, "stock must be >= 0, got '-2'"},
             // Issue 16, 2 and 6: every column has a sane range.
             Case{"2025-01-01,A,1e300,5,,", 3, K::MustBeAtMostGot,
                  "units must be <= 1000000000, got '1e300'"},
             Case{"2025-01-01,A,1,1e-320,,", 4, K::MustBeAtLeastGot,
                  "price must be >= 0.0001, got '1e-320'"},
             Case{"2025-01-01,A,1,2e9,,", 4, K::MustBeAtMostGot,
                  "price must be <= 1000000000, got '2e9'"},
             Case{"2025-01-01,A,1,5,0.00001,", 5, K::MustBeAtLeastGot,
                  "list_price must be >= 0.0001, got '0.00001'"},
             Case{"2025-01-01,A,1,5,,1e13", 6, K::MustBeAtMostGot,
                  "stock must be <= 1000000000000, got '1e13'"},
             Case{"2024-01-01Tgarbage,A,1,5,,", 1, K::BadDateValue,
                  "date is not a valid YYYY-MM-DD date: '2024-01-01Tgarbage'"},
             Case{"2025-01-01,A,x,0,,", 3, K::NotANumber,
                  "units is not a number: 'x'"}, // the first one only
             Case{"2025-01-01,A,1", 0, K::WrongFieldCountAsInHeader,
                  "expected 6 fields (as in the header), found 3"},
         }) {
        const Problem p = rows.problem(c.row);
        EXPECT_EQ(p.column, c.column) << c.row;
        EXPECT_EQ(p.kind, c.kind) << c.row;
        EXPECT_EQ(p.message(), c.message) << c.row;
    }
}

// Issue 16, 6: spaces around text are padding, a tab is content.
TEST(SalesRowParser, TextColumnsLoseTheirSpacesButKeepTheirTabs)
{
    Rows rows("date,sku,name,units,price");
    const std::string first = "2025-01-01, A-1 ,\t=1+1 ,1,5", second = "2025-01-01,B,  Tea\t,1, 5 ";
    const SalesRecord r = rows.record(first); // its texts are views into `first`
    EXPECT_EQ(r.sku, "A-1");
    EXPECT_EQ(r.name, "\t=1+1");
    EXPECT_EQ(rows.record(second).name, "Tea\t");
}

TEST(SalesRowParser, CutsLongTextInMessages)
{
    Rows rows("date,sku,units,price");
    const std::string longText(60, '9');
    EXPECT_EQ(rows.problem("2025-01-01,A,1," + longText + "x").message(),
              "price is not a number: '" + std::string(40, '9') + "...'");
}

TEST(SalesRowParser, ConsecutiveRowsOfOneDateAndThenAnotherEachGetTheirOwn)
{
    Rows rows("date,sku,units,price");
    EXPECT_EQ(rows.record("2025-01-01,A,1,5").day, daysFromCivil(2025, 1, 1));
    EXPECT_EQ(rows.record("2025-01-01,B,1,5").day, daysFromCivil(2025, 1, 1));
    EXPECT_EQ(rows.record("2025-01-02,A,1,5").day, daysFromCivil(2025, 1, 2));
    rows.problem("2025-02-30,A,1,5");
    EXPECT_EQ(rows.record("2025-01-02,B,1,5").day, daysFromCivil(2025, 1, 2));
}

TEST(SalesRowParser, AnEmptyDateIsAProblemOnTheFirstRowsToo)
{
    Rows rows("date,sku,units,price");
    EXPECT_EQ(rows.problem(" ,A,1,5").message(), "date is not a valid YYYY-MM-DD date: ''");
    EXPECT_EQ(rows.record("2025-01-01,A,1,5").day, daysFromCivil(2025, 1, 1));
    EXPECT_EQ(rows.problem(",A,1,5").message(), "date is not a valid YYYY-MM-DD date: ''");
}
