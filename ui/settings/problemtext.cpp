#include "settings/problemtext.h"

#include <QCoreApplication>
#include <QDir>

namespace fp::ui {

// The translation context of the problems' texts.
class ProblemText final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::ProblemText)
};

namespace {

// For lupdate: core's English texts (base/problemkind.cpp) in this translation context, but for
// the two whose English is a detail alone (textOf). The window looks a kind's English text up in
// its translations: a text that core changes and this list does not loses its translation, and
// test_ui_translation says so.
[[maybe_unused]] constexpr const char* kSourceTexts[] = {
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "cannot open the file for reading"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "this is a folder; choose a CSV file"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the file is empty; expected a header line such as 'date,sku,units,price'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "the file is empty"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "the file has a header but no data rows"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "a record is longer than %1 MB; is this a CSV file with line breaks?"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the file contains binary data (NUL bytes); it is not a text CSV file"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "a quoted field starting on this line is never closed"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "unexpected character after a closing quote"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "required column '%1' is missing (accepted names: %2)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "required column '%1' is missing"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "columns %1 and %2 both give '%3'; remove or rename one of them"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "no column is mapped to the required field '%1'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "field '%1' is mapped to column %2 but the header has only %3 columns"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "expected %1 fields (as in the header), found %2"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "expected %1 fields, found %2"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "date is not a valid YYYY-MM-DD date: '%1'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "date is not a valid YYYY-MM-DD date"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "sku is empty"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 is not a number: '%2'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 must be > %2, got '%3'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 must be >= %2, got '%3'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 must be <= %2, got '%3'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 must be >= %2"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 must be a number > %2"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 must be a number >= %2"),
    QT_TRANSLATE_NOOP(
        "fp::ui::ProblemText",
        "a second row for sku '%1' on %2 (to combine such rows choose the duplicate policy sum or "
        "last: --on-duplicate in flashplan-cli, Duplicate rows in the import dialog)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "this sku and date are already in the project from an earlier import (to "
                      "replace them choose the duplicate policy last: --on-duplicate in "
                      "flashplan-cli, Duplicate rows in the import dialog)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "could not store the row: %1"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the project holds weekly data but this file has daily dates; import weekly "
                      "rows (dates 7 days apart) or use a new project"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the dates of sku '%1' span %2 years, from %3 (line %4) to %5 (line %6), "
                      "with periods missing between them: more than the 20 years an import fills; "
                      "check those dates (a mistyped year?)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the dates of sku '%1' in the file, %2 (line %3) to %4 (line %5), and its "
                      "sales in the project, %6 to %7, span %8 years with periods missing between "
                      "them: more than the 20 years an import fills; check those dates (a "
                      "mistyped year?)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the file's dates span %1 years, from %2 (sku '%3', line %4) to %5 (sku "
                      "'%6', line %7): more than the 20 years a project holds; check those dates "
                      "(a mistyped year?)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the date %1 (sku '%2', line %3) is far from the project's sales (%4 to "
                      "%5): together they would span %6 years, more than the 20 years a project "
                      "holds; check that date (a mistyped year?)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "filling the periods missing inside the products' date ranges would store "
                      "%1 rows, more than 100 times the file's %2 rows; sku '%3' alone runs from "
                      "%4 (line %5) to %6 (line %7) with %8 rows: check those dates"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "dates are 7 days apart, but the project holds daily data: rows are imported "
                      "as days and the days between are 0 units"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "no list_price for %1 product(s): their regular price was estimated from "
                      "their own prices (the most common of their high prices, or, where a "
                      "category's prices hold from one period to the next, each period's from the "
                      "highest prices around it), and discount depth is measured from it"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "sku '%1' is not in the project's sales history"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "sku '%1' is not in the project"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "sku '%1' is not in the synthetic market"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "sku '%1' is listed twice"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "list_price must be > 0 (the history has no regular price for '%1')"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "discounts are fractions from 0 to 1 (0.35 = 35% off)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "min_discount is above max_discount"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "the campaign lists no products"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "sku '%1' has no sales history and nothing to forecast it from (a category "
                      "with sales history, or a like_sku the model knows): skipped, the rest goes "
                      "on"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "sku '%1' has no sales history and no list_price (nor a like_sku to take "
                      "one from): skipped, the rest goes on"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "like_sku '%2' of the new product '%1' is not a product the model knows; "
                      "ignored"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "no product of the campaign can be planned: none has a sales history or "
                      "peers to forecast it from"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "no product of the prices file can be forecast: none has a sales history "
                      "or peers to forecast it from"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the sale starts on %1, inside the sales history (%2 to %3): the plan "
                      "forecasts days that have already passed; planned anyway"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the sale starts on %1, %2 days after the sales history ends (%3): the "
                      "forecast reaches far past what the model saw; planned anyway"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "sales were imported after the model was trained (model %1, latest import "
                      "%2): plans and forecasts read the history as the model was trained on it; "
                      "train again to use them"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the sales history is weekly: the sale of %1 day(s) from %2 is planned as "
                      "the %3 week(s) its days fall in (%4 to %5), as a week-long promotion sold; "
                      "its expected units are those weeks'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1: no such project file"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "%1 is a project FlashPlan cannot write to (a read-only file or folder); "
                      "FlashPlan keeps your plan in the project as you work, so copy it to a "
                      "folder you can write to"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "%1 is an SQLite database but not a FlashPlan project"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1: not a FlashPlan project (%2)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "%1 is being written by another program (another FlashPlan importing or "
                      "training?); try again when it has finished"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "%1 is being written by another program (%2, pid %3); try again when it has "
                      "finished"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "%1 is empty: it holds no FlashPlan project (an import of sales makes one); "
                      "it was left as it is"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the project's setting %1 is damaged ('%2'); open a copy from before the "
                      "damage, or import the sales into a new project"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 was written by a newer FlashPlan (schema version "
                                             "%2, this build knows %3); open it with that version"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 (it was made by an older FlashPlan and must be "
                                             "upgraded, which needs write access to it)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 has no FlashPlan schema this version can read"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "cannot open %1: %2"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 holds no sales yet; import a sales CSV first"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "%1 has no product with id %2"),
    QT_TRANSLATE_NOOP(
        "fp::ui::ProblemText",
        "%1 has no trained model; run flashplan-cli train (or Train in the window) first"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "unknown model '%1' (auto, baseline, structured, neural)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "too little history to train: %1 periods, but the held-out tail alone is %2; "
                      "import more history or use a shorter --holdout-days"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the model was trained before product '%1' was imported; train again"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the model does not know this product; train it again"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "product '%1' has no sales history"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the stored model comes from another FlashPlan version; train again"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "the stored model is of an unknown kind '%1'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "stored %1 model has an unknown format; train it again"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "stored %1 model is corrupt; train it again"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "stored model is truncated or corrupt"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "stored noise model is corrupt; train again"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "stored model is not a neural demand model"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "stored neural model has format version %1; this FlashPlan reads version %2"),
    QT_TRANSLATE_NOOP(
        "fp::ui::ProblemText",
        "stored neural model uses %1 input features, this FlashPlan %2; train the model again"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "stored neural model is corrupt"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "a scenario needs a name"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "a scenario name may have up to %1 characters; this one has %2"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "there is already a scenario named '%1'; choose "
                                             "another name or delete that scenario first"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "scenario '%1' has a damaged setting: '%2'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the scenario's sale window must last at least one day"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the scenario names a product the project does not hold"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "product '%1' is in the scenario twice"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the discounts of '%1' must be fractions from 0 to 1 (0.35 = 35% off)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "scenario #%1 is not in this project; it may have been deleted"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "'%1' is no longer in the project's sales history; left out"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "'%1' is a new product (no sales history) that cannot be placed among its "
                      "peers now; left out"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "'%1' had no saved discount; set to its lowest"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "this project has no scenario named '%1'"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "'%1' sold after the model was trained and the plan holds no description "
                      "of it as a new product; left out (train again to review it)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the project holds no sales of the plan's products from %1 to %2; import "
                      "the sale's sales first"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "'%1' has no sales from %2 to %3; left out of the review"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "the history features none of the products of %1 in a flash-sale event, so "
                      "the sale's window is unknown; save the plan as a scenario with its window"),
    QT_TRANSLATE_NOOP(
        "fp::ui::ProblemText",
        "cannot write %1: %2; check that the folder exists, is writable and has free space"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "cannot create folder %1: %2"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText",
                      "cannot write a temporary sort file (is the temporary directory full?)"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "cannot read back a temporary sort file"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "cancelled"),
    QT_TRANSLATE_NOOP("fp::ui::ProblemText", "unexpected error"),
};

// The kind's text in the language shown, with %1..%n for its arguments.
QString textOf(ProblemKind kind)
{
    if (kind == ProblemKind::DatabaseError)
        return ProblemText::tr("%1", "a database error: SQLite's own words");
    if (kind == ProblemKind::Internal)
        return ProblemText::tr("%1", "an internal error: a programmer's detail, in English");
    return ProblemText::tr(englishText(kind).data()); // a string literal: 0-terminated
}

} // namespace

QString problemMessage(const Problem& problem)
{
    // Core fills the arguments in one pass, so an argument's own "%1" stays as it is.
    return QString::fromStdString(fillArguments(textOf(problem.kind).toStdString(), problem.args));
}

QString problemText(const Problem& problem)
{
    // Where it happened, as Problem::describe() says it in English.
    QString where = QString::fromStdString(problem.file);
    if (problem.line > 0)
        where = where.isEmpty()
                    ? ProblemText::tr("line %1: ").arg(problem.line)
                    : ProblemText::tr("%1:%2: ").arg(where, QString::number(problem.line));
    else if (!where.isEmpty())
        where = ProblemText::tr("%1: ").arg(where);
    if (problem.column > 0)
        where += ProblemText::tr("column %1: ").arg(problem.column);
    return where + problemMessage(problem);
}

QString problemText(const std::exception& error)
{
    return problemText(problemOf(error));
}

void throwCannotWrite(const QString& path, const QString& reason)
{
    throw FlashPlanError(ProblemKind::CannotWriteFile,
                         {QDir::toNativeSeparators(path).toStdString(), reason.toStdString()});
}

} // namespace fp::ui
