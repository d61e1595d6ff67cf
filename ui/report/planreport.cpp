#include "report/planreport.h"

#include "base/civildate.h"
#include "base/error.h"
#include "settings/numbertext.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextLayout>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <optional>

namespace fp::ui {

namespace {

constexpr int kDotsPerInch = 300;
constexpr qreal kMarginMm = 15;

// ---- Numbers ------------------------------------------------------------------------------------

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

QString signedPercent(double share)
{
    const QString text = percentText(share, 1);
    return share >= 0 ? QLatin1Char('+') + text : text;
}

// A discount or ladder step: "35%", "2.5%".
QString depth(double share)
{
    return QLocale().toString(100 * share, 'g', 3) + QLatin1Char('%');
}

// The plain form of a figure: decimal point, no grouping, 2 decimals, never "-0.00".
QString plain(double v)
{
    const double rounded = std::round(v * 100) / 100;
    return QString::number(rounded == 0 ? 0.0 : rounded, 'f', 2);
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

// ---- Fonts --------------------------------------------------------------------------------------

// The application's font family first (a translated UI sets one that has its script), then
// DejaVu Sans, then whatever font fallback finds for a missing glyph.
struct ReportFonts
{
    QFont title, heading, subheading, body, bodyBold, small, table, tableBold;

    ReportFonts()
    {
        QFont base = QGuiApplication::font();
        QStringList families = base.families();
        if (families.isEmpty())
            families << base.family();
        if (!families.contains(QStringLiteral("DejaVu Sans")))
            families << QStringLiteral("DejaVu Sans");
        base.setFamilies(families);
        base.setHintingPreference(QFont::PreferNoHinting); // metrics independent of the device
        // No ligatures where the script does not need them: "profit" must stay searchable.
        base.setStyleStrategy(QFont::StyleStrategy(QFont::PreferOutline | QFont::PreferNoShaping));
        title = sized(base, 17, true);
        heading = sized(base, 11.5, true);
        subheading = sized(base, 10, true);
        body = sized(base, 9, false);
        bodyBold = sized(base, 9, true);
        small = sized(base, 7.5, false);
        table = sized(base, 7.5, false);
        tableBold = sized(base, 7.5, true);
    }

private:
    static QFont sized(QFont font, qreal points, bool bold)
    {
        font.setPointSizeF(points);
        font.setBold(bold);
        return font;
    }
};

// ---- Text layout --------------------------------------------------------------------------------

// Text wrapped to a width (at word boundaries, or anywhere for a word longer than the line),
// measured against the PDF device so the measuring pass and the drawing pass agree.
class Paragraph
{
public:
    Paragraph(QString text, const QFont& font, qreal width, const QPaintDevice* device,
              Qt::Alignment alignment = Qt::AlignLeft)
    {
        text.replace(QLatin1Char('\n'), QChar::LineSeparator);
        m_layout = std::make_unique<QTextLayout>(text, font, device);
        QTextOption option(alignment);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        m_layout->setTextOption(option);
        m_layout->beginLayout();
        for (QTextLine line = m_layout->createLine(); line.isValid();
             line = m_layout->createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, m_height));
            m_height += line.height();
        }
        m_layout->endLayout();
    }

    qreal height() const { return m_height; }
    void draw(QPainter* painter, QPointF topLeft) const
    {
        if (painter)
            m_layout->draw(painter, topLeft);
    }

private:
    std::unique_ptr<QTextLayout> m_layout;
    qreal m_height = 0;
};

// ---- Pages --------------------------------------------------------------------------------------

// The page cursor: where the next block goes, page breaks and the footers. The report is laid out
// twice with the same code: first without a painter, to count the pages for "Page n of m", then
// with one, to draw.
class ReportPages
{
public:
    ReportPages(QPdfWriter& writer, QPainter* painter, int pageCount, QString footerText,
                const ReportFonts& fonts)
        : m_writer(writer), m_painter(painter), m_pageCount(pageCount),
          m_footerText(std::move(footerText)), m_fonts(fonts)
    {
        const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
        m_width = page.width();
        m_footerTop = page.height() - QFontMetricsF(fonts.small, &writer).height() - mm(4);
    }

