#pragma once

#include <optional>
#include <string>

namespace fp::store {

// Another process holding a project's write lock: what a "project is busy" message names.
struct ProjectWriter
{
    long pid = 0;
    std::string command; // "flashplan-cli import", "flashplan", or the program's name
};

// The process that holds the write lock of the project at `projectPath` (a WAL project's lock in
// its -shm file, or a rollback journal's reserved lock), found in /proc/locks; nullopt when no
// other process holds it or the system does not say. Never opens the project's files: closing a
// descriptor of a file would drop this process's own SQLite locks on it.
std::optional<ProjectWriter> findProjectWriter(const std::string& projectPath);

} // namespace fp::store
