// End-to-end, issue 16 finding 7: no work lost to a lock. `train` refuses at once while another
// process writes the project, and a fit that finishes while another process writes waits to be
// saved instead of being thrown away.
#include "base/civildate.h"
#include "support/clirun.h"
#include "support/tempdir.h"

#include <array>
#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <poll.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using fp::test::cli;
using fp::test::CliRun;
using fp::test::contains;
using namespace std::chrono_literals;

// flashplan-cli running alongside the test, its stdout and stderr read as they come.
class CliProcess final
{
public:
    explicit CliProcess(const std::vector<std::string>& args)
    {
        int out[2];
        if (pipe(out) != 0)
            return;
        m_pid = fork();
        if (m_pid == 0) {
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
        m_out = out[0];
    }
    ~CliProcess()
    {
        if (m_out >= 0) // a test that failed half way: stop it, so that it cannot wait forever
            kill(m_pid, SIGTERM);
        finish();
    }
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;

    const std::string& output() const { return m_output; }
    // Reads until the output shows `cue`, the process ends or `timeout` passes.
    bool waitFor(const std::string& cue, std::chrono::milliseconds timeout)
    {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (!contains(m_output, cue) && std::chrono::steady_clock::now() < end)
            if (!readSome(end))
                break;
        return contains(m_output, cue);
    }
    // Reads what comes for `duration`.
    void readFor(std::chrono::milliseconds duration)
    {
        const auto end = std::chrono::steady_clock::now() + duration;
        while (std::chrono::steady_clock::now() < end)
            if (!readSome(end))
                break;
    }
    // Reads to the end of the output and waits for the process.
    CliRun finish()
    {
        if (m_out >= 0) {
            while (readSome(std::chrono::steady_clock::now() + 120s)) {
            }
            close(m_out);
            m_out = -1;
            int raw = 0;
            waitpid(m_pid, &raw, 0);
            m_status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        }
        return {m_status, m_output};
    }

private:
    // False at the end of the output.
    bool readSome(std::chrono::steady_clock::time_point until)
    {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            until - std::chrono::steady_clock::now());
        pollfd fd{m_out, POLLIN, 0};
        if (poll(&fd, 1, static_cast<int>(std::max<long long>(0, left.count()))) <= 0)
            return true; // nothing yet
        std::array<char, 4096> buf{};
        const ssize_t n = read(m_out, buf.data(), buf.size());
        if (n <= 0)
            return false;
        m_output.append(buf.data(), static_cast<size_t>(n));
        return true;
    }

    pid_t m_pid = -1;
    int m_out = -1;
    int m_status = -1;
    std::string m_output;
};

// Another program writing the project: a write transaction held on a connection of this test.
class Writer final
{
public:
    explicit Writer(const std::string& project)
    {
        sqlite3_open(project.c_str(), &m_db);
        sqlite3_busy_timeout(m_db, 5000);
        m_began = sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    ~Writer()
    {
        release();
        sqlite3_close(m_db);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    bool began() const { return m_began; }
    void release()
    {
        if (m_began)
            sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        m_began = false;
    }

private:
    sqlite3* m_db = nullptr;
    bool m_began = false;
};

int modelCount(const std::string& project)
{
    sqlite3* db = nullptr;
    sqlite3_open(project.c_str(), &db);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM models", -1, &stmt, nullptr);
    const int count = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count;
}

// A project with a year of daily sales of 60 products, prices moving, ready to train.
std::string trainableProject(const fp::test::TempDir& dir)
{
    std::string csv = "date,sku,units,price,list_price\n";
    for (int d = 0; d < 365; ++d) {
        const std::string date = fp::formatIsoDate(fp::daysFromCivil(2024, 1, 1) + d);
        for (int p = 0; p < 60; ++p) {
            const bool discounted = (d + p) % 9 == 0;
            csv += date + ",P" + std::to_string(p) + "," +
                   std::to_string((d * 7 + p * 3) % 11 + (discounted ? 6 : 0)) +
                   (discounted ? ",7,10\n" : ",10,10\n");
        }
    }
    const std::string project = dir.file("p.flashplan");
    const CliRun r = cli("import --project " + project + " --sales " + dir.write("sales.csv", csv));
    EXPECT_EQ(r.status, 0) << r.output;
    return project;
}

std::string thisProcess()
{
    return "test_cli_reliability, pid " + std::to_string(getpid());
}

} // namespace

TEST(CliLock, TrainRefusesAtOnceWhileAnotherProcessWritesTheProjectNamingIt)
{
    fp::test::TempDir dir;
    const std::string project = trainableProject(dir);
    Writer writer(project);
    ASSERT_TRUE(writer.began());
    const auto start = std::chrono::steady_clock::now();
    const CliRun r = cli("train --model baseline --project " + project);
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    writer.release();
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(contains(r.output, project + " is being written by another program (" +
                                       thisProcess() + "); try again when it has finished"))
        << r.output;
    EXPECT_FALSE(contains(r.output, "training")) << r.output; // it did not start
    EXPECT_LT(seconds.count(), 4.0);
    EXPECT_EQ(modelCount(project), 0);
}

TEST(CliLock, AFitThatFinishesWhileAnotherProcessWritesWaitsAndIsSaved)
{
    fp::test::TempDir dir;
    const std::string project = trainableProject(dir);
    CliProcess train({"train", "--model", "structured", "--project", project});
    ASSERT_TRUE(train.waitFor("loading", 60s)) << train.output();
    Writer writer(project); // comes after train's check, before its save
    ASSERT_TRUE(writer.began());
    ASSERT_TRUE(train.waitFor("saving", 60s)) << train.output();
    train.readFor(7s); // longer than the 5 s SQLite waited before the save failed
    writer.release();
    const CliRun r = train.finish();
    EXPECT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "waiting to save the fit: " + project + " is being written by " +
                                       thisProcess()))
        << r.output;
    EXPECT_TRUE(contains(r.output, "stored as model #1")) << r.output;
    EXPECT_EQ(modelCount(project), 1);
}