    QPainter* painter() const { return m_painter; }
    const QPaintDevice* device() const { return &m_writer; }
    qreal mm(qreal millimetres) const { return millimetres * m_writer.resolution() / 25.4; }
    qreal width() const { return m_width; }
    qreal y() const { return m_y; }
    qreal pageHeight() const { return m_footerTop; } // the space for content on an empty page
    int pageCount() const { return m_page; }

    bool fits(qreal height) const { return m_y + height <= m_footerTop || m_y == 0; }
    void advance(qreal height) { m_y += height; }
    // Starts a new page unless `height` fits below the cursor; an empty page takes anything.
    void ensureSpace(qreal height)
    {
        if (!fits(height))
            newPage();
    }
    void newPage()
    {
        drawFooter();
        if (m_painter)
            m_writer.newPage();
        ++m_page;
        m_y = 0;
    }
    void finish() { drawFooter(); }

private:
    void drawFooter() const
    {
        if (!m_painter)
            return;
        const QFontMetricsF metrics(m_fonts.small, &m_writer);
        const qreal top = m_footerTop + mm(2);
        m_painter->save();
        m_painter->setPen(QPen(QColor(170, 170, 170), mm(0.2)));
        m_painter->drawLine(QPointF(0, top), QPointF(m_width, top));
        m_painter->setPen(QColor(90, 90, 90));
        m_painter->setFont(m_fonts.small);
        const QString pageText = QCoreApplication::translate("fp::ui::PlanReport", "Page %1 of %2")
                                     .arg(m_page)
                                     .arg(m_pageCount);
        const QRectF band(0, top + mm(1), m_width, metrics.height());
        m_painter->drawText(band, Qt::AlignRight | Qt::AlignVCenter, pageText);
        const qreal left = m_width - metrics.horizontalAdvance(pageText) - mm(8);
        m_painter->drawText(QRectF(band.topLeft(), QSizeF(left, band.height())),
                            Qt::AlignLeft | Qt::AlignVCenter,
                            metrics.elidedText(m_footerText, Qt::ElideRight, left));
        m_painter->restore();
    }

    QPdfWriter& m_writer;
    QPainter* m_painter;
    int m_pageCount;
    QString m_footerText;
    const ReportFonts& m_fonts;
    qreal m_width = 0;
    qreal m_footerTop = 0;
    qreal m_y = 0;
    int m_page = 1;
};

// ---- Tables -------------------------------------------------------------------------------------

struct Column
{
    QString title;
    Qt::Alignment alignment = Qt::AlignLeft;
    qreal stretch = 0;  // > 0: shares the width the other columns leave, by this weight
    qreal maxShare = 1; // at most this share of the table width (longer text is elided)
};

struct TableRow
{
    QStringList cells;
    bool bold = false; // a totals row, with a rule above it
};

// A table of one-line cells, its header wrapped over as many lines as it needs and repeated at the
// top of every page the table continues on. Each column is as wide as its widest cell and the
// longest word of its title, so numbers are never cut; stretching columns (a name) take the rest
// and elide what does not fit.
class ReportTable
{
public:
    ReportTable(ReportPages& pages, QList<Column> columns, const QList<TableRow>& rows,
                const ReportFonts& fonts, qreal width)
        : m_pages(pages), m_columns(std::move(columns)), m_fonts(fonts)
    {
        m_padding = pages.mm(1.2);
        m_rowHeight = QFontMetricsF(fonts.table, pages.device()).height() + pages.mm(1.6);
        fitColumns(rows, width);
        for (int i = 0; i < m_columns.size(); ++i)
            m_headerHeight =
                std::max(m_headerHeight,
                         Paragraph(m_columns[i].title, fonts.tableBold, m_widths[i] - 2 * m_padding,
                                   pages.device(), m_columns[i].alignment)
                             .height());
        m_headerHeight += pages.mm(2);
    }

    // The header, on a new page unless it fits with a few rows below it.
    void begin(int keepRows)
    {
        m_pages.ensureSpace(m_headerHeight + keepRows * m_rowHeight);
        header();
    }

