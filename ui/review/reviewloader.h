#pragma once

#include "base/progress.h"
#include "review/salereview.h"

#include <QString>
#include <vector>

namespace fp::ui {

// Which plan to review: a saved scenario by name, or a recommended table (CSV) whose window is
// its products' latest flash-sale event in the history.
struct ReviewSource
{
    QString scenario;
    QString planFile;

    bool isFile() const { return !planFile.isEmpty(); }
    QString label() const; // the scenario's name or the file's name
};

// One reviewed product by day: what the plan expected each day of the window (its share of the
// window's expected units, with the day's 80% interval) and what sold.
struct ReviewProductDays
{
    int periodDays = 1; // 7: each of `days` starts a week
    std::vector<DayNumber> days;
    std::vector<double> expected, lower, upper, actual;
};

// A review as the Review tab shows it: core's SaleReview, the days of each of its rows (same
// order), the plan's name and how its window was chosen.
struct LoadedReview
{
    review::SaleReview review;
    std::vector<ReviewProductDays> days;
    ReviewSource source;
    bool windowFromHistory = false; // a file's window: its products' latest event
};

// On a worker: reads the project (its panel and active model), the plan, and reviews the plan's
// window against the imported sales exactly as `flashplan-cli review` does. Throws
// FlashPlanError when the plan or the project cannot be reviewed (a file's problems: the first).
LoadedReview loadReview(const QString& projectPath, const ReviewSource& source,
                        const ProgressFn& progress);

} // namespace fp::ui
