#include "plan/rowflags.h"

#include <algorithm>
#include <array>
#include <cctype>

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

RowFlags RowFlags::parse(std::string_view text)
{
    RowFlags flags;
    size_t from = 0;
    while (from < text.size()) {
        size_t to = text.find_first_of(" ,;\t", from);
        if (to == std::string_view::npos)
            to = text.size();
        std::string name(text.substr(from, to - from));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        for (const RowFlag flag : kEveryFlag)
            if (name == flagName(flag))
                flags.set(flag);
        from = to + 1;
    }
    return flags;
}

} // namespace fp::plan
