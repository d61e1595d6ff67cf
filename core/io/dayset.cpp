#include "io/dayset.h"

namespace fp::io {

namespace {
DayNumber floorTo64(DayNumber day)
{
    return day >= 0 ? day / 64 * 64 : -((-day + 63) / 64) * 64;
}
} // namespace

bool DaySet::contains(DayNumber day) const
{
    if (m_words.empty() || day < m_base)
        return false;
    const auto offset = static_cast<std::size_t>(day - m_base);
    if (offset / 64 >= m_words.size())
        return false;
    return (m_words[offset / 64] >> (offset % 64)) & 1u;
}

bool DaySet::insert(DayNumber day)
{
    if (m_words.empty()) {
        m_base = floorTo64(day);
        m_words.assign(1, 0);
    } else if (day < m_base) {
        const DayNumber newBase = floorTo64(day);
        m_words.insert(m_words.begin(), static_cast<std::size_t>((m_base - newBase) / 64), 0);
        m_base = newBase;
    }
    const auto offset = static_cast<std::size_t>(day - m_base);
    if (offset / 64 >= m_words.size())
        m_words.resize(offset / 64 + 1, 0);
    std::uint64_t& word = m_words[offset / 64];
    const std::uint64_t bit = std::uint64_t{1} << (offset % 64);
    if (word & bit)
        return false;
    word |= bit;
    return true;
}

} // namespace fp::io
