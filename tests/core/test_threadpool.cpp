#include "base/threadpool.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

using fp::ThreadPool;

TEST(ThreadPool, VisitsEveryIndexExactlyOnce)
{
    for (int threads : {1, 2, 3, 8})
        for (int count : {0, 1, 2, 7, 1000}) {
            ThreadPool pool(threads);
            std::vector<std::atomic<int>> visits(static_cast<std::size_t>(count));
            std::atomic<bool> threadInRange = true;
            pool.forEachIndex(count, [&](int index, int thread) {
                visits[static_cast<std::size_t>(index)].fetch_add(1);
                if (thread < 0 || thread >= pool.threads())
                    threadInRange = false;
            });
            for (int i = 0; i < count; ++i)
                ASSERT_EQ(visits[static_cast<std::size_t>(i)].load(), 1)
                    << threads << " threads, " << count << " indices, index " << i;
            EXPECT_TRUE(threadInRange);
        }
}

TEST(ThreadPool, HasTheThreadsItWasAskedFor)
{
    EXPECT_EQ(ThreadPool(4).threads(), 4);
    EXPECT_EQ(ThreadPool(1).threads(), 1);
    EXPECT_EQ(ThreadPool(0).threads(), 1);
}

TEST(ThreadPool, RunsIndicesOnSeveralThreadsAtOnce)
{
    // Index 0 waits until another index has started: only a second thread can start it.
    ThreadPool pool(2);
    std::mutex mutex;
    std::condition_variable started;
    bool second = false, sawSecond = false;
    pool.forEachIndex(2, [&](int index, int) {
        std::unique_lock lock(mutex);
        if (index == 0) {
            sawSecond = started.wait_for(lock, std::chrono::seconds(20), [&] { return second; });
        } else {
            second = true;
            started.notify_all();
        }
    });
    EXPECT_TRUE(sawSecond);
}

TEST(ThreadPool, ManyShortLoopsInARowAllFinish)
{
    ThreadPool pool(3);
    long total = 0;
    for (int loop = 0; loop < 3000; ++loop) {
        std::vector<int> out(static_cast<std::size_t>(loop % 5 + 2), 0);
        pool.forEachIndex(static_cast<int>(out.size()), [&](int index, int) {
            out[static_cast<std::size_t>(index)] = index + 1;
        });
        for (int v : out)
            total += v;
    }
    long expected = 0;
    for (int loop = 0; loop < 3000; ++loop) {
        const long n = loop % 5 + 2;
        expected += n * (n + 1) / 2;
    }
    EXPECT_EQ(total, expected);
}

TEST(ThreadPool, AnExceptionReachesTheCallerAndThePoolStaysUsable)
{
    for (int threads : {1, 4}) {
        ThreadPool pool(threads);
        try {
            pool.forEachIndex(100, [](int index, int) {
                if (index == 37)
                    throw std::runtime_error("index 37 failed");
            });
            ADD_FAILURE() << "no exception with " << threads << " threads";
        } catch (const std::runtime_error& e) {
            EXPECT_EQ(std::string(e.what()), "index 37 failed");
        }
        std::atomic<int> calls = 0;
        pool.forEachIndex(50, [&](int, int) { ++calls; });
        EXPECT_EQ(calls.load(), 50);
    }
}

TEST(ThreadPool, TheLowestFailingIndexIsTheOneReported)
{
    for (int threads : {1, 2, 8})
        for (int attempt = 0; attempt < 20; ++attempt) {
            ThreadPool pool(threads);
            try {
                pool.forEachIndex(200, [](int index, int) {
                    if (index >= 10)
                        throw std::runtime_error(std::to_string(index));
                });
                ADD_FAILURE() << "no exception";
            } catch (const std::runtime_error& e) {
                ASSERT_EQ(std::string(e.what()), "10") << threads << " threads";
            }
        }
}

TEST(PartOf, SplitsARangeIntoContiguousNearEqualParts)
{
    EXPECT_EQ(fp::partOf(10, 3, 0).begin, 0u);
    EXPECT_EQ(fp::partOf(10, 3, 0).end, 3u);
    EXPECT_EQ(fp::partOf(10, 3, 1).begin, 3u);
    EXPECT_EQ(fp::partOf(10, 3, 1).end, 6u);
    EXPECT_EQ(fp::partOf(10, 3, 2).begin, 6u);
    EXPECT_EQ(fp::partOf(10, 3, 2).end, 10u);
    for (std::size_t size : {0u, 1u, 5u, 1001u})
        for (int parts : {1, 2, 7, 64}) {
            std::size_t next = 0;
            for (int part = 0; part < parts; ++part) {
                const fp::IndexRange range = fp::partOf(size, parts, part);
                ASSERT_EQ(range.begin, next);
                ASSERT_LE(range.end - range.begin, size / static_cast<std::size_t>(parts) + 1);
                next = range.end;
            }
            EXPECT_EQ(next, size);
        }
}

TEST(ThreadPool, AReductionGivesTheSameBitsOnAnyNumberOfThreads)
{
    // Terms of very different sizes: any change in the order of the additions changes the sum.
    std::vector<double> terms(100000);
    for (std::size_t i = 0; i < terms.size(); ++i)
        terms[i] = std::pow(-1.7, static_cast<double>(i % 40)) / static_cast<double>(i + 1);
    constexpr int kParts = 16;
    auto sum = [&](int threads) {
        ThreadPool pool(threads);
        std::vector<double> partial(kParts, 0.0);
        pool.forEachIndex(kParts, [&](int part, int) {
            const fp::IndexRange range = fp::partOf(terms.size(), kParts, part);
            for (std::size_t i = range.begin; i < range.end; ++i)
                partial[static_cast<std::size_t>(part)] += terms[i];
        });
        double total = 0.0;
        for (double p : partial)
            total += p;
        return total;
    };
    const double serial = sum(1);
    for (int threads : {2, 3, 4, 8})
        for (int repeat = 0; repeat < 5; ++repeat)
            ASSERT_EQ(sum(threads), serial) << threads << " threads"; // bit for bit
}
