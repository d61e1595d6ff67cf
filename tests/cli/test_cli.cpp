// End-to-end tests: run the real flashplan-cli binary as a user would.
#include "base/civildate.h"
#include "support/clirun.h"
#include "support/tempdir.h"

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using fp::test::cli;
using fp::test::CliRun;
using fp::test::contains;

// Runs the CLI with `args` as a user at a terminal would, and presses Ctrl-C (SIGINT) once its
// output shows `cue`.
CliRun cliInterrupted(const std::vector<std::string>& args, const std::string& cue)
{
    CliRun run;
    int out[2];
    if (pipe(out) != 0)
        return run;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        dup2(out[1], STDERR_FILENO);
        close(out[0]);
        close(out[1]);
        std::vector<char*> argv{const_cast<char*>(FLASHPLAN_CLI)};
        for (const std::string& arg : args)
            argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        execv(FLASHPLAN_CLI, argv.data());
        _exit(127);
    }
    close(out[1]);
    bool interrupted = false;
    std::array<char, 4096> buf{};
    ssize_t n = 0;
    while ((n = read(out[0], buf.data(), buf.size())) > 0) {
        run.output.append(buf.data(), static_cast<size_t>(n));
        if (!interrupted && contains(run.output, cue)) {
            kill(pid, SIGINT);
            interrupted = true;
        }
    }
    close(out[0]);
    int raw = 0;
    waitpid(pid, &raw, 0);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

} // namespace

TEST(Cli, NoCommandIsAUsageError)
{
    const CliRun r = cli("");
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(contains(r.output, "usage: flashplan-cli"));
}

TEST(Cli, HelpSucceeds)
{
    EXPECT_EQ(cli("--help").status, 0);
}

TEST(Cli, UnknownCommandAndOptionAreUsageErrors)
{
    CliRun r = cli("frobnicate");
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(contains(r.output, "unknown command 'frobnicate'"));
    EXPECT_TRUE(contains(r.output, "--help"));
    r = cli("import --project x.flashplan --sales y.csv --colour red");
    EXPECT_EQ(r.status, 1);
    EXPECT_TRUE(contains(r.output, "unknown option --colour"));
    r = cli("import --project x.flashplan --sales y.csv --on-duplicate maybe");
    EXPECT_EQ(r.status, 1);
}

TEST(Cli, DemoImportInfoPipeline)
{
    fp::test::TempDir dir;
    CliRun r = cli("demo --out " + dir.file("demo"));
    ASSERT_EQ(r.status, 0) << r.output;
    const std::string project = dir.file("demo.flashplan");
    r = cli("import --project " + project + " --sales " + dir.file("demo/sales.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "imported 109,500 rows (daily"));
    r = cli("info --project " + project);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "150 in 6 categories"));
    EXPECT_TRUE(contains(r.output, "730 days, daily"));
    EXPECT_TRUE(contains(r.output, "sold-out rows"));
    EXPECT_TRUE(contains(r.output, "regular price given for every product"));
    EXPECT_FALSE(contains(r.output, "read per period"));
}

// Without list prices, info says how the models read the estimated regular prices: per period
// for a product whose prices hold from week to week (a step from 10 to 12, cuts to 6 below it).
TEST(Cli, InfoSaysWhereRegularPricesAreReadPerPeriod)
{
    fp::test::TempDir dir;
    std::string csv = "date,sku,units,price\n";
    for (int week = 0; week < 30; ++week) {
        const std::string date = fp::formatIsoDate(fp::daysFromCivil(2025, 1, 6) + 7 * week);
        const int price = week % 5 == 2 ? 6 : (week < 15 ? 10 : 12);
        csv += date + ",A," + std::to_string(week % 5 == 2 ? 30 : 10) + "," +
               std::to_string(price) + "\n";
    }
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.write("s.csv", csv)).status, 0);
    const CliRun r = cli("info --project " + project);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "regular price estimated for 1 of 1 products (no list_price)"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "read per period for 1 of them")) << r.output;
    // The discounts as the models see them: the six cuts (to 6 from 10, then from 12), not the
    // weeks at 10 read against a single estimate of 12 (or those at 12 against 10).
    EXPECT_TRUE(contains(r.output, "discounts    6 discounted rows (20.0%), 45.0% mean depth when "
                                   "discounted, 50% deepest"))
        << r.output;
}

