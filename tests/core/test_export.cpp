#include "base/error.h"
#include "export/forecasttable.h"
#include "export/recommendedtable.h"
#include "io/csvreader.h"
#include "model/modelstore.h"
#include "model/noisemodel.h"
#include "model/structuredmodel.h"
#include "model/trainer.h"
#include "plan/campaignevaluator.h"
#include "plan/deepestdiscounts.h"
#include "support/marketproject.h"
#include "support/tempdir.h"
#include "support/trainedmodel.h"

#include <clocale>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <sys/resource.h>

using namespace fp;
using plan::Limit;
using plan::PlanResult;
using plan::ProductPlan;

namespace {

const std::string kHeader = "sku,name,category,list_price,unit_cost,stock,discount,sale_price,"
                            "expected_units,units_low,units_high,expected_revenue,"
                            "expected_profit,sell_through,limited_by,flags";

ProductPlan tee()
{
    ProductPlan p;
    p.sku = "A-1";
    p.name = "Tee";
    p.category = "tops";
    p.listPrice = 20;
    p.unitCost = 8;
    p.stock = 120;
    p.discount = 0.35;
    p.salePrice = 13;
    p.expectedUnits = 87.4567;
    p.unitsLow = 70.123;
    p.unitsHigh = 101.999;
    p.expectedRevenue = 1136.937;
    p.expectedProfit = 437.2;
    p.sellThrough = 87.4567 / 120; // 0.72880...
    p.markdownCost = 612.1969;
    p.limitedBy = Limit::Stock;
    return p;
}

// No unit cost, unlimited stock.
ProductPlan mug()
{
    ProductPlan p;
    p.sku = "B-2";
    p.name = "Mug";
    p.category = "home";
    p.listPrice = 10;
    p.discount = 0.1;
    p.salePrice = 9;
    p.expectedUnits = 5;
    p.unitsLow = 2;
    p.unitsHigh = 8;
    p.expectedRevenue = 45;
    p.markdownCost = 5;
    return p;
}

ProductPlan named(std::string sku, std::string name, std::string category = "misc")
{
    ProductPlan p = tee();
    p.sku = std::move(sku);
    p.name = std::move(name);
    p.category = std::move(category);
    return p;
}

PlanResult planOf(std::vector<ProductPlan> rows)
{
    PlanResult plan;
    plan.start = daysFromCivil(2025, 11, 28);
    plan.days = 3;
    plan.objective = plan::Objective::Profit;
    plan.budget = 2000;
    plan.marginFloor = 0.1;
    plan.step = 0.05;
    plan.optimalityGap = 1.25;
    plan.modelKind = "structured";
    plan.rows = std::move(rows);
    plan.totals = plan::totalsOf(plan.rows);
    return plan;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// The CSV read back with the project's own RFC 4180 reader.
std::vector<std::vector<std::string>> readCsv(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    io::CsvReader reader(in, ',');
    std::vector<std::vector<std::string>> records;
    io::CsvReader::Record record;
    while (reader.next(record))
        records.emplace_back(record.fields.begin(), record.fields.end());
    EXPECT_FALSE(reader.error().has_value());
    return records;
}

std::set<std::string> filesIn(const std::filesystem::path& dir)
{
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

// ---- Reading an XLSX back: python3's zipfile and ElementTree, one cell per output line -------

// Prints "ref \t type \t number-format \t value" per cell that holds a value ("formula" as the
// type for a formula cell), the sheet names for "sheets", or a member's text for "raw:member".
// Shared strings and built-in number formats are resolved; tab, CR, LF and backslash are escaped.
const char* kReaderScript = R"PY(
import sys, zipfile, xml.etree.ElementTree as ET
sys.stdout.reconfigure(encoding='utf-8')
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
z = zipfile.ZipFile(sys.argv[1])
if sys.argv[2].startswith('raw:'):
    sys.stdout.write(z.read(sys.argv[2][4:]).decode('utf-8'))
    sys.exit(0)
if sys.argv[2] == 'sheets':
    for s in ET.fromstring(z.read('xl/workbook.xml')).iter(M + 'sheet'):
        print(s.get('name'))
    sys.exit(0)
strings = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(M + 'si'):
        strings.append(''.join(t.text or '' for t in si.iter(M + 't')))
styles = ET.fromstring(z.read('xl/styles.xml'))
codes = {n.get('numFmtId'): n.get('formatCode') for n in styles.iter(M + 'numFmt')}
builtin = {'0': 'General', '1': '0', '2': '0.00', '3': '#,##0', '4': '#,##0.00', '9': '0%',
           '10': '0.00%'}
xfs = [x.get('numFmtId', '0') for x in styles.find(M + 'cellXfs').iter(M + 'xf')]
sheet = ET.fromstring(z.read('xl/worksheets/' + sys.argv[2] + '.xml'))
for c in sheet.iter(M + 'c'):
    if c.find(M + 'f') is not None:
        print(c.get('r'), 'formula', '', '', sep='\t')
        continue
    t = c.get('t', 'n')
    if t == 'inlineStr':
        value = ''.join(x.text or '' for x in c.iter(M + 't'))
    else:
        v = c.find(M + 'v')
        if v is None:
            continue
        value = strings[int(v.text)] if t == 's' else v.text
    fid = xfs[int(c.get('s', '0'))]
    print(c.get('r'), t, esc(codes.get(fid, builtin.get(fid, fid))), esc(value), sep='\t')
)PY";

bool havePython()
{
    static const bool found =
        std::system("python3 -c 'import zipfile, xml.etree.ElementTree' >/dev/null 2>&1") == 0;
    return found;
}

std::string unescape(const std::string& s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char c = s[++i];
        out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    }
    return out;
}

std::vector<std::string> splitTabs(const std::string& line)
{
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1)
        parts.push_back(line.substr(from, tab - from));
    parts.push_back(line.substr(from));
    return parts;
}

