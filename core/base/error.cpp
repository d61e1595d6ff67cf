#include "base/error.h"

namespace fp {

std::string Problem::describe() const
{
    std::string out = file;
    if (line > 0)
        out += (out.empty() ? "line " : ":") + std::to_string(line);
    if (!out.empty())
        out += ": ";
    if (column > 0)
        out += "column " + std::to_string(column) + ": ";
    return out + message;
}

} // namespace fp
