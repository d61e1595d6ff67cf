#include "io/salesimporter.h"
#include "store/store.h"
#include "support/tempdir.h"

#include <gtest/gtest.h>
#include <sstream>

using namespace fp;
using fp::io::DuplicatePolicy;
using fp::io::ImportOptions;
using fp::io::ImportReport;
using fp::store::Store;

namespace {

class SalesImport : public ::testing::Test
{
protected:
    SalesImport() : m_store(m_dir.file("p.flashplan")) {}

    ImportReport import(const std::string& csv, ImportOptions options = {},
                        const ProgressFn& progress = {})
    {
        std::istringstream in(csv);
        return io::importSales(m_store, in, "sales.csv", options, progress,
                               static_cast<std::int64_t>(csv.size()));
    }

    // Every table's full content, in key order: "the project as seen by its queries".
    std::string dump()
    {
        std::string out;
        for (const char* table : {"meta", "categories", "products", "events", "sales", "imports"}) {
            sql::Statement stmt(m_store.database(),
                                std::string("SELECT * FROM ") + table + " ORDER BY 1, 2");
            out += table;
            out += ":\n";
            while (stmt.step()) {
                for (int c = 0; c < 10; ++c)
                    out += stmt.text(c) + "|";
                out += "\n";
            }
        }
        return out;
    }

    struct SalesRow
    {
        double units;
        std::optional<double> price;
        bool filled;
    };
    std::map<std::string, SalesRow> sales(const std::string& sku)
    {
        sql::Statement stmt(m_store.database(),
                            "SELECT s.day, s.units, s.price, s.filled FROM sales s JOIN products p "
                            "ON p.id = s.product_id WHERE p.sku = ?1 ORDER BY s.day");
        stmt.bind(1, sku);
        std::map<std::string, SalesRow> rows;
        while (stmt.step())
            rows[formatIsoDate(static_cast<DayNumber>(stmt.int64(0)))] = {
                stmt.real(1), stmt.optionalReal(2), stmt.int64(3) != 0};
        return rows;
    }

    static void expectProblem(const ImportReport& r, std::int64_t line, const std::string& text)
    {
        EXPECT_FALSE(r.committed);
        bool found = false;
        for (const Problem& p : r.problems)
            found = found || (p.line == line && p.message().find(text) != std::string::npos);
        std::string all;
        for (const Problem& p : r.problems)
            all += p.describe() + "\n";
        EXPECT_TRUE(found) << "no problem on line " << line << " mentioning '" << text
                           << "'; got:\n"
                           << all;
    }
    // Refused for exactly one problem, of this kind and in these words.
    static void expectOnlyProblem(const ImportReport& r, ProblemKind kind,
                                  const std::string& message)
    {
        EXPECT_FALSE(r.committed);
        ASSERT_EQ(r.problemCount, 1);
        EXPECT_EQ(r.problems[0].kind, kind);
        EXPECT_EQ(r.problems[0].message(), message);
    }

    test::TempDir m_dir;
    Store m_store;
};

const std::string kHeader = "date,sku,name,category,units,price,list_price,stock,event\n";

} // namespace

TEST_F(SalesImport, ImportsRowsProductsCategoriesAndEvents)
{
    const ImportReport r = import(kHeader + "2025-11-10,A,\"Runner, X\",Shoes,3,50,50,10,\n"
                                            "2025-11-11,A,\"Runner, X\",Shoes,10,30,50,10,S11\n"
                                            "2025-11-10,B,Mug,Home,0,8,8,,\n"
                                            "2025-11-11,B,Mug,Home,2,8,8,,\n");
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.rowsRead, 4);
    EXPECT_EQ(r.rowsInserted, 4);
    EXPECT_EQ(r.productsAdded, 2);
    EXPECT_EQ(r.periodDays, 1);
    const auto products = m_store.products();
    ASSERT_EQ(products.size(), 2u);
    EXPECT_EQ(products[0].sku, "A");
    EXPECT_EQ(products[0].name, "Runner, X");
    EXPECT_EQ(products[0].category, "Shoes");
    EXPECT_EQ(products[0].listPrice, 50.0);
    EXPECT_FALSE(products[0].listPriceEstimated);
    const store::ProjectSummary s = m_store.summary();
    EXPECT_EQ(s.rows, 4);
    EXPECT_EQ(s.stockoutRows, 1); // A sold 10 of 10 on 11.11
    EXPECT_EQ(s.eventRows, 1);
    EXPECT_EQ(s.discountedRows, 1);
    EXPECT_DOUBLE_EQ(s.totalRevenue, 3 * 50 + 10 * 30 + 2 * 8);
    ASSERT_EQ(m_store.imports().size(), 1u);
    EXPECT_EQ(m_store.imports()[0].rowsRead, 4);
}