std::string runReader(const test::TempDir& dir, const std::string& xlsx, const std::string& what)
{
    const std::string script = dir.write("read_xlsx.py", kReaderScript);
    const std::string command = "python3 '" + script + "' '" + xlsx + "' " + what;
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return {};
    std::string out;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        out.append(buffer, n);
    EXPECT_EQ(pclose(pipe), 0) << "python3 could not read " << xlsx << " as XLSX";
    return out;
}

struct XlsxCell
{
    std::string type; // "n" number, "s" shared string, "formula"
    std::string format;
    std::string value;
};
using XlsxSheet = std::map<std::string, XlsxCell>; // by reference, "D2"

XlsxSheet readSheet(const test::TempDir& dir, const std::string& xlsx, const std::string& sheet)
{
    XlsxSheet cells;
    for (const std::string& line : lines(runReader(dir, xlsx, sheet))) {
        const std::vector<std::string> parts = splitTabs(line);
        if (parts.size() == 4)
            cells[parts[0]] = {parts[1], unescape(parts[2]), unescape(parts[3])};
    }
    return cells;
}

std::string ref(std::size_t row, std::size_t col) // 0-based; fewer than 26 columns here
{
    return std::string(1, char('A' + col)) + std::to_string(row + 1);
}

// The value in column B of the row whose column A reads `label` (Summary sheet).
const XlsxCell* besideLabel(const XlsxSheet& sheet, const std::string& label)
{
    for (const auto& [r, cell] : sheet)
        if (r[0] == 'A' && cell.value == label) {
            const auto it = sheet.find("B" + r.substr(1));
            return it == sheet.end() ? nullptr : &it->second;
        }
    return nullptr;
}

#define REQUIRE_PYTHON()                                                                           \
    if (!havePython())                                                                             \
    GTEST_SKIP() << "python3 with zipfile is needed to read the XLSX back"

// ---- Failure injection -------------------------------------------------------------------------

// Lowers the largest file this process may write, which fails writes the way a full disk does
// (EFBIG instead of the SIGXFSZ signal). Works for root too, unlike a read-only folder.
class FileSizeLimit final
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        rlimit lowered = m_saved;
        lowered.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &lowered);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }

private:
    rlimit m_saved{};
    void (*m_handler)(int) = nullptr;
};

// Sets LC_ALL for the scope, as Qt applications do from the user's environment.
class ScopedLocale final
{
public:
    explicit ScopedLocale(const char* name) : m_saved(std::setlocale(LC_ALL, nullptr))
    {
        m_ok = std::setlocale(LC_ALL, name) != nullptr;
    }
    ~ScopedLocale() { std::setlocale(LC_ALL, m_saved.c_str()); }
    bool ok() const { return m_ok; }

private:
    std::string m_saved;
    bool m_ok = false;
};

struct Writer
{
    const char* extension;
    void (*write)(const PlanResult&, const std::string&, const ProgressFn&);
};
const Writer kWriters[] = {{".csv", exports::writeRecommendedCsv},
                           {".xlsx", exports::writeRecommendedXlsx}};

std::string trainerJson()
{
    auto report = [](const char* kind, double wape, double bias, double mase, double coverage) {
        model::ModelReport r;
        r.kind = kind;
        r.evaluation.overall.cells = 280;
        r.evaluation.overall.actualUnits = 1000;
        r.evaluation.overall.wape = wape;
        r.evaluation.overall.bias = bias;
        r.evaluation.overall.mase = mase;
        r.evaluation.overall.coverage = coverage;
        r.evaluation.eventDays.wape = 0.9; // must not be read as the overall score
        r.evaluation.productWape = {0.25};
        return r;
    };
    model::TrainSummary summary;
    summary.reports = {report("baseline", 0.52, -0.08, 1.1, 0.61),
                       report("structured", 0.31, 0.02, 0.74, 0.79)};
    summary.chosen = "structured";
    summary.holdoutStart = daysFromCivil(2025, 10, 1);
    summary.holdoutPeriods = 28;
    return model::summaryJson(summary);
}

} // namespace

// ---- CSV ---------------------------------------------------------------------------------------

TEST(RecommendedCsv, HeaderListsTheSpecColumnsInOrder)
{
    test::TempDir dir;
    exports::writeRecommendedCsv(planOf({tee()}), dir.file("r.csv"));
    EXPECT_EQ(lines(readFile(dir.file("r.csv"))).at(0), kHeader);
}

