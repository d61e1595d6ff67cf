#include "io/salesorter.h"

#include <gtest/gtest.h>
#include <random>

using namespace fp::io;

namespace {
PendingSale sale(std::int64_t product, fp::DayNumber day, std::int64_t line)
{
    PendingSale s{};
    s.productId = product;
    s.day = day;
    s.line = line;
    s.units = static_cast<double>(line);
    return s;
}

std::vector<PendingSale> sortedBy(SaleSorter& sorter)
{
    std::vector<PendingSale> out;
    sorter.forEachSorted([&](const PendingSale& s) {
        out.push_back(s);
        return true;
    });
    return out;
}
} // namespace

TEST(SaleSorter, SpilledRunsMergeIntoKeyOrderKeepingFileOrderOfDuplicates)
{
    SaleSorter sorter(100); // forces 9 spilled runs plus an in-memory tail
    std::mt19937 rng(7);
    std::vector<PendingSale> all;
    for (std::int64_t line = 1; line <= 950; ++line) {
        const PendingSale s = sale(rng() % 20, static_cast<fp::DayNumber>(rng() % 30), line);
        all.push_back(s);
        sorter.add(s);
    }
    EXPECT_EQ(sorter.size(), 950);
    const std::vector<PendingSale> out = sortedBy(sorter);
    ASSERT_EQ(out.size(), all.size());
    std::stable_sort(all.begin(), all.end(), [](const PendingSale& a, const PendingSale& b) {
        return std::tie(a.productId, a.day) < std::tie(b.productId, b.day);
    });
    for (size_t i = 0; i < out.size(); ++i) {
        EXPECT_EQ(out[i].productId, all[i].productId);
        EXPECT_EQ(out[i].day, all[i].day);
        EXPECT_EQ(out[i].line, all[i].line) << i; // duplicates stay in file order
        EXPECT_EQ(out[i].units, all[i].units);
    }
}

TEST(SaleSorter, InMemoryOnlyAndEarlyStop)
{
    SaleSorter sorter(1000);
    sorter.add(sale(2, 1, 1));
    sorter.add(sale(1, 5, 2));
    sorter.add(sale(1, 3, 3));
    std::vector<std::int64_t> lines;
    sorter.forEachSorted([&](const PendingSale& s) {
        lines.push_back(s.line);
        return lines.size() < 2;
    });
    EXPECT_EQ(lines, (std::vector<std::int64_t>{3, 2}));
}