TEST_F(SalesImport, SemicolonTabBomAndCrLfFilesImportAlike)
{
    for (const std::string& csv :
         {std::string("\xEF\xBB\xBF"
                      "date;sku;units;price\r\n2025-01-01;A;1;2.5\r\n2025-01-02;A;2;2.5\r\n"),
          std::string("date\tsku\tunits\tprice\n2025-01-01\tA\t1\t2.5\n2025-01-02\tA\t2\t2.5")}) {
        test::TempDir dir;
        Store store(dir.file("x.flashplan"));
        std::istringstream in(csv);
        const ImportReport r = io::importSales(store, in, "f.csv");
        ASSERT_TRUE(r.committed) << (r.problems.empty() ? "" : r.problems[0].describe());
        EXPECT_EQ(store.summary().totalUnits, 3);
        EXPECT_EQ(store.products()[0].sku, "A");
    }
}

TEST_F(SalesImport, DecimalCommasImportWhereTheSeparatorIsASemicolonOrATab)
{
    for (const std::string& csv :
         {std::string("date;sku;units;price;list_price\n2025-01-01;A;1;33,99;1.234,50\n"
                      "2025-01-02;A;2,5;33,99;1.234,50\n"),
          std::string("date\tsku\tunits\tprice\tlist_price\n2025-01-01\tA\t1\t33,99\t1234,5\n"
                      "2025-01-02\tA\t2.5\t33.99\t1234.5\n")}) {
        test::TempDir dir;
        Store store(dir.file("x.flashplan"));
        std::istringstream in(csv);
        const ImportReport r = io::importSales(store, in, "f.csv");
        ASSERT_TRUE(r.committed) << (r.problems.empty() ? "" : r.problems[0].describe());
        EXPECT_DOUBLE_EQ(store.summary().totalUnits, 3.5);
        EXPECT_DOUBLE_EQ(store.summary().totalRevenue, 3.5 * 33.99);
        EXPECT_DOUBLE_EQ(store.products()[0].listPrice.value_or(0), 1234.5);
    }
    // With commas as separators a decimal comma cannot be: the row has a field too many.
    const ImportReport r = import("date,sku,units,price\n2025-01-01,A,1,33,99\n");
    EXPECT_FALSE(r.committed);
    // Chosen explicitly, a point is the only decimal mark.
    ImportOptions point;
    point.decimalMark = io::DecimalMark::Point;
    const ImportReport strict = import("date;sku;units;price\n2025-01-01;A;1;33,99\n", point);
    EXPECT_FALSE(strict.committed);
    expectProblem(strict, 2, "price is not a number: '33,99'");
}

TEST_F(SalesImport, AUtf16FileImportsLikeItsUtf8Twin)
{
    const std::string text = "date,sku,name,units,price\n2025-01-01,A,Caf\xC3\xA9,1,2.5\n";
    std::string utf16 = "\xFF\xFE";
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\xC3') { // the one non-ASCII letter, e-acute: U+00E9
            utf16 += std::string("\xE9\x00", 2);
            ++i;
            continue;
        }
        utf16 += text[i];
        utf16 += '\0';
    }
    std::istringstream in(utf16);
    const ImportReport r = io::importSales(m_store, in, "f.csv");
    ASSERT_TRUE(r.committed) << (r.problems.empty() ? "" : r.problems[0].describe());
    EXPECT_EQ(m_store.products()[0].name, "Caf\xC3\xA9");
    EXPECT_EQ(m_store.summary().totalUnits, 1);
}

