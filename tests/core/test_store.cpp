#include "store/newprojectfile.h"
#include "store/schema.h"
#include "store/store.h"
#include "support/tempdir.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <sys/wait.h>
#include <unistd.h>

using namespace fp;
using fp::store::Store;

namespace {
std::string pragma(Store& store, const char* name)
{
    sql::Statement stmt(store.database(), std::string("PRAGMA ") + name);
    return stmt.step() ? stmt.text(0) : std::string();
}
} // namespace

TEST(Store, NewProjectHasCurrentSchemaWalAndForeignKeys)
{
    test::TempDir dir;
    Store store(dir.file("p.flashplan"));
    EXPECT_EQ(pragma(store, "user_version"), std::to_string(store::currentSchemaVersion()));
    EXPECT_EQ(pragma(store, "journal_mode"), "wal");
    EXPECT_EQ(pragma(store, "foreign_keys"), "1");
    EXPECT_EQ(pragma(store, "application_id"), std::to_string(Store::kApplicationId));
    EXPECT_EQ(store.periodDays(), 0);
    EXPECT_FALSE(store.summary().firstDay.has_value());
}

TEST(Store, ForeignKeysRejectSalesOfUnknownProducts)
{
    test::TempDir dir;
    Store store(dir.file("p.flashplan"));
    sql::Statement insert(store.database(),
                          "INSERT INTO sales(product_id, day, units) VALUES(42, 1, 1)");
    EXPECT_THROW(insert.run(), sql::SqlError);
}

TEST(Store, MetaRoundTripsAndSurvivesReopen)
{
    test::TempDir dir;
    {
        Store store(dir.file("p.flashplan"));
        store.setMeta("period_days", "7");
        store.setMeta("period_days", "1");
    }
    Store again(dir.file("p.flashplan"), Store::OpenMode::MustExist);
    EXPECT_EQ(again.periodDays(), 1);
}

TEST(Store, MustExistAndReadOnlyRefuseMissingFiles)
{
    test::TempDir dir;
    EXPECT_THROW(Store(dir.file("none.flashplan"), Store::OpenMode::MustExist), FlashPlanError);
    EXPECT_THROW(Store(dir.file("none.flashplan"), Store::OpenMode::ReadOnly), FlashPlanError);
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.flashplan")));
}

TEST(Store, RefusesAFileFromANewerVersion)
{
    test::TempDir dir;
    {
        Store store(dir.file("p.flashplan"));
        store.database().exec("PRAGMA user_version = 999");
    }
    try {
        Store store(dir.file("p.flashplan"));
        FAIL() << "opened a future schema";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("newer FlashPlan"), std::string::npos);
    }
}

TEST(Store, ReadOnlyRefusesAFileFromANewerVersion)
{
    test::TempDir dir;
    {
        Store store(dir.file("p.flashplan"));
        store.database().exec("PRAGMA user_version = 999");
    }
    try {
        Store store(dir.file("p.flashplan"), Store::OpenMode::ReadOnly);
        FAIL() << "opened a future schema";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("newer FlashPlan"), std::string::npos);
    }
}

TEST(Store, ReadOnlyUpgradesAProjectFromAnOlderVersionInPlace)
{
    test::TempDir dir;
    {
        // Version 1 as it was written: without the columns version 2 added.
        Store store(dir.file("p.flashplan"));
        store.database().exec("ALTER TABLE scenarios DROP COLUMN total_units;"
                              "ALTER TABLE scenarios DROP COLUMN total_revenue;"
                              "ALTER TABLE scenarios DROP COLUMN total_profit;"
                              "ALTER TABLE scenarios DROP COLUMN total_markdown_cost;"
                              "ALTER TABLE campaign_products DROP COLUMN position;"
                              "DROP TABLE working_plan_products; DROP TABLE working_plans;"
                              "DROP TABLE new_products; DROP TABLE scenario_new_products;"
                              "DROP TABLE backtest_events;"
                              "DROP TABLE backtest_rows; DROP TABLE backtests;"
                              "PRAGMA user_version = 1;");
    }
    Store store(dir.file("p.flashplan"), Store::OpenMode::ReadOnly);
    EXPECT_EQ(pragma(store, "user_version"), std::to_string(store::currentSchemaVersion()));
    EXPECT_NO_THROW(store.summary());
}

