// libFuzzer target: the CSV reader (io/csvreader) on any bytes: every encoding, separator and
// quoting it detects (or the separator given, chosen by the input's size so that a seed stays a
// plain CSV), to the end of the input or its first fatal error, never a crash, an out-of-bounds
// read or a record that goes back a line.
#include "io/csvreader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    fp::io::detectDelimiter(bytes);
    {
        constexpr char kDelimiters[] = {'\0', ',', ';', '\t'};
        std::istringstream in(bytes);
        fp::io::CsvReader reader(in, kDelimiters[size % 4]);
        fp::io::CsvReader::Record record;
        std::int64_t lastLine = 0;
        std::size_t fieldBytes = 0;
        while (reader.next(record)) {
            if (record.line <= lastLine)
                __builtin_trap(); // lines go forward
            lastLine = record.line;
            for (const std::string_view field : record.fields)
                fieldBytes += field.size();
        }
        if (fieldBytes > size * 4 + 16) // a field is never longer than its bytes decode to
            __builtin_trap();
        (void)reader.bytesConsumed();
    }
    return 0;
}
