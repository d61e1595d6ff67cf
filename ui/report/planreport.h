#pragma once

#include "charts/chartexport.h" // renderChart, for the caller that draws the report's charts
#include "plan/planresult.h"

#include <QImage>
#include <QList>
#include <QString>
#include <memory>

namespace fp::ui {

struct ReviewReport;

struct PlanReportChart
{
    QString title;
    QImage image; // drawn at the page width, keeping its aspect ratio
};

struct PlanReport
{
    QString title; // e.g. "Flash sale 2026-11-11, 3 days"; empty: a title from the window
    QString projectName;
    QString scenarioName; // may be empty
    plan::PlanResult plan;
    int periodDays = 1; // the history's: 7 when its periods are weeks
    QString
        windowNote; // how a weekly history plans the window (plan::weeklyWindowNote); may be empty
    QList<PlanReportChart> charts; // the key charts, rendered by the caller with renderChart()
    // After the sale: the Review tab's review and backtest, a section of their own at the end.
    std::shared_ptr<const ReviewReport> review;
};

// Writes the plan as an A4 PDF with vector text in the application's font (so translated text
// finds its glyphs through font fallback): page 1 holds the title, the sale window and settings,
// the expected totals and the model's held-out scores; the charts follow at the page width, then
// the product table, its header repeated on every page; each page's footer reads "Page n of m".
//
// Figures are shown in the default QLocale (2 decimals for money). The totals are repeated once
// in a plain form for scripts (pdftotext), as key=value words with a decimal point, no digit
// grouping and 2 decimals:
//   Totals: units=1063.89 revenue=37803.40 profit=15831.04 markdown_cost=7688.16
//           budget=20000.00 products_at_limit=12
// where profit=incomplete when some unit cost is unknown and budget=none without a budget.
//
// The file is written through a temporary file renamed into place, so a failure never leaves a
// partial file nor touches an existing one. Throws fp::FlashPlanError (CannotWriteFile: the
// path and the reason).
void writePlanReport(const PlanReport& report, const QString& path);

} // namespace fp::ui