TEST(RecommendedCsv, RowHoldsValuesRoundedPerColumn)
{
    test::TempDir dir;
    exports::writeRecommendedCsv(planOf({tee()}), dir.file("r.csv"));
    EXPECT_EQ(lines(readFile(dir.file("r.csv"))).at(1),
              "A-1,Tee,tops,20.00,8.00,120.00,0.3500,13.00,87.46,70.12,102.00,1136.94,437.20,"
              "0.7288,stock,");
}

TEST(RecommendedCsv, FlagsAreTheirNamesOrAnEmptyCell)
{
    ProductPlan deep = named("D-1", "Deep");
    deep.flags.set(plan::RowFlag::BeyondHistory);
    test::TempDir dir;
    exports::writeRecommendedCsv(planOf({tee(), deep}), dir.file("r.csv"));
    const auto records = readCsv(dir.file("r.csv"));
    ASSERT_EQ(records.size(), 3u);
    EXPECT_EQ(records[1].back(), "");
    EXPECT_EQ(records[2].back(), "beyond_history");
}

TEST(RecommendedCsv, OneRowPerProductAndNoTotalsRow)
{
    test::TempDir dir;
    exports::writeRecommendedCsv(planOf({tee(), mug(), named("C-3", "Cap")}), dir.file("r.csv"));
    const std::vector<std::string> all = lines(readFile(dir.file("r.csv")));
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[1].substr(0, 4), "A-1,");
    EXPECT_EQ(all[2].substr(0, 4), "B-2,");
    EXPECT_EQ(all[3].substr(0, 4), "C-3,");
}

TEST(RecommendedCsv, MissingCostAndUnlimitedStockAreEmptyCells)
{
    ProductPlan p = mug();
    p.expectedProfit = 12; // without a unit cost there is no profit to report
    p.sellThrough = 0.5;   // nor a sell-through without stock
    p.limitedBy = Limit::MaxDiscount;
    test::TempDir dir;
    exports::writeRecommendedCsv(planOf({p}), dir.file("r.csv"));
    EXPECT_EQ(lines(readFile(dir.file("r.csv"))).at(1),
              "B-2,Mug,home,10.00,,,0.1000,9.00,5.00,2.00,8.00,45.00,,,max_discount,");
}

TEST(RecommendedCsv, TinyNegativeAmountsPrintAsZero)
{
    ProductPlan p = tee();
    p.expectedProfit = -0.001;
    test::TempDir dir;
    exports::writeRecommendedCsv(planOf({p}), dir.file("r.csv"));
    EXPECT_EQ(readCsv(dir.file("r.csv")).at(1).at(12), "0.00");
}

TEST(RecommendedCsv, QuotesNamesWithSeparatorsQuotesAndLineBreaks)
{
    test::TempDir dir;
    const std::string name = "Shirt, \"blue\"";
    exports::writeRecommendedCsv(planOf({named("A-1", name, "tops\nsummer")}), dir.file("r.csv"));
    EXPECT_NE(readFile(dir.file("r.csv")).find(",\"Shirt, \"\"blue\"\"\",\"tops\nsummer\","),
              std::string::npos);
    const auto records = readCsv(dir.file("r.csv"));
    ASSERT_EQ(records.size(), 2u);
    ASSERT_EQ(records[1].size(), 16u);
    EXPECT_EQ(records[1][1], name);
    EXPECT_EQ(records[1][2], "tops\nsummer");
}

TEST(RecommendedCsv, NeutralizesFormulaLikeText)
{
    test::TempDir dir;
    exports::writeRecommendedCsv(
        planOf({named("=A1", "=SUM(A1)", "+cat"), named("S-2", "+1"), named("S-3", "-2", "@cat"),
                named("S-4", "@x"), named("S-5", "\tx"), named("S-6", "Plain a=b")}),
        dir.file("r.csv"));
    const auto records = readCsv(dir.file("r.csv"));
    ASSERT_EQ(records.size(), 7u);
    EXPECT_EQ(records[1][0], "'=A1");
    EXPECT_EQ(records[1][1], "'=SUM(A1)");
    EXPECT_EQ(records[1][2], "'+cat");
    EXPECT_EQ(records[2][1], "'+1");
    EXPECT_EQ(records[3][1], "'-2");
    EXPECT_EQ(records[3][2], "'@cat");
    EXPECT_EQ(records[4][1], "'@x");
    EXPECT_EQ(records[5][1], "'\tx");
    EXPECT_EQ(records[6][1], "Plain a=b");
}

// ---- XLSX --------------------------------------------------------------------------------------

TEST(RecommendedXlsx, HasRecommendedSummaryAndModelSheets)
{
    REQUIRE_PYTHON();
    test::TempDir dir;
    exports::writeRecommendedXlsx(planOf({tee()}), dir.file("r.xlsx"));
    EXPECT_EQ(lines(runReader(dir, dir.file("r.xlsx"), "sheets")),
              (std::vector<std::string>{"Recommended", "Summary", "Model"}));
}

