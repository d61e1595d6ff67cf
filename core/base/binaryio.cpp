#include "base/binaryio.h"

namespace fp {

void BinaryWriter::putString(const std::string& s)
{
    put<std::uint64_t>(s.size());
    append(s.data(), s.size());
}

std::string BinaryReader::getString()
{
    const auto n = get<std::uint64_t>();
    need(n);
    std::string s(reinterpret_cast<const char*>(m_bytes.data() + m_pos), n);
    m_pos += n;
    return s;
}

} // namespace fp
