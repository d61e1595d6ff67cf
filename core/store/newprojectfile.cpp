#include "store/newprojectfile.h"

#include "base/error.h"

#include <filesystem>
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
}

NewProjectFile::~NewProjectFile()
{
    if (!m_committed)
        remove();
}

void NewProjectFile::commit()
{
    std::error_code ec;
    fs::rename(m_path, m_finalPath, ec);
    if (ec)
        throw FlashPlanError(ProblemKind::CannotOpenDatabase, {m_finalPath, ec.message()});
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
