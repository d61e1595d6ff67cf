#pragma once

#include <filesystem>
#include <string>

namespace fp::store {

// A project made under a temporary name in the folder of its final path and renamed into place by
// commit(), so that a failed or cancelled import into a new path leaves no file behind: the
// destructor removes what was not committed (with SQLite's -wal, -shm and -journal files), and
// the constructor what imports into the same path left when they were killed.
class NewProjectFile final
{
public:
    explicit NewProjectFile(std::string finalPath);
    ~NewProjectFile();
    NewProjectFile(const NewProjectFile&) = delete;
    NewProjectFile& operator=(const NewProjectFile&) = delete;

    // Where to make the project: ".NAME.PID.new" next to the final path.
    const std::string& path() const { return m_path; }
    // Renames the project into place (replacing an empty file there, never a project another
    // import made meanwhile). Every connection to path() must be closed first, so that its -wal
    // is checkpointed and gone. Throws FlashPlanError when the rename fails; the temporary file
    // is removed then too.
    void commit();

    // True when `path` holds no project yet: no file, or an empty one (zero bytes).
    static bool isNew(const std::string& path);

private:
    void remove() const;
    static void removeLeftoversOfEndedImports(const std::filesystem::path& target);

    std::string m_finalPath;
    std::string m_path;
    bool m_committed = false;
};

} // namespace fp::store
