#pragma once

#include "base/error.h"
#include "io/textdecoder.h"

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fp::io {

// A streaming RFC 4180 reader: quoted fields (with "" escapes and embedded newlines), CRLF or LF,
// UTF-8 (with or without a byte-order mark) or UTF-16/UTF-32 (TextDecoder), and ',' ';' or tab
// separators (detected from the header line).
// Memory stays bounded by the longest record, whatever the file size.
class CsvReader final
{
public:
    struct Record
    {
        std::vector<std::string_view> fields; // valid until the next call to next()
        std::int64_t line = 0;                // physical line where the record starts (1-based)
    };

    // delimiter 0 = detect from the first record.
    explicit CsvReader(std::istream& in, char delimiter = 0);

    // Reads the next record. Returns false at the end of input or on a fatal error (see error()).
    // Blank lines are skipped.
    bool next(Record& record);

    char delimiter() const { return m_delimiter; }
    bool hadByteOrderMark() const { return m_decoder.hadByteOrderMark(); }
    TextDecoder::Encoding encoding() const { return m_decoder.encoding(); }
    // Bytes of the file read so far (for progress against its size).
    std::int64_t bytesConsumed() const
    {
        return m_decoder.fileBytesFor(m_consumedBefore + static_cast<std::int64_t>(m_pos));
    }
    // A fatal problem (unterminated quote, binary data, a record over the size limit).
    const std::optional<Problem>& error() const { return m_error; }

    static constexpr std::size_t kMaxRecordBytes = 256u << 20;

private:
    bool fill(); // moves the unread tail to the front and reads more; false at EOF
    void detectDelimiter();
    bool parseRecord(Record& record, bool& needMore);
    void setError(std::int64_t line, ProblemKind kind, std::vector<std::string> args = {});

    TextDecoder m_decoder;
    std::vector<char> m_buffer;
    std::vector<std::size_t> m_escapedFields;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    std::int64_t m_consumedBefore = 0;
    std::int64_t m_line = 1;
    bool m_eof = false;
    bool m_started = false;
    char m_delimiter = 0;
    std::optional<Problem> m_error;
};

// Picks ',' ';' or '\t', whichever occurs most outside quotes in `line`; ',' on a tie or none.
char detectDelimiter(std::string_view line);

} // namespace fp::io
