// Issue 13, point 5: how periods absent from a sales file are treated (`zero`: nothing sold;
// `unknown`: no data, left out of fitting), chosen from the data unless asked, kept by the
// project, and what the choice does to forecasts against a known truth.
#include "data/demandcells.h"
#include "data/panel.h"
#include "data/productpanel.h"
#include "io/salesimporter.h"
#include "model/forecaster.h"
#include "store/store.h"
#include "support/syntheticproject.h"
#include "support/tempdir.h"
#include "support/trainedmodel.h"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <ostream>
#include <sstream>

namespace fp::io {
// Failures name the choice and its reason instead of printing their bytes.
void PrintTo(MissingPeriods missing, std::ostream* out)
{
    *out << missingPeriodsName(missing);
}
void PrintTo(MissingPeriodsReason reason, std::ostream* out)
{
    static const char* const names[] = {"Asked", "ProjectSetting", "WeeklyData", "ZeroUnitRows",
                                        "DailyWithoutZeros"};
    *out << names[static_cast<int>(reason)];
}
} // namespace fp::io

using namespace fp;
using io::MissingPeriods;
using io::MissingPeriodsReason;

namespace {

class MissingPeriodsImport : public ::testing::Test
{
protected:
    MissingPeriodsImport() : m_store(m_dir.file("p.flashplan")) {}

    io::ImportReport import(const std::string& csv, const io::ImportOptions& options = {})
    {
        std::istringstream in(csv);
        return io::importSales(m_store, in, "sales.csv", options);
    }
    std::string stored() { return m_store.meta("missing_periods").value_or("(none)"); }
    // Cells the models are fitted on, as (sku, day, units).
    std::vector<std::tuple<std::string, std::string, float>> fittingCells()
    {
        const data::Panel panel = data::Panel::load(m_store);
        std::vector<std::tuple<std::string, std::string, float>> out;
        for (const data::DemandCell& c : data::historyCells(panel, 0, panel.periodCount()))
            out.emplace_back(panel.products()[static_cast<size_t>(c.product)].sku,
                             formatIsoDate(panel.dayOf(c.period)), c.units);
        return out;
    }

    test::TempDir m_dir;
    store::Store m_store;
};

// A on Mondays with the week of 2025-01-20 absent, B every Monday.
const std::string kWeeklyWithAGap = "date,sku,units,price\n"
                                    "2025-01-06,A,5,2\n2025-01-13,A,4,2\n2025-01-27,A,6,2\n"
                                    "2025-01-06,B,1,9\n2025-01-13,B,2,9\n2025-01-20,B,3,9\n";
// A daily file with 2025-03-03 absent for A, and no row with 0 units.
const std::string kDailyWithAGap = "date,sku,units,price\n"
                                   "2025-03-01,A,5,2\n2025-03-02,A,4,2\n2025-03-04,A,6,2\n";

} // namespace

TEST_F(MissingPeriodsImport, AbsentWeeksAreUnknownByDefaultAndNotFitted)
{
    const io::ImportReport r = import(kWeeklyWithAGap);
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.periodDays, 7);
    EXPECT_EQ(r.rowsFilled, 1);
    EXPECT_EQ(r.missing, MissingPeriods::Unknown);
    EXPECT_EQ(r.missingReason, MissingPeriodsReason::WeeklyData);
    EXPECT_EQ(stored(), "unknown");
    const auto cells = fittingCells();
    EXPECT_EQ(cells.size(), 6u); // the file's rows, not the filled week
    for (const auto& [sku, day, units] : cells)
        EXPECT_FALSE(sku == "A" && day == "2025-01-20") << "the absent week is a fitting cell";
}

TEST_F(MissingPeriodsImport, DailyRowsWithZeroUnitsMakeAbsentDaysUnknown)
{
    const io::ImportReport r = import(kDailyWithAGap + "2025-03-05,A,0,2\n");
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.periodDays, 1);
    EXPECT_EQ(r.rowsFilled, 1);
    EXPECT_EQ(r.missing, MissingPeriods::Unknown);
    EXPECT_EQ(r.missingReason, MissingPeriodsReason::ZeroUnitRows);
    EXPECT_EQ(stored(), "unknown");
    EXPECT_EQ(fittingCells().size(), 4u);
}

TEST_F(MissingPeriodsImport, DailyRowsWithoutZeroUnitsMakeAbsentDaysZero)
{
    const io::ImportReport r = import(kDailyWithAGap);
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.rowsFilled, 1);
    EXPECT_EQ(r.missing, MissingPeriods::Zero);
    EXPECT_EQ(r.missingReason, MissingPeriodsReason::DailyWithoutZeros);
    EXPECT_EQ(stored(), "zero");
    const auto cells = fittingCells();
    ASSERT_EQ(cells.size(), 4u); // the absent day is fitted as 0 units sold
    EXPECT_EQ(cells[2], std::make_tuple(std::string("A"), std::string("2025-03-03"), 0.0f));
}

