#include "base/text.h"

#include <gtest/gtest.h>

using namespace fp;

TEST(Trim, RemovesSpacesAndTabsAroundOnly)
{
    EXPECT_EQ(trim("  a b\t"), "a b");
    EXPECT_EQ(trim("\t \t"), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("x"), "x");
    EXPECT_EQ(trim(" line\nbreak "), "line\nbreak");
    EXPECT_EQ(trim("\nx\r"), "\nx\r"); // line breaks are content
}

TEST(ParseDouble, ReadsTheWholeTextAsAFiniteNumber)
{
    EXPECT_EQ(parseDouble("12.5"), 12.5);
    EXPECT_EQ(parseDouble("-0.25"), -0.25);
    EXPECT_EQ(parseDouble("1e3"), 1000.0);
    EXPECT_EQ(parseDouble("7"), 7.0);
    EXPECT_EQ(parseDouble(".5"), 0.5);
}

TEST(ParseDouble, RejectsAnythingElse)
{
    for (const char* text :
         {"", " 1", "1 ", "+1", "1.5x", "1,5", "abc", "inf", "nan", "-inf", "1e400", "--1", "0x10"})
        EXPECT_FALSE(parseDouble(text).has_value()) << text;
}

TEST(ParseInt, ReadsWholeNumbersInRange)
{
    EXPECT_EQ(parseInt("42"), 42);
    EXPECT_EQ(parseInt("-7"), -7);
    EXPECT_EQ(parseInt("2147483647"), 2147483647);
    for (const char* text : {"", "1.5", "+3", " 3", "3 ", "2147483648", "x"})
        EXPECT_FALSE(parseInt(text).has_value()) << text;
}

TEST(NeutralizeFormula, PrefixesTextStartingWithAFormulaCharacter)
{
    EXPECT_EQ(neutralizeFormula("=SUM(A1)"), "'=SUM(A1)");
    EXPECT_EQ(neutralizeFormula("+1"), "'+1");
    EXPECT_EQ(neutralizeFormula("-2"), "'-2");
    EXPECT_EQ(neutralizeFormula("@x"), "'@x");
    EXPECT_EQ(neutralizeFormula("\tx"), "'\tx");
    EXPECT_EQ(neutralizeFormula("\rx"), "'\rx");
}

TEST(NeutralizeFormula, LeavesOtherTextAlone)
{
    EXPECT_EQ(neutralizeFormula(""), "");
    EXPECT_EQ(neutralizeFormula("Tee"), "Tee");
    EXPECT_EQ(neutralizeFormula("a=b"), "a=b");
    EXPECT_EQ(neutralizeFormula(" =1"), " =1");
    EXPECT_EQ(neutralizeFormula("'quoted"), "'quoted");
}

TEST(CsvQuoted, QuotesOnlyFieldsWithACommaQuoteOrLineBreak)
{
    EXPECT_EQ(csvQuoted("plain text"), "plain text");
    EXPECT_EQ(csvQuoted(""), "");
    EXPECT_EQ(csvQuoted("a,b"), "\"a,b\"");
    EXPECT_EQ(csvQuoted("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csvQuoted("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvQuoted("cr\r"), "\"cr\r\"");
    EXPECT_EQ(csvQuoted("a;b\tc"), "a;b\tc");
}

TEST(CsvQuoted, KeepsFormulaTextForProgramsThatReadItBack)
{
    EXPECT_EQ(csvQuoted("=1+2"), "=1+2");
    EXPECT_EQ(csvQuoted("-5"), "-5");
}

TEST(SpreadsheetSafeCsvField, NeutralizesThenQuotes)
{
    EXPECT_EQ(spreadsheetSafeCsvField("=1+2"), "'=1+2");
    EXPECT_EQ(spreadsheetSafeCsvField("=A1,B1"), "\"'=A1,B1\"");
    EXPECT_EQ(spreadsheetSafeCsvField("\r"), "\"'\r\"");
    EXPECT_EQ(spreadsheetSafeCsvField("Tee \"V\""), "\"Tee \"\"V\"\"\"");
    EXPECT_EQ(spreadsheetSafeCsvField("A-1"), "A-1");
}
