#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string_view>
#include <vector>

namespace fp::io {

// Reads a text file as UTF-8 whatever it was saved as: UTF-8 (with or without a byte-order mark),
// or UTF-16 / UTF-32 in either byte order, told by their byte-order mark (or, for UTF-16 without
// one, by the NUL bytes of its first ASCII characters), as spreadsheets save "Unicode text".
// Code units that are not text (a lone surrogate, beyond U+10FFFF) become U+FFFD.
class TextDecoder final
{
public:
    enum class Encoding
    {
        Utf8,
        Utf16LE,
        Utf16BE,
        Utf32LE,
        Utf32BE
    };

    explicit TextDecoder(std::istream& in) : m_in(in) {}

    // Up to `capacity` (>= 8) bytes of UTF-8 into `out`; 0 at the end of the input.
    std::size_t read(char* out, std::size_t capacity);

    Encoding encoding() const { return m_encoding; }
    bool hadByteOrderMark() const { return m_hadBom; }
    // Bytes of the file behind `utf8Bytes` bytes of what read() gave (for progress).
    std::int64_t fileBytesFor(std::int64_t utf8Bytes) const;

private:
    void detect();
    std::size_t decodeWide(char* out, std::size_t capacity);

    std::istream& m_in;
    Encoding m_encoding = Encoding::Utf8;
    bool m_detected = false;
    bool m_hadBom = false;
    std::vector<unsigned char> m_carry; // raw bytes read but not yet decoded
    std::int64_t m_fileBytes = 0;       // raw bytes decoded so far
    std::int64_t m_utf8Bytes = 0;       // UTF-8 bytes given for them
};

// "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE".
std::string_view encodingName(TextDecoder::Encoding encoding);

} // namespace fp::io
