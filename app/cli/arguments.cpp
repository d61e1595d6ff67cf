#include "cli/arguments.h"

#include "base/text.h"

#include <algorithm>

namespace fp::cli {

Arguments::Arguments(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            m_help = true;
            continue;
        }
        if (arg.rfind("--", 0) == 0) {
            std::string name = arg.substr(2);
            std::optional<std::string> value;
            if (const auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name.resize(eq);
            } else if (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) {
                value = argv[++i];
            }
            m_raw.emplace_back(name, value);
            continue;
        }
        if (m_command.empty())
            m_command = arg;
        else
            throw UsageError("unexpected argument '" + arg + "'");
    }
}

void Arguments::allow(const std::vector<std::string>& withValue,
                      const std::vector<std::string>& flags)
{
    for (const auto& [name, value] : m_raw) {
        const bool takesValue =
            std::find(withValue.begin(), withValue.end(), name) != withValue.end();
        const bool isFlag = std::find(flags.begin(), flags.end(), name) != flags.end();
        if (!takesValue && !isFlag)
            throw UsageError("unknown option --" + name + " for '" + m_command + "'");
        if (takesValue && !value)
            throw UsageError("option --" + name + " needs a value");
        if (isFlag && value)
            throw UsageError("option --" + name + " takes no value");
        if (takesValue)
            m_values[name] = *value;
        else
            m_flags[name] = true;
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const
{
    const auto it = m_values.find(name);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::string Arguments::required(const std::string& name) const
{
    auto v = value(name);
    if (!v || v->empty())
        throw UsageError("'" + m_command + "' needs --" + name);
    return *v;
}

bool Arguments::flag(const std::string& name) const
{
    return m_flags.count(name) > 0;
}

int Arguments::integer(const std::string& name, int fallback, int minimum, int maximum) const
{
    const auto v = value(name);
    if (!v)
        return fallback;
    const std::optional<int> out = parseInt(*v);
    if (!out || *out < minimum || *out > maximum)
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(minimum) +
                         " to " + std::to_string(maximum) + ", got '" + *v + "'");
    return *out;
}

double Arguments::number(const std::string& name, double fallback, double minimum,
                         double maximum) const
{
    const auto v = value(name);
    if (!v)
        return fallback;
    const std::optional<double> out = parseDouble(*v);
    if (!out || *out < minimum || *out > maximum)
        throw UsageError("--" + name + " must be a number from " + std::to_string(minimum) +
                         " to " + std::to_string(maximum) + ", got '" + *v + "'");
    return *out;
}

} // namespace fp::cli
