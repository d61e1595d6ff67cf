#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace fp::cli {

// Bad command-line usage: reported with a --help hint and exit status 1.
class UsageError final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// `flashplan-cli COMMAND --name value ... [--flag]`. Each command declares the options it takes,
// so a typo is an error rather than silently ignored.
class Arguments final
{
public:
    Arguments(int argc, char** argv);

    const std::string& command() const { return m_command; }
    bool wantsHelp() const { return m_help; }

    // Throws UsageError naming any option not in `known` (flags are options without a value).
    void allow(const std::vector<std::string>& withValue, const std::vector<std::string>& flags);

    std::optional<std::string> value(const std::string& name) const;
    std::string required(const std::string& name) const;
    bool flag(const std::string& name) const;
    int integer(const std::string& name, int fallback, int minimum, int maximum) const;
    double number(const std::string& name, double fallback, double minimum, double maximum) const;

private:
    std::string m_command;
    bool m_help = false;
    std::vector<std::pair<std::string, std::optional<std::string>>> m_raw;
    std::map<std::string, std::string> m_values;
    std::map<std::string, bool> m_flags;
};

} // namespace fp::cli