TEST_F(SalesImport, RejectsABadDateWithItsLineAndColumn)
{
    const ImportReport r = import(kHeader + "2025-11-10,A,a,c,1,5,5,,\n2025-11-31,A,a,c,1,5,5,,\n");
    expectProblem(r, 3, "not a valid YYYY-MM-DD date: '2025-11-31'");
    EXPECT_EQ(r.problems[0].column, 1);
    EXPECT_EQ(r.problems[0].file, "sales.csv");
}

TEST_F(SalesImport, RejectsNegativeUnits)
{
    expectProblem(import(kHeader + "2025-11-10,A,a,c,-1,5,5,,\n"), 2, "units must be >= 0");
}

TEST_F(SalesImport, RejectsNonNumericUnits)
{
    expectProblem(import(kHeader + "2025-11-10,A,a,c,many,5,5,,\n"), 2, "units is not a number");
}

TEST_F(SalesImport, RejectsZeroAndNegativePrices)
{
    expectProblem(import(kHeader + "2025-11-10,A,a,c,1,0,5,,\n"), 2, "price must be > 0");
    expectProblem(import(kHeader + "2025-11-10,A,a,c,1,-3,5,,\n"), 2, "price must be > 0");
    expectProblem(import(kHeader + "2025-11-10,A,a,c,1,,5,,\n"), 2, "price is not a number");
}

TEST_F(SalesImport, RejectsBadOptionalNumbers)
{
    expectProblem(import(kHeader + "2025-11-10,A,a,c,1,5,0,,\n"), 2, "list_price must be > 0");
    expectProblem(import(kHeader + "2025-11-10,A,a,c,1,5,5,-2,\n"), 2, "stock must be >= 0");
    expectProblem(import(kHeader + "2025-11-10,A,a,c,1,5,5,lots,\n"), 2, "stock is not a number");
}

TEST_F(SalesImport, RejectsAWrongFieldCount)
{
    expectProblem(import(kHeader + "2025-11-10,A,a,c,1,5,5,,\n2025-11-11,A,a,c,1,5\n"), 3,
                  "expected 9 fields (as in the header), found 6");
}

TEST_F(SalesImport, RejectsAnEmptySku)
{
    expectProblem(import(kHeader + "2025-11-10, ,a,c,1,5,5,,\n"), 2, "sku is empty");
}

TEST_F(SalesImport, ListsEveryProblemAndCountsAll)
{
    std::string csv = kHeader;
    for (int i = 0; i < 300; ++i)
        csv += "2025-11-10,A" + std::to_string(i) + ",a,c,-1,5,5,,\n";
    const ImportReport r = import(csv);
    EXPECT_EQ(r.problemCount, 300);
    EXPECT_EQ(r.problems.size(), 100u);
    EXPECT_EQ(r.problems.back().line, 101);
    EXPECT_EQ(m_store.summary().rows, 0);
}

TEST_F(SalesImport, DuplicateRowIsAnErrorByDefault)
{
    const ImportReport r = import(kHeader + "2025-11-10,A,a,c,1,5,5,,\n2025-11-11,A,a,c,1,5,5,,\n"
                                            "2025-11-10,A,a,c,2,4,5,,\n");
    expectProblem(r, 4, "a second row for sku 'A' on 2025-11-10");
    EXPECT_TRUE(m_store.products().empty());
}

TEST_F(SalesImport, DuplicateRowsSumUnitsAndWeighPrices)
{
    ImportOptions options;
    options.onDuplicate = DuplicatePolicy::Sum;
    const ImportReport r = import("date,sku,units,price,views\n2025-11-10,A,1,10,5\n"
                                  "2025-11-10,A,3,6,7\n",
                                  options);
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.rowsMerged, 1);
    const auto rows = sales("A");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_DOUBLE_EQ(rows.at("2025-11-10").units, 4);
    EXPECT_DOUBLE_EQ(*rows.at("2025-11-10").price, (1 * 10 + 3 * 6) / 4.0);
}