    void row(const TableRow& row)
    {
        if (!m_pages.fits(m_rowHeight)) {
            m_pages.newPage();
            header();
        }
        if (QPainter* p = m_pages.painter()) {
            const qreal y = m_pages.y();
            p->save();
            if (m_rowIndex % 2 == 1)
                p->fillRect(QRectF(0, y, m_width, m_rowHeight), QColor(243, 245, 248));
            if (row.bold) {
                p->setPen(QPen(QColor(90, 90, 90), m_pages.mm(0.25)));
                p->drawLine(QPointF(0, y), QPointF(m_width, y));
            }
            const QFont& font = row.bold ? m_fonts.tableBold : m_fonts.table;
            const QFontMetricsF metrics(font, m_pages.device());
            p->setFont(font);
            p->setPen(Qt::black);
            qreal x = 0;
            for (int i = 0; i < m_columns.size(); ++i) {
                const qreal inner = m_widths[i] - 2 * m_padding;
                const QString text =
                    metrics.elidedText(row.cells.value(i).simplified(), Qt::ElideRight, inner);
                p->drawText(QRectF(x + m_padding, y, inner, m_rowHeight),
                            m_columns[i].alignment | Qt::AlignVCenter, text);
                x += m_widths[i];
            }
            p->restore();
        }
        m_pages.advance(m_rowHeight);
        ++m_rowIndex;
    }

private:
    void fitColumns(const QList<TableRow>& rows, qreal width)
    {
        const QFontMetricsF regular(m_fonts.table, m_pages.device());
        const QFontMetricsF bold(m_fonts.tableBold, m_pages.device());
        // A title wraps between words and after hyphens ("Sell-" / "through").
        static const QRegularExpression breaks(QStringLiteral("\\s+|(?<=-)"));
        qreal fixed = 0, stretch = 0;
        for (int i = 0; i < m_columns.size(); ++i) {
            qreal need = 0;
            for (const QString& word : m_columns[i].title.split(breaks, Qt::SkipEmptyParts))
                need = std::max(need, bold.horizontalAdvance(word));
            if (m_columns[i].stretch <= 0)
                for (const TableRow& row : rows)
                    need = std::max(need, (row.bold ? bold : regular)
                                              .horizontalAdvance(row.cells.value(i).simplified()));
            need = std::min(need + 2 * m_padding, width * m_columns[i].maxShare);
            m_widths.append(need);
            if (m_columns[i].stretch > 0)
                stretch += m_columns[i].stretch;
            else
                fixed += need;
        }
        if (stretch > 0 && fixed < width) {
            for (int i = 0; i < m_columns.size(); ++i)
                if (m_columns[i].stretch > 0)
                    m_widths[i] =
                        std::max(m_widths[i], (width - fixed) * m_columns[i].stretch / stretch);
        }
        qreal total = 0;
        for (qreal w : m_widths)
            total += w;
        if (total > width) // too much to show: every column gives up its share
            for (qreal& w : m_widths)
                w *= width / total;
        m_width = std::min(total, width);
    }

    void header()
    {
        if (QPainter* p = m_pages.painter()) {
            const qreal y = m_pages.y();
            p->save();
            p->fillRect(QRectF(0, y, m_width, m_headerHeight), QColor(222, 228, 236));
            p->setPen(Qt::black);
            qreal x = 0;
            for (int i = 0; i < m_columns.size(); ++i) {
                const qreal inner = m_widths[i] - 2 * m_padding;
                const Paragraph title(m_columns[i].title, m_fonts.tableBold, inner,
                                      m_pages.device(), m_columns[i].alignment);
                title.draw(p, QPointF(x + m_padding, y + (m_headerHeight - title.height()) / 2));
                x += m_widths[i];
            }
            p->restore();
        }
        m_pages.advance(m_headerHeight);
        m_rowIndex = 0;
    }

