#include "cli/patientsave.h"

#include "cli/terminalprogress.h"
#include "store/projectwriter.h"

#include <iostream>

namespace fp::cli {

sql::Database::BusyWait waitPatientlyToSave(const std::string& projectPath, const std::string& work)
{
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    return [projectPath, work, nextSay = milliseconds(seconds(1))](milliseconds waited) mutable {
        if (TerminalProgress::interrupted())
            return false;
        if (waited >= nextSay) {
            nextSay = waited + seconds(10);
            const auto writer = store::findProjectWriter(projectPath);
            std::cerr << "waiting to save the " << work << ": " << projectPath
                      << " is being written by "
                      << (writer ? writer->command + ", pid " + std::to_string(writer->pid)
                                 : std::string("another program"))
                      << " (" << std::chrono::duration_cast<seconds>(waited).count()
                      << " s so far; Ctrl-C gives the " << work << " up)\n";
        }
        return true;
    };
}

} // namespace fp::cli
