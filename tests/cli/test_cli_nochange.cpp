// End-to-end, issue 16 finding 4 and 5: a command that fails leaves every file byte-identical
// and creates none; gap filling is bounded.
#include "support/clirun.h"
#include "support/tempdir.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <sqlite3.h>

namespace {

using fp::test::cli;
using fp::test::CliRun;
using fp::test::contains;

// Every file of the folder by name, with an FNV-1a checksum of its bytes.
std::map<std::string, std::uint64_t> snapshot(const std::filesystem::path& folder)
{
    std::map<std::string, std::uint64_t> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::uint64_t hash = 14695981039346656037ull;
        for (std::istreambuf_iterator<char> it(in), end; it != end; ++it)
            hash = (hash ^ static_cast<unsigned char>(*it)) * 1099511628211ull;
        files[entry.path().filename().string()] = hash;
    }
    return files;
}

std::string listing(const std::map<std::string, std::uint64_t>& files)
{
    std::string out;
    for (const auto& [name, hash] : files)
        out += name + " " + std::to_string(hash) + "\n";
    return out;
}

void sqliteFile(const std::string& path, const char* sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

// The CSV of the issue: 20 SKUs, each sold on 1900-01-01 and 2200-12-31 (40 data lines).
std::string fourHundredYearsCsv()
{
    std::string csv = "date,sku,units,price\n";
    for (int p = 0; p < 20; ++p)
        csv += "1900-01-01,S" + std::to_string(p) + ",1,10\n2200-12-31,S" + std::to_string(p) +
               ",1,10\n";
    return csv;
}

} // namespace

TEST(CliNoChange, EveryCommandOnAnEmptyOrForeignFileFailsAndLeavesItByteIdentical)
{
    fp::test::TempDir dir;
    dir.write("zero.flashplan", "");
    sqliteFile(dir.file("tableless.flashplan"), "CREATE TABLE t(x); DROP TABLE t;");
    sqliteFile(dir.file("foreign.flashplan"), "CREATE TABLE notes(text); "
                                              "INSERT INTO notes VALUES('mine');");
    dir.write("campaign.csv", "sku,stock\nA,10\n");
    dir.write("plan.csv", "sku,discount\nA,0.2\n");
    const auto before = snapshot(dir.path());
    const std::vector<std::string> commands = {
        "info",
        "train --model baseline",
        "forecast --start 2026-11-11 --days 3 --out " + dir.file("forecast.csv"),
        "plan --campaign " + dir.file("campaign.csv") + " --start 2026-11-11 --days 3 --out " +
            dir.file("recommended.csv"),
        "review --plan " + dir.file("plan.csv") + " --out " + dir.file("review.csv"),
        "backtest --out " + dir.file("backtest.csv"),
    };
    const std::vector<std::pair<std::string, std::string>> files = {
        {"zero.flashplan", "is empty: it holds no FlashPlan project"},
        {"tableless.flashplan", "is empty: it holds no FlashPlan project"},
        {"foreign.flashplan", "is an SQLite database but not a FlashPlan project"},
    };
    for (const auto& [file, message] : files) {
        for (const std::string& command : commands) {
            const std::string what = command.substr(0, command.find(' ')) + " on " + file;
            const CliRun r = cli(command + " --project " + dir.file(file));
            EXPECT_EQ(r.status, 2) << what << "\n" << r.output;
            EXPECT_TRUE(contains(r.output, dir.file(file) + " " + message)) << what << "\n"
                                                                            << r.output;
            EXPECT_EQ(listing(snapshot(dir.path())), listing(before)) << what;
        }
    }
}

TEST(CliNoChange, AFailedImportIntoANewPathCreatesNoFile)
{
    fp::test::TempDir dir;
    dir.write("bad.csv", "date,sku,units,price\n2025-01-01,A,1,5\n2025-01-02,A,-4,5\n");
    dir.write("zero.flashplan", "");
    const auto before = snapshot(dir.path());
    for (const char* project : {"new.flashplan", "zero.flashplan"}) {
        const CliRun r = cli(std::string("import --project ") + dir.file(project) + " --sales " +
                             dir.file("bad.csv"));
        EXPECT_EQ(r.status, 2) << project << "\n" << r.output;
        EXPECT_TRUE(contains(r.output, "bad.csv:3: column 3: units must be >= 0")) << r.output;
        EXPECT_TRUE(contains(r.output, "no project was created")) << r.output;
        EXPECT_EQ(listing(snapshot(dir.path())), listing(before)) << project;
    }
    // The same file, good, makes the project in place of the empty file.
    dir.write("good.csv", "date,sku,units,price\n2025-01-01,A,1,5\n2025-01-02,A,4,5\n");
    const CliRun r =
        cli("import --project " + dir.file("zero.flashplan") + " --sales " + dir.file("good.csv"));
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_GT(std::filesystem::file_size(dir.file("zero.flashplan")), 0u);
    EXPECT_EQ(cli("info --project " + dir.file("zero.flashplan")).status, 0);
}

TEST(CliNoChange, AFailedImportIntoAProjectLeavesItByteIdentical)
{
    fp::test::TempDir dir;
    dir.write("good.csv", "date,sku,units,price\n2025-01-01,A,1,5\n2025-01-02,A,4,5\n");
    ASSERT_EQ(
        cli("import --project " + dir.file("p.flashplan") + " --sales " + dir.file("good.csv"))
            .status,
        0);
    dir.write("again.csv", "date,sku,units,price\n2025-01-03,B,1,5\n2025-01-02,A,4,5\n");
    dir.write("bad.csv", "date,sku,units,price\n2025-01-03,B,1,5\n2025-01-04,B,x,5\n");
    dir.write("span.csv", fourHundredYearsCsv());
    const auto before = snapshot(dir.path());
    for (const char* sales : {"again.csv", "bad.csv", "span.csv"}) {
        const CliRun r =
            cli("import --project " + dir.file("p.flashplan") + " --sales " + dir.file(sales));
        EXPECT_EQ(r.status, 2) << sales << "\n" << r.output;
        EXPECT_TRUE(contains(r.output, "the project is unchanged")) << r.output;
        EXPECT_EQ(listing(snapshot(dir.path())), listing(before)) << sales;
    }
}

// The 40-line CSV of the issue was filled to 2.2 million rows (a 42 MB project).
TEST(CliNoChange, DatesCenturiesApartAreRefusedAtOnceNamingTheSpanAndTheirLines)
{
    fp::test::TempDir dir;
    dir.write("span.csv", fourHundredYearsCsv());
    const auto before = snapshot(dir.path());
    const auto start = std::chrono::steady_clock::now();
    const CliRun r =
        cli("import --project " + dir.file("p.flashplan") + " --sales " + dir.file("span.csv"));
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(contains(r.output, "span.csv: the dates of sku 'S0' span 301.0 years, from "
                                   "1900-01-01 (line 2) to 2200-12-31 (line 3), with periods "
                                   "missing between them"))
        << r.output;
    EXPECT_LT(seconds.count(), 2.0);
    EXPECT_EQ(listing(snapshot(dir.path())), listing(before));
}
