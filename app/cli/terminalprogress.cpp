#include "cli/terminalprogress.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace fp::cli {

namespace {
volatile std::sig_atomic_t g_interrupted = 0;
void onInterrupt(int)
{
    g_interrupted = 1;
}
} // namespace

void TerminalProgress::installInterruptHandler()
{
    struct sigaction action
    {
    };
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool TerminalProgress::interrupted()
{
    return g_interrupted != 0;
}

TerminalProgress::TerminalProgress(std::string label)
    : m_label(std::move(label)), m_tty(isatty(STDERR_FILENO) != 0)
{
}

TerminalProgress::~TerminalProgress()
{
    finish();
}

ProgressFn TerminalProgress::callback()
{
    return [this](std::int64_t done, std::int64_t total) {
        return update(done, total);
    };
}

bool TerminalProgress::update(std::int64_t done, std::int64_t total)
{
    if (total > 0) {
        const int percent = static_cast<int>(100 * done / total);
        if (m_tty) {
            const auto now = std::chrono::steady_clock::now();
            if (percent != m_lastShown && now - m_lastDraw > std::chrono::milliseconds(100)) {
                m_lastDraw = now;
                m_lastShown = percent;
                const int width = 30;
                const int filled = percent * width / 100;
                std::fprintf(stderr, "\r%s [%.*s%*s] %3d%%", m_label.c_str(), filled,
                             "##############################", width - filled, "", percent);
                std::fflush(stderr);
            }
        } else if (percent / 10 != m_lastShown / 10 || m_lastShown < 0) {
            m_lastShown = percent;
            std::fprintf(stderr, "%s: %d%%\n", m_label.c_str(), percent);
        }
    }
    return !interrupted();
}

void TerminalProgress::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_tty && m_lastShown >= 0)
        std::fprintf(stderr, "\r%*s\r", static_cast<int>(m_label.size()) + 40, "");
}

} // namespace fp::cli