TEST(Store, RefusesForeignSqliteDatabasesAndNonDatabases)
{
    test::TempDir dir;
    {
        sql::Database other(dir.file("other.db"), sql::Database::Mode::ReadWriteCreate);
        other.exec("CREATE TABLE t(x)");
    }
    EXPECT_THROW(Store(dir.file("other.db")), FlashPlanError);
    dir.write("text.flashplan", std::string(4096, 'x'));
    EXPECT_THROW(Store(dir.file("text.flashplan")), FlashPlanError);
}

// Issue 16, finding 4: `train` on an empty file wrote the FlashPlan schema into it.
TEST(Store, OnlyCreateIfMissingWritesASchemaIntoAnEmptyFile)
{
    test::TempDir dir;
    const std::string zero = dir.write("zero.flashplan", "");
    {
        sql::Database db(dir.file("nothing.flashplan"), sql::Database::Mode::ReadWriteCreate);
        db.exec("CREATE TABLE t(x); DROP TABLE t"); // an SQLite file without tables
    }
    const std::string nothing = dir.file("nothing.flashplan");
    const auto sizeBefore = std::filesystem::file_size(nothing);
    for (const std::string& path : {zero, nothing}) {
        for (const Store::OpenMode mode : {Store::OpenMode::MustExist, Store::OpenMode::ReadOnly}) {
            try {
                Store store(path, mode);
                ADD_FAILURE() << path << " was opened";
            } catch (const FlashPlanError& e) {
                EXPECT_EQ(e.problem().kind, ProblemKind::EmptyProjectFile) << e.what();
            }
        }
    }
    EXPECT_EQ(std::filesystem::file_size(zero), 0u);
    EXPECT_EQ(std::filesystem::file_size(nothing), sizeBefore);
    Store created(zero, Store::OpenMode::CreateIfMissing);
    EXPECT_EQ(pragma(created, "user_version"), std::to_string(store::currentSchemaVersion()));
}

TEST(NewProjectFile, IsRenamedIntoPlaceOnCommitAndRemovedOtherwise)
{
    test::TempDir dir;
    const std::string target = dir.file("p.flashplan");
    EXPECT_TRUE(store::NewProjectFile::isNew(target));
    {
        store::NewProjectFile draft(target);
        EXPECT_EQ(std::filesystem::path(draft.path()).parent_path(), dir.path());
        Store store(draft.path());
        store.database().exec("BEGIN IMMEDIATE");
    } // not committed: the file and its -wal and -shm are gone
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
    {
        store::NewProjectFile draft(target);
        {
            Store store(draft.path());
        }
        draft.commit();
    }
    EXPECT_FALSE(store::NewProjectFile::isNew(target));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
    EXPECT_NO_THROW(Store(target, Store::OpenMode::MustExist));
}

// Issue 16: an import into a new path killed with kill -9 left its hidden draft behind for good;
// the next import into that path removes the drafts of processes that have ended, and only those.
TEST(NewProjectFile, TheDraftsOfKilledImportsAreRemovedAndRunningOnesKept)
{
    test::TempDir dir;
    const std::string target = dir.file("p.flashplan");
    const pid_t ended = ::fork();
    if (ended == 0)
        ::_exit(0);
    ASSERT_GT(ended, 0);
    ::waitpid(ended, nullptr, 0); // its pid now names no process
    const std::string endedDraft = dir.file(".p.flashplan." + std::to_string(ended) + ".new");
    const std::string runningDraft =
        dir.file(".p.flashplan." + std::to_string(::getppid()) + ".new");
    const std::string otherProject = dir.file(".q.flashplan." + std::to_string(ended) + ".new");
    for (const std::string& path : {endedDraft, endedDraft + "-wal", runningDraft, otherProject})
        std::ofstream(path) << "draft";
    {
        store::NewProjectFile draft(target);
    }
    EXPECT_FALSE(std::filesystem::exists(endedDraft));
    EXPECT_FALSE(std::filesystem::exists(endedDraft + "-wal"));
    EXPECT_TRUE(std::filesystem::exists(runningDraft));
    EXPECT_TRUE(std::filesystem::exists(otherProject));
}