TEST(Cli, BadRowExitsTwoNamingFileAndLineAndLeavesNoProject)
{
    fp::test::TempDir dir;
    const std::string csv = dir.write("bad.csv", "date,sku,units,price\n2025-01-01,A,1,5\n"
                                                 "2025-01-02,A,-4,5\n");
    const std::string project = dir.file("p.flashplan");
    const CliRun r = cli("import --project " + project + " --sales " + csv);
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.output, "bad.csv:3: column 3: units must be >= 0")) << r.output;
    EXPECT_TRUE(contains(r.output, "no project was created"));
    EXPECT_FALSE(std::filesystem::exists(project));
    const CliRun info = cli("info --project " + project);
    EXPECT_TRUE(contains(info.output, "no such project file")) << info.output;
}

TEST(Cli, AnInterruptedImportExitsThreeAndLeavesTheProjectUnchanged)
{
    fp::test::TempDir dir;
    // 500,000 rows: the import runs on for a good while after its first progress report.
    std::string csv = "date,sku,units,price\n";
    for (int d = 0; d < 1250; ++d) {
        const std::string date = fp::formatIsoDate(fp::daysFromCivil(2020, 1, 1) + d);
        for (int p = 0; p < 400; ++p)
            csv += date + ",P" + std::to_string(p) + ",1,10\n";
    }
    const std::string project = dir.file("p.flashplan");
    const CliRun r = cliInterrupted(
        {"import", "--project", project, "--sales", dir.write("sales.csv", csv)}, "importing");
    EXPECT_EQ(r.status, 3) << r.output;
    EXPECT_TRUE(contains(r.output, "import cancelled; no project was created")) << r.output;
    // Nothing but the sales file: no project, no temporary file, no -wal or -shm.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(Cli, BadFilesExitTwoWithAClearMessage)
{
    fp::test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    struct Case
    {
        std::string name, content, expected;
    };
    const std::vector<Case> cases = {
        {"empty.csv", "", "empty.csv: the file is empty"},
        {"header.csv", "date,sku,units,price\n", "header.csv:1: the file has a header but no"},
        {"garbage.bin",
         std::string("\x7f"
                     "ELF\x02\x01\x01\x00\x00\x00",
                     10),
         "garbage.bin:1: "},
        {"long.csv", "date,sku,units,price\n" + std::string(10u << 20, 'x'), "long.csv:2: "},
        {"nounits.csv", "date,sku,price\n2025-01-01,A,5\n", "required column 'units'"},
    };
    for (const Case& c : cases) {
        const CliRun r =
            cli("import --project " + project + " --sales " + dir.write(c.name, c.content));
        EXPECT_EQ(r.status, 2) << c.name << ": " << r.output;
        EXPECT_TRUE(contains(r.output, c.expected)) << c.name << ": " << r.output;
    }
    const CliRun missing = cli("import --project " + project + " --sales " + dir.file("nope.csv"));
    EXPECT_EQ(missing.status, 2);
    EXPECT_TRUE(contains(missing.output, "nope.csv: no such file"));
}

TEST(Cli, InfoOnAMissingOrForeignProjectExitsTwo)
{
    fp::test::TempDir dir;
    CliRun r = cli("info --project " + dir.file("none.flashplan"));
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.output, "no such project file"));
    r = cli("info --project " + dir.write("fake.flashplan", "hello"));
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.output, "not a FlashPlan project")) << r.output;
}

namespace {
std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
int countLines(const std::string& text)
{
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}
} // namespace

