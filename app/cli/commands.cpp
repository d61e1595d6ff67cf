#include "cli/commands.h"

#include "cli/terminalprogress.h"
#include "data/panel.h"
#include "data/productstats.h"
#include "data/regularpricereading.h"
#include "io/salesimporter.h"
#include "model/evaluation.h"
#include "store/newprojectfile.h"
#include "store/schema.h"
#include "store/store.h"
#include "synth/demofiles.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

namespace fp::cli {

namespace {

// "1234567" -> "1,234,567" (digits only)
std::string groupDigits(const std::string& digits)
{
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// 1234567 -> "1,234,567"
std::string grouped(std::int64_t value)
{
    const std::string digits = std::to_string(value);
    return digits.front() == '-' ? "-" + groupDigits(digits.substr(1)) : groupDigits(digits);
}

std::string percent(std::int64_t part, std::int64_t whole)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
    return buf;
}

// 1234567.891 -> "1,234,567.89", for any double (the import bounds every column, but a project
// written by an older FlashPlan or edited by hand may hold anything).
std::string money(double value)
{
    if (std::isnan(value))
        return "n/a";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[400]; // fixed notation of the largest double fits
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    const std::string text(buffer, ec == std::errc() ? end : buffer);
    if (text.empty())
        return "n/a";
    const bool negative = text.front() == '-';
    const size_t dot = text.find('.');
    const std::string whole = text.substr(negative ? 1 : 0, dot - (negative ? 1 : 0));
    return (negative ? "-" : "") + groupDigits(whole) + text.substr(dot);
}

void printProblems(const io::ImportReport& report)
{
    for (const Problem& p : report.problems)
        std::cerr << "error: " << p.describe() << "\n";
    if (report.problemCount > static_cast<std::int64_t>(report.problems.size()))
        std::cerr << "... and " << grouped(report.problemCount - report.problems.size())
                  << " more problem(s)\n";
}

// The import's reason for its treatment of absent periods, as the note says it.
const char* missingReasonText(io::MissingPeriodsReason reason)
{
    switch (reason) {
    case io::MissingPeriodsReason::Asked:
        return "as asked";
    case io::MissingPeriodsReason::ProjectSetting:
        return "as the project says";
    case io::MissingPeriodsReason::WeeklyData:
        return "weekly data: scanner panels leave out weeks they have no data for";
    case io::MissingPeriodsReason::ZeroUnitRows:
        return "the file lists periods with 0 units, so an absent one is a period without data";
    case io::MissingPeriodsReason::DailyWithoutZeros:
        break;
    }
    return "daily data without 0-unit rows: an absent day is a day without sales";
}

} // namespace

int runImport(Arguments& args)
{
    args.allow({"project", "sales", "on-duplicate", "missing"}, {});
    const std::string projectPath = args.required("project");
    const std::string salesPath = args.required("sales");
    io::ImportOptions options;
    if (const auto policy = args.value("on-duplicate")) {
        const auto parsed = io::parseDuplicatePolicy(*policy);
        if (!parsed)
            throw UsageError("--on-duplicate must be error, sum or last, got '" + *policy + "'");
        options.onDuplicate = *parsed;
    }
    if (const auto missing = args.value("missing")) {
        options.missing = io::parseMissingPeriods(*missing);
        if (!options.missing)
            throw UsageError("--missing must be zero or unknown, got '" + *missing + "'");
    }
    if (!std::filesystem::is_regular_file(salesPath)) {
        std::cerr << "error: " << salesPath << ": no such file\n";
        return kBadInput;
    }

    TerminalProgress::installInterruptHandler();
    // A new project is made under a temporary name and renamed into place once the import has
    // committed: a failed or cancelled import leaves no file behind. An existing project is left
    // as it was by the import's transaction.
    std::optional<store::NewProjectFile> newProject;
    if (store::NewProjectFile::isNew(projectPath))
        newProject.emplace(projectPath);
    const char* unchanged = newProject ? "no project was created" : "the project is unchanged";
    io::ImportReport report;
    {
        store::Store store(newProject ? newProject->path() : projectPath,
                           newProject ? store::Store::OpenMode::CreateIfMissing
                                      : store::Store::OpenMode::MustExist);
        TerminalProgress bar("importing " + std::filesystem::path(salesPath).filename().string());
        try {
            report = io::importSalesFile(store, salesPath, options, bar.callback());
        } catch (const Cancelled&) {
            bar.finish();
            std::cerr << "import cancelled; " << unchanged << "\n";
            return kCancelled;
        }
    }
    if (!report.committed) {
        printProblems(report);
        std::cerr << "import failed: " << grouped(report.problemCount) << " problem(s); "
                  << unchanged << "\n";
        return kBadInput;
    }
    if (newProject)
        newProject->commit();
    for (const Problem& note : report.notes)
        std::cerr << "note: " << note.message() << "\n";
    if (!report.ignoredColumns.empty()) {
        std::string names;
        for (const std::string& c : report.ignoredColumns)
            names += (names.empty() ? "" : ", ") + c;
        std::cerr << "note: ignored column(s): " << names << "\n";
    }
    std::cout << "imported " << grouped(report.rowsRead) << " rows ("
              << (report.periodDays == 7 ? "weekly" : "daily") << ", "
              << formatIsoDate(*report.firstDay) << " .. " << formatIsoDate(*report.lastDay)
              << ") for " << grouped(report.productsTouched) << " products ("
              << grouped(report.productsAdded) << " new); " << grouped(report.rowsMerged)
              << " duplicates combined, " << grouped(report.rowsFilled) << " missing periods "
              << (report.missing == io::MissingPeriods::Zero ? "counted as 0 units sold"
                                                             : "left out as unknown")
              << " -> " << projectPath << "\n";
    std::cerr << "note: missing periods are " << io::missingPeriodsName(report.missing) << " ("
              << missingReasonText(report.missingReason) << "); --missing zero|unknown chooses\n";
    return kOk;
}

int runInfo(Arguments& args)
{
    args.allow({"project"}, {});
    store::Store store(args.required("project"), store::Store::OpenMode::ReadOnly);
    store::ProjectSummary s = store.summary();
    std::cout << "project      " << store.path() << " (schema " << store::currentSchemaVersion()
              << ")\n";
    std::cout << "products     " << grouped(s.products) << " in " << grouped(s.categories)
              << " categories\n";
    if (!s.firstDay) {
        std::cout << "sales        none yet (flashplan-cli import --project P --sales F.csv)\n";
        return kOk;
    }
    const int period = s.periodDays;
    std::cout << "dates        " << formatIsoDate(*s.firstDay) << " .. "
              << formatIsoDate(*s.lastDay) << " (" << (*s.lastDay - *s.firstDay + period)
              << " days, " << (period == 7 ? "weekly" : "daily") << ")\n";
    std::cout << "rows         " << grouped(s.rows) << " product-"
              << (period == 7 ? "weeks" : "days") << " (" << grouped(s.filledRows)
              << " missing in the files, "
              << (data::absentPeriodsAreUnknown(store) ? "left out of fitting as unknown"
                                                       : "counted as 0 units sold")
              << ")\n";
    std::cout << "sales        " << money(s.totalUnits) << " units, revenue "
              << money(s.totalRevenue) << "\n";
    std::cout << "stockouts    " << grouped(s.stockoutRows) << " sold-out rows ("
              << percent(s.stockoutRows, s.rows) << "; demand there is censored)\n";
    std::cout << "events       " << grouped(s.eventRows) << " rows in flash-sale events ("
              << percent(s.eventRows, s.rows) << ")\n";
    std::cout << "regular price "
              << (s.estimatedListPriceProducts == 0
                      ? std::string("given for every product")
                      : "estimated for " + grouped(s.estimatedListPriceProducts) + " of " +
                            grouped(s.products) + " products (no list_price)")
              << "\n";
    // How the models read those estimates: per period where the product's category's prices hold.
    const auto perPeriod = data::categoriesReadPerPeriod(store);
    std::int64_t readPerPeriod = 0;
    for (const store::ProductRecord& p : store.products())
        readPerPeriod += p.listPriceEstimated && perPeriod.contains(p.category) ? 1 : 0;
    if (readPerPeriod > 0) {
        std::cout << "              read per period for " << grouped(readPerPeriod)
                  << " of them (the highest prices within 4 weeks either side),\n"
                     "              as the models see it, and as the discounts below do\n";
        // The depths as the models read them: the history in memory (seconds for a big one, and
        // only for data without list prices, where one estimate per product would mislead).
        const data::DepthSummary depths = data::depthSummary(data::Panel::load(store));
        s.discountedRows = depths.discounted;
        s.meanDiscountWhenDiscounted = depths.meanWhenDiscounted;
        s.maxDiscount = depths.deepest;
        s.discountBuckets = depths.buckets;
    }
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.1f%% mean depth when discounted, %.0f%% deepest",
                  100 * s.meanDiscountWhenDiscounted, 100 * s.maxDiscount);
    std::cout << "discounts    " << grouped(s.discountedRows) << " discounted rows ("
              << percent(s.discountedRows, s.rows) << "), " << buf << "\n";
    static const char* kBuckets[6] = {"<1%", "1-10%", "10-30%", "30-50%", "50-70%", ">=70%"};
    std::cout << "depth        ";
    const std::int64_t priced = s.rows - s.filledRows;
    for (int i = 0; i < 6; ++i)
        std::cout << (i ? "  " : "") << kBuckets[i] << " "
                  << percent(s.discountBuckets[static_cast<size_t>(i)], priced);
    std::cout << "\n";
    const auto imports = store.imports();
    std::cout << "imports      " << imports.size() << "\n";
    for (const store::ImportRecord& r : imports)
        std::cout << "  " << r.importedAt << "  " << r.file << "  " << grouped(r.rowsRead)
                  << " rows, " << grouped(r.productsAdded) << " new products\n";
    const auto models = store.models();
    if (models.empty())
        std::cout << "models       none trained yet\n";
    for (const store::ModelRecord& m : models) {
        if (!m.active)
            continue;
        std::cout << "model        " << m.kind << ", trained " << m.createdAt;
        const auto own = model::overallScoresIn(m.scores, m.kind);
        const auto baseline = model::overallScoresIn(m.scores, "baseline");
        if (own) {
            char scoreLine[200];
            std::snprintf(scoreLine, sizeof scoreLine,
                          "; held-out WAPE %.3f (baseline %.3f), bias %+.3f, 80%% coverage %.2f",
                          own->wape, baseline ? baseline->wape : std::nan(""), own->bias,
                          own->coverage);
            std::cout << scoreLine;
        }
        std::cout << "\n";
    }
    if (models.size() > 1)
        std::cout << "             (" << models.size() - 1
                  << " earlier model(s) kept in the project)\n";
    return kOk;
}

int runDemo(Arguments& args)
{
    args.allow({"out"}, {});
    const std::string dir = args.required("out");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string failure = ec ? ec.message() : std::string();
    try {
        if (!ec)
            synth::writeDemoFiles(dir);
    } catch (const FlashPlanError& e) {
        failure = e.what();
    }
    if (!failure.empty()) {
        std::cerr << "error: cannot write the demo files to " << dir << ": " << failure << "\n";
        return kBadInput;
    }
    std::cout << "wrote " << (std::filesystem::path(dir) / "sales.csv").string() << " and "
              << (std::filesystem::path(dir) / "campaign.csv").string() << "\n";
    return kOk;
}

} // namespace fp::cli
