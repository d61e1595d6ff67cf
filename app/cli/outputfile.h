#pragma once

#include <fstream>
#include <string>
#include <string_view>

namespace fp::cli {

// Writes to PATH.tmp-XXXX and renames it over PATH on commit(), so a failure or an interrupt never
// leaves a half-written file. Throws FlashPlanError naming the file when it cannot be written.
class OutputFile final
{
public:
    explicit OutputFile(std::string path);
    ~OutputFile(); // removes the temporary file unless committed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream() { return m_out; }
    void commit();

private:
    std::string m_path, m_temp;
    std::ofstream m_out;
    bool m_committed = false;
};

// A CSV field, quoted when needed, and neutralized when a spreadsheet would run it as a formula.
std::string csvField(std::string_view text);

} // namespace fp::cli
