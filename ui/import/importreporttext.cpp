#include "import/importreporttext.h"

#include "base/civildate.h"
#include "import/importdialog.h"
#include "io/salesimporter.h"
#include "settings/problemtext.h"

#include <QFileInfo>
#include <QLocale>
#include <QStringList>

namespace fp::ui {

// The texts keep the dialog's translation context: they are what the dialog says.
// A few lines on what a committed import brought in.
QString importSummary(const io::ImportReport& report)
{
    const QLocale locale;
    QStringList lines;
    QString period =
        report.periodDays == 7 ? ImportDialog::tr("weekly") : ImportDialog::tr("daily");
    if (report.firstDay && report.lastDay)
        period = ImportDialog::tr("%1 from %2 to %3")
                     .arg(period, QString::fromStdString(formatIsoDate(*report.firstDay)),
                          QString::fromStdString(formatIsoDate(*report.lastDay)));
    lines << ImportDialog::tr("Imported %1 rows for %2 products (%3 new), %4.")
                 .arg(locale.toString(report.rowsRead), locale.toString(report.productsTouched),
                      locale.toString(report.productsAdded), period);
    if (report.rowsMerged > 0)
        lines << ImportDialog::tr("%1 duplicate rows were combined.")
                     .arg(locale.toString(report.rowsMerged));
    // How absent periods are treated, and why: what every later import and training keeps to.
    QString why;
    switch (report.missingReason) {
    case io::MissingPeriodsReason::Asked:
        why = ImportDialog::tr("as chosen");
        break;
    case io::MissingPeriodsReason::ProjectSetting:
        why = ImportDialog::tr("as the project's first import decided");
        break;
    case io::MissingPeriodsReason::WeeklyData:
        why = ImportDialog::tr("weekly data: scanner panels leave out weeks they have no data for");
        break;
    case io::MissingPeriodsReason::ZeroUnitRows:
        why = ImportDialog::tr("the file lists periods with 0 units, so an absent one is a period "
                               "without data");
        break;
    case io::MissingPeriodsReason::DailyWithoutZeros:
        why = ImportDialog::tr("daily data without 0-unit rows: an absent day is a day without "
                               "sales");
        break;
    }
    const bool unknown = report.missing == io::MissingPeriods::Unknown;
    if (report.rowsFilled > 0)
        lines << (unknown ? ImportDialog::tr("%1 missing periods are no data, left out of fitting "
                                             "(%2).")
                          : ImportDialog::tr("%1 missing periods were counted as 0 units sold "
                                             "(%2)."))
                     .arg(locale.toString(report.rowsFilled), why);
    else
        lines << (unknown ? ImportDialog::tr("No period was missing; absent periods are no data, "
                                             "left out of fitting (%1).")
                          : ImportDialog::tr("No period was missing; absent periods count as 0 "
                                             "units sold (%1)."))
                     .arg(why);
    for (const Problem& note : report.notes)
        lines << ImportDialog::tr("Note: %1.").arg(problemMessage(note));
    if (!report.ignoredColumns.empty()) {
        QStringList ignored;
        for (const std::string& name : report.ignoredColumns)
            ignored << QString::fromStdString(name);
        lines << ImportDialog::tr("Columns not imported: %1.")
                     .arg(ignored.join(ImportDialog::tr(", ")));
    }
    return lines.join('\n');
}

// One line per rejected row, "file:line: column N (header): reason", and how many more there are.
QString importProblemList(const io::ImportReport& report, const std::vector<std::string>& header)
{
    QStringList lines;
    for (const Problem& p : report.problems) {
        QString where = QFileInfo(QString::fromStdString(p.file)).fileName();
        if (p.line > 0)
            where += ImportDialog::tr(":%1").arg(p.line);
        QString column;
        if (p.column > 0) {
            const auto c = static_cast<size_t>(p.column - 1);
            column = c < header.size() ? ImportDialog::tr("column %1 (%2): ")
                                             .arg(p.column)
                                             .arg(QString::fromStdString(header[c]))
                                       : ImportDialog::tr("column %1: ").arg(p.column);
        }
        lines << ImportDialog::tr("%1: %2%3").arg(where, column, problemMessage(p));
    }
    const auto listed = static_cast<qint64>(report.problems.size());
    if (report.problemCount > listed)
        lines << ImportDialog::tr("... and %1 more problems (the first %2 are listed).")
                     .arg(QLocale().toString(report.problemCount - listed),
                          QLocale().toString(listed));
    return lines.join('\n');
}

} // namespace fp::ui