TEST(RecommendedXlsx, ReadsBackWithTheSameCellsAsTheCsv)
{
    REQUIRE_PYTHON();
    ProductPlan odd = named("D-4", "Odd, \"quoted\"", "=cat");
    odd.flags.set(plan::RowFlag::BeyondHistory);
    odd.listPrice = 1234567.891;
    odd.discount = 0.123456;
    odd.salePrice = 1082152.52;
    const PlanResult plan = planOf({tee(), mug(), odd});
    test::TempDir dir;
    exports::writeRecommendedCsv(plan, dir.file("r.csv"));
    exports::writeRecommendedXlsx(plan, dir.file("r.xlsx"));
    const auto csv = readCsv(dir.file("r.csv"));
    const XlsxSheet sheet = readSheet(dir, dir.file("r.xlsx"), "sheet1");
    ASSERT_EQ(csv.size(), 4u);
    for (std::size_t r = 0; r < csv.size(); ++r) {
        for (std::size_t c = 0; c < csv[r].size(); ++c) {
            SCOPED_TRACE(ref(r, c));
            const std::string& expected = csv[r][c];
            const auto it = sheet.find(ref(r, c));
            if (expected.empty()) {
                EXPECT_EQ(it, sheet.end()) << "an empty CSV cell must be empty in the XLSX";
                continue;
            }
            ASSERT_NE(it, sheet.end());
            const bool numeric = r > 0 && c >= 3 && c <= 13;
            if (numeric) {
                EXPECT_EQ(it->second.type, "n"); // a number, not text that looks like one
                EXPECT_DOUBLE_EQ(std::stod(it->second.value), std::stod(expected));
            } else {
                EXPECT_EQ(it->second.type, "s");
                // The CSV's neutralizing ' is the CSV's alone (an XLSX text cell is never a
                // formula): the same text otherwise.
                const bool neutralized =
                    expected.size() > 1 && expected.front() == '\'' &&
                    std::string_view("=+-@\t\r").find(expected[1]) != std::string_view::npos;
                EXPECT_EQ(it->second.value, neutralized ? expected.substr(1) : expected);
            }
        }
    }
}

TEST(RecommendedXlsx, UsesMoneyAndPercentFormatsWithAFrozenFilteredHeader)
{
    REQUIRE_PYTHON();
    test::TempDir dir;
    exports::writeRecommendedXlsx(planOf({tee(), mug()}), dir.file("r.xlsx"));
    const XlsxSheet sheet = readSheet(dir, dir.file("r.xlsx"), "sheet1");
    for (const char* money : {"D2", "E2", "H2", "L2", "M2"})
        EXPECT_EQ(sheet.at(money).format, "#,##0.00") << money;
    EXPECT_EQ(sheet.at("G2").format, "0.00%"); // discount
    EXPECT_EQ(sheet.at("N2").format, "0.00%"); // sell_through
    EXPECT_EQ(sheet.at("I2").format, "#,##0.00");

    const std::string sheetXml = runReader(dir, dir.file("r.xlsx"), "raw:xl/worksheets/sheet1.xml");
    EXPECT_NE(sheetXml.find("state=\"frozen\""), std::string::npos);
    EXPECT_NE(sheetXml.find("ySplit=\"1\""), std::string::npos);
    EXPECT_NE(sheetXml.find("<autoFilter ref=\"A1:P3\""), std::string::npos);
    EXPECT_NE(sheetXml.find("<col "), std::string::npos); // column widths
}

// Issue 16, 6: a shared-string cell is never a formula, so text is written as it is, without the
// neutralizing ' the CSV needs (which would show in the cell: '-2).
TEST(RecommendedXlsx, WritesFormulaLikeTextAsPlainTextAndNoFormulas)
{
    REQUIRE_PYTHON();
    test::TempDir dir;
    exports::writeRecommendedXlsx(planOf({named("=A1", "=SUM(A1)", "+cat"), named("S-2", "+1"),
                                          named("S-3", "-2", "@cat"), named("S-4", "@x")}),
                                  dir.file("r.xlsx"));
    const XlsxSheet sheet = readSheet(dir, dir.file("r.xlsx"), "sheet1");
    EXPECT_EQ(sheet.at("A2").value, "=A1");
    EXPECT_EQ(sheet.at("B2").value, "=SUM(A1)");
    EXPECT_EQ(sheet.at("C2").value, "+cat");
    EXPECT_EQ(sheet.at("B3").value, "+1");
    EXPECT_EQ(sheet.at("B4").value, "-2");
    EXPECT_EQ(sheet.at("C4").value, "@cat");
    EXPECT_EQ(sheet.at("B5").value, "@x");
    for (const auto& [r, cell] : sheet)
        EXPECT_NE(cell.type, "formula") << r;
}

