#include "report/planreport.h"

#include "base/civildate.h"
#include "report/pdflayout.h"
#include "report/pdftable.h"
#include "report/reviewreport.h"
#include "settings/numbertext.h"
#include "settings/planstatetext.h"
#include "settings/problemtext.h"
#include "settings/translation.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <optional>

namespace fp::ui {

namespace {

// ---- Numbers ------------------------------------------------------------------------------------
// Money and shares go through moneyText and percentText, as in the window. The forms below differ
// on purpose.

// Units (1 decimal, their interval 0) and the blend weight: counts and factors, not money.
QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

// A discount or ladder step, "35%", "2.5%": the ladder's steps exactly, without percentText's
// fixed ".0", which would widen the 11-column product table.
QString depth(double share)
{
    return QLocale().toString(100 * share, 'g', 3) + QLatin1Char('%');
}

QString isoDate(DayNumber day)
{
    return QString::fromStdString(formatIsoDate(day));
}

// ---- Held-out scores ----------------------------------------------------------------------------

struct SplitScores
{
    QString label;
    std::optional<double> wape, bias, coverage;
};

struct HeldOutScores
{
    QString model;
    QList<SplitScores> splits;
    std::optional<double> baselineWape; // overall, when the plan's model is another one
    QString holdoutStart;
    int holdoutPeriods = 0;
};

std::optional<double> numberIn(const QJsonObject& object, const char* key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isDouble() && std::isfinite(value.toDouble()) ? std::optional(value.toDouble())
                                                               : std::nullopt;
}

// ---- The report ---------------------------------------------------------------------------------

// Lays out (and, given a painter, draws) the sections of the report in order.
class ReportContent final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::PlanReport)

public:
    ReportContent(const PlanReport& report, const PdfFonts& fonts)
        : m_report(report), m_plan(report.plan), m_fonts(fonts)
    {
    }

    QString title() const
    {
        if (!m_report.title.trimmed().isEmpty())
            return m_report.title.simplified();
        return tr("Flash sale %1, %2").arg(isoDate(m_plan.start), dayCount(m_plan.days));
    }

    void write(PdfLayout& layout) const
    {
        header(layout);
        settingsAndTotals(layout);
        scores(layout);
        charts(layout);
        products(layout);
        if (m_report.review)
            writeReviewSection(layout, *m_report.review);
    }

private:
    static QString dayCount(int days) { return days == 1 ? tr("1 day") : tr("%1 days").arg(days); }

    void header(PdfLayout& layout) const
    {
        layout.paragraph(title(), m_fonts.title, layout.mm(2));
        QStringList lines;
        lines << tr("Project: %1")
                     .arg(m_report.projectName.isEmpty() ? tr("(unnamed)") : m_report.projectName);
        if (!m_report.scenarioName.isEmpty())
            lines << tr("Scenario: %1").arg(m_report.scenarioName);
        lines << tr("Created %1 by FlashPlan")
                     .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
        for (const QString& line : lines)
            layout.paragraph(line, m_fonts.body, layout.mm(0.8), QColor(60, 60, 60));
        layout.advance(layout.mm(5));
    }

