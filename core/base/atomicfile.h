#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace fp {

// Replaces a file all at once or not at all. The content goes to a temporary file created next to
// the target (same folder, so the final rename never crosses file systems and is atomic); commit()
// flushes it to disk and renames it over the target. Until then the target is untouched, and a
// failure, an exception or destruction without commit() removes the temporary file.
//
// Write through stream(), or let a library that wants a file name (libxlsxwriter) write to
// tempPath(); not both. Failures throw FlashPlanError (CannotWriteFile: the target and the
// operating system's reason): "cannot write /x/r.csv: No space left on device; check that ...".
class AtomicFile final
{
public:
    // Creates the temporary file (exclusively: two writers never share one).
    explicit AtomicFile(std::string target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::string& target() const { return m_target; }
    const std::string& tempPath() const { return m_temp; }

    // Buffered writes to the temporary file. A failed write sets the stream's badbit and keeps the
    // reason for commit() to report.
    std::ostream& stream();

    // Flushes, syncs to disk and renames over the target. Throws FlashPlanError on any failure,
    // leaving the target as it was.
    void commit();

    // Throws the FlashPlanError of this file for `reason`, for writers that fail on their own.
    [[noreturn]] void fail(const std::string& reason) const;

private:
    class Buffer;
    void syncAndClose();

    std::string m_target;
    std::string m_temp;
    int m_fd = -1;
    std::unique_ptr<Buffer> m_buffer;
    std::unique_ptr<std::ostream> m_stream;
    bool m_committed = false;
};

// The usual cases in one call: bytes, or a function that writes the stream (an exception from it
// leaves the target untouched and is passed on).
void writeFileAtomically(const std::string& target, std::string_view content);
void writeFileAtomically(const std::string& target,
                         const std::function<void(std::ostream&)>& write);

} // namespace fp