TEST(RecommendedXlsx, SummaryHoldsTotalsAndCampaignSettings)
{
    REQUIRE_PYTHON();
    PlanResult plan = planOf({tee(), mug()}); // the mug has no unit cost
    test::TempDir dir;
    exports::writeRecommendedXlsx(plan, dir.file("r.xlsx"));
    const XlsxSheet s = readSheet(dir, dir.file("r.xlsx"), "sheet2");
    auto numberAt = [&](const std::string& label) {
        const XlsxCell* cell = besideLabel(s, label);
        EXPECT_NE(cell, nullptr) << label;
        return cell ? std::stod(cell->value) : std::nan("");
    };
    auto textAt = [&](const std::string& label) {
        const XlsxCell* cell = besideLabel(s, label);
        EXPECT_NE(cell, nullptr) << label;
        return cell ? cell->value : std::string();
    };
    EXPECT_DOUBLE_EQ(numberAt("Expected units"), 87.4567 + 5);
    EXPECT_DOUBLE_EQ(numberAt("Expected revenue"), 1136.937 + 45);
    EXPECT_EQ(textAt("Expected profit"), "incomplete: some products have no unit cost");
    EXPECT_DOUBLE_EQ(numberAt("Markdown cost"), 612.1969 + 5);
    EXPECT_DOUBLE_EQ(numberAt("Markdown budget"), 2000);
    EXPECT_DOUBLE_EQ(numberAt("Budget used"), (612.1969 + 5) / 2000);
    EXPECT_EQ(besideLabel(s, "Budget used")->format, "0.0%");
    EXPECT_DOUBLE_EQ(numberAt("Products at a limit"), 1);
    EXPECT_DOUBLE_EQ(numberAt("Optimality gap"), 1.25);
    EXPECT_DOUBLE_EQ(numberAt("Start date"), 45989); // 2025-11-28 as an Excel serial day
    EXPECT_EQ(besideLabel(s, "Start date")->format, "yyyy-mm-dd");
    EXPECT_DOUBLE_EQ(numberAt("Days"), 3);
    EXPECT_EQ(textAt("Objective"), "profit");
    EXPECT_DOUBLE_EQ(numberAt("Margin floor"), 0.1);
    EXPECT_DOUBLE_EQ(numberAt("Discount ladder step"), 0.05);
    EXPECT_EQ(textAt("Model"), "structured");

    plan = planOf({tee()});
    plan.budget.reset();
    exports::writeRecommendedXlsx(plan, dir.file("r.xlsx"));
    const XlsxSheet again = readSheet(dir, dir.file("r.xlsx"), "sheet2");
    EXPECT_DOUBLE_EQ(std::stod(besideLabel(again, "Expected profit")->value), 437.2);
    EXPECT_EQ(besideLabel(again, "Markdown budget")->value, "none");
}

TEST(RecommendedXlsx, ModelSheetListsHeldOutScoresOfEachModel)
{
    REQUIRE_PYTHON();
    PlanResult plan = planOf({tee()});
    plan.modelScoresJson = trainerJson();
    test::TempDir dir;
    exports::writeRecommendedXlsx(plan, dir.file("r.xlsx"));
    const XlsxSheet s = readSheet(dir, dir.file("r.xlsx"), "sheet3");
    EXPECT_EQ(s.at("A1").value, "model");
    EXPECT_EQ(s.at("C1").value, "WAPE");
    EXPECT_EQ(s.at("A2").value, "baseline");
    EXPECT_EQ(s.count("B2"), 0u); // not the model of this plan
    EXPECT_DOUBLE_EQ(std::stod(s.at("C2").value), 0.52);
    EXPECT_DOUBLE_EQ(std::stod(s.at("D2").value), -0.08);
    EXPECT_DOUBLE_EQ(std::stod(s.at("E2").value), 1.1);
    EXPECT_DOUBLE_EQ(std::stod(s.at("F2").value), 0.61);
    EXPECT_EQ(s.at("A3").value, "structured");
    EXPECT_EQ(s.at("B3").value, "yes");
    EXPECT_DOUBLE_EQ(std::stod(s.at("C3").value), 0.31);
    EXPECT_DOUBLE_EQ(std::stod(s.at("D3").value), 0.02);
    EXPECT_DOUBLE_EQ(std::stod(s.at("E3").value), 0.74);
    EXPECT_DOUBLE_EQ(std::stod(s.at("F3").value), 0.79);
    EXPECT_EQ(s.at("C3").format, "0.0%");
    EXPECT_EQ(s.count("A4"), 0u);
}

TEST(RecommendedXlsx, ModelSheetSaysSoWhenThereAreNoScores)
{
    REQUIRE_PYTHON();
    test::TempDir dir;
    exports::writeRecommendedXlsx(planOf({tee()}), dir.file("r.xlsx"));
    const XlsxSheet s = readSheet(dir, dir.file("r.xlsx"), "sheet3");
    EXPECT_EQ(s.count("A2"), 0u);
    ASSERT_EQ(s.count("A3"), 1u);
    EXPECT_NE(s.at("A3").value.find("No held-out scores"), std::string::npos);
}

// ---- Both formats ------------------------------------------------------------------------------

// Qt applications adopt the user's locale; a decimal comma must not reach either file.
TEST(RecommendedExport, NumbersKeepADecimalPointUnderACommaLocale)
{
    REQUIRE_PYTHON();
    test::TempDir dir;
    {
        ScopedLocale german("de_DE.UTF-8");
        char probe[16];
        std::snprintf(probe, sizeof probe, "%.1f", 0.5);
        if (!german.ok() || std::string(probe) != "0,5")
            GTEST_SKIP() << "no locale with a decimal comma (de_DE.UTF-8) is installed";
        exports::writeRecommendedCsv(planOf({tee()}), dir.file("r.csv"));
        exports::writeRecommendedXlsx(planOf({tee()}), dir.file("r.xlsx"));
    }
    EXPECT_EQ(readCsv(dir.file("r.csv")).at(1).at(6), "0.3500");
    const XlsxSheet sheet = readSheet(dir, dir.file("r.xlsx"), "sheet1");
    EXPECT_EQ(sheet.at("G2").value, "0.35");
    EXPECT_EQ(sheet.at("L2").value, "1136.94");
}

