#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace fp::plan {

// What a row of the recommended table or the forecast warns about: the `flags` column of
// spec/data-format.md (sections 3 and 4). Later flags (below_cost) join the enum in
// the spec's order, which is the order text() writes them in.
enum class RowFlag : std::uint8_t
{
    ColdStart,     // a new product (no sales history): forecast from its peers
    BeyondHistory, // deeper than its category ever sold at: the forecast extrapolates
    BelowCost,     // the sale price is under the unit cost
};
std::string_view flagName(RowFlag flag); // "cold_start", "beyond_history", "below_cost"

class RowFlags final
{
public:
    RowFlags() = default;

    void set(RowFlag flag) { m_bits |= bitOf(flag); }
    bool has(RowFlag flag) const { return (m_bits & bitOf(flag)) != 0; }
    bool empty() const { return m_bits == 0; }
    // The names, space-separated; "" when none.
    std::string text() const;
    // What text() wrote, read back: names separated by spaces (or commas, as a hand-edited table
    // may have them), in any case; a name it does not know is left out.
    static RowFlags parse(std::string_view text);

    bool operator==(const RowFlags&) const = default;

private:
    static std::uint32_t bitOf(RowFlag flag) { return 1u << static_cast<unsigned>(flag); }

    std::uint32_t m_bits = 0;
};

} // namespace fp::plan
