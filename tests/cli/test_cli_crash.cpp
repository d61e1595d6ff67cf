// Crash test (issue 16): the real flashplan-cli is killed with SIGKILL while it imports and while
// it trains, at five moments spread over the run: each when the command has printed a given line
// of its progress, so that the moments are the same on a busy machine and an idle one. Afterwards
// the project passes `PRAGMA integrity_check`, holds exactly what it held before (every table, to
// the bit) or exactly what a finished run leaves, and the same command run again succeeds.
#include "support/tabledigest.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"
#include "synth/market.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
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
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

// A moment to kill at: when the command has printed its `occurrence`-th line holding `text`.
struct KillPoint
{
    std::string text;
    int occurrence = 1;
};

// Runs the CLI with `args`, its output (stdout and stderr) to `log`, or to a pipe when `log` is
// empty (its read end in *pipeOut); returns its pid.
pid_t startCli(const std::vector<std::string>& args, const std::string& log, int* pipeOut = nullptr)
{
    std::vector<std::string> argv{FLASHPLAN_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (std::string& a : argv)
        raw.push_back(a.data());
    raw.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    int fds[2] = {-1, -1};
    if (log.empty()) {
        if (pipe(fds) != 0)
            return -1;
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
        posix_spawn_file_actions_addclose(&actions, fds[1]);
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
    }
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, raw[0], &actions, nullptr, raw.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (log.empty()) {
        close(fds[1]);
        *pipeOut = fds[0];
    }
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
    // run of it at each of `points`, checks the killed project, and reruns the command on it.
    static void killAt(const std::vector<std::string>& args, const std::vector<KillPoint>& points)
    {
        const std::string before = Project(s_base).everything();
        const std::string reference = copyOfBase("reference.flashplan");
        ASSERT_EQ(runToEnd(withProject(args, reference)), 0) << readFile(s_dir->file("run.log"));
        const std::string finished = Project(reference).outcome();
        ASSERT_NE(Project(reference).everything(), before) << "the run changed nothing";

        int killedMidRun = 0, leftAsBefore = 0;
        for (const KillPoint& point : points) {
            SCOPED_TRACE("killed at line " + std::to_string(point.occurrence) + " holding '" +
                         point.text + "'");
            const std::string project = copyOfBase("killed.flashplan");
            std::string output;
            const bool killed = killAtLine(withProject(args, project), point, output);
            killedMidRun += killed;
            if (!killed)
                std::fprintf(stderr, "the command ended before the kill; it printed:\n%s",
                             output.c_str());
            {
                const Project afterKill(project);
                EXPECT_EQ(afterKill.integrity(), "ok");
                const bool asBefore = afterKill.everything() == before;
                leftAsBefore += asBefore;
                // Killed after its commit, the run's work is all there; else nothing of it is.
                if (!asBefore) {
                    EXPECT_EQ(afterKill.outcome(), finished)
                        << afterKill.everything() << "before:\n"
                        << before;
                }
            }
            EXPECT_EQ(runToEnd(withProject(args, project)), 0) << readFile(s_dir->file("run.log"));
            EXPECT_EQ(Project(project).outcome(), finished);
        }
        // The last moment may race the command's end; the others come well before it.
        EXPECT_GE(killedMidRun, static_cast<int>(points.size()) - 1);
        EXPECT_GE(leftAsBefore, 1) << "no kill landed before the command's commit";
    }

    // Starts the command and kills it with SIGKILL once it has printed the line `point` names;
    // true when the kill ended it (it had not ended by itself).
    static bool killAtLine(const std::vector<std::string>& args, const KillPoint& point,
                           std::string& output)
    {
        int fd = -1;
        const pid_t pid = startCli(args, "", &fd);
        if (pid <= 0)
            return false;
        FILE* lines = fdopen(fd, "r");
        int seen = 0;
        char* line = nullptr;
        size_t capacity = 0;
        while (getline(&line, &capacity, lines) > 0) {
            output += line;
            if (std::string(line).find(point.text) != std::string::npos &&
                ++seen == point.occurrence) {
                kill(pid, SIGKILL);
                break;
            }
        }
        free(line);
        fclose(lines); // the command, if it still ran, may get SIGPIPE: it is killed already
        int status = 0;
        waitpid(pid, &status, 0);
        return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
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
    // Progress lines, one each 10% (reading the file is the first half, writing the rows the
    // second), the last one just before the commit. --on-duplicate last: a rerun after a kill
    // that came after the commit replaces the same rows.
    killAt({"import", "--project", "PROJECT", "--sales", newerSales(), "--on-duplicate", "last"},
           {{"%", 1}, {"%", 3}, {"%", 5}, {"%", 7}, {"100%", 1}});
}

TEST_F(CliCrash, AKilledTrainingKeepsTheStoredModelOrStoresItsOwnAndARerunSucceeds)
{
    // The structured model: fitted on the history before the held-out days, refitted on all of
    // it, then saved.
    killAt({"train", "--project", "PROJECT", "--model", "structured"}, {{"training structured", 1},
                                                                        {"iteration 50", 1},
                                                                        {"refitting", 1},
                                                                        {"iteration 25", 2},
                                                                        {"saving", 1}});
}

} // namespace