TEST_F(SalesImport, DuplicateRowsLastOneWins)
{
    ImportOptions options;
    options.onDuplicate = DuplicatePolicy::Last;
    ASSERT_TRUE(
        import("date,sku,units,price\n2025-11-10,A,1,10\n2025-11-10,A,3,6\n", options).committed);
    const auto rows = sales("A");
    EXPECT_DOUBLE_EQ(rows.at("2025-11-10").units, 3);
    EXPECT_DOUBLE_EQ(*rows.at("2025-11-10").price, 6);
}

TEST_F(SalesImport, ReimportingTheSameRowsIsRefusedUnlessReplacing)
{
    const std::string csv = "date,sku,units,price\n2025-11-10,A,1,10\n2025-11-11,A,2,10\n";
    ASSERT_TRUE(import(csv).committed);
    const std::string before = dump();
    expectProblem(import(csv), 2, "already in the project");
    EXPECT_EQ(dump(), before);

    ImportOptions replace;
    replace.onDuplicate = DuplicatePolicy::Last;
    ASSERT_TRUE(import("date,sku,units,price\n2025-11-11,A,7,9\n", replace).committed);
    EXPECT_DOUBLE_EQ(sales("A").at("2025-11-11").units, 7);
    EXPECT_EQ(m_store.summary().rows, 2);
}

TEST_F(SalesImport, MissingDaysInsideARangeAreFilledWithZero)
{
    const ImportReport r = import("date,sku,units,price\n2025-11-01,A,1,10\n2025-11-05,A,2,10\n"
                                  "2025-11-03,B,4,3\n");
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.rowsFilled, 3);
    const auto a = sales("A");
    ASSERT_EQ(a.size(), 5u);
    for (const char* day : {"2025-11-02", "2025-11-03", "2025-11-04"}) {
        EXPECT_TRUE(a.at(day).filled) << day;
        EXPECT_DOUBLE_EQ(a.at(day).units, 0) << day;
        EXPECT_FALSE(a.at(day).price.has_value());
    }
    EXPECT_FALSE(a.at("2025-11-05").filled);
    EXPECT_EQ(sales("B").size(), 1u); // nothing outside a product's own range
}

TEST_F(SalesImport, AGapBetweenTwoImportsIsFilledAndARealRowReplacesAFilledOne)
{
    ASSERT_TRUE(import("date,sku,units,price\n2025-11-01,A,1,10\n2025-11-03,A,1,10\n").committed);
    ASSERT_TRUE(sales("A").at("2025-11-02").filled);
    ASSERT_TRUE(import("date,sku,units,price\n2025-11-02,A,5,10\n2025-11-06,A,1,10\n").committed);
    const auto a = sales("A");
    EXPECT_EQ(a.size(), 6u);
    EXPECT_FALSE(a.at("2025-11-02").filled);
    EXPECT_DOUBLE_EQ(a.at("2025-11-02").units, 5);
    EXPECT_TRUE(a.at("2025-11-04").filled);
    EXPECT_TRUE(a.at("2025-11-05").filled);
}

TEST_F(SalesImport, WeeklyDataIsDetectedAndFilledByWeeks)
{
    // A on Mondays, B on Sundays, with one missing week for A.
    const ImportReport r = import("date,sku,units,price\n2025-01-06,A,5,2\n2025-01-13,A,4,2\n"
                                  "2025-01-27,A,6,2\n2025-01-05,B,1,9\n2025-01-12,B,0,9\n");
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.periodDays, 7);
    EXPECT_EQ(m_store.periodDays(), 7);
    EXPECT_EQ(r.rowsFilled, 1);
    const auto a = sales("A");
    ASSERT_EQ(a.size(), 4u);
    EXPECT_TRUE(a.at("2025-01-20").filled);
}

TEST_F(SalesImport, OneDailyProductMakesTheFileDaily)
{
    const ImportReport r = import("date,sku,units,price\n2025-01-06,A,5,2\n2025-01-13,A,4,2\n"
                                  "2025-01-05,B,1,9\n2025-01-06,B,0,9\n");
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.periodDays, 1);
    EXPECT_EQ(sales("A").size(), 8u);
}

