#include "base/error.h"

#include <gtest/gtest.h>
#include <set>

using namespace fp;

namespace {

std::vector<ProblemKind> allKinds()
{
    std::vector<ProblemKind> kinds;
    for (int k = 0; k < kProblemKindCount; ++k)
        kinds.push_back(static_cast<ProblemKind>(k));
    return kinds;
}

} // namespace

TEST(ProblemCatalogue, EveryKindHasAnEnglishTextWithItsArgumentsNumberedFromOne)
{
    for (const ProblemKind kind : allKinds()) {
        const std::string text(englishText(kind));
        EXPECT_FALSE(text.empty()) << static_cast<int>(kind);
        for (int n = 1; n <= argumentCount(kind); ++n)
            EXPECT_NE(text.find("%" + std::to_string(n)), std::string::npos)
                << text << ": no %" << n;
    }
    EXPECT_TRUE(englishText(ProblemKind::Count).empty());
}

TEST(ProblemCatalogue, KindsHaveDistinctTextsButThePassThroughOnes)
{
    std::set<std::string_view> seen;
    int passThrough = 0;
    for (const ProblemKind kind : allKinds()) {
        if (englishText(kind) == "%1") { // Internal and DatabaseError: the detail as it came
            ++passThrough;
            continue;
        }
        EXPECT_TRUE(seen.insert(englishText(kind)).second) << englishText(kind);
    }
    EXPECT_EQ(passThrough, 2);
}

TEST(ProblemCatalogue, ArgumentsFillTheirPlaceholdersInOrder)
{
    EXPECT_EQ(argumentCount(ProblemKind::ColumnsGiveOneField), 3);
    EXPECT_EQ(argumentCount(ProblemKind::EmptySku), 0);
    EXPECT_EQ(fillArguments("%2 before %1", {"a", "b"}), "b before a");
    EXPECT_EQ(fillArguments("%1 and %2", {"only"}), "only and %2");    // a missing one stays
    EXPECT_EQ(fillArguments("35% off, 100%", {"x"}), "35% off, 100%"); // not placeholders
    EXPECT_EQ(fillArguments("%1", {"%2 stays"}), "%2 stays"); // arguments are not read again
}

// The English a user reads is the one core gave before problems had kinds, to the byte: the CLI
// prints it and scripts may match it.
TEST(ProblemDescribe, RepresentativeProblemsReadAsBefore)
{
    using K = ProblemKind;
    struct Case
    {
        Problem problem;
        const char* text;
    };
    const Case cases[] = {
        {{"sales.csv", 12, 4, K::MustBeAboveGot, {"price", "0", "-2"}},
         "sales.csv:12: column 4: price must be > 0, got '-2'"},
        {{"sales.csv", 3, 2, K::NotANumber, {"units", "x"}},
         "sales.csv:3: column 2: units is not a number: 'x'"},
        {{"sales.csv", 7, 0, K::WrongFieldCountAsInHeader, {"4", "3"}},
         "sales.csv:7: expected 4 fields (as in the header), found 3"},
        {{"sales.csv", 9, 1, K::DuplicateRow, {"A-17", "2025-03-01"}},
         "sales.csv:9: column 1: a second row for sku 'A-17' on 2025-03-01 (to combine such rows "
         "choose the duplicate policy sum or last: --on-duplicate in flashplan-cli, Duplicate rows "
         "in the import dialog)"},
        {{"sales.csv", 1, 0, K::MissingColumnWithNames, {"units", "'units', 'qty'"}},
         "sales.csv:1: required column 'units' is missing (accepted names: 'units', 'qty')"},
        {{"sales.csv", 0, 0, K::CannotOpenFile, {}}, "sales.csv: cannot open the file for reading"},
        {{"", 5, 0, K::UnclosedQuote, {}},
         "line 5: a quoted field starting on this line is never closed"},
        {{"campaign.csv", 4, 0, K::SkuNotInHistory, {"Z-9"}},
         "campaign.csv:4: sku 'Z-9' is not in the project's sales history"},
        {{"campaign.csv", 2, 0, K::DiscountNotAFraction, {}},
         "campaign.csv:2: discounts are fractions from 0 to 1 (0.35 = 35% off)"},
        {problemOf(K::NoSuchProjectFile, {"p.flashplan"}), "p.flashplan: no such project file"},
        {problemOf(K::NewerProjectVersion, {"p.flashplan", "9", "4"}),
         "p.flashplan was written by a newer FlashPlan (schema version 9, this build knows 4); "
         "open it with that version"},
        {problemOf(K::NoSales, {"p.flashplan"}),
         "p.flashplan holds no sales yet; import a sales CSV first"},
        {problemOf(K::NoTrainedModel, {"p.flashplan"}),
         "p.flashplan has no trained model; run flashplan-cli train (or Train in the window) "
         "first"},
        {problemOf(K::TooLittleHistory, {"30", "28"}),
         "too little history to train: 30 periods, but the held-out tail alone is 28; import more "
         "history or use a shorter --holdout-days"},
        {problemOf(K::ProductNewerThanModel, {"A-17"}),
         "the model was trained before product 'A-17' was imported; train again"},
        {problemOf(K::CannotWriteFile, {"/x/plan.xlsx", "Permission denied"}),
         "cannot write /x/plan.xlsx: Permission denied; check that the folder exists, is writable "
         "and has free space"},
        {problemOf(K::ScenarioNameTaken, {"Plan B"}),
         "there is already a scenario named 'Plan B'; choose another name or delete that scenario "
         "first"},
        {problemOf(K::Cancelled), "cancelled"},
        {problemOf(K::Internal, {"neural model: save before fit"}),
         "neural model: save before fit"},
    };
    for (const Case& c : cases)
        EXPECT_EQ(c.problem.describe(), c.text);
}

TEST(FlashPlanError, CarriesItsProblemAndSaysItInEnglish)
{
    const FlashPlanError error(ProblemKind::NoSuchProjectFile, {"p.flashplan"});
    EXPECT_EQ(error.problem().kind, ProblemKind::NoSuchProjectFile);
    EXPECT_EQ(error.problem().args, std::vector<std::string>{"p.flashplan"});
    EXPECT_STREQ(error.what(), "p.flashplan: no such project file");
    EXPECT_STREQ(Cancelled().what(), "cancelled");
    EXPECT_EQ(Cancelled().problem().kind, ProblemKind::Cancelled);
    EXPECT_EQ(internalError("broken").problem().kind, ProblemKind::Internal);
}

TEST(FlashPlanError, AnyExceptionHasAProblem)
{
    const Problem known = problemOf(FlashPlanError(ProblemKind::EmptySku));
    EXPECT_EQ(known.kind, ProblemKind::EmptySku);
    const Problem other = problemOf(std::runtime_error("bad things"));
    EXPECT_EQ(other.kind, ProblemKind::Internal);
    EXPECT_EQ(other.message(), "bad things");
}
