// flashplan-cli train and forecast.
#include "cli/commands.h"
#include "cli/newproductnotes.h"
#include "cli/patientsave.h"
#include "cli/terminalprogress.h"
#include "data/panel.h"
#include "export/forecasttable.h"
#include "io/pricetable.h"
#include "model/forecaster.h"
#include "model/modelstore.h"
#include "model/trainer.h"
#include "plan/campaign.h"
#include "plan/newproducts.h"
#include "plan/plannerdata.h"
#include "store/store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <unistd.h>
#include <unordered_map>

namespace fp::cli {

namespace {

std::string fixed(double value, int decimals)
{
    if (!std::isfinite(value))
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string pad(std::string s, size_t width, bool left = false)
{
    if (s.size() < width)
        s = left ? s + std::string(width - s.size(), ' ') : std::string(width - s.size(), ' ') + s;
    return s;
}

void printScoreTable(const model::TrainSummary& summary, int periodDays)
{
    const int days = summary.holdoutPeriods * periodDays;
    std::cout << "held-out period: " << formatIsoDate(summary.holdoutStart) << " .. "
              << formatIsoDate(summary.holdoutStart + days - 1) << " (" << days
              << " days); models were trained on the history before it\n\n";
    std::cout << pad("model", 12, true) << pad("WAPE", 8) << pad("bias", 8) << pad("MASE", 7)
              << pad("80% cov", 9) << pad("band", 7) << pad("event WAPE", 12)
              << pad("regular WAPE", 14) << pad("time s", 9) << "\n";
    const auto chosen =
        std::find_if(summary.reports.begin(), summary.reports.end(),
                     [&](const model::ModelReport& r) { return r.kind == summary.chosen; });
    for (const model::ModelReport& r : summary.reports) {
        const model::Scores& s = r.evaluation.overall;
        std::cout << pad(r.kind, 12, true) << pad(fixed(s.wape, 3), 8) << pad(fixed(s.bias, 3), 8)
                  << pad(fixed(s.mase, 2), 7) << pad(fixed(s.coverage, 3), 9)
                  << pad(fixed(s.bandHitRate, 3), 7)
                  << pad(fixed(r.evaluation.eventDays.wape, 3), 12)
                  << pad(fixed(r.evaluation.regularDays.wape, 3), 14) << pad(fixed(r.seconds, 2), 9)
                  << (r.kind == summary.chosen ? "  <- chosen" : "")
                  << (r.beatsBaseline ? "" : "  (does not beat the baseline)");
        // A model that scored lower than the one auto kept: say why it was not kept.
        if (chosen != summary.reports.end() && r.kind != summary.chosen && r.overStructured &&
            s.wape < chosen->evaluation.overall.wape) {
            const model::WapeGain& g = *r.overStructured;
            if (!g.clear())
                std::cout << "  (not kept: its products' WAPE " << fixed(g.gain, 3)
                          << " below structured's on average, under "
                          << fixed(g.neededStandardErrors(), 2) << " standard errors of "
                          << fixed(g.standardError, 3) << " over " << g.products << " products)";
            else if (r.kind == "blend")
                std::cout << "  (not kept: not " << fixed(100 * summary.blendMargin, 0)
                          << "% below " << summary.chosen << ")";
        }
        std::cout << "\n";
    }
    if (chosen != summary.reports.end() && chosen->intervalWidening != 0) {
        const bool widened = chosen->intervalWidening > 0;
        std::cout << "\nintervals: " << summary.chosen << "'s central 80% held "
                  << fixed(100 * chosen->evaluation.overall.coverage, 1)
                  << "% of the held-out units; its stored noise is "
                  << (widened ? "widened" : "narrowed") << " (relative variance "
                  << (widened ? "+" : "") << fixed(chosen->intervalWidening, 3) << ") "
                  << (widened ? "to hold" : "halfway to holding") << " 80% there\n";
    }
    std::cout
        << "\nWAPE: sum |actual - forecast| / sum actual. bias: sum (forecast - actual) / sum "
           "actual. MASE: error against the naive same-weekday forecast (< 1 beats it).\n"
           "80% cov: share of the central 80% predictive interval hit (0.80 = calibrated). "
           "band: share of actual units inside the printed whole-unit band [low, high] "
           "(the band of whole units whose probability is nearest 80%).\n";
}

} // namespace

int runTrain(Arguments& args)
{
    args.allow({"project", "model", "holdout-days", "seed", "max-iterations"}, {});
    model::TrainOptions options;
    options.model = args.value("model").value_or("auto");
    options.holdoutDays = args.integer("holdout-days", 0, 1, 3650);
    options.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, 1 << 30));
    options.maxIterations = args.integer("max-iterations", 0, 1, 100000);
    store::Store store(args.required("project"), store::Store::OpenMode::MustExist);
    store.checkNoOtherWriter(); // before minutes of training, not at the save
    TerminalProgress::installInterruptHandler();
    store.database().waitWhileBusy(waitPatientlyToSave(store.path(), "fit"));
    const bool tty = isatty(STDERR_FILENO) != 0;
    model::TrainCallbacks callbacks;
    callbacks.stage = [&](const std::string& stage) {
        if (tty)
            std::cerr << "\r\033[K";
        std::cerr << stage << "\n";
    };
    callbacks.loss = [&](const std::string& kind, const model::LossPoint& p) {
        // A warm-up iteration (the structured model's Poisson start) reports no loss.
        const std::string losses =
            std::isfinite(p.train) || std::isfinite(p.validation)
                ? "loss " + fixed(p.train, 4) + ", validation " + fixed(p.validation, 4)
                : std::string("warming up");
        if (tty)
            std::cerr << "\r\033[K  " << kind << " iteration " << p.iteration << ": " << losses
                      << std::flush;
        else if (p.iteration % 25 == 0)
            std::cerr << "  " << kind << " iteration " << p.iteration << ": " << losses << "\n";
        return !TerminalProgress::interrupted();
    };
    model::TrainSummary summary;
    try {
        summary = model::trainAndStore(store, options, callbacks);
    } catch (const Cancelled&) {
        std::cerr << "\ntraining cancelled; the project is unchanged\n";
        return kCancelled;
    } catch (const sql::SqlError&) {
        if (!TerminalProgress::interrupted())
            throw;
        std::cerr << "cancelled while waiting to save; the fit was not saved, the project is "
                     "unchanged\n";
        return kCancelled;
    }
    if (tty)
        std::cerr << "\r\033[K";
    printScoreTable(summary, store.periodDays());
    std::cout << "refitted " << summary.chosen << " on all history in "
              << fixed(summary.refitSeconds, 2) << " s; stored as model #" << summary.modelId
              << " in " << store.path() << "\n";
    return kOk;
}

