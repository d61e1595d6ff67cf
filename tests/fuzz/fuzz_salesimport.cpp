// libFuzzer target: a sales import (io/salesimporter) of any bytes into a project that already
// holds sales. Whatever the input, the import commits or changes nothing: after a refused import
// (a report with problems, or a FlashPlanError) every table is as it was, to the bit. Any other
// exception escapes and is a finding. The options (duplicates, decimal mark, missing periods)
// follow from the input's size, so a seed stays a plain CSV.
#include "base/error.h"
#include "fuzz/fuzzproject.h"
#include "io/salesimporter.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

namespace {

fp::io::ImportOptions optionsFor(std::size_t size)
{
    fp::io::ImportOptions options;
    options.onDuplicate = static_cast<fp::io::DuplicatePolicy>(size % 3);
    options.decimalMark = static_cast<fp::io::DecimalMark>(size / 3 % 3);
    if (const std::size_t missing = size / 9 % 3; missing > 0)
        options.missing =
            missing == 1 ? fp::io::MissingPeriods::Zero : fp::io::MissingPeriods::Unknown;
    return options;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fp::store::Store& project = fp::fuzz::seededProject();
    const std::string before = fp::fuzz::digestOf(project);
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    bool committed = false;
    try {
        const fp::io::ImportReport report = fp::io::importSales(
            project, in, "fuzz.csv", optionsFor(size), {}, static_cast<std::int64_t>(size));
        committed = report.committed;
        if (committed != (report.problemCount == 0))
            fp::fuzz::fail("committed with problems, or refused without one");
    } catch (const fp::FlashPlanError&) {
        // Refused as a whole (nothing to import, a project setting it contradicts): fine, if the
        // project is unchanged.
    }
    if (!committed && fp::fuzz::digestOf(project) != before)
        fp::fuzz::fail("a refused import changed the project:\nbefore\n" + before + "after\n" +
                       fp::fuzz::digestOf(project));
    return 0;
}