TEST_F(SalesImport, DailyRowsIntoAWeeklyProjectAreRefused)
{
    ASSERT_TRUE(import("date,sku,units,price\n2025-01-06,A,5,2\n2025-01-13,A,4,2\n").committed);
    const std::string before = dump();
    const ImportReport r = import("date,sku,units,price\n2025-02-03,C,5,2\n2025-02-04,C,4,2\n");
    EXPECT_FALSE(r.committed);
    ASSERT_FALSE(r.problems.empty());
    EXPECT_NE(r.problems[0].message().find("weekly"), std::string::npos);
    EXPECT_EQ(dump(), before);
}

TEST_F(SalesImport, RegularPriceIsEstimatedWhenListPriceIsAbsent)
{
    std::string csv = "date,sku,units,price\n";
    for (int d = 1; d <= 28; ++d) {
        const double price = d <= 10 ? 19.99 : d <= 22 ? 12.99 : 15.0;
        csv += "2025-03-" + std::string(d < 10 ? "0" : "") + std::to_string(d) + ",A,1," +
               std::to_string(price) + "\n";
    }
    const ImportReport r = import(csv);
    ASSERT_TRUE(r.committed);
    const auto products = m_store.products();
    EXPECT_DOUBLE_EQ(*products[0].listPrice, 19.99);
    EXPECT_TRUE(products[0].listPriceEstimated);
    ASSERT_EQ(r.notes.size(), 1u);
    EXPECT_EQ(r.notes[0].kind, ProblemKind::ListPriceEstimated);
    EXPECT_EQ(r.notes[0].message(),
              "no list_price for 1 product(s): their regular price was estimated from their own "
              "prices (the most common of their high prices, or, where a category's prices hold "
              "from one period to the next, each period's from the highest prices around it), "
              "and discount depth is measured from it");
    EXPECT_EQ(m_store.summary().discountedRows, 18);
}

TEST_F(SalesImport, GivenListPriceIsNotEstimated)
{
    ASSERT_TRUE(import("date,sku,units,price,list_price\n2025-03-01,A,1,5,9\n2025-03-02,A,1,6,8\n")
                    .committed);
    const auto products = m_store.products();
    EXPECT_DOUBLE_EQ(*products[0].listPrice, 8); // the latest by date
    EXPECT_FALSE(products[0].listPriceEstimated);
}

TEST_F(SalesImport, AnErrorInTheLastRowOfALargeFileChangesNothing)
{
    ASSERT_TRUE(import("date,sku,units,price\n2024-12-31,P0,1,10\n").committed);
    const std::string before = dump();
    std::string csv = "date,sku,name,units,price\n";
    for (int p = 0; p < 200; ++p)
        for (int d = 0; d < 365; ++d)
            csv += formatIsoDate(daysFromCivil(2025, 1, 1) + d) + ",P" + std::to_string(p) +
                   ",Product " + std::to_string(p) + "," + std::to_string(d % 5) + ",10\n";
    csv += "2026-01-01,P0,Product 0,1,free\n";
    const ImportReport r = import(csv);
    expectProblem(r, 200 * 365 + 2, "price is not a number");
    EXPECT_EQ(r.problemCount, 1);
    EXPECT_EQ(dump(), before);
}

TEST_F(SalesImport, CancellingThrowsAndChangesNothing)
{
    const std::string before = dump();
    std::string csv = "date,sku,units,price\n";
    for (int d = 0; d < 50000; ++d)
        csv += formatIsoDate(daysFromCivil(2000, 1, 1) + d) + ",A,1,10\n";
    int calls = 0;
    EXPECT_THROW(import(csv, {},
                        [&](std::int64_t done, std::int64_t total) {
                            EXPECT_LE(done, total);
                            return ++calls < 2; // while reading
                        }),
                 Cancelled);
    EXPECT_EQ(dump(), before);
    EXPECT_THROW(import(csv, {},
                        [&](std::int64_t done, std::int64_t total) {
                            return done < total; // the last moment: before the commit
                        }),
                 Cancelled);
    EXPECT_EQ(dump(), before);
    EXPECT_TRUE(import(csv).committed); // and the project is usable afterwards
}

