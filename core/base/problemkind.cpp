#include "base/problemkind.h"

#include <algorithm>
#include <iterator>

namespace fp {

namespace {

// The English texts, in the enum's order: both come from base/problemkinds.def.
constexpr const char* kEnglishTexts[] = {
#define FP_PROBLEM(name, englishText) englishText,
#include "base/problemkinds.def"
#undef FP_PROBLEM
};
static_assert(std::size(kEnglishTexts) == static_cast<std::size_t>(kProblemKindCount));

} // namespace

std::string_view englishText(ProblemKind kind)
{
    const auto index = static_cast<std::size_t>(kind);
    return index < std::size(kEnglishTexts) ? kEnglishTexts[index] : std::string_view();
}

int argumentCount(ProblemKind kind)
{
    const std::string_view text = englishText(kind);
    int highest = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '%' && text[i + 1] >= '1' && text[i + 1] <= '9')
            highest = std::max(highest, text[i + 1] - '0');
    return highest;
}

std::string fillArguments(std::string_view text, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const auto index = static_cast<std::size_t>(text[i + 1] - '1');
            if (index < args.size()) {
                out += args[index];
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

} // namespace fp
