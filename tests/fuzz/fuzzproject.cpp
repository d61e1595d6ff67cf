#include "fuzz/fuzzproject.h"

#include "io/salesimporter.h"
#include "support/tabledigest.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sqlite3.h>
#include <sstream>
#include <unistd.h>

namespace fp::fuzz {

const char* const kSeedSales = "date,sku,name,category,units,price,list_price,stock,event\n"
                               "2025-03-01,A-1,Kettle,Home,3,20,20,10,\n"
                               "2025-03-02,A-1,Kettle,Home,9,14,20,10,spring\n"
                               "2025-03-03,A-1,Kettle,Home,10,14,20,10,spring\n"
                               "2025-03-05,A-1,Kettle,Home,2,20,20,,\n"
                               "2025-03-01,B-2,Lamp,Home,1,35.5,35.5,,\n"
                               "2025-03-10,B-2,Lamp,Home,4,28.4,35.5,,\n"
                               "2025-03-01,C-3,Cable,Tech,12,4.99,4.99,100,\n"
                               "2025-03-04,C-3,Cable,Tech,30,2.5,4.99,100,spring\n";

namespace {

std::unique_ptr<store::Store> importedSeed()
{
    auto project = std::make_unique<store::Store>(":memory:");
    std::istringstream in(kSeedSales);
    if (!io::importSales(*project, in, "seed.csv").committed)
        fail("the seed sales do not import");
    return project;
}

} // namespace

store::Store& seededProject()
{
    static const std::unique_ptr<store::Store> seed = importedSeed();
    static store::Store project(":memory:");
    sqlite3_backup* backup =
        sqlite3_backup_init(project.database().handle(), "main", seed->database().handle(), "main");
    if (!backup || sqlite3_backup_step(backup, -1) != SQLITE_DONE ||
        sqlite3_backup_finish(backup) != SQLITE_OK)
        fail("cannot copy the seeded project");
    return project;
}

std::string digestOf(store::Store& store)
{
    return test::databaseDigest(store.database().handle());
}

namespace {

// One file per fuzzing process, removed when it exits (libFuzzer ends with exit()).
struct ScratchFile final
{
    std::string path = (std::filesystem::temp_directory_path() /
                        ("flashplan-fuzz-" + std::to_string(getpid()) + ".csv"))
                           .string();
    ~ScratchFile() { std::remove(path.c_str()); }
};

} // namespace

std::string writeScratchFile(const std::uint8_t* data, std::size_t size)
{
    static const ScratchFile scratch;
    const std::string& path = scratch.path;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out.flush())
        fail("cannot write the scratch file " + path);
    return path;
}

void fail(const std::string& what)
{
    std::fprintf(stderr, "fuzz property failed: %s\n", what.c_str());
    std::abort();
}

} // namespace fp::fuzz
