#include "base/error.h"
#include "model/modelstore.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/demoproject.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

using namespace fp;

TEST(DemoProject, HoldsTheDemoSalesAndATrainedStructuredModel)
{
    test::TempDir dir;
    std::int64_t calls = 0;
    bool reachedTraining = false;
    synth::buildDemoProject(dir.file("files"), dir.file("demo.flashplan"),
                            [&](std::int64_t, std::int64_t total) {
                                ++calls;
                                reachedTraining = reachedTraining || total == 120;
                                return true;
                            });
    EXPECT_TRUE(std::filesystem::exists(dir.file("files/sales.csv")));
    EXPECT_TRUE(std::filesystem::exists(dir.file("files/campaign.csv")));
    EXPECT_GT(calls, 2);
    EXPECT_TRUE(reachedTraining);
    store::Store store(dir.file("demo.flashplan"), store::Store::OpenMode::ReadOnly);
    EXPECT_EQ(store.summary().products, 150);
    const std::optional<model::TrainedModel> trained = model::loadActiveModel(store);
    ASSERT_TRUE(trained);
    EXPECT_EQ(trained->kind, "structured");
}

TEST(DemoProject, CancelDuringTheImportThrowsCancelledAndStoresNoSales)
{
    test::TempDir dir;
    EXPECT_THROW(synth::buildDemoProject(dir.file("files"), dir.file("demo.flashplan"),
                                         [](std::int64_t, std::int64_t) { return false; }),
                 Cancelled);
    store::Store store(dir.file("demo.flashplan"), store::Store::OpenMode::ReadOnly);
    EXPECT_EQ(store.summary().products, 0);
}

TEST(DemoProject, CancelDuringTrainingThrowsCancelledAndStoresNoModel)
{
    test::TempDir dir;
    EXPECT_THROW(synth::buildDemoProject(dir.file("files"), dir.file("demo.flashplan"),
                                         [](std::int64_t, std::int64_t total) {
                                             return total != 120; // the training's steps
                                         }),
                 Cancelled);
    store::Store store(dir.file("demo.flashplan"), store::Store::OpenMode::ReadOnly);
    EXPECT_EQ(store.summary().products, 150);
    EXPECT_FALSE(model::loadActiveModel(store));
}

TEST(DemoProject, AFolderThatCannotBeMadeFailsWithItsName)
{
    test::TempDir dir;
    const std::string file = dir.write("not-a-folder", "x");
    try {
        synth::buildDemoProject(file + "/files", dir.file("demo.flashplan"));
        FAIL() << "expected FlashPlanError";
    } catch (const Cancelled&) {
        FAIL() << "not a cancel";
    } catch (const FlashPlanError& e) {
        EXPECT_NE(std::string(e.what()).find(file), std::string::npos) << e.what();
    }
}
