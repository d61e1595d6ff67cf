#include "io/csvreader.h"

#include <algorithm>
#include <cstring>

namespace fp::io {

namespace {
constexpr std::size_t kChunk = 1u << 20;
}

char detectDelimiter(std::string_view line)
{
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted) {
            commas += c == ',';
            semicolons += c == ';';
            tabs += c == '\t';
        }
    }
    if (tabs > commas && tabs >= semicolons)
        return '\t';
    if (semicolons > commas)
        return ';';
    return ',';
}

CsvReader::CsvReader(std::istream& in, char delimiter)
    : m_decoder(in), m_buffer(kChunk * 2), m_delimiter(delimiter)
{
}

void CsvReader::setError(std::int64_t line, ProblemKind kind, std::vector<std::string> args)
{
    if (!m_error)
        m_error = Problem{{}, line, 0, kind, std::move(args)};
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_pos, m_end - m_pos);
        m_consumedBefore += static_cast<std::int64_t>(m_pos);
        m_end -= m_pos;
        m_pos = 0;
    }
    if (m_buffer.size() - m_end < kChunk) {
        if (m_buffer.size() >= kMaxRecordBytes) {
            setError(m_line, ProblemKind::RecordTooLong, {std::to_string(kMaxRecordBytes >> 20)});
            return false;
        }
        m_buffer.resize(m_buffer.size() * 2);
    }
    const std::size_t got = m_decoder.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (got == 0) {
        m_eof = true;
        return false;
    }
    if (std::memchr(m_buffer.data() + m_end, '\0', got)) {
        setError(m_line, ProblemKind::BinaryData);
        return false;
    }
    m_end += got;
    return true;
}

void CsvReader::detectDelimiter()
{
    const char* begin = m_buffer.data() + m_pos;
    const char* end = m_buffer.data() + m_end;
    const char* newline = std::find(begin, end, '\n');
    m_delimiter =
        io::detectDelimiter(std::string_view(begin, static_cast<size_t>(newline - begin)));
}

bool CsvReader::next(Record& record)
{
    if (m_error)
        return false;
    if (!m_started) {
        m_started = true;
        while (m_end - m_pos < 4 && fill()) {
        }
        if (m_error)
            return false;
        // Make sure the whole first line is in the buffer before guessing the separator.
        while (!std::memchr(m_buffer.data() + m_pos, '\n', m_end - m_pos) && fill()) {
        }
        if (m_error)
            return false;
        if (m_delimiter == 0)
            detectDelimiter();
    }
    for (;;) {
        bool needMore = false;
        if (parseRecord(record, needMore))
            return true;
        if (m_error)
            return false;
        if (!needMore)
            return false;
        if (!fill()) {
            if (m_error)
                return false;
            // End of input: parse what is left as the final record (no trailing newline).
            if (parseRecord(record, needMore))
                return true;
            return false;
        }
    }
}

// Parses one record from m_pos. On success advances m_pos and fills `record`.
// When the buffer ends before the record does, sets needMore and leaves m_pos untouched.
bool CsvReader::parseRecord(Record& record, bool& needMore)
{
    needMore = false;
    char* const base = m_buffer.data();
    char* p = base + m_pos;
    char* const end = base + m_end;
    const char delim = m_delimiter;
    std::int64_t line = m_line;

    // Skip blank lines.
    while (p < end && (*p == '\n' || *p == '\r')) {
        if (*p == '\n')
            ++line;
        ++p;
    }
    if (p == end) {
        m_pos = static_cast<size_t>(p - base);
        m_line = line;
        needMore = !m_eof;
        return false;
    }

    record.fields.clear();
    record.line = line;
    std::vector<size_t>& escapedFields = m_escapedFields;
    escapedFields.clear();
    const std::int64_t startLine = line;
    for (;;) {
        if (p < end && *p == '"') {
            // Quoted field. Find the closing quote first without touching the buffer: if the
            // record turns out to be incomplete it is parsed again after more input arrives.
            char* const contentStart = ++p;
            bool hasEscapes = false;
            for (;;) {
                if (p == end) {
                    if (m_eof) {
                        setError(startLine, ProblemKind::UnclosedQuote);
                        return false;
                    }
                    needMore = true;
                    return false;
                }
                if (*p == '"') {
                    if (p + 1 == end && !m_eof) {
                        needMore = true;
                        return false;
                    }
                    if (p + 1 < end && p[1] == '"') {
                        hasEscapes = true;
                        p += 2;
                        continue;
                    }
                    break;
                }
                if (*p == '\n')
                    ++line;
                ++p;
            }
            record.fields.emplace_back(contentStart, static_cast<size_t>(p - contentStart));
            if (hasEscapes)
                escapedFields.push_back(record.fields.size() - 1);
            ++p; // the closing quote
            // Tolerate spaces after the closing quote; anything else is malformed.
            while (p < end && *p == ' ')
                ++p;
            if (p == end && !m_eof) {
                needMore = true;
                return false;
            }
            if (p < end && *p != delim && *p != '\n' && *p != '\r') {
                setError(startLine, ProblemKind::TextAfterClosingQuote);
                return false;
            }
        } else {
            char* fieldStart = p;
            while (p < end && *p != delim && *p != '\n' && *p != '\r')
                ++p;
            if (p == end && !m_eof) {
                needMore = true;
                return false;
            }
            record.fields.emplace_back(fieldStart, static_cast<size_t>(p - fieldStart));
        }
        if (p == end) // last record without a newline
            break;
        if (*p == delim) {
            ++p;
            continue;
        }
        // End of record: \n, \r\n or a lone \r.
        if (*p == '\r') {
            if (p + 1 == end && !m_eof) {
                needMore = true;
                return false;
            }
            ++p;
            if (p < end && *p == '\n')
                ++p;
        } else {
            ++p;
        }
        ++line;
        break;
    }
    // The record is complete: now it is safe to collapse "" to " in place.
    for (size_t index : escapedFields) {
        std::string_view& field = record.fields[index];
        char* out = const_cast<char*>(field.data());
        const char* in = field.data();
        const char* stop = in + field.size();
        char* const first = out;
        while (in < stop) {
            *out++ = *in;
            in += (*in == '"') ? 2 : 1;
        }
        field = std::string_view(first, static_cast<size_t>(out - first));
    }
    m_pos = static_cast<size_t>(p - base);
    m_line = line;
    return true;
}

} // namespace fp::io
