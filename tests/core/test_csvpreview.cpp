#include "io/csvpreview.h"
#include "support/tempdir.h"

#include <gtest/gtest.h>
#include <sstream>
#include <streambuf>

using namespace fp::io;
using fp::test::TempDir;

namespace {

CsvPreview previewText(const std::string& text, int maxRows = 50, char delimiter = 0)
{
    std::istringstream in(text);
    return previewCsv(in, "sales.csv", maxRows, delimiter);
}

// An endless daily sales file: row after row, never an end. Counts the bytes handed out.
class EndlessSales final : public std::streambuf
{
public:
    std::int64_t served = 0;

protected:
    int_type underflow() override
    {
        if (m_header) {
            m_line = "date,sku,units,price\n";
            m_header = false;
        } else {
            const int day = 1 + m_row % 28;
            m_line = "2025-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day) +
                     ",A-1,3,9.5\n";
            ++m_row;
        }
        served += static_cast<std::int64_t>(m_line.size());
        setg(m_line.data(), m_line.data(), m_line.data() + m_line.size());
        return traits_type::to_int_type(m_line[0]);
    }

private:
    std::string m_line;
    bool m_header = true;
    int m_row = 0;
};

} // namespace

TEST(CsvPreview, HeaderFirstRowsAndSuggestedMapping)
{
    const CsvPreview p = previewText("date,sku,Qty,price,extra\n"
                                     "2025-01-01,A,1,9.5,x\n"
                                     "2025-01-01,B,2,4.0,y\n");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.header, (std::vector<std::string>{"date", "sku", "Qty", "price", "extra"}));
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.rows[1], (std::vector<std::string>{"2025-01-01", "B", "2", "4.0", "y"}));
    EXPECT_EQ(p.lines, (std::vector<std::int64_t>{2, 3}));
    EXPECT_FALSE(p.moreRows);
    EXPECT_EQ(p.match.map[SalesField::Units], 2);
    EXPECT_EQ(p.match.map[SalesField::Price], 3);
    EXPECT_FALSE(p.match.map.has(SalesField::ListPrice));
    EXPECT_EQ(p.match.ignoredColumns, std::vector<int>{4});
    EXPECT_TRUE(p.match.problems.empty());
}

TEST(CsvPreview, StopsAfterMaxRowsAndSaysMoreFollow)
{
    std::string text = "date,sku,units,price\n";
    for (int i = 0; i < 100; ++i)
        text += "2025-01-01,S" + std::to_string(i) + ",1,2\n";
    const CsvPreview p = previewText(text, 10);
    EXPECT_EQ(p.rows.size(), 10u);
    EXPECT_TRUE(p.moreRows);
    EXPECT_EQ(p.rows[9][1], "S9");
}

TEST(CsvPreview, ExactlyMaxRowsHasNoMore)
{
    const CsvPreview p = previewText("date,sku,units,price\n2025-01-01,A,1,2\n", 1);
    EXPECT_EQ(p.rows.size(), 1u);
    EXPECT_FALSE(p.moreRows);
}

TEST(CsvPreview, ReadsOnlyTheBeginningOfAnEndlessFile)
{
    EndlessSales source;
    std::istream in(&source);
    const CsvPreview p = previewCsv(in, "endless.csv", 50);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.rows.size(), 50u);
    EXPECT_TRUE(p.moreRows);
    EXPECT_LT(source.served, std::int64_t(8) << 20); // a read buffer or two, not the file
    EXPECT_EQ(p.period.days, 1);
}

TEST(CsvPreview, DetectsSemicolonAndTab)
{
    EXPECT_EQ(previewText("date;sku;units;price\n2025-01-01;A;1;2,5\n").delimiter, ';');
    const CsvPreview tab = previewText("date\tsku\tunits\tprice\n2025-01-01\tA\t1\t2\n");
    EXPECT_EQ(tab.delimiter, '\t');
    EXPECT_TRUE(tab.delimiterDetected);
    EXPECT_EQ(tab.rows[0].size(), 4u);
}

TEST(CsvPreview, AChosenDelimiterOverridesDetection)
{
    const CsvPreview p = previewText("date;sku;units;price\n2025-01-01;A;1;2\n", 50, ',');
    EXPECT_EQ(p.delimiter, ',');
    EXPECT_FALSE(p.delimiterDetected);
    EXPECT_EQ(p.header.size(), 1u);
    EXPECT_FALSE(p.match.map.has(SalesField::Units));
}

TEST(CsvPreview, ByteOrderMarkIsReportedAndStripped)
{
    const CsvPreview p = previewText("\xEF\xBB\xBF"
                                     "date,sku,units,price\n2025-01-01,A,1,2\n");
    EXPECT_TRUE(p.byteOrderMark);
    EXPECT_EQ(p.header[0], "date");
    EXPECT_EQ(p.match.map[SalesField::Date], 0);
    EXPECT_FALSE(previewText("date,sku,units,price\n2025-01-01,A,1,2\n").byteOrderMark);
}

TEST(CsvPreview, QuotedFieldsAreUnquoted)
{
    const CsvPreview p =
        previewText("date,sku,name,units,price\n2025-01-01,A,\"Runner, \"\"X\"\"\",1,2\n");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.rows[0][2], "Runner, \"X\"");
}

TEST(CsvPreview, MissingRequiredColumnsAreGapsNotProblems)
{
    const CsvPreview p = previewText("Tag,Artikel,Menge,Preis\n2025-01-01,A,1,2\n");
    EXPECT_TRUE(p.ok()); // the user can map them by hand
    EXPECT_EQ(p.match.problems.size(), 4u);
    EXPECT_FALSE(p.match.map.has(SalesField::Date));
}