    QList<PdfKeyValue> settings() const
    {
        const QString window =
            tr("%1 to %2 (%3)")
                .arg(isoDate(m_plan.start), isoDate(m_plan.start + std::max(m_plan.days, 1) - 1),
                     dayCount(m_plan.days));
        QString objective;
        switch (m_plan.objective) {
        case plan::Objective::Revenue:
            objective = tr("Revenue");
            break;
        case plan::Objective::Profit:
            objective = tr("Profit");
            break;
        case plan::Objective::Blend:
            objective = tr("Blend: profit + %1 × revenue").arg(number(m_plan.blendWeight, 2));
            break;
        }
        const QString gap = m_plan.optimalityGap <= 1e-9
                                ? tr("0 (optimal on the discount ladder)")
                                : tr("%1 (the best plan is at most this much better)")
                                      .arg(moneyText(m_plan.optimalityGap));
        return {
            {tr("Sale window"), window},
            {tr("Objective"), objective},
            {tr("Markdown budget"), m_plan.budget ? moneyText(*m_plan.budget) : tr("none")},
            {tr("Margin floor"), m_plan.marginFloor ? depth(*m_plan.marginFloor) : tr("none")},
            {tr("Discount ladder step"), depth(m_plan.step)},
            {tr("Demand model"), m_plan.modelKind.empty()
                                     ? tr("unknown")
                                     : modelDisplayName(QString::fromStdString(m_plan.modelKind))},
            {tr("Plan"), planStateText(m_plan.state)},
            {tr("Optimality gap"), gap},
        };
    }

    QList<PdfKeyValue> totals() const
    {
        const plan::PlanTotals& t = m_plan.totals;
        QString budgetUsed = tr("no budget");
        if (m_plan.budget && *m_plan.budget > 0)
            budgetUsed = tr("%1 of %2")
                             .arg(percentText(t.markdownCost / *m_plan.budget, 1),
                                  moneyText(*m_plan.budget));
        return {
            {tr("Expected units"), number(t.units, 1)},
            {tr("Expected revenue"), moneyText(t.revenue)},
            {tr("Expected profit"),
             t.profitComplete ? moneyText(t.profit) : tr("incomplete: some unit costs unknown")},
            {tr("Markdown cost"), moneyText(t.markdownCost)},
            {tr("Budget used"), budgetUsed},
            {tr("Products at a limit"),
             tr("%1 of %2").arg(t.productsAtLimit).arg(m_plan.rows.size())},
        };
    }

    // The settings and the totals side by side.
    void settingsAndTotals(PdfLayout& layout) const
    {
        layout.keyValueColumns({tr("Sale and settings"), settings()},
                               {tr("Expected totals"), totals()});
        layout.advance(layout.mm(1));
        if (!m_report.windowNote.isEmpty())
            layout.paragraph(m_report.windowNote, m_fonts.body, layout.mm(3), QColor(60, 60, 60));
    }

    std::optional<HeldOutScores> heldOutScores() const
    {
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(m_plan.modelScoresJson));
        if (!doc.isObject())
            return std::nullopt;
        const QJsonObject root = doc.object();
        HeldOutScores out;
        out.model = QString::fromStdString(m_plan.modelKind);
        if (out.model.isEmpty())
            out.model = root.value(QLatin1String("chosen")).toString();
        out.holdoutStart = root.value(QLatin1String("holdout_start")).toString();
        out.holdoutPeriods = root.value(QLatin1String("holdout_periods")).toInt();

