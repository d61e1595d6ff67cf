#pragma once

#include "base/civildate.h"
#include "store/sqlite.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fp::store {

struct ProductRecord
{
    std::int64_t id = 0;
    std::string sku;
    std::string name;
    std::string category;
    std::optional<double> listPrice;
    bool listPriceEstimated = false;
    std::optional<double> unitCost;
};

struct ImportRecord
{
    std::int64_t id = 0;
    std::string file;
    std::string importedAt;
    std::int64_t rowsRead = 0;
    std::int64_t rowsRejected = 0;
    std::int64_t rowsFilled = 0;
    std::int64_t productsAdded = 0;
    int periodDays = 0;
    std::string notes;
};

struct ModelRecord
{
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    std::string createdAt;
    bool active = false;
    std::string scores;
};

// What `flashplan-cli info` and the GUI's project header show.
struct ProjectSummary
{
    std::int64_t products = 0;
    std::int64_t categories = 0;
    std::int64_t rows = 0;         // product-periods stored, filled ones included
    std::int64_t filledRows = 0;   // periods missing in the files, stored as 0 units
    std::int64_t stockoutRows = 0; // units == stock: demand was censored
    std::int64_t eventRows = 0;
    std::int64_t discountedRows = 0; // at least 1% below the regular price
    std::int64_t estimatedListPriceProducts = 0;
    std::optional<DayNumber> firstDay;
    std::optional<DayNumber> lastDay;
    int periodDays = 0; // 1 daily, 7 weekly, 0 no data yet
    double totalUnits = 0;
    double totalRevenue = 0;
    double meanDiscountWhenDiscounted = 0;
    double maxDiscount = 0;
    // Row counts by discount depth: [0,1%), [1,10%), [10,30%), [30,50%), [50,70%), >=70%.
    std::array<std::int64_t, 6> discountBuckets{};
};

// The project file: one SQLite database with a versioned schema, WAL and foreign keys.
class Store final
{
public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist,
        ReadOnly
    };

    // Throws FlashPlanError with a message naming the file when it cannot be opened, is not a
    // FlashPlan project, or comes from a newer version. Only CreateIfMissing writes a schema into
    // an empty file (zero bytes, or an SQLite database without tables); the others refuse it.
    explicit Store(const std::string& path, OpenMode mode = OpenMode::CreateIfMissing);

    sql::Database& database() { return m_db; }
    // Throws ProjectBusy (naming the other process when known) when another connection is
    // writing the project: for long work that ends in a write, so that it fails before it starts.
    // Waits a second for a short write to end. Not for a ReadOnly store.
    void checkNoOtherWriter();
    const std::string& path() const { return m_db.path(); }

    std::optional<std::string> meta(const std::string& key);
    void setMeta(const std::string& key, const std::string& value); // caller owns the transaction
    int periodDays(); // 0 while the project holds no sales

    ProjectSummary summary();
    std::vector<ProductRecord> products();
    std::vector<std::string> categories();
    std::vector<ImportRecord> imports();
    std::vector<ModelRecord> models();

    static constexpr std::int32_t kApplicationId = 0x464C5350; // "FLSP"

private:
    sql::Database m_db;
};

// Current UTC time as ISO 8601, for log columns.
std::string utcTimestamp();

} // namespace fp::store