    ReportPages& m_pages;
    QList<Column> m_columns;
    const ReportFonts& m_fonts;
    QList<qreal> m_widths;
    qreal m_width = 0;
    qreal m_padding = 0;
    qreal m_rowHeight = 0;
    qreal m_headerHeight = 0;
    int m_rowIndex = 0;
};

// ---- The report ---------------------------------------------------------------------------------

struct KeyValue
{
    QString key, value;
};

// Lays out (and, given a painter, draws) the sections of the report in order.
class ReportContent
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::PlanReport)

public:
    ReportContent(const PlanReport& report, const ReportFonts& fonts)
        : m_report(report), m_plan(report.plan), m_fonts(fonts)
    {
    }

    QString title() const
    {
        if (!m_report.title.trimmed().isEmpty())
            return m_report.title.simplified();
        return tr("Flash sale %1, %2").arg(isoDate(m_plan.start), dayCount(m_plan.days));
    }

    void write(ReportPages& pages) const
    {
        header(pages);
        settingsAndTotals(pages);
        scores(pages);
        charts(pages);
        products(pages);
        pages.finish();
    }

private:
    static QString dayCount(int days) { return days == 1 ? tr("1 day") : tr("%1 days").arg(days); }

    // Text across the page, on a new page when it does not fit.
    void paragraph(ReportPages& pages, const QString& text, const QFont& font, qreal spaceAfter,
                   const QColor& color = Qt::black) const
    {
        const Paragraph p(text, font, pages.width(), pages.device());
        pages.ensureSpace(p.height());
        if (QPainter* painter = pages.painter()) {
            painter->save();
            painter->setPen(color);
            p.draw(painter, QPointF(0, pages.y()));
            painter->restore();
        }
        pages.advance(p.height() + spaceAfter);
    }

    // A section heading, kept on a page with at least `keep` of what follows it.
    void heading(ReportPages& pages, const QString& text, qreal keep) const
    {
        const Paragraph p(text, m_fonts.heading, pages.width(), pages.device());
        pages.ensureSpace(p.height() + pages.mm(2) + keep);
        p.draw(pages.painter(), QPointF(0, pages.y()));
        pages.advance(p.height() + pages.mm(2));
    }

    void header(ReportPages& pages) const
    {
        paragraph(pages, title(), m_fonts.title, pages.mm(2));
        QStringList lines;
        lines << tr("Project: %1")
                     .arg(m_report.projectName.isEmpty() ? tr("(unnamed)") : m_report.projectName);
        if (!m_report.scenarioName.isEmpty())
            lines << tr("Scenario: %1").arg(m_report.scenarioName);
        lines << tr("Created %1 by FlashPlan")
                     .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
        for (const QString& line : lines)
            paragraph(pages, line, m_fonts.body, pages.mm(0.8), QColor(60, 60, 60));
        pages.advance(pages.mm(5));
    }

    QList<KeyValue> settings() const
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
            {tr("Demand model"),
             m_plan.modelKind.empty() ? tr("unknown") : QString::fromStdString(m_plan.modelKind)},
            {tr("Optimality gap"), gap},
        };
    }

    QList<KeyValue> totals() const
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

    // Label/value rows in a column at `x`; returns their height, drawing only with a painter.
    qreal keyValues(ReportPages& pages, QPainter* painter, const QList<KeyValue>& rows, qreal x,
                    qreal width, qreal top) const
    {
        const qreal keyWidth = width * 0.42;
        qreal y = top;
        for (const KeyValue& row : rows) {
            const Paragraph key(row.key, m_fonts.body, keyWidth - pages.mm(2), pages.device());
            const Paragraph value(row.value, m_fonts.bodyBold, width - keyWidth, pages.device());
            if (painter) {
                painter->save();
                painter->setPen(QColor(70, 70, 70));
                key.draw(painter, QPointF(x, y));
                painter->setPen(Qt::black);
                value.draw(painter, QPointF(x + keyWidth, y));
                painter->restore();
            }
            y += std::max(key.height(), value.height()) + pages.mm(1);
        }
        return y - top;
    }

    // The settings and the totals side by side, kept together on one page.
    void settingsAndTotals(ReportPages& pages) const
    {
        const qreal gutter = pages.mm(8);
        const qreal half = (pages.width() - gutter) / 2;
        const QList<KeyValue> left = settings();
        const QList<KeyValue> right = totals();
        const qreal subheadingHeight =
            QFontMetricsF(m_fonts.subheading, pages.device()).height() + pages.mm(1.5);
        const qreal height =
            subheadingHeight + std::max(keyValues(pages, nullptr, left, 0, half, 0),
                                        keyValues(pages, nullptr, right, 0, half, 0));
        pages.ensureSpace(height);
        const qreal top = pages.y();
        if (QPainter* p = pages.painter()) {
            p->save();
            p->setFont(m_fonts.subheading);
            p->drawText(QRectF(0, top, half, subheadingHeight), Qt::AlignLeft | Qt::AlignTop,
                        tr("Sale and settings"));
            p->drawText(QRectF(half + gutter, top, half, subheadingHeight),
                        Qt::AlignLeft | Qt::AlignTop, tr("Expected totals"));
            p->restore();
            keyValues(pages, p, left, 0, half, top + subheadingHeight);
            keyValues(pages, p, right, half + gutter, half, top + subheadingHeight);
        }
        pages.advance(height + pages.mm(1));
        paragraph(pages, plainTotals(), m_fonts.small, pages.mm(6), QColor(100, 100, 100));
    }

    QString plainTotals() const
    {
        const plan::PlanTotals& t = m_plan.totals;
        return QStringLiteral("Totals: units=%1 revenue=%2 profit=%3 markdown_cost=%4 budget=%5 "
                              "products_at_limit=%6")
            .arg(plain(t.units), plain(t.revenue),
                 t.profitComplete ? plain(t.profit) : QStringLiteral("incomplete"),
                 plain(t.markdownCost),
                 m_plan.budget ? plain(*m_plan.budget) : QStringLiteral("none"))
            .arg(t.productsAtLimit);
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
        } splits[] = {{"overall", tr("All held-out days")},
                      {"event_days", tr("Flash-sale event days")},
                      {"regular_days", tr("Regular days")}};
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

    void scores(ReportPages& pages) const
    {
        const std::optional<HeldOutScores> scores = heldOutScores();
        const qreal rowHeight = QFontMetricsF(m_fonts.table, pages.device()).height() * 2;
        heading(pages, tr("Held-out accuracy of the demand model"), rowHeight * 3);
        if (!scores) {
            paragraph(pages, tr("No held-out scores were recorded for this model."), m_fonts.body,
                      pages.mm(6));
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
        paragraph(pages, note, m_fonts.body, pages.mm(2), QColor(60, 60, 60));

        const auto dash = QStringLiteral("–");
        QList<TableRow> rows;
        for (const SplitScores& s : scores->splits)
            rows.append({{s.label, s.wape ? percentText(*s.wape, 1) : dash,
                          s.bias ? signedPercent(*s.bias) : dash,
                          s.coverage ? percentText(*s.coverage, 1) : dash}});
        const auto right = Qt::AlignRight;
        // Half the page is plenty for the days and three scores.
        ReportTable table(pages,
                          {{tr("Days"), Qt::AlignLeft, 2},
                           {tr("WAPE"), right, 1},
                           {tr("Bias"), right, 1},
                           {tr("80% interval coverage"), right, 1}},
                          rows, m_fonts, pages.width() * 0.55);
        table.begin(int(rows.size()));
        for (const TableRow& row : rows)
            table.row(row);
        pages.advance(pages.mm(1.5));
        if (scores->baselineWape)
            paragraph(pages,
                      tr("The naive baseline (same weekday in recent weeks) has a WAPE of %1 on "
                         "all held-out days.")
                          .arg(percentText(*scores->baselineWape, 1)),
                      m_fonts.body, 0, QColor(60, 60, 60));
        pages.advance(pages.mm(6));
    }

    void charts(ReportPages& pages) const
    {
        for (const PlanReportChart& chart : m_report.charts) {
            if (chart.image.isNull() || chart.image.width() <= 0)
                continue;
            const Paragraph title(chart.title, m_fonts.subheading, pages.width(), pages.device());
            const qreal titleHeight = title.height() + pages.mm(1.5);
            qreal width = pages.width();
            qreal height = width * chart.image.height() / chart.image.width();
            const qreal most = pages.pageHeight() - titleHeight - pages.mm(6);
            if (height > most) { // taller than a page: shrink, keeping the aspect ratio
                width *= most / height;
                height = most;
            }
            pages.ensureSpace(titleHeight + height);
            const qreal top = pages.y();
            if (QPainter* p = pages.painter()) {
                title.draw(p, QPointF(0, top));
                const QRectF target((pages.width() - width) / 2, top + titleHeight, width, height);
                p->drawImage(target, chart.image.convertToFormat(QImage::Format_RGB32));
                p->save();
                p->setPen(QPen(QColor(200, 200, 200), pages.mm(0.2)));
                p->drawRect(target);
                p->restore();
            }
            pages.advance(titleHeight + height + pages.mm(6));
        }
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

    TableRow productRow(const plan::ProductPlan& r) const
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

    TableRow totalRow() const
    {
        const plan::PlanTotals& t = m_plan.totals;
        QStringList cells(11);
        cells[0] = tr("Total");
        cells[4] = number(t.units, 1);
        cells[6] = moneyText(t.revenue);
        cells[7] = t.profitComplete ? moneyText(t.profit) : tr("incomplete");
        return {cells, true};
    }

    void products(ReportPages& pages) const
    {
        heading(pages, tr("Products (%1)").arg(m_plan.rows.size()), pages.mm(20));
        QList<TableRow> rows;
        rows.reserve(qsizetype(m_plan.rows.size()) + 1);
        for (const plan::ProductPlan& r : m_plan.rows)
            rows.append(productRow(r));
        rows.append(totalRow());

        const auto left = Qt::AlignLeft;
        const auto right = Qt::AlignRight;
        ReportTable table(pages,
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
                          rows, m_fonts, pages.width());
        table.begin(3);
        for (const TableRow& row : rows)
            table.row(row);
    }

    const PlanReport& m_report;
    const plan::PlanResult& m_plan;
    const ReportFonts& m_fonts;
};

[[noreturn]] void failWriting(const QString& path, const QString& reason)
{
    throw FlashPlanError(QStringLiteral("cannot write the report %1: %2")
                             .arg(QDir::toNativeSeparators(path), reason)
                             .toStdString());
}

} // namespace

