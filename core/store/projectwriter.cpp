#include "store/projectwriter.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace fp::store {

namespace {

// SQLite's lock bytes (os_unix.c): the WAL write lock is the first byte of the -shm file's lock
// area; a rollback-journal writer holds the reserved byte after the pending byte.
constexpr long long kWalWriteLockByte = 120;
constexpr long long kReservedLockByte = 0x40000001;

// How /proc/locks names a file: "major:minor:inode", the device numbers in hex.
std::optional<std::string> lockFileId(const std::string& path)
{
    struct stat st
    {
    };
    if (::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    char id[64];
    std::snprintf(id, sizeof id, "%02x:%02x:%llu", major(st.st_dev), minor(st.st_dev),
                  static_cast<unsigned long long>(st.st_ino));
    return id;
}

// The pid of another process's write lock over `byte` of the file /proc/locks calls `fileId`.
std::optional<long> writeLockHolder(const std::string& fileId, long long byte)
{
    std::ifstream locks("/proc/locks");
    std::string line;
    while (std::getline(locks, line)) {
        // "1: POSIX  ADVISORY  WRITE 22503 fe:00:10977915 120 120" (end "EOF": to the end)
        std::istringstream fields(line);
        std::string number, type, advisory, access, file, end;
        long pid = 0;
        long long start = 0;
        if (!(fields >> number >> type >> advisory >> access >> pid >> file >> start >> end))
            continue;
        if (type != "POSIX" || access != "WRITE" || file != fileId || pid == ::getpid() || pid <= 0)
            continue;
        if (start <= byte && (end == "EOF" || byte <= std::atoll(end.c_str())))
            return pid;
    }
    return std::nullopt;
}

// "flashplan-cli import": the program's file name and, when it is a word (a command, not a file
// or an option), its first argument.
std::string commandOf(long pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
    std::string program, argument;
    std::getline(in, program, '\0');
    std::getline(in, argument, '\0');
    std::string command = std::filesystem::path(program).filename().string();
    const bool isWord =
        !argument.empty() &&
        std::all_of(argument.begin(), argument.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (isWord)
        command += " " + argument;
    return command.empty() ? "a program" : command;
}

} // namespace

std::optional<ProjectWriter> findProjectWriter(const std::string& projectPath)
{
    std::optional<long> pid;
    if (const auto shm = lockFileId(projectPath + "-shm"))
        pid = writeLockHolder(*shm, kWalWriteLockByte);
    if (!pid) {
        if (const auto db = lockFileId(projectPath))
            pid = writeLockHolder(*db, kReservedLockByte);
    }
    if (!pid)
        return std::nullopt;
    return ProjectWriter{*pid, commandOf(*pid)};
}

} // namespace fp::store
