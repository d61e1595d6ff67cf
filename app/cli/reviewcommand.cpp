// flashplan-cli review: a plan next to what its sale sold, once the sale's sales are imported.
#include "cli/commands.h"
#include "plan/plannerdata.h"
#include "review/plannedsale.h"
#include "review/reviewtable.h"
#include "review/salereview.h"
#include "store/store.h"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace fp::cli {

namespace {

std::string fixed2(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// The plan to review: a saved scenario, or a recommended table whose window is given or is the
// history's latest event of its products. Prints the file's problems and returns nullopt when it
// is unusable.
std::optional<review::PlannedSale> plannedSale(Arguments& args, store::Store& store,
                                               const plan::PlannerData& data)
{
    const std::optional<std::string> scenario = args.value("scenario");
    const std::optional<std::string> planPath = args.value("plan");
    if (scenario.has_value() == planPath.has_value())
        throw UsageError("'review' needs either --scenario NAME or --plan recommended.csv");
    if (scenario) {
        if (args.value("start") || args.value("days"))
            throw UsageError("--start and --days go with --plan; a scenario has its window");
        return review::plannedSaleOfScenario(store, data.panel, *scenario);
    }
    review::PlanFile file = review::readPlanFile(*planPath, data.panel);
    if (!file.problems.empty()) {
        for (const Problem& p : file.problems)
            std::cerr << "error: " << p.describe() << "\n";
        std::cerr << "the plan has problems; no review was written\n";
        return std::nullopt;
    }
    review::PlannedSale planned;
    planned.campaign.products = std::move(file.products);
    planned.discounts = std::move(file.discounts);
    planned.newProducts = std::move(file.newProducts);
    if (args.value("start") || args.value("days")) {
        const auto start = parseIsoDate(args.required("start"));
        if (!start)
            throw UsageError("--start must be a date YYYY-MM-DD");
        planned.campaign.start = *start;
        planned.campaign.days = args.integer("days", 0, 1, 366);
        if (planned.campaign.days == 0)
            throw UsageError("--start needs --days");
        return planned;
    }
    std::vector<int> products;
    for (const plan::CampaignProduct& cp : planned.campaign.products)
        products.push_back(cp.product);
    const std::optional<review::SaleWindow> window =
        review::latestEventWindow(data.panel, products);
    if (!window)
        throw UsageError("the history features none of the plan's products in an event; give the "
                         "sale's window with --start and --days");
    planned.campaign.start = window->start;
    planned.campaign.days = window->days;
    std::cerr << "note: the sale window is the latest event of the plan's products, "
              << formatIsoDate(window->start) << " +" << window->days
              << " days (--start and --days choose another)\n";
    return planned;
}

void printTotals(const review::SaleReview& result, const std::string& out)
{
    const review::ReviewTotals& t = result.totals;
    std::cout << "reviewed " << t.products << " products, " << formatIsoDate(result.start) << " +"
              << result.days << " days -> " << out << "\n"
              << "  units:   expected " << fixed2(t.expectedUnits) << " (at the charged prices "
              << fixed2(t.expectedUnitsAtChargedPrice) << "), actual " << fixed2(t.actualUnits)
              << "\n"
              << "  revenue: expected " << fixed2(t.expectedRevenue) << " (at the charged prices "
              << fixed2(t.expectedRevenueAtChargedPrice) << "), actual " << fixed2(t.actualRevenue)
              << "\n";
    if (t.profitComplete)
        std::cout << "  profit:  expected " << fixed2(t.expectedProfit) << ", actual "
                  << fixed2(t.actualProfit) << "\n";
    else
        std::cout << "  profit:  unknown (some unit costs unknown)\n";
    std::cout << "  within the 80% interval: " << t.withinInterval << " of " << t.products
              << " (hit rate " << fixed2(t.hitRate()) << "); sold out: " << t.soldOut << "\n";
    std::string misses;
    for (const int i : review::largestMisses(result, 5)) {
        const review::ProductReview& row = result.rows[static_cast<size_t>(i)];
        misses += (misses.empty() ? "" : ", ") + row.sku + " (" +
                  (row.revenueMissed() >= 0 ? "+" : "") + fixed2(row.revenueMissed()) + ")";
    }
    std::cout << "  largest misses in revenue: " << misses << "\n";
}

} // namespace

int runReview(Arguments& args)
{
    args.allow({"project", "scenario", "plan", "start", "days", "out"}, {});
    const std::string out = args.required("out");
    plan::PlannerData data = plan::PlannerData::read(args.required("project"));
    store::Store store(args.required("project"), store::Store::OpenMode::ReadOnly);
    std::optional<review::PlannedSale> planned = plannedSale(args, store, data);
    if (!planned)
        return kBadInput;
    const review::HistoryAtPlanning history =
        review::historyAtPlanning(data.panel, planned->campaign);
    review::placeNewProductsOfPlan(history, data.trained, *planned);
    const review::SaleReview result = review::reviewSale(store, history, data.trained, *planned);
    for (const Problem& note : result.notes)
        std::cerr << "note: " << note.describe() << "\n";
    review::writeReviewCsv(result, out);
    printTotals(result, out);
    return kOk;
}

} // namespace fp::cli