void writePlanReport(const PlanReport& report, const QString& path)
{
    QSaveFile file(path); // opened first: an unwritable folder fails before any drawing
    if (!file.open(QIODevice::WriteOnly))
        failWriting(path, file.errorString());

    // The PDF is made in memory: QPdfWriter ignores a short write (a full disk) and would leave a
    // truncated file to commit, while one checked write of the whole document cannot miss it.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    const ReportFonts fonts;
    const ReportContent content(report, fonts);
    const QString title = content.title();
    {
        QPdfWriter writer(&pdf);
        writer.setResolution(kDotsPerInch);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                         QPageLayout::Millimeter));
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("FlashPlan"));
        const QString footer = report.projectName.isEmpty()
                                   ? title
                                   : QStringLiteral("%1 · %2").arg(title, report.projectName);

        ReportPages counting(writer, nullptr, 0, footer, fonts);
        content.write(counting);

        QPainter painter;
        if (!painter.begin(&writer))
            failWriting(path, QStringLiteral("the PDF could not be started"));
        ReportPages pages(writer, &painter, counting.pageCount(), footer, fonts);
        content.write(pages);
        if (!painter.end())
            failWriting(path, QStringLiteral("the PDF could not be finished"));
    }

    const QByteArray& bytes = pdf.data();
    const qint64 written = file.write(bytes);
    const int writeErrno = errno;
    if (written != bytes.size())
        failWriting(path, file.error() != QFileDevice::NoError
                              ? file.errorString()
                              : QStringLiteral("only %1 of %2 bytes could be written (%3)")
                                    .arg(std::max<qint64>(written, 0))
                                    .arg(bytes.size())
                                    .arg(QString::fromLocal8Bit(std::strerror(writeErrno))));
    if (!file.commit())
        failWriting(path, file.errorString());
}

} // namespace fp::ui
