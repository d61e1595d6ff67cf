#include "store/newprojectfile.h"

#include "base/error.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <signal.h>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace fp::store {

namespace fs = std::filesystem;

NewProjectFile::NewProjectFile(std::string finalPath) : m_finalPath(std::move(finalPath))
{
    const fs::path target(m_finalPath);
    m_path = (target.parent_path() /
              ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".new"))
                 .string();
    remove(); // left by a process of the same pid that was killed
    removeLeftoversOfEndedImports(target);
}

// A draft whose import was killed (kill -9, a power cut) outlives it: the next import into the
// same path removes every draft whose process no longer runs. A running import's draft is kept.
void NewProjectFile::removeLeftoversOfEndedImports(const std::filesystem::path& target)
{
    const std::string prefix = "." + target.filename().string() + ".";
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix))
            continue;
        const std::string rest = name.substr(prefix.size()); // PID.new, PID.new-wal, ...
        const std::size_t dot = rest.find('.');
        if (dot == 0 || dot == std::string::npos || dot > 9)
            continue;
        const std::string_view suffix = std::string_view(rest).substr(dot);
        if (suffix != ".new" && suffix != ".new-wal" && suffix != ".new-shm" &&
            suffix != ".new-journal")
            continue;
        pid_t pid = 0;
        for (std::size_t i = 0; i < dot; ++i) {
            if (rest[i] < '0' || rest[i] > '9') {
                pid = 0;
                break;
            }
            pid = pid * 10 + (rest[i] - '0');
        }
        const bool ended = pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
        if (ended)
            fs::remove(entry.path(), ec);
    }
}

NewProjectFile::~NewProjectFile()
{
    if (!m_committed)
        remove();
}

void NewProjectFile::commit()
{
    // Never over a project another import made meanwhile (two imports into one new path): that
    // import's rows would be lost. An empty file there is replaced, as the import was told to.
    auto failure = [](int rc) {
        return rc == 0 ? 0 : errno;
    };
    int error = failure(
        ::renameat2(AT_FDCWD, m_path.c_str(), AT_FDCWD, m_finalPath.c_str(), RENAME_NOREPLACE));
    const bool noReplaceUnsupported = error == EINVAL || error == ENOSYS;
    if ((noReplaceUnsupported || error == EEXIST) && isNew(m_finalPath))
        error = failure(::rename(m_path.c_str(), m_finalPath.c_str()));
    if (error != 0) {
        const std::string reason =
            !isNew(m_finalPath)
                ? "another program made it while this import ran; nothing was written, run the "
                  "import again to add to it"
                : std::error_code(error, std::generic_category()).message();
        throw FlashPlanError(ProblemKind::CannotOpenDatabase, {m_finalPath, reason});
    }
    m_committed = true;
}

bool NewProjectFile::isNew(const std::string& path)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (status.type() == fs::file_type::not_found)
        return true;
    return fs::is_regular_file(status) && fs::file_size(path, ec) == 0 && !ec;
}

void NewProjectFile::remove() const
{
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(m_path + suffix, ec);
}

} // namespace fp::store
