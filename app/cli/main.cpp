// flashplan-cli: the command-line front end over flashplan_core (spec/cli.md).
#include "base/error.h"
#include "cli/commands.h"

#include <iostream>
#include <map>

namespace {

constexpr const char* kHelpText = R"(usage: flashplan-cli COMMAND [options]

commands:
  import  --project P.flashplan --sales sales.csv [--on-duplicate error|sum|last]
          [--missing zero|unknown]
          read a sales-history CSV into the project (created if missing); all or nothing
  train   --project P.flashplan [--model auto|baseline|structured|neural] [--holdout-days N]
          [--seed N] [--max-iterations N]
          score every model on the last N days (default 28, or 8 weeks), refit the best on all
          history and store it in the project
  forecast --project P.flashplan --start YYYY-MM-DD --days N [--prices prices.csv] --out F.csv
          expected units and an 80% interval per product and day (week), at the planned prices
          (date,sku,price[,list_price,event,stock,name,category,like_sku]) or at list price;
          a sku without history is forecast from its like_sku or its category (cold_start)
  plan    --project P.flashplan --campaign campaign.csv --start YYYY-MM-DD --days N
          [--objective revenue|profit|blend] [--blend-weight W] [--budget AMOUNT]
          [--margin-floor M | --allow-below-cost] [--step 0.05] --out recommended.csv|.xlsx
          the discount per product that earns the most, under stock, margin and budget limits;
          never below unit cost unless --allow-below-cost; skus without history are skipped
  review  --project P.flashplan (--scenario NAME | --plan recommended.csv [--start YYYY-MM-DD
          --days N]) --out review.csv
          a plan next to what its sale sold (import the sale's sales first): per product planned
          and charged discount, expected units (80% interval) and actual, revenue, profit, sold
          out; totals and the interval hit rate. --plan's window: the products' latest event
  backtest --project P.flashplan [--events N] --out backtest.csv
          the stored model refitted on the history before each of the last N events (default 6)
          and forecasting its days at the prices and stock used, against what sold: per event
          bias and hit rate, the PIT histogram; stored in the project
  info    --project P.flashplan
          products, date range, period, stockouts, discount depth, imports, trained models
  demo    --out DIR
          write the bundled demo sales.csv and campaign.csv

exit status: 0 ok, 1 bad usage, 2 bad input data or project, 3 cancelled (project unchanged)
)";

} // namespace

int main(int argc, char** argv)
{
    using namespace fp::cli;
    try {
        Arguments args(argc, argv);
        if (args.command().empty() || args.command() == "help") {
            std::cout << kHelpText;
            return args.command().empty() && !args.wantsHelp() ? kUsage : kOk;
        }
        if (args.wantsHelp()) {
            std::cout << kHelpText;
            return kOk;
        }
        static const std::map<std::string, int (*)(Arguments&)> commands = {
            {"import", runImport}, {"info", runInfo},         {"demo", runDemo},
            {"train", runTrain},   {"forecast", runForecast}, {"plan", runPlan},
            {"review", runReview}, {"backtest", runBacktest}};
        const auto it = commands.find(args.command());
        if (it == commands.end())
            throw UsageError("unknown command '" + args.command() + "'");
        return it->second(args);
    } catch (const UsageError& e) {
        std::cerr << "flashplan-cli: " << e.what() << "\n(see flashplan-cli --help)\n";
        return kUsage;
    } catch (const fp::Cancelled&) { // commands that say more catch it themselves
        std::cerr << "cancelled\n";
        return kCancelled;
    } catch (const fp::FlashPlanError& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kBadInput;
    }
}
