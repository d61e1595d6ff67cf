// flashplan-cli review end to end on the demo: plan the 11.11 sale, let it happen (its sales drawn
// from the demo market's truth at the recommended prices), import them, review the table.
#include "data/panel.h"
#include "io/csvreader.h"
#include "plan/scenariostore.h"
#include "review/backteststore.h"
#include "review/plannedsale.h"
#include "store/store.h"
#include "support/clirun.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"
#include "synth/salewindow.h"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace fp;
using fp::test::cli;
using fp::test::CliRun;
using fp::test::contains;

namespace {

// A CSV file as rows of named fields.
std::vector<std::map<std::string, std::string>> readTable(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    io::CsvReader reader(in);
    io::CsvReader::Record record;
    std::vector<std::string> header;
    std::vector<std::map<std::string, std::string>> rows;
    while (reader.next(record)) {
        if (header.empty()) {
            header.assign(record.fields.begin(), record.fields.end());
            continue;
        }
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < header.size() && i < record.fields.size(); ++i)
            row[header[i]] = std::string(record.fields[i]);
        rows.push_back(row);
    }
    return rows;
}

std::string firstLine(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

TEST(CliReview, ReviewsTheRecommendedTableAgainstTheImportedSale)
{
    const test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("demo --out " + dir.file("demo")).status, 0);
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("demo/sales.csv")).status,
              0);
    ASSERT_EQ(cli("train --project " + project + " --model structured").status, 0);
    const std::string recommended = dir.file("recommended.csv");
    ASSERT_EQ(cli("plan --project " + project + " --campaign " + dir.file("demo/campaign.csv") +
                  " --start 2026-11-11 --days 3 --out " + recommended)
                  .status,
              0);

    // Before the sale's sales are imported there is nothing to review.
    const std::string review = dir.file("review.csv");
    CliRun r = cli("review --project " + project + " --plan " + recommended +
                   " --start 2026-11-11 --days 3 --out " + review);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(contains(r.output, "import the sale's sales first")) << r.output;

    // The sale happens at the recommended prices and stock.
    const synth::Market market(synth::demoMarketConfig());
    std::map<std::string, int> productOf;
    for (size_t q = 0; q < market.products().size(); ++q)
        productOf[market.products()[q].sku] = static_cast<int>(q);
    std::vector<synth::SaleOffer> offers;
    for (const auto& row : readTable(recommended)) {
        synth::SaleOffer offer;
        offer.product = productOf.at(row.at("sku"));
        offer.discount = std::stod(row.at("discount"));
        if (!row.at("stock").empty())
            offer.stock = std::stoi(row.at("stock"));
        offers.push_back(offer);
    }
    ASSERT_EQ(offers.size(), static_cast<size_t>(synth::kDemoCampaignProducts));
    const std::vector<synth::SalesRow> sold = synth::simulateSale(
        market, offers, synth::kDemoCampaignStart, synth::kDemoCampaignDays, "FS-2026-11-11");
    synth::writeSaleCsv(market, sold, dir.file("sale.csv"));
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("sale.csv")).status, 0);

    // The window is the products' latest event: the sale's.
    r = cli("review --project " + project + " --plan " + recommended + " --out " + review);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "note: the sale window is the latest event of the plan's "
                                   "products, 2026-11-11 +3 days"))
        << r.output;
    EXPECT_TRUE(contains(r.output, "reviewed 30 products, 2026-11-11 +3 days -> " + review))
        << r.output;
    EXPECT_TRUE(contains(r.output, "within the 80% interval: ")) << r.output;
    EXPECT_TRUE(contains(r.output, "hit rate 0.")) << r.output;
    EXPECT_TRUE(contains(r.output, "largest misses in revenue: ")) << r.output;

    EXPECT_EQ(firstLine(review),
              "sku,name,planned_discount,charged_discount,expected_units,units_low,units_high,"
              "actual_units,sold_out,expected_revenue,actual_revenue,expected_profit,"
              "actual_profit,within_interval,expected_units_at_charged_price");
    const auto rows = readTable(review);
    ASSERT_EQ(rows.size(), offers.size());
    double revenue = 0, expected = 0;
    for (const synth::SalesRow& s : sold)
        expected += s.units * s.price;
    for (const auto& row : rows)
        revenue += std::stod(row.at("actual_revenue"));
    EXPECT_NEAR(revenue, expected, 0.005);
    char total[64];
    std::snprintf(total, sizeof total, "actual %.2f", expected);
    EXPECT_TRUE(contains(r.output, total)) << total << "\n" << r.output;

    // The same window given by hand reviews the same.
    const std::string byHand = dir.file("by-hand.csv");
    ASSERT_EQ(cli("review --project " + project + " --plan " + recommended +
                  " --start 2026-11-11 --days 3 --out " + byHand)
                  .status,
              0);
    EXPECT_EQ(readTable(byHand), rows);

    // The same plan saved as a scenario (as the window saves one) reviews the same by its name.
    {
        store::Store store(project);
        const data::Panel panel = data::Panel::load(store);
        review::PlanFile file = review::readPlanFile(recommended, panel);
        ASSERT_TRUE(file.problems.empty());
        plan::Campaign campaign;
        campaign.start = synth::kDemoCampaignStart;
        campaign.days = synth::kDemoCampaignDays;
        campaign.products = file.products;
        plan::saveScenario(store, panel, "11.11 as planned", campaign, {}, file.discounts, {});
    }
    const std::string byName = dir.file("by-name.csv");
    r = cli("review --project " + project + " --scenario '11.11 as planned' --out " + byName);
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_EQ(readTable(byName), rows);
}