TEST_F(SalesImport, ProgressReachesTheEnd)
{
    std::string csv = "date,sku,units,price\n";
    for (int d = 0; d < 40000; ++d)
        csv += formatIsoDate(daysFromCivil(2000, 1, 1) + d) + ",A,1,10\n";
    std::int64_t last = 0, total = 0;
    ASSERT_TRUE(import(csv, {}, [&](std::int64_t done, std::int64_t t) {
                    EXPECT_GE(done, last);
                    last = done;
                    total = t;
                    return true;
                }).committed);
    EXPECT_EQ(last, total);
}

TEST_F(SalesImport, BadFilesGetAClearProblemAndChangeNothing)
{
    const std::string before = dump();
    struct Case
    {
        std::string content;
        std::int64_t line;
        std::string text;
    };
    const std::vector<Case> cases = {
        {"", 0, "the file is empty"},
        {"date,sku,units,price\n", 1, "no data rows"},
        {std::string("PK\x03\x04\x00\x00garbage", 12), 1, "binary"},
        {"date,sku,units\n2025-01-01,A,1\n", 1, "required column 'price' is missing"},
        {"date,sku,units,price\n" + std::string(10u << 20, '7') + "\n", 2, "expected 4 fields"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.text);
        expectProblem(import(c.content), c.line, c.text);
    }
    EXPECT_EQ(dump(), before);
}

TEST_F(SalesImport, AUserColumnMappingOverridesTheHeader)
{
    ImportOptions options;
    io::ColumnMap map;
    map[io::SalesField::Date] = 0;
    map[io::SalesField::Sku] = 1;
    map[io::SalesField::Units] = 3; // "Menge"
    map[io::SalesField::Price] = 2; // "Preis"
    options.columns = map;
    ASSERT_TRUE(import("Tag,Artikel,Preis,Menge\n2025-01-01,A,4.5,2\n", options).committed);
    EXPECT_DOUBLE_EQ(m_store.summary().totalRevenue, 9.0);
}

namespace {
// `products` products, each sold on the two given days only.
std::string twoDatesEach(int products, const std::string& first, const std::string& last)
{
    std::string csv = "date,sku,units,price\n";
    for (int p = 0; p < products; ++p)
        csv += first + ",P" + std::to_string(p) + ",1,10\n" + last + ",P" + std::to_string(p) +
               ",1,10\n";
    return csv;
}
} // namespace

// Issue 16, finding 5: 40 lines dated 1900 and 2200 were filled to 2.2 million rows.
TEST_F(SalesImport, DatesSpanningMoreThanTwentyYearsAreRefusedNamingTheExtremesBeforeAnyWrite)
{
    const std::string before = dump();
    const ImportReport r = import(twoDatesEach(20, "1900-01-01", "2200-12-31"));
    expectOnlyProblem(
        r, ProblemKind::DatesSpanTooLong,
        "the dates of sku 'P0' span 301.0 years, from 1900-01-01 (line 2) to 2200-12-31 "
        "(line 3), with periods missing between them: more than the 20 years an import "
        "fills; check those dates (a mistyped year?)");
    EXPECT_EQ(r.rowsFilled, 0);
    EXPECT_EQ(dump(), before);
}

// Issue 16, finding 5, the rest: the 20 years were measured on the file's dates alone. A single row
// of a product the project holds for 2024, dated 2000, would have filled 24 years of it; a new
// product's one row dated 1924 (nothing to fill) would have stretched every product's calendar
// to a century.
TEST_F(SalesImport, AProductsDatesAreBoundedTogetherWithItsSalesInTheProject)
{
    ASSERT_TRUE(import("date,sku,units,price\n2024-01-01,A,1,10\n2024-03-01,A,2,10\n").committed);
    const std::string before = dump();
    const ImportReport r = import("date,sku,units,price\n2000-01-01,A,1,10\n");
    expectOnlyProblem(
        r, ProblemKind::DatesSpanTooLongWithProject,
        "the dates of sku 'A' in the file, 2000-01-01 (line 2) to 2000-01-01 (line 2), and "
        "its sales in the project, 2024-01-01 to 2024-03-01, span 24.2 years with periods "
        "missing between them: more than the 20 years an import fills; check those dates (a "
        "mistyped year?)");
    EXPECT_EQ(dump(), before);
}

