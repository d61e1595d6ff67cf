// End-to-end: what the outside attack of issue 16 found, fixed: numbers beyond a sane range are
// refused with their line, dates with a malformed time part are refused, and `info` prints every
// line whatever a project holds.
#include "store/sqlite.h"
#include "support/clirun.h"
#include "support/tempdir.h"

#include <gtest/gtest.h>

namespace {

using fp::test::cli;
using fp::test::CliRun;
using fp::test::contains;

} // namespace

TEST(CliReliability, ImportRefusesNumbersBeyondTheirRangeAndMalformedTimesWithTheirLines)
{
    fp::test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    const std::string sales =
        dir.write("sales.csv", "date,sku,units,price\n2025-01-06,A,5,2\n2025-01-07,A,1e300,2\n"
                               "2025-01-08,A,1,1e-320\n2024-01-01Tgarbage,A,1,2\n"
                               "2024-01-02T25:99,A,1,2\n2025-01-09T10:30:00Z,A,1,2\n");
    const CliRun r = cli("import --project " + project + " --sales " + sales);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(
        contains(r.output, "sales.csv:3: column 3: units must be <= 1000000000, got '1e300'"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "sales.csv:4: column 4: price must be >= 0.0001, got '1e-320'"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "sales.csv:5: column 1: date is not a valid YYYY-MM-DD date: "
                                   "'2024-01-01Tgarbage'"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "sales.csv:6: column 1:")) << r.output;
    EXPECT_FALSE(contains(r.output, "sales.csv:7")) << r.output; // a valid time of day
}

TEST(CliReliability, InfoPrintsEveryLineWhateverTheProjectHolds)
{
    fp::test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    const std::string sales = dir.write("sales.csv", "date,sku,units,price\n2025-01-06,A,5,2\n"
                                                     "2025-01-07,A,1,2\n");
    ASSERT_EQ(cli("import --project " + project + " --sales " + sales).status, 0);
    // What an older FlashPlan or a hand edit may have left: numbers no import accepts today.
    for (const char* units : {"1e300", "9.3e18", "123456789012345678901234567890"}) {
        {
            fp::sql::Database db(project, fp::sql::Database::Mode::ReadWrite);
            fp::sql::Statement(db, std::string("UPDATE sales SET units = ") + units).run();
        }
        const CliRun info = cli("info --project " + project);
        EXPECT_EQ(info.status, 0) << units << "\n" << info.output;
        EXPECT_TRUE(contains(info.output, " units, revenue ")) << units << "\n" << info.output;
        EXPECT_TRUE(contains(info.output, "discounts ")) << units << "\n" << info.output;
    }
}
