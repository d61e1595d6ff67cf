#include "base/atomicfile.h"

#include "base/error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <locale>
#include <ostream>
#include <random>
#include <streambuf>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fp {

// A stream buffer over a file descriptor that remembers why a write failed (errno), which
// std::ofstream does not tell.
class AtomicFile::Buffer final : public std::streambuf
{
public:
    explicit Buffer(int fd) : m_fd(fd), m_data(1 << 16) { resetPutArea(); }

    bool drain()
    {
        const auto size = static_cast<std::size_t>(pptr() - pbase());
        const bool ok = writeAll(pbase(), size);
        resetPutArea(); // after a failure the rest is dropped: the file is abandoned anyway
        return ok;
    }
    int error() const { return m_error; }

protected:
    int_type overflow(int_type ch) override
    {
        if (!drain())
            return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }
    int sync() override { return drain() ? 0 : -1; }
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        // Large blocks (the sales writer's 1 MB chunks) go straight to the file.
        if (n < static_cast<std::streamsize>(m_data.size()))
            return std::streambuf::xsputn(s, n);
        if (!drain() || !writeAll(s, static_cast<std::size_t>(n)))
            return 0;
        return n;
    }

private:
    void resetPutArea() { setp(m_data.data(), m_data.data() + m_data.size()); }

    bool writeAll(const char* data, std::size_t size)
    {
        if (m_error != 0)
            return false;
        while (size > 0) {
            const ssize_t written = ::write(m_fd, data, size);
            if (written < 0) {
                if (errno == EINTR)
                    continue;
                m_error = errno;
                return false;
            }
            data += written;
            size -= static_cast<std::size_t>(written);
        }
        return true;
    }

    int m_fd;
    std::vector<char> m_data;
    int m_error = 0;
};

AtomicFile::AtomicFile(std::string target) : m_target(std::move(target))
{
    const std::filesystem::path path(m_target);
    std::random_device random;
    for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
        const std::string name = "." + path.filename().string() + ".tmp-" +
                                 std::to_string(random()) + "-" + std::to_string(attempt);
        m_temp = (path.parent_path() / name).string();
        m_fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd < 0 && errno != EEXIST)
            fail(std::strerror(errno));
    }
    if (m_fd < 0)
        fail("no free temporary file name");
    // A replaced file keeps its permissions (a private export stays private).
    struct stat existing
    {
    };
    if (::stat(m_target.c_str(), &existing) == 0 && S_ISREG(existing.st_mode))
        ::fchmod(m_fd, existing.st_mode & 07777);
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed)
        ::unlink(m_temp.c_str());
}

std::ostream& AtomicFile::stream()
{
    if (!m_stream) {
        m_buffer = std::make_unique<Buffer>(m_fd);
        m_stream = std::make_unique<std::ostream>(m_buffer.get());
        m_stream->imbue(std::locale::classic()); // files are read by programs, not people
    }
    return *m_stream;
}

void AtomicFile::fail(const std::string& reason) const
{
    throw FlashPlanError(ProblemKind::CannotWriteFile, {m_target, reason});
}

void AtomicFile::syncAndClose()
{
    if (m_buffer && (!m_buffer->drain() || m_stream->bad()))
        fail(m_buffer->error() != 0 ? std::strerror(m_buffer->error()) : "write failed");
    // A library may have replaced the file under its name: sync what the name points to now.
    int fd = m_fd;
    if (!m_stream) {
        ::close(m_fd);
        m_fd = -1;
        fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            fail(std::strerror(errno));
    }
    // Some file systems (NFS, quotas) report a full disk only here, when the data reaches it.
    const bool synced = ::fsync(fd) == 0;
    int error = errno;
    const bool closed = ::close(fd) == 0;
    if (synced && !closed)
        error = errno;
    if (fd == m_fd)
        m_fd = -1;
    if (!synced || !closed)
        fail(std::strerror(error));
}

void AtomicFile::commit()
{
    if (m_committed)
        return;
    syncAndClose();
    if (std::rename(m_temp.c_str(), m_target.c_str()) != 0)
        fail(std::strerror(errno));
    m_committed = true;
    // Makes the rename itself durable; the new file is already in place if this fails.
    const std::filesystem::path folder = std::filesystem::path(m_target).parent_path();
    const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void writeFileAtomically(const std::string& target, std::string_view content)
{
    AtomicFile file(target);
    file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
    file.commit();
}

void writeFileAtomically(const std::string& target, const std::function<void(std::ostream&)>& write)
{
    AtomicFile file(target);
    write(file.stream());
    file.commit();
}

} // namespace fp