TEST(CliReview, UsageAndUnknownScenarioAreErrors)
{
    const test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("demo --out " + dir.file("demo")).status, 0);
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("demo/sales.csv")).status,
              0);
    ASSERT_EQ(cli("train --project " + project + " --model baseline").status, 0);
    const std::string out = " --out " + dir.file("review.csv");
    CliRun r = cli("review --project " + project + out);
    EXPECT_EQ(r.status, 1) << r.output;
    EXPECT_TRUE(contains(r.output, "either --scenario NAME or --plan")) << r.output;
    r = cli("review --project " + project + " --scenario a --plan b.csv" + out);
    EXPECT_EQ(r.status, 1) << r.output;
    r = cli("review --project " + project + " --scenario a");
    EXPECT_EQ(r.status, 1) << r.output;
    r = cli("review --project " + project + " --scenario a --start 2026-11-11 --days 3" + out);
    EXPECT_EQ(r.status, 1) << r.output;
    r = cli("review --project " + project + " --scenario 'no such plan'" + out);
    EXPECT_EQ(r.status, 2) << r.output;
    EXPECT_TRUE(contains(r.output, "no scenario named 'no such plan'")) << r.output;
    r = cli("review --project " + project + " --plan " + dir.file("demo/campaign.csv") + out);
    EXPECT_EQ(r.status, 2) << r.output; // a campaign is not a plan: it has no discounts
    EXPECT_TRUE(contains(r.output, "'discount' is missing")) << r.output;
}

TEST(CliBacktest, BacktestsTheLatestEventsAndStoresTheResult)
{
    const test::TempDir dir;
    const std::string project = dir.file("p.flashplan");
    ASSERT_EQ(cli("demo --out " + dir.file("demo")).status, 0);
    ASSERT_EQ(cli("import --project " + project + " --sales " + dir.file("demo/sales.csv")).status,
              0);
    const std::string out = dir.file("backtest.csv");
    CliRun r = cli("backtest --project " + project + " --events 2 --out " + out);
    EXPECT_EQ(r.status, 2) << r.output; // no model yet
    EXPECT_TRUE(contains(r.output, "no trained model")) << r.output;
    ASSERT_EQ(cli("train --project " + project + " --model structured").status, 0);
    r = cli("backtest --project " + project + " --events 0 --out " + out);
    EXPECT_EQ(r.status, 1) << r.output;

    r = cli("backtest --project " + project + " --events 2 --out " + out, "/dev/null");
    ASSERT_EQ(r.status, 0) << r.output;
    EXPECT_TRUE(contains(r.output, "backtested 2 events (structured model")) << r.output;
    EXPECT_TRUE(contains(r.output, "  FS-2026-10-23 2026-10-23 +1 days: ")) << r.output;
    EXPECT_TRUE(contains(r.output, "  FS-2026-10-28 2026-10-28 +2 days: ")) << r.output;
    EXPECT_TRUE(contains(r.output, "(hit rate 0.")) << r.output;
    EXPECT_TRUE(contains(r.output, "PIT histogram (tenths):")) << r.output;
    EXPECT_TRUE(contains(r.output, " within their 80% interval (event hit rate ")) << r.output;
    {
        store::Store store(project, store::Store::OpenMode::ReadOnly);
        const review::BacktestResult stored = review::loadBacktest(store);
        ASSERT_EQ(stored.events.size(), 2u);
        for (const review::BacktestEvent& e : stored.events) {
            ASSERT_TRUE(e.totalInterval.has_value());
            const std::string interval = "(80% " + std::to_string(e.totalInterval->low) + "-" +
                                         std::to_string(e.totalInterval->high);
            EXPECT_TRUE(contains(r.output, interval)) << interval << "\n" << r.output;
        }
        EXPECT_TRUE(contains(r.output, "event totals: " + std::to_string(stored.eventsWithin) +
                                           " of 2 within"))
            << r.output;
    }
    EXPECT_EQ(firstLine(out), "event,date,sku,price,forecast,lower,upper,actual,stock,sold_out");
    const auto rows = readTable(out);
    ASSERT_FALSE(rows.empty());
    for (const auto& row : rows) {
        EXPECT_TRUE(row.at("event") == "FS-2026-10-23" || row.at("event") == "FS-2026-10-28");
        EXPECT_LE(std::stoi(row.at("lower")), std::stoi(row.at("upper")));
    }
}

} // namespace