TEST(Cli, TrainScoresModelsAgainstTheBaselineAndForecastWritesIntervals)
{
    fp::test::TempDir dir;
    ASSERT_EQ(cli("demo --out " + dir.file("demo")).status, 0);
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("demo/sales.csv")).status,
              0);

    CliRun r = cli("forecast --project " + project + " --start 2026-11-11 --days 3 --out " +
                   dir.file("f.csv"));
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.output, "no trained model")) << r.output;

    r = cli("train --project " + project + " --model structured");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "baseline")) << r.output;
    EXPECT_TRUE(contains(r.output, "structured")) << r.output;
    EXPECT_TRUE(contains(r.output, "<- chosen")) << r.output;
    EXPECT_TRUE(contains(r.output, "held-out period: 2026-10-14 .. 2026-11-10")) << r.output;
    r = cli("info --project " + project);
    EXPECT_TRUE(contains(r.output, "model        structured")) << r.output;

    r = cli("forecast --project " + project + " --start 2026-11-11 --days 3 --out " +
            dir.file("f.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    const std::string forecast = readFile(dir.file("f.csv"));
    EXPECT_EQ(forecast.rfind("date,sku,forecast,lower,upper,flags\n", 0), 0u);
    EXPECT_FALSE(contains(forecast, "beyond_history")); // list prices
    EXPECT_EQ(countLines(forecast), 1 + 150 * 3);

    // Planned prices: a deep discount in an event sells more than the list price does.
    const std::string prices =
        dir.write("prices.csv", "date,sku,price,event\n2026-11-11,SH-0001,40.00,FS\n");
    r = cli("forecast --project " + project + " --start 2026-11-11 --days 1 --prices " + prices +
            " --out " + dir.file("g.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    const std::string planned = readFile(dir.file("g.csv"));
    EXPECT_EQ(countLines(planned), 2);
    const double atDiscount = std::stod(planned.substr(planned.find("SH-0001,") + 8));
    const double atList = std::stod(forecast.substr(forecast.find("2026-11-11,SH-0001,") + 19));
    EXPECT_GT(atDiscount, 1.5 * atList);
    EXPECT_EQ(planned.back(), '\n');
    EXPECT_FALSE(contains(planned, "beyond_history")) << planned; // 40.00 is in its history

    // Next to free: deeper than its category ever sold at, so the forecast says it extrapolates.
    const std::string free =
        dir.write("free.csv", "date,sku,price,event\n2026-11-11,SH-0001,0.01,FS\n");
    r = cli("forecast --project " + project + " --start 2026-11-11 --days 1 --prices " + free +
            " --out " + dir.file("free-f.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "; 1 beyond_history ->")) << r.output;
    EXPECT_TRUE(contains(readFile(dir.file("free-f.csv")), ",beyond_history\n"));

    // A sku without history and nothing to forecast it from, alone in the file: nothing to write.
    const std::string unknown = dir.write("bad.csv", "date,sku,price\n2026-11-11,NOPE,4\n");
    r = cli("forecast --project " + project + " --start 2026-11-11 --days 1 --prices " + unknown +
            " --out " + dir.file("h.csv"));
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.output, "warning: " + unknown +
                                       ":2: sku 'NOPE' has no sales history and nothing to "
                                       "forecast it from"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "no product of the prices file can be forecast")) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir.file("h.csv")));
}

TEST(Cli, NewProductsAreForecastAndPlannedFromTheirPeersAndTheUnplaceableSkipped)
{
    fp::test::TempDir dir;
    ASSERT_EQ(cli("demo --out " + dir.file("demo")).status, 0);
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("demo/sales.csv")).status,
              0);
    ASSERT_EQ(cli("train --project " + project + " --model structured").status, 0);

    // forecast --prices: a known product, one new from its category, one like a known product,
    // and one that cannot be placed; rows for all but the last, which is named in a warning.
    const std::string prices =
        dir.write("prices.csv", "date,sku,price,list_price,name,category,like_sku\n"
                                "2026-11-11,SH-0001,40.00,,,,\n"
                                "2026-11-11,NEW-SHOE,45.00,59.99,Cloud Runner,Shoes,\n"
                                "2026-11-12,NEW-SHOE,59.99,59.99,,,\n"
                                "2026-11-11,NEW-TWIN,30.00,,Twin,,SH-0002\n"
                                "2026-11-11,NOPE,4,,Mystery,,\n");
    CliRun r = cli("forecast --project " + project + " --start 2026-11-11 --days 2 --prices " +
                   prices + " --out " + dir.file("f.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "warning: " + prices + ":6: sku 'NOPE' has no sales history"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "note: 2 new product(s) without sales history")) << r.output;
    EXPECT_TRUE(contains(r.output, "NEW-TWIN (like SH-0002)")) << r.output;
    EXPECT_TRUE(contains(r.output, "; 4 cold_start")) << r.output; // 2 products x 2 days
    const std::string forecast = readFile(dir.file("f.csv"));
    EXPECT_EQ(countLines(forecast), 1 + 3 * 2) << forecast;
    EXPECT_FALSE(contains(forecast, "NOPE")) << forecast;
    EXPECT_TRUE(contains(forecast, "2026-11-11,SH-0001,")) << forecast;
    for (const std::string sku : {"NEW-SHOE", "NEW-TWIN"})
        for (const std::string day : {"2026-11-11", "2026-11-12"}) {
            const size_t at = forecast.find(day + "," + sku + ",");
            ASSERT_NE(at, std::string::npos) << sku << " " << day << "\n" << forecast;
            const std::string line = forecast.substr(at, forecast.find('\n', at) - at);
            EXPECT_TRUE(line.ends_with(",cold_start")) << line;
            EXPECT_GT(std::stod(line.substr(line.find(sku) + sku.size() + 1)), 0.0) << line;
        }

    // plan: the new products are planned and flagged, the one that cannot be placed is skipped.
    const std::string campaign =
        dir.write("campaign.csv", "sku,stock,list_price,category,like_sku\n"
                                  "SH-0001,50,,,\n"
                                  "NEW-SHOE,40,59.99,Shoes,\n"
                                  "NEW-TWIN,40,,,SH-0002\n"
                                  "NOPE,10,20,,\n");
    const std::string window = " --start 2026-11-11 --days 3 ";
    r = cli("plan --project " + project + " --campaign " + campaign + window + "--out " +
            dir.file("r.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "warning: " + campaign + ":5: sku 'NOPE' has no sales history"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "planned 3 products")) << r.output;
    EXPECT_TRUE(contains(r.output, "; 2 cold_start")) << r.output;
    const std::string table = readFile(dir.file("r.csv"));
    EXPECT_EQ(countLines(table), 4) << table;
    EXPECT_FALSE(contains(table, "NOPE")) << table;
    EXPECT_TRUE(contains(table, "\nNEW-SHOE,,Shoes,59.99,")) << table;
    for (const std::string sku : {"NEW-SHOE", "NEW-TWIN"}) {
        const size_t at = table.find("\n" + sku + ",");
        ASSERT_NE(at, std::string::npos) << table;
        EXPECT_TRUE(contains(table.substr(at, table.find('\n', at + 1) - at), ",cold_start"))
            << table;
    }
    r = cli("plan --project " + project + " --campaign " + campaign + window + "--out " +
            dir.file("r.xlsx"));
    ASSERT_EQ(r.status, 0) << r.output;

    // Nothing in the campaign can be planned: an error, no file.
    const std::string none = dir.write("none.csv", "sku\nNOPE\n");
    r = cli("plan --project " + project + " --campaign " + none + window + "--out " +
            dir.file("none.out.csv"));
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.output, "no product of the campaign can be planned")) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.out.csv")));
}

TEST(Cli, PlanWritesTheRecommendedTableAndRejectsABadCampaign)
{
    fp::test::TempDir dir;
    ASSERT_EQ(cli("demo --out " + dir.file("demo")).status, 0);
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("demo/sales.csv")).status,
              0);
    const std::string campaign = dir.file("demo/campaign.csv");
    const std::string window = " --start 2026-11-11 --days 3 ";

    CliRun r = cli("plan --project " + project + " --campaign " + campaign + window + "--out " +
                   dir.file("r.csv"));
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.output, "no trained model")) << r.output;

    ASSERT_EQ(cli("train --project " + project + " --model structured").status, 0);
    r = cli("plan --project " + project + " --campaign " + campaign + window +
            "--objective profit --budget 1500 --out " + dir.file("r.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "planned 30 products")) << r.output;
    EXPECT_TRUE(contains(r.output, "of budget 1500.00")) << r.output;
    const std::string table = readFile(dir.file("r.csv"));
    EXPECT_EQ(table.rfind(
                  "sku,name,category,list_price,unit_cost,stock,discount,sale_price,expected_units,"
                  "units_low,units_high,expected_revenue,expected_profit,sell_through,limited_by,"
                  "flags\n",
                  0),
              0u);
    EXPECT_EQ(countLines(table), 31);

    r = cli("plan --project " + project + " --campaign " + campaign + window + "--out " +
            dir.file("r.xlsx"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_GT(std::filesystem::file_size(dir.file("r.xlsx")), 1000u);
    EXPECT_FALSE(contains(r.output, "beyond_history")) << r.output;

    // A product held deeper than its category ever sold at is flagged, in the file and the output.
    const std::string deep = dir.write("deep.csv", "sku,stock,min_discount,max_discount\n"
                                                   "SH-0001,50,0.85,0.9\nEL-0001,50,0,0.3\n");
    r = cli("plan --project " + project + " --campaign " + deep + window + "--out " +
            dir.file("deep.csv.out.csv"));
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "; 1 beyond_history; 1 below_cost ->")) << r.output;
    EXPECT_TRUE(contains(r.output, "note: 1 product(s) planned deeper")) << r.output;
    // Its minimum discount holds it below cost: planned there, flagged and said.
    EXPECT_TRUE(contains(r.output, "note: 1 product(s) priced below their unit cost")) << r.output;
    const std::string deepTable = readFile(dir.file("deep.csv.out.csv"));
    EXPECT_TRUE(contains(deepTable, ",beyond_history below_cost\n")) << deepTable;
    EXPECT_EQ(deepTable.find("beyond_history"), deepTable.rfind("beyond_history")) << deepTable;

    const std::string bad =
        dir.write("bad.csv", "sku,stock,min_discount,max_discount\nSH-0001,10,0,0.5\n"
                             "NOPE,5,0,0.5\nEL-0001,5,0.6,0.2\nBE-0001,-3,0,0.5\n");
    r = cli("plan --project " + project + " --campaign " + bad + window + "--out " +
            dir.file("x.csv"));
    EXPECT_EQ(r.status, 2);
    EXPECT_FALSE(contains(r.output, "NOPE")) << r.output; // a new product, not a problem
    EXPECT_TRUE(contains(r.output, "bad.csv:4: min_discount is above max_discount")) << r.output;
    EXPECT_TRUE(contains(r.output, "bad.csv:5: stock must be >= 0")) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.csv")));
}

namespace {

// Standard output and standard error apart, for what goes to which.
struct CliStreams
{
    int status = -1;
    std::string out, err;
};

CliStreams cliStreams(const std::string& args, const fp::test::TempDir& dir)
{
    const std::string errFile = dir.file("stderr.txt");
    const CliRun run = cli(args, errFile);
    return {run.status, run.output, readFile(errFile)};
}

// The column `name` of every data row of a recommended table.
std::vector<double> columnOf(const std::string& table, const std::string& name)
{
    std::istringstream in(table);
    std::string line;
    std::getline(in, line);
    int index = 0;
    for (size_t at = 0; line.substr(at, name.size() + 1) != name + ","; ++index)
        at = line.find(',', at) + 1;
    std::vector<double> values;
    while (std::getline(in, line)) {
        size_t at = 0;
        for (int i = 0; i < index; ++i)
            at = line.find(',', at) + 1;
        values.push_back(std::stod(line.substr(at)));
    }
    return values;
}

} // namespace

TEST(Cli, PlanSkipsUnknownSkusWarnsOfOddWindowsAndNeverPricesBelowCostByDefault)
{
    fp::test::TempDir dir;
    ASSERT_EQ(cli("demo --out " + dir.file("demo")).status, 0);
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("demo/sales.csv")).status,
              0);
    ASSERT_EQ(cli("train --project " + project + " --model structured").status, 0);
    const std::string plan = "plan --project " + project + " --campaign ";

    // Unknown skus: listed on stderr with their lines and skipped; the rest is planned, exit 0.
    const std::string mixed = dir.write("mixed.csv", "sku,stock\nSH-0001,50\nNEW-1,20\n"
                                                     "EL-0001,40\nNEW-2,10\n");
    CliStreams r = cliStreams(
        plan + mixed + " --start 2026-11-11 --days 3 --out " + dir.file("mixed-out.csv"), dir);
    ASSERT_EQ(r.status, 0) << r.err;
    // Nothing to place them by (no category, like_sku or list_price): skipped, named with lines.
    EXPECT_TRUE(contains(r.err, "mixed.csv:3: sku 'NEW-1' has no sales history")) << r.err;
    EXPECT_TRUE(contains(r.err, "mixed.csv:5: sku 'NEW-2' has no sales history")) << r.err;
    EXPECT_TRUE(contains(r.err, "skipped, the rest goes on")) << r.err;
    EXPECT_TRUE(contains(r.out, "planned 2 products")) << r.out;
    EXPECT_TRUE(contains(r.out, "; 2 skipped")) << r.out;
    EXPECT_TRUE(contains(r.out, "; Optimal")) << r.out;
    const std::string mixedTable = readFile(dir.file("mixed-out.csv"));
    EXPECT_EQ(countLines(mixedTable), 3);
    EXPECT_TRUE(contains(mixedTable, "\nSH-0001,") && contains(mixedTable, "\nEL-0001,"));
    // Only unknown skus: nothing to plan, and nothing written.
    const std::string none = dir.write("none.csv", "sku\nNEW-1\n");
    r = cliStreams(plan + none + " --start 2026-11-11 --days 3 --out " + dir.file("none-out.csv"),
                   dir);
    EXPECT_EQ(r.status, 2);
    EXPECT_TRUE(contains(r.err, "no product of the campaign can be planned")) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("none-out.csv")));

    // A window inside the history, or far after it: planned (exit 0), with a warning on stderr.
    const std::string campaign = dir.file("demo/campaign.csv");
    r = cliStreams(plan + campaign + " --start 2026-06-18 --days 3 --out " + dir.file("past.csv"),
                   dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "warning: the sale starts on 2026-06-18, inside the sales history"))
        << r.err;
    EXPECT_FALSE(contains(r.out, "warning")) << r.out;
    EXPECT_TRUE(std::filesystem::exists(dir.file("past.csv")));
    r = cliStreams(plan + campaign + " --start 2030-11-11 --days 3 --out " + dir.file("far.csv"),
                   dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "days after the sales history ends (2026-11-10)")) << r.err;
    r = cliStreams(plan + campaign + " --start 2026-11-11 --days 3 --out " + dir.file("ok.csv"),
                   dir);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_FALSE(contains(r.err, "warning")) << r.err;

    // Every product allowed down to 90% off, revenue first: by default no sale price falls below
    // its unit cost; --allow-below-cost lets the optimizer go there (and flags those rows).
    std::string deep = "sku,stock,max_discount\n";
    for (const char* sku : {"SH-0001", "SH-0002", "EL-0001", "EL-0002", "BE-0001", "BE-0002",
                            "HO-0001", "HO-0002", "AP-0001", "TO-0001"})
        deep += std::string(sku) + ",100000,0.9\n";
    const std::string deepCampaign = dir.write("deep.csv", deep);
    const std::string window = " --start 2026-11-11 --days 3 --objective revenue --out ";
    r = cliStreams(plan + deepCampaign + window + dir.file("guarded.csv"), dir);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string guarded = readFile(dir.file("guarded.csv"));
    const std::vector<double> price = columnOf(guarded, "sale_price");
    const std::vector<double> cost = columnOf(guarded, "unit_cost");
    ASSERT_EQ(price.size(), 10u);
    for (size_t i = 0; i < price.size(); ++i)
        EXPECT_GE(price[i], cost[i]) << guarded;
    EXPECT_FALSE(contains(guarded, "below_cost"));
    r = cliStreams(plan + deepCampaign + window + dir.file("free.csv") + " --allow-below-cost",
                   dir);
    ASSERT_EQ(r.status, 0) << r.err;
    const std::string free = readFile(dir.file("free.csv"));
    const std::vector<double> freePrice = columnOf(free, "sale_price");
    int below = 0;
    for (size_t i = 0; i < freePrice.size(); ++i)
        below += freePrice[i] < cost[i];
    EXPECT_GT(below, 0) << free;
    EXPECT_TRUE(contains(free, "below_cost")) << free;
    EXPECT_EQ(cli(plan + deepCampaign + window + dir.file("x.csv") + " --margin-floor -0.2").status,
              1);
}

