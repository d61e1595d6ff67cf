// flashplan-cli plan: the recommended discount per campaign product.
#include "cli/commands.h"
#include "cli/newproductnotes.h"
#include "cli/terminalprogress.h"
#include "export/recommendedtable.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"
#include "plan/optimizer.h"
#include "plan/plannerdata.h"
#include "plan/scenariostore.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>

namespace fp::cli {

namespace {

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string money(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

constexpr int kNamed = 5; // products named in a note; the rest are counted

// Notes on stderr which products carry `flag` (saying `why`, named up to kNamed), and returns
// how many do.
int noteFlagged(const std::vector<plan::ProductPlan>& rows, plan::RowFlag flag, const char* why)
{
    int count = 0;
    std::string skus;
    for (const plan::ProductPlan& row : rows)
        if (row.flags.has(flag) && ++count <= kNamed)
            skus += (skus.empty() ? "" : ", ") + row.sku;
    if (count > 0)
        std::cerr << "note: " << count << " product(s) " << why << " (flag " << plan::flagName(flag)
                  << "): " << skus << (count > kNamed ? ", ..." : "") << "\n";
    return count;
}

// The plan's state word, as the window and the PDF report say it, and the gap to the best
// possible when the budget search stopped short of proving it.
std::string planStateText(const plan::PlanResult& result)
{
    std::string text(plan::planStateName(result.state));
    if (result.optimalityGap > 0)
        text += " within " + money(result.optimalityGap) + " of the best possible";
    return text;
}

} // namespace

int runPlan(Arguments& args)
{
    args.allow({"project", "campaign", "start", "days", "objective", "blend-weight", "budget",
                "margin-floor", "step", "out"},
               {"allow-below-cost"});
    const auto start = parseIsoDate(args.required("start"));
    if (!start)
        throw UsageError("--start must be a date YYYY-MM-DD");
    const int days = args.integer("days", 0, 1, 366);
    if (days == 0)
        throw UsageError("'plan' needs --days");
    const std::string out = args.required("out");
    if (!endsWith(out, ".csv") && !endsWith(out, ".xlsx"))
        throw UsageError("--out must end in .csv or .xlsx");
    plan::PlanSettings settings;
    const std::string objective = args.value("objective").value_or("revenue");
    if (objective == "revenue")
        settings.objective = plan::Objective::Revenue;
    else if (objective == "profit")
        settings.objective = plan::Objective::Profit;
    else if (objective == "blend")
        settings.objective = plan::Objective::Blend;
    else
        throw UsageError("--objective must be revenue, profit or blend, got '" + objective + "'");
    settings.blendWeight = args.number("blend-weight", 0.5, 0.0, 100.0);
    if (args.value("budget"))
        settings.budget = args.number("budget", 0, 0, 1e15);
    // Never below unit cost (a margin floor of 0) unless the user allows it.
    const bool allowBelowCost = args.flag("allow-below-cost");
    if (allowBelowCost)
        settings.marginFloor.reset();
    if (args.value("margin-floor"))
        settings.marginFloor = args.number("margin-floor", 0, allowBelowCost ? -1 : 0, 100);
    settings.step = args.number("step", 0.05, 0.005, 1.0);

    const auto data =
        std::make_shared<plan::PlannerData>(plan::PlannerData::read(args.required("project")));
    const std::string campaignPath = args.required("campaign");
    plan::CampaignFile file = plan::readCampaignFile(campaignPath, data->panel);
    if (!file.problems.empty()) {
        for (const Problem& p : file.problems)
            std::cerr << "error: " << p.describe() << "\n";
        std::cerr << "the campaign has problems; no plan was written\n";
        return kBadInput;
    }
    // New products are planned from their peers, or skipped with a warning.
    const std::vector<Problem> warnings = plan::placeNewProducts(file, *data);
    printWarnings(warnings);
    const auto skipped = std::count_if(warnings.begin(), warnings.end(), [](const Problem& p) {
        return p.kind == ProblemKind::NewProductCannotBePlaced ||
               p.kind == ProblemKind::NewProductWithoutListPrice;
    });
    if (file.products.empty()) {
        std::cerr << "error: " << problemOf(ProblemKind::NoCampaignProductToPlan).describe()
                  << "; no plan was written\n";
        return kBadInput;
    }
    if (const std::optional<Problem> window = plan::saleWindowWarning(data->panel, *start))
        std::cerr << "warning: " << window->describe() << "\n";
    if (const std::optional<Problem> weeks = plan::weeklyWindowNote(data->panel, *start, days))
        std::cerr << "note: " << weeks->describe() << "\n";
    plan::Campaign campaign;
    campaign.start = *start;
    campaign.days = days;
    campaign.products = file.products;
    const plan::CampaignEvaluator evaluator(data->panel, data->trained, campaign);

    TerminalProgress::installInterruptHandler();
    plan::OptimizedPlan optimized;
    plan::PlanResult result;
    try { // an interrupt while optimizing or writing leaves no file
        {
            TerminalProgress bar("optimizing");
            optimized =
                plan::optimize(evaluator, plan::toOptimizerSettings(settings), bar.callback());
        }
        result = plan::makePlanResult(*data, campaign, settings, std::move(optimized.rows),
                                      optimized.upperBound);
        result.state = plan::PlanState::Optimal;
        TerminalProgress bar("writing " + out);
        if (endsWith(out, ".xlsx"))
            exports::writeRecommendedXlsx(result, out, bar.callback());
        else
            exports::writeRecommendedCsv(result, out, bar.callback());
    } catch (const Cancelled&) {
        std::cerr << "planning cancelled; nothing was written\n";
        return kCancelled;
    }

    if (optimized.budgetInfeasible)
        std::cerr << "warning: even every product's smallest allowed discount costs more than the "
                     "budget; the plan uses the smallest discounts\n";
    std::vector<int> planned;
    for (const plan::CampaignProduct& cp : campaign.products)
        planned.push_back(cp.product);
    const int coldStart = noteNewProducts(*data, planned);
    if (data->importedSinceTraining)
        std::cerr << "note: " << data->importedSinceTraining->message() << "\n";
    const int beyond = noteFlagged(result.rows, plan::RowFlag::BeyondHistory,
                                   "planned deeper than their category ever sold at, where the "
                                   "forecast extrapolates");
    const int belowCost = noteFlagged(result.rows, plan::RowFlag::BelowCost,
                                      "priced below their unit cost (allowed, or held there by a "
                                      "minimum discount)");
    const plan::PlanTotals& t = result.totals;
    std::cout << "planned " << result.rows.size() << " products for " << formatIsoDate(*start)
              << " +" << days << " days (" << objective << "): revenue " << money(t.revenue)
              << ", profit "
              << (t.profitComplete ? money(t.profit) : money(t.profit) + " (some costs unknown)")
              << ", units " << money(t.units) << ", markdown " << money(t.markdownCost)
              << (settings.budget ? " of budget " + money(*settings.budget) : std::string()) << "; "
              << planStateText(result)
              << (coldStart ? "; " + std::to_string(coldStart) + " cold_start" : std::string())
              << (beyond ? "; " + std::to_string(beyond) + " beyond_history" : std::string())
              << (belowCost ? "; " + std::to_string(belowCost) + " below_cost" : std::string())
              << (skipped ? "; " + std::to_string(skipped) + " skipped" : std::string()) << " -> "
              << out << "\n";
    return kOk;
}

} // namespace fp::cli