int runForecast(Arguments& args)
{
    args.allow({"project", "start", "days", "prices", "out"}, {});
    const auto start = parseIsoDate(args.required("start"));
    if (!start)
        throw UsageError("--start must be a date YYYY-MM-DD");
    const int days = args.integer("days", 0, 1, 3660);
    if (days == 0)
        throw UsageError("'forecast' needs --days");
    const std::string outPath = args.required("out");
    plan::PlannerData data = plan::PlannerData::read(args.required("project"));
    const data::Panel& panel = data.panel;
    const model::TrainedModel& trained = data.trained;
    const int periodDays = panel.periodDays();

    // Planned prices by (product, day); products without a row sell at list price, no event.
    std::map<std::pair<int, DayNumber>, io::PlannedPrice> planned;
    std::vector<int> pricedProducts;
    if (const auto pricesPath = args.value("prices")) {
        io::PriceTable table = io::readPriceTable(*pricesPath);
        if (table.problemCount > 0) {
            for (const Problem& p : table.problems)
                std::cerr << "error: " << p.describe() << "\n";
            return kBadInput;
        }
        // New products are forecast from their peers, or skipped with a warning.
        const bool anyRow = !table.rows.empty();
        printWarnings(plan::placeNewProducts(table, data));
        if (anyRow && table.rows.empty()) {
            std::cerr << "error: " << problemOf(ProblemKind::NoProductToForecast).describe()
                      << "\n";
            return kBadInput;
        }
        for (const io::PlannedPrice& row : table.rows) {
            const int p = panel.findProduct(row.sku);
            pricedProducts.push_back(p);
            planned[{p, row.day}] = row;
        }
    }
    std::vector<bool> wanted(static_cast<size_t>(panel.productCount()), !args.value("prices"));
    for (const int p : pricedProducts)
        wanted[static_cast<size_t>(p)] = true;
    std::vector<data::ScenarioPeriod> periods;
    // An event the history knows keeps its id (a forecast can continue it); new ones get their own.
    std::unordered_map<std::string, std::int32_t> newEvents;
    auto eventIdOf = [&](const std::string& name) {
        const std::int32_t known = panel.eventIdOf(name);
        if (known >= 0)
            return known;
        constexpr std::int32_t kFirstNew = 1 << 30;
        return newEvents.emplace(name, kFirstNew + static_cast<std::int32_t>(newEvents.size()))
            .first->second;
    };
    for (int p = 0; p < panel.productCount(); ++p) {
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        const bool history = product.lastPeriod >= product.firstPeriod;
        if (!wanted[static_cast<size_t>(p)] || (!history && !data.isNewProduct(p)))
            continue;
        // Weekly: continue the panel's weekly dates, every week that overlaps the window.
        for (DayNumber day = panel.dayOf(panel.periodOf(*start)); day < *start + days;
             day += periodDays) {
            data::ScenarioPeriod s;
            s.product = p;
            s.day = day;
            s.stock = std::nanf("");
            const double list = product.listPrice;
            const auto it = planned.find({p, day});
            if (it != planned.end()) {
                const double listPrice = it->second.listPrice.value_or(list);
                s.listPrice = static_cast<float>(listPrice);
                s.discount =
                    listPrice > 0 ? static_cast<float>(1.0 - it->second.price / listPrice) : 0.0f;
                s.featured = it->second.event;
                if (s.featured)
                    s.eventId = eventIdOf(it->second.eventId);
                if (it->second.stock)
                    s.stock = static_cast<float>(*it->second.stock);
            }
            periods.push_back(s);
        }
    }
    const std::vector<model::ForecastRow> rows = model::forecastPeriods(panel, trained, periods);
    std::vector<plan::RowFlags> flags;
    double total = 0;
    int coldStart = 0, beyond = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        flags.push_back(data.flagsAt(periods[i].product, periods[i].discount));
        coldStart += flags.back().has(plan::RowFlag::ColdStart) ? 1 : 0;
        beyond += flags.back().has(plan::RowFlag::BeyondHistory) ? 1 : 0;
        total += rows[i].forecast;
    }
    std::vector<int> forecastProducts;
    for (const data::ScenarioPeriod& period : periods)
        forecastProducts.push_back(period.product);
    noteNewProducts(data, forecastProducts);
    if (data.importedSinceTraining)
        std::cerr << "note: " << data.importedSinceTraining->message() << "\n";
    if (const std::optional<Problem> weeks = plan::weeklyWindowNote(panel, *start, days))
        std::cerr << "note: " << weeks->describe() << "\n";
    try {
        TerminalProgress::installInterruptHandler();
        TerminalProgress bar("writing " + outPath);
        exports::writeForecastCsv(panel, rows, flags, outPath, bar.callback());
    } catch (const Cancelled&) {
        std::cerr << "forecast cancelled; nothing was written\n";
        return kCancelled;
    }
    std::cout << "forecast " << rows.size() << " product-" << (periodDays == 7 ? "weeks" : "days")
              << " with the " << trained.kind << " model: " << fixed(total, 1) << " units expected"
              << (coldStart ? "; " + std::to_string(coldStart) + " cold_start" : std::string())
              << (beyond ? "; " + std::to_string(beyond) + " beyond_history" : std::string())
              << " -> " << outPath << "\n";
    return kOk;
}

} // namespace fp::cli