// A weekly model knows weeks: a sale of some days is forecast and planned as the weeks its days
// fall in, and `forecast` and `plan` say so; whole weeks say nothing.
TEST(Cli, ASaleOfSomeDaysOnAWeeklyHistoryIsSaidToBePlannedAsItsWeek)
{
    fp::test::TempDir dir;
    const std::string project = dir.file("weekly.flashplan");
    std::string csv = "date,sku,units,price,list_price\n";
    for (int week = 0; week < 40; ++week)
        for (const char* sku : {"A", "B"})
            csv += fp::formatIsoDate(fp::daysFromCivil(2025, 1, 6) + 7 * week) + "," + sku + "," +
                   std::to_string(week % 4 == 0 ? 30 : 12) + "," + (week % 4 == 0 ? "8" : "10") +
                   ",10\n";
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.write("w.csv", csv)).status, 0);
    ASSERT_EQ(cli("train --project " + project + " --model structured").status, 0);
    const std::string after = fp::formatIsoDate(fp::daysFromCivil(2025, 1, 6) + 7 * 40);
    const std::string note = "note: the sales history is weekly: the sale of 3 day(s) from " +
                             after + " is planned as the 1 week(s) its days fall in";
    const CliRun three = cli("forecast --project " + project + " --start " + after +
                             " --days 3 --out " + dir.file("f3.csv"));
    ASSERT_EQ(three.status, 0) << three.output;
    EXPECT_TRUE(contains(three.output, note)) << three.output;
    const CliRun week = cli("forecast --project " + project + " --start " + after +
                            " --days 7 --out " + dir.file("f7.csv"));
    ASSERT_EQ(week.status, 0) << week.output;
    EXPECT_FALSE(contains(week.output, "the sales history is weekly")) << week.output;
    const CliRun plan =
        cli("plan --project " + project + " --campaign " + dir.write("c.csv", "sku\nA\nB\n") +
            " --start " + after + " --days 3 --out " + dir.file("rec.csv"));
    ASSERT_EQ(plan.status, 0) << plan.output;
    EXPECT_TRUE(contains(plan.output, note)) << plan.output;
}
