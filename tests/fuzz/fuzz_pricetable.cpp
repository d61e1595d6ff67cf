// libFuzzer target: the planned-price reader (io/pricetable, `forecast --prices`) on any bytes. A
// table read without problems holds only usable rows: a sku, a finite price > 0, a list price
// > 0 when given, a finite stock >= 0 when given.
#include "fuzz/fuzzproject.h"
#include "io/pricetable.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const fp::io::PriceTable table = fp::io::readPriceTable(fp::fuzz::writeScratchFile(data, size));
    if (table.problemCount != static_cast<std::int64_t>(table.problems.size()) &&
        table.problems.size() != 100)
        fp::fuzz::fail("the problem count and the problems listed disagree");
    if (table.problemCount > 0)
        return 0;
    for (const fp::io::PlannedPrice& row : table.rows) {
        const bool usable =
            !row.sku.empty() && std::isfinite(row.price) && row.price > 0 &&
            (!row.listPrice || (std::isfinite(*row.listPrice) && *row.listPrice > 0)) &&
            (!row.stock || (std::isfinite(*row.stock) && *row.stock >= 0));
        if (!usable)
            fp::fuzz::fail("a price table read without problems has an unusable row (line " +
                           std::to_string(row.line) + ")");
    }
    return 0;
}
