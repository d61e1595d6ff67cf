#pragma once

#include "base/progress.h"

#include <chrono>
#include <string>

namespace fp::cli {

// Progress on stderr: a redrawn bar on a terminal, a plain line every 10% otherwise.
// Returns false from the callback once SIGINT arrived, so core stops and rolls back.
class TerminalProgress final
{
public:
    explicit TerminalProgress(std::string label);
    ~TerminalProgress();
    ProgressFn callback();
    void finish();

    static void installInterruptHandler();
    static bool interrupted();

private:
    bool update(std::int64_t done, std::int64_t total);

    std::string m_label;
    bool m_tty;
    int m_lastShown = -1;
    bool m_finished = false;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

} // namespace fp::cli