TEST(CsvPreview, EmptyFileIsAProblem)
{
    const CsvPreview p = previewText("");
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_NE(p.problems[0].message().find("empty"), std::string::npos);
    EXPECT_EQ(p.problems[0].file, "sales.csv");
}

TEST(CsvPreview, HeaderWithoutRowsIsAProblem)
{
    const CsvPreview p = previewText("date,sku,units,price\n");
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_NE(p.problems[0].message().find("no data rows"), std::string::npos);
    EXPECT_EQ(p.header.size(), 4u);
}

TEST(CsvPreview, BinaryFileIsAProblem)
{
    std::string bytes = "PK\x03\x04";
    bytes += std::string(20, '\0');
    const CsvPreview p = previewText(bytes);
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_NE(p.problems[0].message().find("binary"), std::string::npos);
}

TEST(CsvPreview, UnclosedQuoteInTheFirstRowsIsAProblemWithItsLine)
{
    const CsvPreview p =
        previewText("date,sku,units,price\n2025-01-01,A,1,2\n2025-01-02,\"B,1,2\n");
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_EQ(p.problems[0].line, 3);
}

TEST(CsvPreview, AProblemAfterThePreviewIsLeftToTheImport)
{
    const CsvPreview p =
        previewText("date,sku,units,price\n2025-01-01,A,1,2\n2025-01-02,\"B,1,2\n", 1);
    EXPECT_TRUE(p.ok());
    EXPECT_TRUE(p.moreRows);
}

TEST(CsvPreview, UnreadableFileAndFolderAreProblems)
{
    TempDir dir;
    const CsvPreview missing = previewCsv(dir.file("nope.csv"));
    ASSERT_EQ(missing.problems.size(), 1u);
    EXPECT_NE(missing.problems[0].message().find("cannot open"), std::string::npos);
    const CsvPreview folder = previewCsv(dir.path().string());
    ASSERT_EQ(folder.problems.size(), 1u);
    EXPECT_NE(folder.problems[0].message().find("folder"), std::string::npos);
}

TEST(CsvPreview, ReadsAFileFromItsPath)
{
    TempDir dir;
    const std::string path = dir.write("s.csv", "date,sku,units,price\n2025-01-01,A,1,2\n");
    const CsvPreview p = previewCsv(path);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p.rows.size(), 1u);
}

TEST(CsvPreview, VeryLongCellsAreCutForDisplay)
{
    const CsvPreview p =
        previewText("date,sku,name,units,price\n2025-01-01,A," + std::string(5000, 'n') + ",1,2\n");
    ASSERT_TRUE(p.ok());
    EXPECT_LT(p.rows[0][2].size(), 1100u);
    EXPECT_EQ(p.rows[0][3], "1");
}

TEST(GuessPeriod, DailyWhenAProductHasDatesOneDayApart)
{
    const CsvPreview p = previewText("date,sku,units,price\n"
                                     "2025-01-01,A,1,2\n2025-01-01,B,1,2\n"
                                     "2025-01-02,A,1,2\n2025-01-02,B,1,2\n");
    EXPECT_EQ(p.period.days, 1);
    EXPECT_EQ(p.period.rowsUsed, 4);
    EXPECT_EQ(p.period.productsCompared, 2);
}

TEST(GuessPeriod, WeeklyWhenEveryProductsDatesAreSevenDaysApart)
{
    const CsvPreview p = previewText("sku,date,units,price\n"
                                     "A,2025-01-06,1,2\nA,2025-01-13,1,2\nA,2025-01-27,1,2\n"
                                     "B,2025-01-07,1,2\nB,2025-01-14,1,2\n");
    EXPECT_EQ(p.period.days, 7);
    EXPECT_EQ(p.period.productsCompared, 2);
}

TEST(GuessPeriod, OneProductWithAnOddGapMakesItDaily)
{
    const CsvPreview p = previewText("date,sku,units,price\n"
                                     "2025-01-06,A,1,2\n2025-01-13,A,1,2\n"
                                     "2025-01-06,B,1,2\n2025-01-09,B,1,2\n");
    EXPECT_EQ(p.period.days, 1);
}

TEST(GuessPeriod, UnknownWhenNoProductHasTwoDatesInTheRows)
{
    // A file sorted by date with many products: the first rows all share one day.
    const CsvPreview p = previewText("date,sku,units,price\n"
                                     "2025-01-01,A,1,2\n2025-01-01,B,1,2\n2025-01-01,C,1,2\n");
    EXPECT_EQ(p.period.days, 0);
    EXPECT_EQ(p.period.rowsUsed, 3);
    EXPECT_EQ(p.period.productsCompared, 0);
}

TEST(GuessPeriod, UsesTheMappingItIsGivenAndSkipsUnreadableDates)
{
    const std::vector<std::vector<std::string>> rows = {
        {"X", "2025-03-01"}, {"X", "2025-03-08"}, {"X", "not a date"}, {"Y"}};
    ColumnMap map;
    map[SalesField::Sku] = 0;
    map[SalesField::Date] = 1;
    const PeriodGuess guess = guessPeriod(rows, map);
    EXPECT_EQ(guess.days, 7);
    EXPECT_EQ(guess.rowsUsed, 2);
    EXPECT_EQ(guessPeriod(rows, ColumnMap{}).days, 0); // nothing mapped: cannot tell
}
