#include "io/csvreader.h"

#include <gtest/gtest.h>
#include <sstream>

using fp::io::CsvReader;

namespace {

std::vector<std::vector<std::string>> readAll(const std::string& text, char delimiter = 0,
                                              std::vector<std::int64_t>* lines = nullptr)
{
    std::istringstream in(text);
    CsvReader reader(in, delimiter);
    CsvReader::Record record;
    std::vector<std::vector<std::string>> rows;
    while (reader.next(record)) {
        rows.emplace_back(record.fields.begin(), record.fields.end());
        if (lines)
            lines->push_back(record.line);
    }
    EXPECT_FALSE(reader.error().has_value()) << reader.error()->message();
    return rows;
}

using Rows = std::vector<std::vector<std::string>>;

} // namespace

TEST(CsvReader, ReadsPlainRecords)
{
    EXPECT_EQ(readAll("a,b,c\n1,2,3\n"), (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(CsvReader, QuotedFieldsKeepDelimitersNewlinesAndEscapedQuotes)
{
    std::vector<std::int64_t> lines;
    const Rows rows =
        readAll("name,x\n\"Shoe, \"\"Trail\"\" 2\",1\n\"two\nlines\",2\nlast,3\n", 0, &lines);
    EXPECT_EQ(
        rows,
        (Rows{{"name", "x"}, {"Shoe, \"Trail\" 2", "1"}, {"two\nlines", "2"}, {"last", "3"}}));
    // The record after a quoted newline starts on physical line 5.
    EXPECT_EQ(lines, (std::vector<std::int64_t>{1, 2, 3, 5}));
}

TEST(CsvReader, EmptyFieldsAndEmptyQuotedFields)
{
    EXPECT_EQ(readAll("a,,\"\"\n,,\n"), (Rows{{"a", "", ""}, {"", "", ""}}));
}

TEST(CsvReader, CrLfLoneCrAndMissingFinalNewline)
{
    EXPECT_EQ(readAll("a,b\r\n1,2\r\n3,4"), (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(readAll("a,b\r1,2\r"), (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReader, SkipsBlankLinesButCountsThem)
{
    std::vector<std::int64_t> lines;
    EXPECT_EQ(readAll("a\n\n\nb\n", 0, &lines), (Rows{{"a"}, {"b"}}));
    EXPECT_EQ(lines, (std::vector<std::int64_t>{1, 4}));
}

TEST(CsvReader, StripsUtf8ByteOrderMark)
{
    std::istringstream in("\xEF\xBB\xBF"
                          "date;sku\n2025-01-01;A\n");
    CsvReader reader(in);
    CsvReader::Record record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_TRUE(reader.hadByteOrderMark());
    EXPECT_EQ(record.fields[0], "date");
    EXPECT_EQ(reader.delimiter(), ';');
}

TEST(DetectDelimiter, CommaSemicolonTab)
{
    EXPECT_EQ(fp::io::detectDelimiter("date,sku,units"), ',');
    EXPECT_EQ(fp::io::detectDelimiter("date;sku;units"), ';');
    EXPECT_EQ(fp::io::detectDelimiter("date\tsku\tunits"), '\t');
    EXPECT_EQ(fp::io::detectDelimiter("\"a;b\",c,d"), ','); // quoted separators do not count
    EXPECT_EQ(fp::io::detectDelimiter("single"), ',');
}

TEST(CsvReader, DetectedDelimiterSplitsRecords)
{
    EXPECT_EQ(readAll("a;b\n1,5;2\n"), (Rows{{"a", "b"}, {"1,5", "2"}}));
    EXPECT_EQ(readAll("a\tb\n1\t2\n"), (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorOnTheLineItStarts)
{
    std::istringstream in("a,b\n1,2\n\"open,3\n4,5\n");
    CsvReader reader(in);
    CsvReader::Record record;
    int count = 0;
    while (reader.next(record))
        ++count;
    EXPECT_EQ(count, 2);
    ASSERT_TRUE(reader.error().has_value());
    EXPECT_EQ(reader.error()->line, 3);
    EXPECT_NE(reader.error()->message().find("never closed"), std::string::npos);
}

TEST(CsvReader, GarbageAfterClosingQuoteIsAnError)
{
    std::istringstream in("a,b\n\"x\"y,2\n");
    CsvReader reader(in);
    CsvReader::Record record;
    ASSERT_TRUE(reader.next(record));
    EXPECT_FALSE(reader.next(record));
    ASSERT_TRUE(reader.error().has_value());
    EXPECT_EQ(reader.error()->line, 2);
}

TEST(CsvReader, BinaryDataIsRejected)
{
    std::string binary = "a,b\n";
    for (int i = 0; i < 300; ++i)
        binary += static_cast<char>(i % 256);
    std::istringstream in(binary);
    CsvReader reader(in);
    CsvReader::Record record;
    while (reader.next(record)) {
    }
    ASSERT_TRUE(reader.error().has_value());
    EXPECT_NE(reader.error()->message().find("binary"), std::string::npos);
}

TEST(CsvReader, RecordsSpanningBufferRefillsParseIdentically)
{
    // Well over the 1 MB read chunk, with escaped quotes and CRLF landing on every offset.
    std::string text = "id,text\r\n";
    Rows expected{{"id", "text"}};
    for (int i = 0; i < 60000; ++i) {
        const std::string value = "v" + std::to_string(i) + std::string(i % 7, 'x') + "\"q\"";
        text += std::to_string(i) + ",\"v" + std::to_string(i) + std::string(i % 7, 'x') +
                "\"\"q\"\"\"\r\n";
        expected.push_back({std::to_string(i), value});
    }
    EXPECT_EQ(readAll(text), expected);
}

TEST(CsvReader, ATenMegabyteSingleLineIsReadWithoutTrouble)
{
    std::string text = "a,b\n" + std::string(10u << 20, 'z') + ",1\n";
    const Rows rows = readAll(text);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[1][0].size(), 10u << 20);
    EXPECT_EQ(rows[1][1], "1");
}

TEST(CsvReader, ReportsBytesConsumed)
{
    const std::string text = "a,b\n1,2\n";
    std::istringstream in(text);
    CsvReader reader(in);
    CsvReader::Record record;
    while (reader.next(record)) {
    }
    EXPECT_EQ(reader.bytesConsumed(), static_cast<std::int64_t>(text.size()));
}
