// End-to-end: how `import` and `info` say absent periods are treated, and `--missing`.
#include "support/clirun.h"
#include "support/tempdir.h"

#include <array>
#include <cstdio>
#include <gtest/gtest.h>
#include <sys/wait.h>

namespace {

using fp::test::cli;
using fp::test::CliRun;
using fp::test::contains;

// A on Mondays with one week absent, B every Monday.
const char* kWeekly = "date,sku,units,price\n"
                      "2025-01-06,A,5,2\n2025-01-13,A,4,2\n2025-01-27,A,6,2\n"
                      "2025-01-06,B,1,9\n2025-01-13,B,2,9\n2025-01-20,B,3,9\n";

} // namespace

TEST(CliMissingPeriods, WeeklyDataLeavesAbsentWeeksOutAndSaysWhy)
{
    fp::test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    const std::string sales = dir.write("sales.csv", kWeekly);
    const CliRun r = cli("import --project " + project + " --sales " + sales);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "1 missing periods left out as unknown")) << r.output;
    EXPECT_TRUE(contains(r.output, "note: missing periods are unknown (weekly data: scanner "
                                   "panels leave out weeks they have no data for); --missing "
                                   "zero|unknown chooses"))
        << r.output;
    const CliRun info = cli("info --project " + project);
    ASSERT_EQ(info.status, 0) << info.output;
    EXPECT_TRUE(contains(info.output, "(1 missing in the files, left out of fitting as unknown)"))
        << info.output;
}

TEST(CliMissingPeriods, AskedZeroCountsThemAsNothingSoldAndTheProjectKeepsIt)
{
    fp::test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    const std::string sales = dir.write("sales.csv", kWeekly);
    const CliRun r = cli("import --project " + project + " --sales " + sales + " --missing zero");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "1 missing periods counted as 0 units sold")) << r.output;
    EXPECT_TRUE(contains(r.output, "note: missing periods are zero (as asked)")) << r.output;
    EXPECT_TRUE(contains(cli("info --project " + project).output,
                         "(1 missing in the files, counted as 0 units sold)"));
    const std::string more =
        dir.write("more.csv", "date,sku,units,price\n2025-02-03,A,5,2\n2025-02-17,A,7,2\n");
    const CliRun again = cli("import --project " + project + " --sales " + more);
    ASSERT_EQ(again.status, 0) << again.output;
    EXPECT_TRUE(contains(again.output, "note: missing periods are zero (as the project says)"))
        << again.output;
    EXPECT_TRUE(contains(cli("info --project " + project).output,
                         "(2 missing in the files, counted as 0 units sold)"));
}

TEST(CliMissingPeriods, AnUnknownChoiceIsAUsageError)
{
    fp::test::TempDir dir;
    const std::string sales = dir.write("sales.csv", kWeekly);
    const CliRun r = cli("import --project " + dir.file("p.flashplan") + " --sales " + sales +
                         " --missing maybe");
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "--missing must be zero or unknown, got 'maybe'")) << r.output;
}
