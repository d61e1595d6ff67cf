#pragma once

#include "store/sqlite.h"

#include <string>

namespace fp::cli {

// For a command whose long work ends in a write to the project (train, backtest): instead of
// failing after SQLite's few seconds, the write waits for as long as another process writes the
// project, saying on stderr who it is every 10 s; only Ctrl-C (or SIGTERM) ends the wait, so
// finished work is never lost to a lock.
sql::Database::BusyWait waitPatientlyToSave(const std::string& projectPath,
                                            const std::string& work);

} // namespace fp::cli
