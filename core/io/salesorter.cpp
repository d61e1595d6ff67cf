#include "io/salesorter.h"

#include "base/error.h"

#include <algorithm>
#include <queue>
#include <tuple>
#include <type_traits>

namespace fp::io {

static_assert(std::is_trivially_copyable_v<PendingSale>, "runs are written as raw bytes");

namespace {

bool keyLess(const PendingSale& a, const PendingSale& b)
{
    return std::tie(a.productId, a.day, a.line) < std::tie(b.productId, b.day, b.line);
}

// Reads one spilled run back in blocks.
class RunReader
{
public:
    RunReader(std::FILE* file, std::int64_t rows) : m_file(file), m_left(rows)
    {
        std::rewind(m_file);
        m_block.reserve(kBlock);
        refill();
    }
    bool done() const { return m_pos >= m_block.size(); }
    const PendingSale& current() const { return m_block[m_pos]; }
    void advance()
    {
        if (++m_pos >= m_block.size())
            refill();
    }

private:
    static constexpr std::size_t kBlock = 8192;
    void refill()
    {
        const auto n = static_cast<std::size_t>(std::min<std::int64_t>(m_left, kBlock));
        m_block.resize(n);
        m_pos = 0;
        if (n == 0)
            return;
        if (std::fread(m_block.data(), sizeof(PendingSale), n, m_file) != n)
            throw FlashPlanError(ProblemKind::TemporaryFileUnreadable);
        m_left -= static_cast<std::int64_t>(n);
    }

    std::FILE* m_file;
    std::int64_t m_left;
    std::vector<PendingSale> m_block;
    std::size_t m_pos = 0;
};

} // namespace

SaleSorter::SaleSorter(std::size_t rowsInMemory)
    : m_capacity(std::max<std::size_t>(rowsInMemory, 1))
{
}

SaleSorter::~SaleSorter() = default;

void SaleSorter::expectRows(std::size_t rows)
{
    if (m_buffer.capacity() == 0)
        m_buffer.reserve(std::clamp<std::size_t>(rows, 1, m_capacity));
}

void SaleSorter::add(const PendingSale& row)
{
    if (m_buffer.size() >= m_capacity)
        spill();
    if (m_buffer.capacity() == 0)
        m_buffer.reserve(m_capacity); // untouched pages cost no memory; regrowth costs copies
    m_buffer.push_back(row);
    ++m_count;
}

void SaleSorter::spill()
{
    std::sort(m_buffer.begin(), m_buffer.end(), keyLess);
    std::unique_ptr<std::FILE, FileCloser> file(std::tmpfile());
    if (!file ||
        std::fwrite(m_buffer.data(), sizeof(PendingSale), m_buffer.size(), file.get()) !=
            m_buffer.size() ||
        std::fflush(file.get()) != 0)
        throw FlashPlanError(ProblemKind::TemporaryFileUnwritable);
    m_runs.push_back(std::move(file));
    m_runSizes.push_back(static_cast<std::int64_t>(m_buffer.size()));
    m_buffer.clear();
}

void SaleSorter::forEachSorted(const std::function<bool(const PendingSale&)>& fn)
{
    std::sort(m_buffer.begin(), m_buffer.end(), keyLess);
    if (m_runs.empty()) {
        for (const PendingSale& row : m_buffer)
            if (!fn(row))
                return;
        return;
    }
    // K-way merge of the spilled runs and the in-memory tail.
    std::vector<RunReader> readers;
    readers.reserve(m_runs.size());
    for (size_t i = 0; i < m_runs.size(); ++i)
        readers.emplace_back(m_runs[i].get(), m_runSizes[i]);
    const int memoryRun = static_cast<int>(readers.size());
    std::size_t memoryPos = 0;
    auto head = [&](int run) -> const PendingSale& {
        return run == memoryRun ? m_buffer[memoryPos] : readers[static_cast<size_t>(run)].current();
    };
    auto later = [&](int a, int b) {
        return keyLess(head(b), head(a));
    };
    std::priority_queue<int, std::vector<int>, decltype(later)> heap(later);
    for (int run = 0; run < memoryRun; ++run)
        if (!readers[static_cast<size_t>(run)].done())
            heap.push(run);
    if (!m_buffer.empty())
        heap.push(memoryRun);
    while (!heap.empty()) {
        const int run = heap.top();
        heap.pop();
        if (!fn(head(run)))
            return;
        if (run == memoryRun) {
            if (++memoryPos < m_buffer.size())
                heap.push(run);
        } else {
            RunReader& reader = readers[static_cast<size_t>(run)];
            reader.advance();
            if (!reader.done())
                heap.push(run);
        }
    }
}

} // namespace fp::io