TEST_F(MissingPeriodsImport, AskingOverridesWhatTheDataSuggest)
{
    io::ImportOptions zero;
    zero.missing = MissingPeriods::Zero;
    const io::ImportReport weekly = import(kWeeklyWithAGap, zero);
    ASSERT_TRUE(weekly.committed);
    EXPECT_EQ(weekly.missing, MissingPeriods::Zero);
    EXPECT_EQ(weekly.missingReason, MissingPeriodsReason::Asked);
    EXPECT_EQ(stored(), "zero");
    EXPECT_EQ(fittingCells().size(), 7u); // A's absent week is fitted as 0 units

    test::TempDir other;
    store::Store daily(other.file("d.flashplan"));
    io::ImportOptions unknown;
    unknown.missing = MissingPeriods::Unknown;
    std::istringstream in(kDailyWithAGap);
    const io::ImportReport r = io::importSales(daily, in, "sales.csv", unknown);
    ASSERT_TRUE(r.committed);
    EXPECT_EQ(r.missing, MissingPeriods::Unknown);
    EXPECT_EQ(r.missingReason, MissingPeriodsReason::Asked);
    EXPECT_EQ(daily.meta("missing_periods").value_or(""), "unknown");
}

TEST_F(MissingPeriodsImport, AReimportKeepsTheProjectsChoice)
{
    io::ImportOptions zero;
    zero.missing = MissingPeriods::Zero;
    ASSERT_TRUE(import(kWeeklyWithAGap, zero).committed);
    // More weeks, with a gap of their own, and nothing asked: the project's `zero` holds, not the
    // weekly default.
    const io::ImportReport again =
        import("date,sku,units,price\n2025-02-03,A,5,2\n2025-02-17,A,7,2\n");
    ASSERT_TRUE(again.committed);
    EXPECT_EQ(again.rowsFilled, 1);
    EXPECT_EQ(again.missing, MissingPeriods::Zero);
    EXPECT_EQ(again.missingReason, MissingPeriodsReason::ProjectSetting);
    EXPECT_EQ(stored(), "zero");
    EXPECT_EQ(fittingCells().size(), 10u);
}

// The Data tab reads one product at a time (loadProductPanel): an unknown week is absent there
// too, not drawn as a week that sold nothing; a week the project counts as 0 units is 0 units.
TEST_F(MissingPeriodsImport, OneProductsHistoryTreatsAbsentWeeksAsTheWholeHistoryDoes)
{
    for (const MissingPeriods missing : {MissingPeriods::Unknown, MissingPeriods::Zero}) {
        test::TempDir dir;
        store::Store store(dir.file("p.flashplan"));
        io::ImportOptions options;
        options.missing = missing;
        std::istringstream in(kWeeklyWithAGap);
        ASSERT_TRUE(io::importSales(store, in, "sales.csv", options).committed);
        EXPECT_EQ(data::absentPeriodsAreUnknown(store), missing == MissingPeriods::Unknown);

        const data::Panel full = data::Panel::load(store);
        const int a = full.findProduct("A");
        const int gap = full.periodOf(daysFromCivil(2025, 1, 20));
        const data::PanelProduct& product = full.products()[static_cast<size_t>(a)];
        const data::Panel one =
            data::loadProductPanel(store, product.id, *data::productDayRange(store, product.id));
        const int oneGap = one.periodOf(daysFromCivil(2025, 1, 20));
        EXPECT_EQ(full.present(a, gap), missing == MissingPeriods::Zero);
        EXPECT_EQ(one.present(0, oneGap), missing == MissingPeriods::Zero);
        if (missing == MissingPeriods::Zero) {
            EXPECT_EQ(one.units(0, oneGap), 0.0f);
        }
        for (const int week : {0, 1, 3})
            EXPECT_TRUE(one.present(0, week)) << week;
    }
}