TEST(RecommendedExport, FailsInAMissingFolderNamingThePathAndCreatesNothing)
{
    test::TempDir dir;
    for (const Writer& writer : kWriters) {
        SCOPED_TRACE(writer.extension);
        const std::string path = dir.file(std::string("missing/r") + writer.extension);
        try {
            writer.write(planOf({tee()}), path, {});
            ADD_FAILURE() << "expected FlashPlanError";
        } catch (const FlashPlanError& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
        EXPECT_TRUE(filesIn(dir.path()).empty());
    }
}

TEST(RecommendedExport, ReplacesAnExistingFileByRenameNotInPlace)
{
    test::TempDir dir;
    for (const Writer& writer : kWriters) {
        SCOPED_TRACE(writer.extension);
        const std::string name = std::string("r") + writer.extension;
        dir.write(name, "old content");
        // A second name for the old file: rewriting in place would change what it shows.
        std::filesystem::create_hard_link(dir.file(name), dir.file("old-view"));
        writer.write(planOf({tee()}), dir.file(name), {});
        EXPECT_EQ(readFile(dir.file("old-view")), "old content");
        const std::string now = readFile(dir.file(name));
        EXPECT_EQ(now.substr(0, 4),
                  writer.extension == std::string(".csv") ? "sku," : "PK\x03\x04");
        EXPECT_EQ(filesIn(dir.path()), (std::set<std::string>{name, "old-view"}));
        std::filesystem::remove(dir.file(name));
        std::filesystem::remove(dir.file("old-view"));
    }
}

namespace {

// A plan of `count` products, SKU-0, SKU-1, ...: a file of some size.
PlanResult planOfMany(int count)
{
    std::vector<ProductPlan> many;
    for (int i = 0; i < count; ++i)
        many.push_back(named("SKU-" + std::to_string(i), "Product " + std::to_string(i)));
    return planOf(many);
}

} // namespace

TEST(RecommendedExport, FailedWriteKeepsTheOldFileAndLeavesNoTemporary)
{
    const PlanResult big = planOfMany(500);
    test::TempDir dir;
    for (const Writer& writer : kWriters) {
        SCOPED_TRACE(writer.extension);
        const std::string path = dir.write(std::string("r") + writer.extension, "old content");
        {
            const FileSizeLimit diskFull(4096);
            EXPECT_THROW(writer.write(big, path, {}), FlashPlanError);
        }
        EXPECT_EQ(readFile(path), "old content");
        EXPECT_EQ(filesIn(dir.path()).size(), 1u);
        std::filesystem::remove(path);
    }
}

TEST(RecommendedExport, CancelKeepsTheOldFileAndLeavesNoTemporary)
{
    const PlanResult big = planOfMany(3000);
    test::TempDir dir;
    for (const Writer& writer : kWriters) {
        for (const int cancelAt : {1, 2}) { // before the first row; in the middle of the table
            SCOPED_TRACE(std::string(writer.extension) + " at call " + std::to_string(cancelAt));
            const std::string path = dir.write(std::string("r") + writer.extension, "old content");
            int calls = 0;
            EXPECT_THROW(
                writer.write(big, path,
                             [&](std::int64_t, std::int64_t) { return ++calls < cancelAt; }),
                Cancelled);
            EXPECT_EQ(calls, cancelAt);
            EXPECT_EQ(readFile(path), "old content");
            EXPECT_EQ(filesIn(dir.path()).size(), 1u);
            std::filesystem::remove(path);
            EXPECT_THROW(writer.write(big, path, [](std::int64_t, std::int64_t) { return false; }),
                         Cancelled);
            EXPECT_TRUE(filesIn(dir.path()).empty()); // no old file: none made
        }
    }
}

TEST(RecommendedExport, ProgressRunsToTheEnd)
{
    test::TempDir dir;
    for (const Writer& writer : kWriters) {
        SCOPED_TRACE(writer.extension);
        std::int64_t lastDone = -1, lastTotal = -1;
        writer.write(planOf({tee(), mug()}), dir.file(std::string("r") + writer.extension),
                     [&](std::int64_t done, std::int64_t total) {
                         EXPECT_GE(done, lastDone);
                         lastDone = done;
                         lastTotal = total;
                         return true;
                     });
        EXPECT_GT(lastTotal, 0);
        EXPECT_EQ(lastDone, lastTotal);
    }
}

TEST(RecommendedExport, FailedRenameLeavesNoTemporary)
{
    test::TempDir dir;
    for (const Writer& writer : kWriters) {
        SCOPED_TRACE(writer.extension);
        // The target is a folder with something in it, so the final rename fails.
        const std::string path = dir.file(std::string("r") + writer.extension);
        std::filesystem::create_directory(path);
        std::ofstream(path + "/keep") << "x";
        EXPECT_THROW(writer.write(planOf({tee()}), path, {}), FlashPlanError);
        EXPECT_TRUE(std::filesystem::is_directory(path));
        EXPECT_EQ(filesIn(dir.path()).size(), 1u);
        std::filesystem::remove_all(path);
    }
}

TEST(RecommendedXlsx, TextLongerThanACellHoldsFailsAndLeavesNoFile)
{
    test::TempDir dir;
    const std::string path = dir.file("r.xlsx");
    try {
        exports::writeRecommendedXlsx(planOf({named("A-1", std::string(40000, 'x'))}), path);
        ADD_FAILURE() << "expected FlashPlanError";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("32,767"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(filesIn(dir.path()).empty());
}

// ---- forecast.csv of a campaign at a plan's discounts ------------------------------------------

namespace {

// A small market imported into a project and a structured model trained on all of it.
struct TrainedMarket
{
    explicit TrainedMarket(const synth::MarketConfig& config)
        : project(config), trained(test::trainStructuredOnAllHistory(project.panel()))
    {
    }
    test::MarketProject project;
    model::TrainedModel trained;
};

synth::MarketConfig forecastMarket(bool weekly)
{
    synth::MarketConfig config;
    config.seed = weekly ? 32 : 31;
    config.products = 6;
    config.days = weekly ? 420 : 300;
    config.weekly = weekly;
    return config;
}

plan::CampaignProduct campaignProduct(const data::Panel& panel, int p, std::optional<double> stock)
{
    plan::CampaignProduct cp;
    cp.product = p;
    cp.listPrice = panel.products()[static_cast<size_t>(p)].listPrice;
    cp.unitCost = panel.products()[static_cast<size_t>(p)].unitCost;
    cp.stock = stock;
    return cp;
}

// `days` days from `offset` days after the market's history.
plan::Campaign campaignAfter(const TrainedMarket& market, int offset, int days,
                             std::vector<plan::CampaignProduct> products)
{
    return {market.project.market().endDay() + offset, days, std::move(products)};
}

} // namespace

TEST(ForecastExport, OneRowPerProductAndDaySummingToThePlannersUnits)
{
    const TrainedMarket market(forecastMarket(false));
    const data::Panel& panel = market.project.panel();
    plan::Campaign campaign;
    campaign.start = market.project.market().endDay() + 5;
    campaign.days = 3;
    // Campaign order is not panel order; unlimited, tight and ample stock.
    campaign.products = {campaignProduct(panel, 3, std::nullopt), campaignProduct(panel, 0, 2.0),
                         campaignProduct(panel, 2, 1000.0), campaignProduct(panel, 5, 7.0)};
    const std::vector<double> discounts = {0.3, 0.1, 0.5, 0.0};
    test::TempDir dir;
    const std::string path = dir.file("forecast.csv");
    exports::writeForecastCsv(panel, market.trained, campaign, discounts, path);

    const std::vector<std::vector<std::string>> csv = readCsv(path);
    ASSERT_EQ(csv.size(), 1u + 4u * 3u);
    EXPECT_EQ(csv[0],
              (std::vector<std::string>{"date", "sku", "forecast", "lower", "upper", "flags"}));
    EXPECT_EQ(filesIn(dir.path()), std::set<std::string>{"forecast.csv"});
    const plan::CampaignEvaluator evaluator(panel, market.trained, campaign);
    ASSERT_EQ(evaluator.windowPeriods(), 3);
    const plan::DeepestDiscounts deepest(panel);
    const double rounding = 0.5e-4;
    size_t line = 1;
    for (int i = 0; i < 4; ++i) {
        SCOPED_TRACE("campaign product " + std::to_string(i));
        const plan::CampaignProduct& cp = campaign.products[static_cast<size_t>(i)];
        const double discount = discounts[static_cast<size_t>(i)];
        const std::vector<double> means = evaluator.periodMeans(i, discount);
        double sum = 0, meanSum = 0;
        for (int t = 0; t < 3; ++t, ++line) {
            const std::vector<std::string>& f = csv[line];
            ASSERT_EQ(f.size(), 6u);
            EXPECT_EQ(f[5], deepest.beyond(cp.product, discount) ? "beyond_history" : "");
            EXPECT_EQ(f[0], formatIsoDate(campaign.start + t));
            EXPECT_EQ(f[1], panel.products()[static_cast<size_t>(cp.product)].sku);
            ASSERT_EQ(f[2].find('.'), f[2].size() - 5) << f[2]; // 4 decimals
            const double forecast = std::stod(f[2]);
            const int lower = std::stoi(f[3]);
            const int upper = std::stoi(f[4]);
            EXPECT_LE(lower, upper);
            if (!cp.stock)
                EXPECT_NEAR(forecast, means[static_cast<size_t>(t)], rounding);
            else
                EXPECT_LE(upper, *cp.stock);
            sum += forecast;
            meanSum += means[static_cast<size_t>(t)];
        }
        // The window's units are the planner's: E[min(window demand, stock)].
        const double units = evaluator.evaluate(i, discount).expectedUnits;
        EXPECT_NEAR(sum, cp.stock ? units : meanSum, 3 * rounding);
        if (i == 1) { // the tight stock caps the forecast
            EXPECT_GT(meanSum, 2.5);
            EXPECT_LE(sum, 2.0 + 3 * rounding);
        }
    }
}

TEST(ForecastExport, RowsDeeperThanTheirCategorySoldAtAreFlagged)
{
    const TrainedMarket market(forecastMarket(false));
    const data::Panel& panel = market.project.panel();
    const plan::Campaign campaign = campaignAfter(
        market, 1, 2,
        {campaignProduct(panel, 0, std::nullopt), campaignProduct(panel, 1, std::nullopt)});
    const plan::DeepestDiscounts deepest(panel);
    ASSERT_TRUE(deepest.beyond(1, 0.9));
    test::TempDir dir;
    const std::string path = dir.file("forecast.csv");
    exports::writeForecastCsv(panel, market.trained, campaign, {0.0, 0.9}, path);
    const std::vector<std::vector<std::string>> csv = readCsv(path);
    ASSERT_EQ(csv.size(), 5u);
    for (size_t line = 1; line < csv.size(); ++line)
        EXPECT_EQ(csv[line].at(5), line <= 2 ? "" : "beyond_history") << line;
}

TEST(ForecastExport, CancelKeepsTheOldFileAndLeavesNoTemporary)
{
    const TrainedMarket market(forecastMarket(false));
    const data::Panel& panel = market.project.panel();
    const plan::Campaign campaign = campaignAfter(
        market, 1, 3, {campaignProduct(panel, 0, 10.0), campaignProduct(panel, 2, 10.0)});
    test::TempDir dir;
    const std::string path = dir.write("forecast.csv", "old");
    int calls = 0;
    EXPECT_THROW(exports::writeForecastCsv(panel, market.trained, campaign, {0.1, 0.2}, path,
                                           [&](std::int64_t, std::int64_t) {
                                               ++calls;
                                               return false;
                                           }),
                 Cancelled);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(readFile(path), "old");
    EXPECT_EQ(filesIn(dir.path()), std::set<std::string>{"forecast.csv"});

    std::int64_t lastDone = -1, lastTotal = -1;
    exports::writeForecastCsv(panel, market.trained, campaign, {0.1, 0.2}, path,
                              [&](std::int64_t done, std::int64_t total) {
                                  lastDone = done;
                                  lastTotal = total;
                                  return true;
                              });
    EXPECT_EQ(lastTotal, 6);
    EXPECT_EQ(lastDone, 6);
}

TEST(ForecastExport, RowsAndFlagsMustMatch)
{
    const TrainedMarket market(forecastMarket(false));
    test::TempDir dir;
    const std::string path = dir.write("forecast.csv", "old");
    EXPECT_THROW(
        exports::writeForecastCsv(market.project.panel(), {model::ForecastRow{}}, {}, path),
        FlashPlanError);
    EXPECT_EQ(readFile(path), "old");
}

TEST(ForecastExport, WeeklyDataGivesTheWeeksOverlappingTheWindow)
{
    const TrainedMarket market(forecastMarket(true));
    const data::Panel& panel = market.project.panel();
    ASSERT_EQ(panel.periodDays(), 7);
    plan::Campaign campaign;
    campaign.start = market.project.market().endDay() + 10;
    campaign.days = 10; // two or three weeks
    campaign.products = {campaignProduct(panel, 1, std::nullopt),
                         campaignProduct(panel, 4, std::nullopt)};
    const std::vector<double> discounts = {0.2, 0.4};
    const std::vector<model::ForecastRow> rows =
        exports::campaignForecast(panel, market.trained, campaign, discounts);
    const plan::CampaignEvaluator evaluator(panel, market.trained, campaign);
    ASSERT_EQ(rows.size(), 2u * static_cast<size_t>(evaluator.windowPeriods()));
    for (size_t r = 0; r < rows.size(); ++r) {
        const int item = static_cast<int>(r) / evaluator.windowPeriods();
        const int t = static_cast<int>(r) % evaluator.windowPeriods();
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(
            campaign.products[static_cast<size_t>(item)].product)];
        EXPECT_EQ(rows[r].product, campaign.products[static_cast<size_t>(item)].product);
        EXPECT_EQ((rows[r].day - panel.dayOf(product.lastPeriod)) % 7, 0); // its own weeks
        EXPECT_LE(rows[r].day, campaign.start + campaign.days - 1);
        EXPECT_GT(rows[r].day + 7, campaign.start);
        EXPECT_NEAR(rows[r].forecast,
                    evaluator.periodMeans(
                        item, discounts[static_cast<size_t>(item)])[static_cast<size_t>(t)],
                    1e-9);
    }
}

TEST(ForecastExport, BadInputOrAnUnwritableFolderLeavesTheOldFile)
{
    const TrainedMarket market(forecastMarket(false));
    const data::Panel& panel = market.project.panel();
    plan::Campaign campaign;
    campaign.start = market.project.market().endDay() + 1;
    campaign.days = 2;
    campaign.products = {campaignProduct(panel, 0, 10.0)};
    test::TempDir dir;
    const std::string path = dir.write("forecast.csv", "old");
    EXPECT_THROW(exports::writeForecastCsv(panel, market.trained, campaign, {0.1, 0.2}, path),
                 FlashPlanError);
    EXPECT_EQ(readFile(path), "old");
    const std::string missing = dir.file("no-folder/forecast.csv");
    try {
        exports::writeForecastCsv(panel, market.trained, campaign, {0.1}, missing);
        ADD_FAILURE() << "expected FlashPlanError";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
    }
    EXPECT_EQ(filesIn(dir.path()), std::set<std::string>{"forecast.csv"});
}
