#include "io/textdecoder.h"

#include <algorithm>
#include <cstring>

namespace fp::io {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

std::size_t putUtf8(char32_t c, char* out)
{
    if (c < 0x80) {
        out[0] = static_cast<char>(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = static_cast<char>(0xC0 | (c >> 6));
        out[1] = static_cast<char>(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (c >> 12));
        out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (c >> 18));
    out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (c & 0x3F));
    return 4;
}

bool startsWith(const std::vector<unsigned char>& bytes, std::initializer_list<unsigned char> head)
{
    return bytes.size() >= head.size() && std::equal(head.begin(), head.end(), bytes.begin());
}

} // namespace

std::string_view encodingName(TextDecoder::Encoding encoding)
{
    switch (encoding) {
    case TextDecoder::Encoding::Utf8:
        return "UTF-8";
    case TextDecoder::Encoding::Utf16LE:
        return "UTF-16LE";
    case TextDecoder::Encoding::Utf16BE:
        return "UTF-16BE";
    case TextDecoder::Encoding::Utf32LE:
        return "UTF-32LE";
    case TextDecoder::Encoding::Utf32BE:
        return "UTF-32BE";
    }
    return "UTF-8";
}

void TextDecoder::detect()
{
    m_detected = true;
    m_carry.resize(4);
    m_in.read(reinterpret_cast<char*>(m_carry.data()), 4);
    m_carry.resize(static_cast<std::size_t>(m_in.gcount()));
    std::size_t bom = 0;
    if (startsWith(m_carry, {0xEF, 0xBB, 0xBF}))
        bom = 3;
    else if (startsWith(m_carry, {0xFF, 0xFE, 0x00, 0x00}))
        m_encoding = Encoding::Utf32LE, bom = 4;
    else if (startsWith(m_carry, {0x00, 0x00, 0xFE, 0xFF}))
        m_encoding = Encoding::Utf32BE, bom = 4;
    else if (startsWith(m_carry, {0xFF, 0xFE}))
        m_encoding = Encoding::Utf16LE, bom = 2;
    else if (startsWith(m_carry, {0xFE, 0xFF}))
        m_encoding = Encoding::Utf16BE, bom = 2;
    else if (m_carry.size() == 4 && m_carry[0] && !m_carry[1] && m_carry[2] && !m_carry[3])
        m_encoding = Encoding::Utf16LE; // "d\0a\0": ASCII saved as UTF-16 without a mark
    else if (m_carry.size() == 4 && !m_carry[0] && m_carry[1] && !m_carry[2] && m_carry[3])
        m_encoding = Encoding::Utf16BE;
    m_hadBom = bom > 0;
    m_carry.erase(m_carry.begin(), m_carry.begin() + static_cast<std::ptrdiff_t>(bom));
    m_fileBytes += static_cast<std::int64_t>(bom);
}

std::int64_t TextDecoder::fileBytesFor(std::int64_t utf8Bytes) const
{
    if (m_encoding == Encoding::Utf8 || m_utf8Bytes == 0)
        return utf8Bytes + (m_hadBom ? 3 : 0);
    return utf8Bytes * m_fileBytes / m_utf8Bytes;
}

std::size_t TextDecoder::read(char* out, std::size_t capacity)
{
    if (!m_detected)
        detect();
    if (m_encoding != Encoding::Utf8)
        return decodeWide(out, capacity);
    std::size_t given = std::min(capacity, m_carry.size());
    std::memcpy(out, m_carry.data(), given);
    m_carry.erase(m_carry.begin(), m_carry.begin() + static_cast<std::ptrdiff_t>(given));
    if (given < capacity) {
        m_in.read(out + given, static_cast<std::streamsize>(capacity - given));
        given += static_cast<std::size_t>(m_in.gcount());
    }
    return given;
}

std::size_t TextDecoder::decodeWide(char* out, std::size_t capacity)
{
    const bool utf32 = m_encoding == Encoding::Utf32LE || m_encoding == Encoding::Utf32BE;
    const bool little = m_encoding == Encoding::Utf16LE || m_encoding == Encoding::Utf32LE;
    const std::size_t unit = utf32 ? 4 : 2;
    // At most 4 UTF-8 bytes come of one code point, which takes at least 2 bytes of input.
    const std::size_t wanted = (capacity / 2) & ~std::size_t(3);
    if (m_carry.size() < wanted) {
        const std::size_t had = m_carry.size();
        m_carry.resize(wanted);
        m_in.read(reinterpret_cast<char*>(m_carry.data() + had),
                  static_cast<std::streamsize>(wanted - had));
        m_carry.resize(had + static_cast<std::size_t>(m_in.gcount()));
    }
    const bool atEnd = m_in.eof() || !m_in.good();
    auto codeUnit = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t b = 0; b < unit; ++b)
            v |= std::uint32_t(m_carry[at + b]) << (8 * (little ? b : unit - 1 - b));
        return v;
    };
    std::size_t at = 0, given = 0;
    while (at + unit <= m_carry.size() && given + 4 <= capacity) {
        char32_t c = codeUnit(at);
        std::size_t used = unit;
        if (utf32) {
            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                c = kReplacement;
        } else if (c >= 0xD800 && c <= 0xDBFF) {
            if (at + 2 * unit > m_carry.size() && !atEnd)
                break; // its low half comes with the next read
            const char32_t low = at + 2 * unit <= m_carry.size() ? codeUnit(at + unit) : 0;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                used = 2 * unit;
            } else {
                c = kReplacement;
            }
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            c = kReplacement;
        }
        given += putUtf8(c, out + given);
        at += used;
    }
    if (atEnd && at < m_carry.size() && at + unit > m_carry.size() && given + 3 <= capacity) {
        given += putUtf8(kReplacement, out + given); // a file cut inside a code unit
        at = m_carry.size();
    }
    m_carry.erase(m_carry.begin(), m_carry.begin() + static_cast<std::ptrdiff_t>(at));
    m_fileBytes += static_cast<std::int64_t>(at);
    m_utf8Bytes += static_cast<std::int64_t>(given);
    return given;
}

} // namespace fp::io
