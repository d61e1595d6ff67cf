#include "io/csvreader.h"
#include "io/decimalmark.h"

#include <gtest/gtest.h>
#include <sstream>
#include <tuple>

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

namespace {

// `text` (ASCII and a few accented letters) as UTF-16 or UTF-32 bytes with a byte-order mark.
std::string encode(const std::u32string& text, int unit, bool little, bool bom = true)
{
    std::u32string all = (bom ? std::u32string(1, 0xFEFF) : std::u32string()) + text;
    std::string out;
    auto put = [&](std::uint32_t value) {
        for (int b = 0; b < unit; ++b)
            out += static_cast<char>((value >> (8 * (little ? b : unit - 1 - b))) & 0xFF);
    };
    for (const char32_t c : all) {
        if (unit == 2 && c >= 0x10000) {
            put(0xD800 + ((c - 0x10000) >> 10));
            put(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            put(c);
        }
    }
    return out;
}

} // namespace

TEST(CsvReader, ReadsUtf16AndUtf32WithAByteOrderMarkAsUtf8)
{
    const std::u32string text = U"date;sku;name\n2025-01-01;A;Caf\u00e9 \u6c34 \U0001F600\n";
    const std::string utf8 = "Caf\xC3\xA9 \xE6\xB0\xB4 \xF0\x9F\x98\x80";
    using E = fp::io::TextDecoder::Encoding;
    for (const auto& [unit, little, encoding] :
         {std::tuple{2, true, E::Utf16LE}, std::tuple{2, false, E::Utf16BE},
          std::tuple{4, true, E::Utf32LE}, std::tuple{4, false, E::Utf32BE}}) {
        const std::string bytes = encode(text, unit, little);
        std::istringstream in(bytes);
        CsvReader reader(in);
        CsvReader::Record record;
        ASSERT_TRUE(reader.next(record)) << (reader.error() ? reader.error()->message() : "");
        EXPECT_EQ(reader.encoding(), encoding);
        EXPECT_TRUE(reader.hadByteOrderMark());
        EXPECT_EQ(reader.delimiter(), ';');
        EXPECT_EQ(record.fields[0], "date");
        ASSERT_TRUE(reader.next(record));
        EXPECT_EQ(record.fields[2], utf8);
        EXPECT_FALSE(reader.next(record));
        EXPECT_FALSE(reader.error().has_value());
        EXPECT_EQ(reader.bytesConsumed(), static_cast<std::int64_t>(bytes.size()));
    }
}

TEST(CsvReader, ReadsUtf16WithoutAByteOrderMarkFromItsNulBytes)
{
    const std::string bytes = encode(U"date,sku\n2025-01-01,A\n", 2, true, false);
    EXPECT_EQ(readAll(bytes), (Rows{{"date", "sku"}, {"2025-01-01", "A"}}));
}

TEST(CsvReader, ALargeUtf16FileDecodesAcrossBufferRefills)
{
    std::u32string text = U"date,sku,name\n";
    std::string expectedName = "\xE6\xB0\xB4\xF0\x9F\x98\x80"; // a 3-byte and a 4-byte character
    for (int i = 0; i < 150000; ++i)
        text += U"2025-01-01,A,\u6c34\U0001F600\n";
    const std::string bytes = encode(text, 2, false);
    ASSERT_GT(bytes.size(), 4u << 20); // several refills of the reader's buffer
    std::istringstream in(bytes);
    CsvReader reader(in);
    CsvReader::Record record;
    int rows = 0;
    while (reader.next(record)) {
        if (rows++ > 0) {
            ASSERT_EQ(record.fields[2], expectedName) << rows;
        }
    }
    EXPECT_FALSE(reader.error().has_value());
    EXPECT_EQ(rows, 150001);
}

TEST(DecimalMark, CommasReadWhereTheSeparatorIsNotAComma)
{
    using fp::io::DecimalMark;
    using fp::io::parseDecimal;
    EXPECT_EQ(fp::io::decimalMarkFor(DecimalMark::Auto, ','), DecimalMark::Point);
    EXPECT_EQ(fp::io::decimalMarkFor(DecimalMark::Auto, ';'), DecimalMark::Auto);
    EXPECT_EQ(fp::io::decimalMarkFor(DecimalMark::Comma, ','), DecimalMark::Comma);
    EXPECT_EQ(parseDecimal("33,99", DecimalMark::Auto), 33.99);
    EXPECT_EQ(parseDecimal("33.99", DecimalMark::Auto), 33.99);
    EXPECT_EQ(parseDecimal("1.234,56", DecimalMark::Auto), 1234.56);
    EXPECT_EQ(parseDecimal("1,234.56", DecimalMark::Auto), 1234.56);
    EXPECT_FALSE(parseDecimal("1,234,567", DecimalMark::Auto));
    EXPECT_FALSE(parseDecimal("33,99", DecimalMark::Point));
    EXPECT_EQ(parseDecimal("33,99", DecimalMark::Comma), 33.99);
    EXPECT_EQ(parseDecimal("1.234", DecimalMark::Comma), 1234.0); // a point groups thousands
    EXPECT_EQ(parseDecimal("1 234,5", DecimalMark::Comma), 1234.5);
    EXPECT_FALSE(parseDecimal("abc", DecimalMark::Comma));
    EXPECT_TRUE(fp::io::looksLikeDecimalComma("33,99"));
    EXPECT_FALSE(fp::io::looksLikeDecimalComma("33.99"));
    EXPECT_FALSE(fp::io::looksLikeDecimalComma("Runner, X"));
}