namespace {

// A weekly scanner market of 117 weeks; the file holds the first 104, each product-week but the
// first and last left out with probability 10% (a fixed hash: the same weeks every run).
constexpr int kWeeks = 117, kAhead = 13;

synth::ScannerConfig weeklyMarket()
{
    synth::ScannerConfig config;
    config.seed = 3;
    config.products = 60;
    config.weeks = kWeeks;
    config.lateEntryShare = 0.0;
    config.lastWeeksEntryShare = 0.0;
    return config;
}

test::ScannerProject::RowFilter historyWithAbsentWeeks(double absentShare)
{
    const DayNumber first = weeklyMarket().firstDay;
    return [=](const synth::SalesRow& row) {
        const int week = (row.day - first) / 7;
        const int last = kWeeks - kAhead - 1;
        if (week > last)
            return false;
        if (week == 0 || week == last)
            return true;
        const std::uint64_t h = (static_cast<std::uint64_t>(row.product) * 1000003u +
                                 static_cast<std::uint64_t>(week) * 7919u) *
                                0x9E3779B97F4A7C15ull;
        return static_cast<double>(h >> 11) * 0x1.0p-53 >= absentShare;
    };
}

// The structured model's forecast of the 13 weeks after the file at the regular price (no
// promotion), over the truth's: the level that absent weeks can bias.
double regularWeeksBias(test::ScannerProject& project)
{
    const data::Panel& panel = project.panel();
    const model::TrainedModel trained = test::trainStructuredOnAllHistory(panel);
    double forecast = 0, truth = 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        std::vector<data::ScenarioPeriod> regular;
        for (int w = kWeeks - kAhead; w < kWeeks; ++w) {
            regular.push_back({p, project.market().weekStart(w), 0.0f, false, std::nanf("")});
            truth += project.market().expectedDemand(project.truthIndex(p), w, 0.0, false);
        }
        for (const model::ForecastRow& row : model::forecastPeriods(panel, trained, regular))
            forecast += row.forecast;
    }
    return forecast / truth - 1;
}

} // namespace

TEST(MissingPeriodsTruth, UnknownAbsentWeeksKeepTheForecastUnbiasedZeroBiasesItLow)
{
    test::ScannerProject whole(weeklyMarket(), historyWithAbsentWeeks(0.0));
    test::ScannerProject unknown(weeklyMarket(), historyWithAbsentWeeks(0.1));
    io::ImportOptions asZero;
    asZero.missing = MissingPeriods::Zero;
    test::ScannerProject zero(weeklyMarket(), historyWithAbsentWeeks(0.1), asZero);
    ASSERT_EQ(unknown.report().missing, MissingPeriods::Unknown); // the weekly default
    const double wholeBias = regularWeeksBias(whole), unknownBias = regularWeeksBias(unknown),
                 zeroBias = regularWeeksBias(zero);
    // Measured: 614 of 6,240 product-weeks absent; bias with every week -0.6%, with the absent
    // weeks unknown +0.4%, with them as 0 units sold -9.0%.
    EXPECT_NEAR(unknown.report().rowsFilled, 0.1 * whole.report().rowsRead,
                0.02 * whole.report().rowsRead);
    EXPECT_NEAR(unknownBias, 0.0, 0.05);
    EXPECT_NEAR(unknownBias, wholeBias, 0.02);
    EXPECT_LT(zeroBias, unknownBias - 0.05);
}

// The recent level the structured model reads off a product's last weeks must follow a level
// that moved and not take one unforeseen week for the level. Every product's sales rise by half
// for its last 20 weeks (a competitor left the shelf); in the second file every other product
// also sells 8 times that in one of its last 7 weeks (no promotion, no event: a bulk order, a
// late count). The 13 weeks after the file are forecast at the regular price.
TEST(RecentLevelTruth, OneUnforeseenWeekInTheLastWeeksIsNotReadAsTheLevel)
{
    const int last = kWeeks - kAhead - 1;
    const DayNumber first = weeklyMarket().firstDay;
    auto history = [&](bool spike) {
        return [=](synth::SalesRow& row) {
            const int week = (row.day - first) / 7;
            double factor = week > last - 20 ? 1.5 : 1.0;
            if (spike && row.product % 2 == 0 && week == last - 1 - row.product % 7)
                factor *= 8;
            row.units = static_cast<int>(std::lround(row.units * factor));
            row.stock = row.stock > 0 ? std::max(row.stock, row.units) : row.stock;
            return week <= last;
        };
    };
    test::ScannerProject moved(weeklyMarket(), history(false));
    test::ScannerProject spiked(weeklyMarket(), history(true));
    const double movedBias = regularWeeksBias(moved), spikedBias = regularWeeksBias(spiked);
    // Measured against the truth before the rise: moved +55.0%, spiked +84.1%. Read as a ratio of
    // the last weeks' units to their fit (before): +58.0% and +114.3%. What is left comes from
    // the fit itself: the spikes at the end of the history tilt its trend.
    EXPECT_NEAR(movedBias, 0.5, 0.1);
    EXPECT_LT(spikedBias - movedBias, 0.35);
}
