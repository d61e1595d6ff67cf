#pragma once

#include <QString>
#include <string>
#include <vector>

namespace fp::io {
struct ImportReport;
}

namespace fp::ui {

// A few lines on what a committed import brought in.
QString importSummary(const io::ImportReport& report);

// One line per rejected row, "file:line: column N (header): reason", and how many more there are;
// `header` names the file's columns.
QString importProblemList(const io::ImportReport& report, const std::vector<std::string>& header);

} // namespace fp::ui
