// AtomicFile: a file is replaced whole or not at all, and failures say where and why.
#include "base/atomicfile.h"
#include "base/error.h"
#include "support/tempdir.h"

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gtest/gtest.h>
#include <sched.h>
#include <sstream>
#include <stdexcept>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace fp;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int filesIn(const std::filesystem::path& dir)
{
    int count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir))
        ++count;
    return count;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// The message of the FlashPlanError `write` throws, or "" when it does not throw.
std::string errorOf(const std::function<void()>& write)
{
    try {
        write();
    } catch (const FlashPlanError& e) {
        return e.what();
    }
    return "";
}

// Runs `body` in a child process and returns the text it produced, so a test can change the
// child's user or mount a file system without touching the test process.
std::string inChildProcess(const std::function<std::string()>& body)
{
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return "SKIP: no pipe";
    const pid_t pid = ::fork();
    if (pid < 0)
        return "SKIP: no fork";
    if (pid == 0) {
        ::close(pipeFds[0]);
        std::string out;
        try {
            out = body();
        } catch (const std::exception& e) {
            out = std::string("unexpected exception: ") + e.what();
        }
        const ssize_t written = ::write(pipeFds[1], out.data(), out.size());
        ::_exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
    }
    ::close(pipeFds[1]);
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        out.append(buffer, static_cast<size_t>(n));
    ::close(pipeFds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return out;
}

bool writeText(const char* path, const std::string& text)
{
    std::ofstream out(path);
    out << text;
    return static_cast<bool>(out.flush());
}

// In a child: a private mount namespace (as root, or as a user through a user namespace) with a
// 16 KiB tmpfs mounted on `dir`. Returns why not, or "".
std::string mountTinyFileSystem(const std::string& dir)
{
    if (::geteuid() != 0) {
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return std::string("no user namespace: ") + std::strerror(errno);
        writeText("/proc/self/setgroups", "deny");
        if (!writeText("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1\n") ||
            !writeText("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1\n"))
            return "cannot map the user into its namespace";
    } else if (::unshare(CLONE_NEWNS) != 0) {
        return std::string("no mount namespace: ") + std::strerror(errno);
    }
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return std::string("cannot make mounts private: ") + std::strerror(errno);
    if (::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=16k") != 0)
        return std::string("cannot mount a tmpfs: ") + std::strerror(errno);
    return "";
}

} // namespace

TEST(AtomicFile, ReplacesTheTargetAndLeavesNothingElse)
{
    test::TempDir dir;
    const std::string path = dir.write("out.csv", "old content that is longer than the new one");
    writeFileAtomically(path, std::string_view("new\n"));
    EXPECT_EQ(readFile(path), "new\n");
    EXPECT_EQ(filesIn(dir.path()), 1);

    writeFileAtomically(path, [](std::ostream& out) { out << "a," << 42 << ',' << 0.5 << '\n'; });
    EXPECT_EQ(readFile(path), "a,42,0.5\n");
    EXPECT_EQ(filesIn(dir.path()), 1);
}

TEST(AtomicFile, CreatesAMissingTargetOnlyOnCommit)
{
    test::TempDir dir;
    const std::string path = dir.file("new.csv");
    AtomicFile file(path);
    file.stream() << "x,y\n";
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_TRUE(std::filesystem::exists(file.tempPath()));
    EXPECT_EQ(std::filesystem::path(file.tempPath()).parent_path(), dir.path()); // same folder
    file.commit();
    EXPECT_EQ(readFile(path), "x,y\n");
    EXPECT_FALSE(std::filesystem::exists(file.tempPath()));
}

TEST(AtomicFile, LargeWritesArriveWhole)
{
    test::TempDir dir;
    const std::string path = dir.file("big.bin");
    std::string content;
    for (int i = 0; i < 300000; ++i)
        content += static_cast<char>('a' + i % 26);
    writeFileAtomically(path, [&](std::ostream& out) {
        out.write(content.data(), 1000);                 // buffered
        out.write(content.data() + 1000, 200000);        // straight to the file
        out << std::string_view(content).substr(201000); // the rest
    });
    EXPECT_EQ(readFile(path), content);
}

TEST(AtomicFile, AThrowingWriterLeavesTheOldFileAndNoTemporary)
{
    test::TempDir dir;
    const std::string path = dir.write("out.csv", "old");
    EXPECT_THROW(writeFileAtomically(path,
                                     [](std::ostream& out) {
                                         out << std::string(200000, 'x'); // on disk already
                                         throw std::runtime_error("the writer failed");
                                     }),
                 std::runtime_error);
    EXPECT_EQ(readFile(path), "old");
    EXPECT_EQ(filesIn(dir.path()), 1);
}

TEST(AtomicFile, WithoutCommitTheTemporaryGoes)
{
    test::TempDir dir;
    const std::string path = dir.write("out.csv", "old");
    {
        AtomicFile file(path);
        file.stream() << "abandoned";
        EXPECT_EQ(filesIn(dir.path()), 2);
    }
    EXPECT_EQ(readFile(path), "old");
    EXPECT_EQ(filesIn(dir.path()), 1);
}

TEST(AtomicFile, ALibraryCanWriteTheTemporaryByName)
{
    test::TempDir dir;
    const std::string path = dir.write("book.xlsx", "old");
    AtomicFile file(path);
    {
        // As libxlsxwriter does: open the name, truncate, write, close.
        std::ofstream byName(file.tempPath(), std::ios::binary | std::ios::trunc);
        byName << "written by name";
    }
    file.commit();
    EXPECT_EQ(readFile(path), "written by name");
    EXPECT_EQ(filesIn(dir.path()), 1);
}

TEST(AtomicFile, KeepsThePermissionsOfTheFileItReplaces)
{
    test::TempDir dir;
    const std::string path = dir.write("private.csv", "old");
    ::chmod(path.c_str(), 0600);
    writeFileAtomically(path, std::string_view("new"));
    struct stat info
    {
    };
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(AtomicFile, AMissingFolderNamesThePathAndTheReason)
{
    test::TempDir dir;
    const std::string path = dir.file("no-such-folder/out.csv");
    const std::string message = errorOf([&] { writeFileAtomically(path, std::string_view("x")); });
    EXPECT_TRUE(contains(message, "cannot write " + path)) << message;
    EXPECT_TRUE(contains(message, "No such file or directory")) << message;
    EXPECT_EQ(filesIn(dir.path()), 0);
}

TEST(AtomicFile, AFailedRenameKeepsTheTargetAndLeavesNoTemporary)
{
    test::TempDir dir;
    const std::string path = dir.file("taken");
    std::filesystem::create_directory(path);
    std::ofstream(path + "/keep") << "x";
    const std::string message = errorOf([&] { writeFileAtomically(path, std::string_view("x")); });
    EXPECT_TRUE(contains(message, path)) << message;
    EXPECT_TRUE(contains(message, std::strerror(EISDIR)) || contains(message, "not empty"))
        << message;
    EXPECT_TRUE(std::filesystem::is_directory(path));
    EXPECT_EQ(filesIn(dir.path()), 1);
}

TEST(AtomicFile, AnUnwritableFolderSaysPermissionDenied)
{
    test::TempDir dir;
    const std::string path = dir.write("out.csv", "old");
    const bool root = ::geteuid() == 0;
    if (!root)
        ::chmod(dir.path().c_str(), 0555);
    // Root may write anywhere: the child becomes "nobody", who may not write to root's folder.
    const std::string message = inChildProcess([&]() -> std::string {
        if (root && (::setgid(65534) != 0 || ::setuid(65534) != 0))
            return "SKIP: cannot become nobody";
        return errorOf([&] { writeFileAtomically(path, std::string_view("new")); });
    });
    if (!root)
        ::chmod(dir.path().c_str(), 0755);
    if (message.rfind("SKIP: ", 0) == 0)
        GTEST_SKIP() << message;
    EXPECT_TRUE(contains(message, "cannot write " + path + ": Permission denied")) << message;
    EXPECT_TRUE(contains(message, "writable")) << message; // what to check
    EXPECT_EQ(readFile(path), "old");
    EXPECT_EQ(filesIn(dir.path()), 1);
}

TEST(AtomicFile, AFullDiskSaysNoSpaceLeftAndKeepsTheOldFile)
{
    test::TempDir dir;
    // In a child with its own 16 KiB file system: the old file fits, 20 KB more do not. The write
    // is buffered, so the failure shows when commit() flushes it.
    const std::string outcome = inChildProcess([&]() -> std::string {
        if (const std::string why = mountTinyFileSystem(dir.path().string()); !why.empty())
            return "SKIP: " + why;
        const std::string path = dir.write("out.csv", "old");
        const std::string message =
            errorOf([&] { writeFileAtomically(path, std::string(20000, 'x')); });
        return message + "\nold file: " + readFile(path) +
               "\nfiles: " + std::to_string(filesIn(dir.path()));
    });
    if (outcome.rfind("SKIP: ", 0) == 0)
        GTEST_SKIP() << outcome;
    EXPECT_TRUE(
        contains(outcome, "cannot write " + dir.file("out.csv") + ": No space left on device"))
        << outcome;
    EXPECT_TRUE(contains(outcome, "\nold file: old\n")) << outcome;
    EXPECT_TRUE(contains(outcome, "\nfiles: 1")) << outcome;
}

TEST(AtomicFile, AWriteErrorKeepsItsReasonForCommit)
{
    test::TempDir dir;
    const std::string path = dir.write("out.csv", "old");
    // A file size limit fails the write itself (EFBIG), the way any write error does.
    rlimit saved{};
    ::getrlimit(RLIMIT_FSIZE, &saved);
    rlimit lowered = saved;
    lowered.rlim_cur = 4096;
    const auto handler = std::signal(SIGXFSZ, SIG_IGN);
    ::setrlimit(RLIMIT_FSIZE, &lowered);
    std::string message;
    bool streamFailed = false;
    {
        AtomicFile file(path);
        file.stream() << std::string(100000, 'x');
        streamFailed = !file.stream();
        message = errorOf([&] { file.commit(); });
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, handler);
    EXPECT_TRUE(streamFailed);
    EXPECT_TRUE(contains(message, "cannot write " + path + ": " + std::strerror(EFBIG))) << message;
    EXPECT_EQ(readFile(path), "old");
    EXPECT_EQ(filesIn(dir.path()), 1);
}