TEST_F(SalesImport, TheProjectsDatesAsAWholeAreBoundedToTwentyYears)
{
    // A new project: the file alone spans 124 years, with nothing to fill.
    const std::string csv = "date,sku,units,price\n2024-01-01,A,1,10\n1900-01-01,B,1,10\n";
    ImportReport r = import(csv);
    expectOnlyProblem(
        r, ProblemKind::FileDatesSpanTooLong,
        "the file's dates span 124.0 years, from 1900-01-01 (sku 'B', line 3) to 2024-01-01 "
        "(sku 'A', line 2): more than the 20 years a project holds; check those dates (a "
        "mistyped year?)");
    // A project of 2024: a new product's one row a century before.
    ASSERT_TRUE(import("date,sku,units,price\n2024-01-01,A,1,10\n2024-01-02,A,1,10\n").committed);
    const std::string before = dump();
    r = import("date,sku,units,price\n2024-01-03,A,1,10\n1924-01-03,C,1,10\n");
    expectOnlyProblem(
        r, ProblemKind::FileDatesFarFromProject,
        "the date 1924-01-03 (sku 'C', line 3) is far from the project's sales (2024-01-01 "
        "to 2024-01-02): together they would span 100.0 years, more than the 20 years a "
        "project holds; check that date (a mistyped year?)");
    EXPECT_EQ(dump(), before);
    // Nineteen years is a history.
    EXPECT_TRUE(import("date,sku,units,price\n2005-01-03,C,1,10\n").committed);
}

TEST_F(SalesImport, MissingPeriodsBeyondAHundredTimesTheFilesRowsAreRefusedNamingTheWidestSku)
{
    // 60 products, each with two rows 19 years apart: 416,000 periods to fill for 120 rows.
    std::string csv = twoDatesEach(59, "2001-01-01", "2019-12-31");
    csv += "2000-06-01,WIDE,1,10\n2019-12-31,WIDE,1,10\n";
    const ImportReport r = import(csv);
    EXPECT_FALSE(r.committed);
    ASSERT_EQ(r.problemCount, 1);
    EXPECT_EQ(r.problems[0].kind, ProblemKind::TooManyMissingPeriods);
    EXPECT_EQ(r.problems[0].args[1], "120");
    EXPECT_EQ(r.problems[0].args[2], "WIDE");
    EXPECT_EQ(r.problems[0].args[3], "2000-06-01");
    EXPECT_EQ(r.problems[0].args[4], "120");
    EXPECT_EQ(r.problems[0].args[6], "121");
    EXPECT_GT(std::stoll(r.problems[0].args[0]), 100 * 120);
    EXPECT_TRUE(m_store.products().empty());
}

TEST_F(SalesImport, GapFillingWithinTheBoundsStillImports)
{
    // A small sample of a slow seller: 2 rows 365 days apart fill 364 days (the first 100,000
    // filled periods are always allowed).
    const ImportReport r = import(twoDatesEach(1, "2024-01-01", "2024-12-31"));
    ASSERT_TRUE(r.committed) << (r.problems.empty() ? "" : r.problems[0].describe());
    EXPECT_EQ(r.rowsFilled, 364);
}

TEST_F(SalesImport, LongHistoriesImportWhenTheirGapsSpanAtMostTwentyYears)
{
    // W: 30 years of weekly rows, every week present (nothing to fill). G: 19 years of every
    // fourth week, the weeks between filled.
    std::string weekly = "date,sku,units,price\n";
    const DayNumber start = daysFromCivil(1995, 1, 2);
    for (int week = 0; week < 30 * 52; ++week)
        weekly += formatIsoDate(start + 7 * week) + ",W,1,10\n";
    for (int week = 0; week <= 19 * 52; week += 4)
        weekly += formatIsoDate(start + 7 * week) + ",G,1,10\n";
    const ImportReport r = import(weekly);
    ASSERT_TRUE(r.committed) << (r.problems.empty() ? "" : r.problems[0].describe());
    EXPECT_EQ(r.periodDays, 7);
    EXPECT_EQ(r.rowsFilled, 19 * 52 / 4 * 3);
}
