#include "cli/outputfile.h"

#include "base/error.h"

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace fp::cli {

OutputFile::OutputFile(std::string path)
    : m_path(std::move(path)), m_temp(m_path + ".tmp-" + std::to_string(getpid()))
{
    m_out.open(m_temp, std::ios::binary | std::ios::trunc);
    if (!m_out)
        throw FlashPlanError("cannot write " + m_path + " (is the folder there and writable?)");
}

OutputFile::~OutputFile()
{
    if (!m_committed) {
        m_out.close();
        std::remove(m_temp.c_str());
    }
}

void OutputFile::commit()
{
    m_out.flush();
    const bool ok = static_cast<bool>(m_out);
    m_out.close();
    std::error_code ec;
    if (!ok)
        throw FlashPlanError("cannot write " + m_path + " (disk full?)");
    std::filesystem::rename(m_temp, m_path, ec);
    if (ec)
        throw FlashPlanError("cannot write " + m_path + ": " + ec.message());
    m_committed = true;
}

std::string csvField(std::string_view text)
{
    std::string value(text);
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                           value[0] == '@' || value[0] == '\t' || value[0] == '\r'))
        value.insert(value.begin(), '\''); // spreadsheets show it as text
    if (value.find_first_of(",\"\n\r") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace fp::cli
