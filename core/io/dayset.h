#pragma once

#include "base/civildate.h"

#include <cstdint>
#include <vector>

namespace fp::io {

// The set of days a product has rows for: a bitmap that grows either way as dates arrive,
// so duplicates and gaps are found in a few bytes per product-year.
class DaySet final
{
public:
    // Returns false when the day was already present.
    bool insert(DayNumber day);
    bool contains(DayNumber day) const;

private:
    DayNumber m_base = 0; // day of bit 0 of m_words[0]; a multiple of 64
    std::vector<std::uint64_t> m_words;
};

} // namespace fp::io