TEST(NewProjectFile, NeverReplacesAProjectAnotherImportMadeMeanwhile)
{
    test::TempDir dir;
    const std::string target = dir.file("p.flashplan");
    store::NewProjectFile draft(target);
    {
        Store store(draft.path());
    }
    {
        Store other(target); // the other import, done first
        other.database().exec("BEGIN IMMEDIATE");
        other.setMeta("mine", "1");
        other.database().exec("COMMIT");
    }
    try {
        draft.commit();
        ADD_FAILURE() << "the other import's project was replaced";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find("another program made it while this import ran"),
                  std::string::npos)
            << e.what();
    }
    Store kept(target, Store::OpenMode::MustExist);
    EXPECT_EQ(kept.meta("mine"), "1");
}

TEST(Transaction, RollsBackUnlessCommitted)
{
    test::TempDir dir;
    Store store(dir.file("p.flashplan"));
    {
        sql::Transaction t(store.database());
        store.setMeta("k", "v");
    }
    EXPECT_FALSE(store.meta("k").has_value());
    {
        sql::Transaction t(store.database());
        store.setMeta("k", "v");
        t.commit();
    }
    EXPECT_EQ(store.meta("k"), "v");
}

TEST(Statement, BindsUserTextAsDataNeverAsSql)
{
    test::TempDir dir;
    Store store(dir.file("p.flashplan"));
    const std::string hostile = "x'); DROP TABLE products; --";
    sql::Statement insert(store.database(), "INSERT INTO products(sku) VALUES(?1)");
    insert.bind(1, hostile).run();
    ASSERT_EQ(store.products().size(), 1u);
    EXPECT_EQ(store.products()[0].sku, hostile);
}

TEST(Store, AProjectInAFolderThatCannotBeWrittenSaysSoNotThatItIsNoProject)
{
    test::TempDir dir;
    const std::string folder = dir.file("locked");
    std::filesystem::create_directory(folder);
    const std::string path = folder + "/p.flashplan";
    {
        Store store(path);
    }
    // Immutable: not even root may create the journal files beside the project.
    if (std::system(("chattr +i '" + folder + "' 2>/dev/null").c_str()) != 0)
        GTEST_SKIP() << "chattr cannot make a folder read-only here";
    std::optional<Problem> problem;
    try {
        Store store(path, Store::OpenMode::MustExist);
    } catch (const FlashPlanError& e) {
        problem = e.problem();
    }
    std::system(("chattr -i '" + folder + "'").c_str());
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->kind, ProblemKind::ProjectNotWritable) << problem->describe();
    EXPECT_NE(problem->message().find("copy it to a folder you can write to"), std::string::npos);
}

// Issue 16, 3: a damaged setting and a busy project are said in words, not "stoi" or
// "database is locked".
TEST(Store, ADamagedPeriodLengthSaysWhichSettingNotStoi)
{
    test::TempDir dir;
    Store store(dir.file("p.flashplan"));
    for (const char* bad : {"seven", "", "7x", "-1", "99999999999"}) {
        store.setMeta("period_days", bad);
        try {
            store.periodDays();
            ADD_FAILURE() << "no error for '" << bad << "'";
        } catch (const FlashPlanError& e) {
            EXPECT_EQ(e.problem().kind, ProblemKind::ProjectSettingDamaged) << bad;
            EXPECT_NE(std::string(e.what()).find("period_days"), std::string::npos) << e.what();
        }
    }
    store.setMeta("period_days", "7");
    EXPECT_EQ(store.periodDays(), 7);
}

TEST(Store, AProjectAnotherConnectionIsWritingIsBusyNotLocked)
{
    test::TempDir dir;
    const std::string path = dir.file("p.flashplan");
    Store writer(path);
    Store other(path);
    writer.database().exec("BEGIN IMMEDIATE");
    other.database().setBusyTimeout(50);
    try {
        other.setMeta("x", "1");
        ADD_FAILURE() << "the second writer was not refused";
    } catch (const sql::SqlError& e) {
        EXPECT_EQ(e.problem().kind, ProblemKind::ProjectBusy);
        EXPECT_NE(std::string(e.what()).find("p.flashplan is being written by another program"),
                  std::string::npos)
            << e.what();
    }
    try {
        other.database().exec("BEGIN IMMEDIATE");
        ADD_FAILURE() << "the second BEGIN IMMEDIATE was not refused";
    } catch (const sql::SqlError& e) {
        EXPECT_EQ(e.problem().kind, ProblemKind::ProjectBusy);
    }
    writer.database().exec("COMMIT");
    other.setMeta("x", "1");
    EXPECT_EQ(other.meta("x"), "1");
}