        QJsonObject scores; // {"overall":{...},"event_days":{...},"regular_days":{...}}
        const QJsonArray models = root.value(QLatin1String("models")).toArray();
        for (const QJsonValue& value : models) {
            const QJsonObject model = value.toObject();
            const QString kind = model.value(QLatin1String("kind")).toString();
            const QJsonObject modelScores = model.value(QLatin1String("scores")).toObject();
            if (kind == out.model || (out.model.isEmpty() && scores.isEmpty())) {
                scores = modelScores;
                if (out.model.isEmpty())
                    out.model = kind;
            } else if (kind == QLatin1String("baseline")) {
                out.baselineWape =
                    numberIn(modelScores.value(QLatin1String("overall")).toObject(), "wape");
            }
        }
        if (models.isEmpty() && root.contains(QLatin1String("overall")))
            scores = root; // a bare evaluation
        const struct
        {
            const char* key;
            QString label;
        } weekly[] = {{"overall", tr("All held-out weeks")},
                      {"event_days", tr("Flash-sale event weeks")},
                      {"regular_days", tr("Regular weeks")}},
          daily[] = {{"overall", tr("All held-out days")},
                     {"event_days", tr("Flash-sale event days")},
                     {"regular_days", tr("Regular days")}};
        const auto& splits = m_report.periodDays == 7 ? weekly : daily;
        for (const auto& split : splits) {
            const QJsonObject s = scores.value(QLatin1String(split.key)).toObject();
            SplitScores row{split.label, numberIn(s, "wape"), numberIn(s, "bias"),
                            numberIn(s, "coverage")};
            if (row.wape || row.bias || row.coverage)
                out.splits.append(row);
        }
        if (out.splits.isEmpty())
            return std::nullopt;
        return out;
    }

    void scores(PdfLayout& layout) const
    {
        const std::optional<HeldOutScores> scores = heldOutScores();
        const qreal rowHeight = QFontMetricsF(m_fonts.table, layout.device()).height() * 2;
        layout.heading(tr("Held-out accuracy of the demand model"), rowHeight * 3);
        if (!scores) {
            layout.paragraph(tr("No held-out scores were recorded for this model."), m_fonts.body,
                             layout.mm(6));
            return;
        }
        QString note = tr("Model %1, scored on the end of the history that training did not see")
                           .arg(scores->model);
        if (!scores->holdoutStart.isEmpty())
            note += scores->holdoutPeriods > 0 ? tr(" (from %1, %2 periods)")
                                                     .arg(scores->holdoutStart)
                                                     .arg(scores->holdoutPeriods)
                                               : tr(" (from %1)").arg(scores->holdoutStart);
        note += tr(". WAPE: total absolute error over total units (lower is better); bias: "
                   "forecast over actual units, minus 1; an 80% interval should cover 80%.");
        layout.paragraph(note, m_fonts.body, layout.mm(2), QColor(60, 60, 60));

        const auto dash = QStringLiteral("–");
        QList<PdfRow> rows;
        for (const SplitScores& s : scores->splits)
            rows.append({{s.label, s.wape ? percentText(*s.wape, 1) : dash,
                          s.bias ? signedPercentText(*s.bias) : dash,
                          s.coverage ? percentText(*s.coverage, 1) : dash}});
        const auto right = Qt::AlignRight;
        // Half the page is plenty for the days and three scores.
        const int keepRows = int(rows.size());
        PdfTable table(layout,
                       {{m_report.periodDays == 7 ? tr("Weeks") : tr("Days"), Qt::AlignLeft, 2},
                        {tr("WAPE"), right, 1},
                        {tr("Bias"), right, 1},
                        {tr("80% interval coverage"), right, 1}},
                       std::move(rows), layout.width() * 0.55);
        table.write(keepRows);
        layout.advance(layout.mm(1.5));
        if (scores->baselineWape)
            layout.paragraph(
                (m_report.periodDays == 7
                     ? tr("The naive baseline (recent weeks) has a WAPE of %1 on all held-out "
                          "weeks.")
                     : tr("The naive baseline (same weekday in recent weeks) has a WAPE of %1 "
                          "on all held-out days."))
                    .arg(percentText(*scores->baselineWape, 1)),
                m_fonts.body, 0, QColor(60, 60, 60));
        layout.advance(layout.mm(6));
    }

    void charts(PdfLayout& layout) const
    {
        for (const PlanReportChart& chart : m_report.charts)
            layout.image(chart.title, chart.image, layout.mm(6));
    }

    static QString limitText(plan::Limit limit)
    {
        switch (limit) {
        case plan::Limit::None:
            return tr("none");
        case plan::Limit::Stock:
            return tr("stock");
        case plan::Limit::MaxDiscount:
            return tr("max discount");
        case plan::Limit::MinDiscount:
            return tr("min discount");
        case plan::Limit::Margin:
            return tr("margin");
        case plan::Limit::Budget:
            return tr("budget");
        case plan::Limit::Locked:
            return tr("locked");
        }
        return QString::fromUtf8(plan::limitName(limit).data(),
                                 qsizetype(plan::limitName(limit).size()));
    }

    PdfRow productRow(const plan::ProductPlan& r) const
    {
        const auto dash = QStringLiteral("–");
        return {{QString::fromStdString(r.sku), QString::fromStdString(r.name), depth(r.discount),
                 moneyText(r.salePrice), number(r.expectedUnits, 1),
                 QStringLiteral("%1–%2").arg(number(r.unitsLow, 0), number(r.unitsHigh, 0)),
                 moneyText(r.expectedRevenue),
                 r.expectedProfit ? moneyText(*r.expectedProfit) : dash,
                 r.sellThrough ? percentText(*r.sellThrough, 0) : dash,
                 r.stock ? percentText(r.sellOutProbability, 0) : dash, limitText(r.limitedBy)}};
    }

    PdfRow totalRow() const
    {
        const plan::PlanTotals& t = m_plan.totals;
        QStringList cells(11);
        cells[0] = tr("Total");
        cells[4] = number(t.units, 1);
        cells[6] = moneyText(t.revenue);
        cells[7] = t.profitComplete ? moneyText(t.profit) : tr("incomplete");
        return {cells, true};
    }

    void products(PdfLayout& layout) const
    {
        layout.heading(tr("Products (%1)").arg(m_plan.rows.size()), layout.mm(20));
        QList<PdfRow> rows;
        rows.reserve(qsizetype(m_plan.rows.size()) + 1);
        for (const plan::ProductPlan& r : m_plan.rows)
            rows.append(productRow(r));
        rows.append(totalRow());

        const auto left = Qt::AlignLeft;
        const auto right = Qt::AlignRight;
        PdfTable table(layout,
                       {{tr("SKU"), left, 0, 0.16},
                        {tr("Name"), left, 1},
                        {tr("Discount"), right},
                        {tr("Sale price"), right},
                        {tr("Expected units"), right},
                        {tr("80% interval"), right},
                        {tr("Revenue"), right},
                        {tr("Profit"), right},
                        {tr("Sell-through"), right},
                        {tr("Sell-out risk"), right},
                        {tr("Limited by"), left, 0, 0.12}},
                       std::move(rows), layout.width());
        table.write(3);
    }

    const PlanReport& m_report;
    const plan::PlanResult& m_plan;
    const PdfFonts& m_fonts;
};

} // namespace

