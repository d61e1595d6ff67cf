// Crash test (issue 16): the real flashplan-cli is killed with SIGKILL while it imports and while
// it trains, at five moments spread over a run as long as an uninterrupted one took. Afterwards the
// project passes `PRAGMA integrity_check`, holds exactly what it held before (every table, to the
// bit) or exactly what a finished run leaves, and the same command run again succeeds.
#include "support/tabledigest.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"
#include "synth/market.h"

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <spawn.h>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kKillPoints = 5;

// Runs the CLI with `args`, its output to `log`; returns its pid.
pid_t startCli(const std::vector<std::string>& args, const std::string& log)
{
    std::vector<std::string> argv{FLASHPLAN_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (std::string& a : argv)
        raw.push_back(a.data());
    raw.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// An open project file, for the checks after a run.
class Project final
{
public:
    explicit Project(const std::string& path)
    {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            m_error = std::string("cannot open: ") + sqlite3_errmsg(m_db);
    }
    ~Project() { sqlite3_close(m_db); }
    Project(const Project&) = delete;
    Project& operator=(const Project&) = delete;

    std::string integrity() const
    {
        if (!m_error.empty())
            return m_error;
        const std::vector<std::string> rows =
            fp::test::columnsQuery(m_db, "PRAGMA integrity_check");
        return rows.size() == 1 ? rows[0] : "integrity_check gave " + std::to_string(rows.size());
    }
    // Every table, to the bit: what the project held before a run.
    std::string everything() const
    {
        return m_error.empty() ? fp::test::databaseDigest(m_db) : m_error;
    }
    // What a finished run leaves that is the same from run to run (no timestamps): the sales and
    // what they name, and the active model's kind and parameters.
    std::string outcome() const
    {
        if (!m_error.empty())
            return m_error;
        std::string out;
        for (const char* sql :
             {"SELECT * FROM sales ORDER BY 1, 2", "SELECT * FROM products ORDER BY 1",
              "SELECT * FROM categories ORDER BY 1", "SELECT * FROM events ORDER BY 1",
              "SELECT kind, format_version, seed, params FROM models WHERE is_active = 1"})
            out += std::string(sql) + ": " + fp::test::queryDigest(m_db, sql) + "\n";
        return out;
    }

private:
    sqlite3* m_db = nullptr;
    std::string m_error;
};

class CliCrash : public ::testing::Test
{
protected:
    // A project with the first 90 days of 400 products' sales and a baseline model; the next 640
    // days in a file of their own (a quarter of a million rows, an import of about a second).
    static void SetUpTestSuite()
    {
        s_dir = std::make_unique<fp::test::TempDir>();
        fp::synth::MarketConfig config;
        config.products = 400;
        config.days = 730;
        const fp::synth::Market market(config);
        std::ostringstream all;
        fp::synth::writeSalesCsv(market, all);
        const std::string split = "2025-02-09"; // day 90 of the history
        std::istringstream lines(all.str());
        std::ofstream older(s_dir->file("older.csv")), newer(s_dir->file("newer.csv"));
        std::string line;
        std::getline(lines, line);
        older << line << '\n';
        newer << line << '\n';
        while (std::getline(lines, line))
            (line.compare(0, split.size(), split) < 0 ? older : newer) << line << '\n';
        older.close();
        newer.close();
        s_base = s_dir->file("base.flashplan");
        for (const std::vector<std::string>& setup :
             {std::vector<std::string>{"import", "--project", s_base, "--sales",
                                       s_dir->file("older.csv")},
              std::vector<std::string>{"train", "--project", s_base, "--model", "baseline"}}) {
            int status = -1;
            waitpid(startCli(setup, s_dir->file("setup.log")), &status, 0);
            ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
                << readFile(s_dir->file("setup.log"));
        }
        ASSERT_FALSE(fs::exists(s_base + "-wal")) << "the project was not closed cleanly";
    }
    static void TearDownTestSuite() { s_dir.reset(); }

    // A fresh copy of the base project.
    static std::string copyOfBase(const std::string& name)
    {
        const std::string path = s_dir->file(name);
        for (const char* suffix : {"", "-wal", "-shm"})
            fs::remove(path + suffix);
        fs::copy_file(s_base, path);
        return path;
    }

    // Runs `args` (PROJECT in them stands for a copy of the base project) to its end, then kills a
    // run of it at kKillPoints moments spread over as long as that took, checking each killed
    // project, and reruns the command on it.
    static void killAtFiveMoments(const std::vector<std::string>& args)
    {
        const std::string before = Project(s_base).everything();
        const std::string reference = copyOfBase("reference.flashplan");
        const Clock::time_point start = Clock::now();
        ASSERT_EQ(runToEnd(withProject(args, reference)), 0) << readFile(s_dir->file("run.log"));
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        const std::string finished = Project(reference).outcome();
        ASSERT_NE(Project(reference).everything(), before) << "the run changed nothing";

        int killedMidRun = 0, leftAsBefore = 0;
        for (int k = 1; k <= kKillPoints; ++k) {
            const double at = seconds * k / (kKillPoints + 1);
            SCOPED_TRACE("killed " + std::to_string(at) + " s into a run of " +
                         std::to_string(seconds) + " s");
            const std::string project = copyOfBase("killed.flashplan");
            const pid_t pid = startCli(withProject(args, project), s_dir->file("run.log"));
            ASSERT_GT(pid, 0);
            std::this_thread::sleep_for(std::chrono::duration<double>(at));
            kill(pid, SIGKILL);
            int status = 0;
            waitpid(pid, &status, 0);
            killedMidRun += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
            {
                const Project killed(project);
                EXPECT_EQ(killed.integrity(), "ok");
                const bool asBefore = killed.everything() == before;
                leftAsBefore += asBefore;
                // Killed after its commit, the run's work is all there; else nothing of it is.
                if (!asBefore) {
                    EXPECT_EQ(killed.outcome(), finished) << killed.everything() << "before:\n"
                                                          << before;
                }
            }
            EXPECT_EQ(runToEnd(withProject(args, project)), 0) << readFile(s_dir->file("run.log"));
            EXPECT_EQ(Project(project).outcome(), finished);
        }
        EXPECT_GE(killedMidRun, kKillPoints - 2) << "most kills must land while the command runs";
        EXPECT_GE(leftAsBefore, 1) << "no kill landed before the command's commit";
    }

    static int runToEnd(const std::vector<std::string>& args)
    {
        int status = -1;
        const pid_t pid = startCli(args, s_dir->file("run.log"));
        if (pid <= 0 || waitpid(pid, &status, 0) != pid)
            return -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    static std::vector<std::string> withProject(std::vector<std::string> args,
                                                const std::string& project)
    {
        for (std::string& a : args)
            if (a == "PROJECT")
                a = project;
        return args;
    }

    static std::string newerSales() { return s_dir->file("newer.csv"); }

private:
    static inline std::unique_ptr<fp::test::TempDir> s_dir;
    static inline std::string s_base;
};

TEST_F(CliCrash, AKilledImportLeavesTheProjectAsItWasOrCompleteAndARerunSucceeds)
{
    // --on-duplicate last: a rerun after a kill that came after the commit replaces the same rows.
    killAtFiveMoments(
        {"import", "--project", "PROJECT", "--sales", newerSales(), "--on-duplicate", "last"});
}

TEST_F(CliCrash, AKilledTrainingKeepsTheStoredModelOrStoresItsOwnAndARerunSucceeds)
{
    // The structured model: fitted, refitted on all history, then saved (half a second or so).
    killAtFiveMoments({"train", "--project", "PROJECT", "--model", "structured"});
}

} // namespace
