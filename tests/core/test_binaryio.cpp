#include "base/binaryio.h"
#include "base/error.h"

#include <cstdint>
#include <gtest/gtest.h>
#include <vector>

using namespace fp;

// Issue 16, 1: an empty vector (a model with an empty training curve) reads back as empty; the
// read never hands memcpy the null data() of an empty vector (UBSan's finding).
TEST(BinaryIo, EmptyAndFullVectorsRoundTrip)
{
    BinaryWriter out;
    out.putVector(std::vector<double>{});
    out.putVector(std::vector<float>{1.5f, -2.0f});
    out.putVector(std::vector<std::int32_t>{});
    BinaryReader in(out.bytes());
    EXPECT_TRUE(in.getVector<double>().empty());
    EXPECT_EQ(in.getVector<float>(), (std::vector<float>{1.5f, -2.0f}));
    EXPECT_TRUE(in.getVector<std::int32_t>().empty());
    EXPECT_TRUE(in.atEnd());
}

TEST(BinaryIo, ACountBeyondTheBytesIsTruncationNotARead)
{
    BinaryWriter out;
    out.put<std::uint64_t>(1000); // says 1000 doubles follow; none do
    BinaryReader in(out.bytes());
    try {
        in.getVector<double>();
        ADD_FAILURE() << "no error";
    } catch (const FlashPlanError& e) {
        EXPECT_EQ(e.problem().kind, ProblemKind::StoredModelTruncated);
    }
}