void writePlanReport(const PlanReport& report, const QString& path)
{
    QSaveFile file(path); // opened first: an unwritable folder fails before any drawing
    if (!file.open(QIODevice::WriteOnly))
        throwCannotWrite(path, file.errorString());

    // The PDF is made in memory: QPdfWriter ignores a short write (a full disk) and would leave a
    // truncated file to commit, while one checked write of the whole document cannot miss it.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    const PdfFonts fonts;
    const ReportContent content(report, fonts);
    const QString title = content.title();
    const QString footer = report.projectName.isEmpty()
                               ? title
                               : QStringLiteral("%1 · %2").arg(title, report.projectName);
    const PdfWriteResult written =
        writePdf(pdf, title, footer, fonts, [&](PdfLayout& layout) { content.write(layout); });
    if (!written.error.isEmpty())
        throwCannotWrite(path, written.error);

    const QByteArray& bytes = pdf.data();
    const qint64 bytesWritten = file.write(bytes);
    const int writeErrno = errno;
    if (bytesWritten != bytes.size())
        throwCannotWrite(path, file.error() != QFileDevice::NoError
                                   ? file.errorString()
                                   : QStringLiteral("only %1 of %2 bytes could be written (%3)")
                                         .arg(std::max<qint64>(bytesWritten, 0))
                                         .arg(bytes.size())
                                         .arg(QString::fromLocal8Bit(std::strerror(writeErrno))));
    if (!file.commit())
        throwCannotWrite(path, file.errorString());
}

} // namespace fp::ui
