#include "plan/rowflags.h"

#include <array>

namespace fp::plan {

namespace {

constexpr std::array kEveryFlag{RowFlag::ColdStart, RowFlag::BeyondHistory, RowFlag::BelowCost};

} // namespace

std::string_view flagName(RowFlag flag)
{
    switch (flag) {
    case RowFlag::ColdStart:
        return "cold_start";
    case RowFlag::BeyondHistory:
        return "beyond_history";
    case RowFlag::BelowCost:
        return "below_cost";
    }
    return "";
}

std::string RowFlags::text() const
{
    std::string out;
    for (const RowFlag flag : kEveryFlag)
        if (has(flag))
            out += (out.empty() ? "" : " ") + std::string(flagName(flag));
    return out;
}

} // namespace fp::plan
