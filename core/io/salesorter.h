#pragma once

#include "base/civildate.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace fp::io {

enum class WriteOp : std::uint8_t
{
    Insert,           // a new product-period
    InsertOverFilled, // error policy: may only replace a period an earlier import filled with 0
    Replace,          // last policy, or a row replacing one from an earlier import
    Sum               // sum policy: a second row for a product-period of this file
};

// A validated sales row waiting to be written; NaN stands for an empty optional number.
struct PendingSale
{
    std::int64_t productId;
    std::int64_t line;
    DayNumber day;
    std::int32_t eventId; // -1: none
    WriteOp op;
    bool duplicateInFile;
    double units, price, listPrice, unitCost, stock, views;
};

// Orders any number of rows by (product, day, file line) in bounded memory: runs that fill the
// buffer are sorted and spilled to anonymous temporary files, then merged. Writing rows to the
// project in key order makes every B-tree insert an append at a product's end, whatever order
// the CSV lists them in (shop exports usually go date by date across all products).
class SaleSorter final
{
public:
    explicit SaleSorter(std::size_t rowsInMemory = std::size_t{1} << 20);
    ~SaleSorter();
    SaleSorter(const SaleSorter&) = delete;
    SaleSorter& operator=(const SaleSorter&) = delete;

    // Sizes the buffer for about `rows` rows before the first add (a small file needs far less
    // than the in-memory maximum, whose reservation a sanitizer build fills and quarantines).
    void expectRows(std::size_t rows);
    // Throws FlashPlanError when a temporary file cannot be written (disk full).
    void add(const PendingSale& row);
    std::int64_t size() const { return m_count; }

    // Calls `fn` for every row in order until it returns false. Call once.
    void forEachSorted(const std::function<bool(const PendingSale&)>& fn);

private:
    void spill();

    struct FileCloser
    {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::size_t m_capacity;
    std::vector<PendingSale> m_buffer;
    std::vector<std::unique_ptr<std::FILE, FileCloser>> m_runs;
    std::vector<std::int64_t> m_runSizes;
    std::int64_t m_count = 0;
};

} // namespace fp::io
