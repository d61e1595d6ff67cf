#include "base/binaryio.h"

namespace fp {

void BinaryWriter::putString(const std::string& s)
{
    put<std::uint64_t>(s.size());
    m_bytes.insert(m_bytes.end(), s.begin(), s.end());
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
