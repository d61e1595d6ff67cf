#pragma once

// Runs the real flashplan-cli binary (FLASHPLAN_CLI, set by the test's CMake target) as a user
// would, for the end-to-end tests.
#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace fp::test {

struct CliRun
{
    int status = -1;
    std::string output; // stdout and stderr together
};

// Runs the CLI; its stderr goes where `stderrTo` says (with stdout by default).
inline CliRun cli(const std::string& args, const std::string& stderrTo = "&1")
{
    const std::string command = std::string(FLASHPLAN_CLI) + " " + args + " 2>" + stderrTo;
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return run;
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
        run.output.append(buf.data(), n);
    const int raw = pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

inline bool contains(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace fp::test
