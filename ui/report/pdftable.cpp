#include "report/pdftable.h"

#include "report/pdflayout.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>
#include <algorithm>

namespace fp::ui {

PdfTable::PdfTable(PdfLayout& layout, QList<PdfColumn> columns, QList<PdfRow> rows, qreal width)
    : m_layout(layout), m_columns(std::move(columns)), m_rows(std::move(rows)),
      m_font(layout.fonts().table), m_bold(layout.fonts().tableBold)
{
    m_padding = layout.mm(1.2);
    // Columns of numbers wider than the page, once the names gave up theirs: a smaller type,
    // in steps down to kMinFontScale, before anything is cut (a step at a time, as the device
    // sizes glyphs in whole pixels: a size a few percent smaller may measure the same).
    const qreal points = m_font.pointSizeF(), boldPoints = m_bold.pointSizeF();
    for (qreal scale = 1 - kFontStep; fitColumns(width) > width && scale >= kMinFontScale - 1e-9;
         scale -= kFontStep) {
        m_font.setPointSizeF(points * scale);
        m_bold.setPointSizeF(boldPoints * scale);
    }
    m_rowHeight = QFontMetricsF(m_font, layout.device()).height() + layout.mm(1.6);
    for (int i = 0; i < m_columns.size(); ++i)
        m_headerHeight = std::max(
            m_headerHeight, PdfTextBlock(m_columns[i].title, m_bold, m_widths[i] - 2 * m_padding,
                                         layout.device(), m_columns[i].alignment)
                                .height());
    m_headerHeight += layout.mm(2);
}

void PdfTable::write(int keepRows)
{
    m_layout.ensureSpace(m_headerHeight + keepRows * m_rowHeight);
    header();
    for (const PdfRow& r : m_rows)
        row(r);
}

void PdfTable::row(const PdfRow& row)
{
    if (!m_layout.fits(m_rowHeight)) {
        m_layout.newPage();
        header();
    }
    if (QPainter* p = m_layout.painter()) {
        const qreal y = m_layout.y();
        p->save();
        if (m_rowIndex % 2 == 1)
            p->fillRect(QRectF(0, y, m_width, m_rowHeight), QColor(243, 245, 248));
        if (row.bold) {
            p->setPen(QPen(QColor(90, 90, 90), m_layout.mm(0.25)));
            p->drawLine(QPointF(0, y), QPointF(m_width, y));
        }
        const QFont& font = row.bold ? m_bold : m_font;
        const QFontMetricsF metrics(font, m_layout.device());
        p->setFont(font);
        p->setPen(Qt::black);
        qreal x = 0;
        for (int i = 0; i < m_columns.size(); ++i) {
            const qreal inner = m_widths[i] - 2 * m_padding;
            // elidedText() measures in fixed point and cuts a cell its column was sized for by a
            // rounding; only a cell that really does not fit is elided.
            const QString cell = row.cells.value(i).simplified();
            const QString text = metrics.horizontalAdvance(cell) <= inner + 0.5
                                     ? cell
                                     : metrics.elidedText(cell, Qt::ElideRight, inner);
            p->drawText(QRectF(x + m_padding, y, inner, m_rowHeight),
                        m_columns[i].alignment | Qt::AlignVCenter, text);
            x += m_widths[i];
        }
        p->restore();
    }
    m_layout.advance(m_rowHeight);
    ++m_rowIndex;
}

qreal PdfTable::fitColumns(qreal width)
{
    m_widths.clear();
    const QFontMetricsF regular(m_font, m_layout.device());
    const QFontMetricsF bold(m_bold, m_layout.device());
    // A title wraps between words and after hyphens ("Sell-" / "through").
    static const QRegularExpression breaks(QStringLiteral("\\s+|(?<=-)"));
    qreal fixed = 0, stretch = 0;
    for (int i = 0; i < m_columns.size(); ++i) {
        qreal need = 0;
        for (const QString& word : m_columns[i].title.split(breaks, Qt::SkipEmptyParts))
            need = std::max(need, bold.horizontalAdvance(word));
        if (m_columns[i].stretch <= 0)
            for (const PdfRow& row : m_rows)
                need = std::max(
                    need,
                    (row.bold ? bold : regular).horizontalAdvance(row.cells.value(i).simplified()));
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
    if (total > width) {
        // Too much to show: the columns that stretch (names) give up width first, down to a
        // few characters each; an elided name still reads, a cut number or SKU does not.
        const qreal floor = regular.horizontalAdvance(QStringLiteral("Wwww…")) + 2 * m_padding;
        auto elidable = [this](int i) {
            return m_columns[i].stretch > 0;
        };
        qreal spare = 0;
        for (int i = 0; i < m_columns.size(); ++i)
            if (elidable(i))
                spare += std::max<qreal>(0, m_widths[i] - floor);
        const qreal taken = std::min(spare, total - width);
        if (taken > 0)
            for (int i = 0; i < m_columns.size(); ++i)
                if (elidable(i))
                    m_widths[i] -= std::max<qreal>(0, m_widths[i] - floor) * taken / spare;
        total -= taken;
    }
    const qreal needed = total;
    if (total > width) // still too much: every column gives up its share
        for (qreal& w : m_widths)
            w *= width / total;
    m_width = std::min(total, width);
    return needed;
}

void PdfTable::header()
{
    if (QPainter* p = m_layout.painter()) {
        const qreal y = m_layout.y();
        p->save();
        p->fillRect(QRectF(0, y, m_width, m_headerHeight), QColor(222, 228, 236));
        p->setPen(Qt::black);
        qreal x = 0;
        for (int i = 0; i < m_columns.size(); ++i) {
            const qreal inner = m_widths[i] - 2 * m_padding;
            const PdfTextBlock title(m_columns[i].title, m_bold, inner, m_layout.device(),
                                     m_columns[i].alignment);
            title.draw(p, QPointF(x + m_padding, y + (m_headerHeight - title.height()) / 2));
            x += m_widths[i];
        }
        p->restore();
    }
    m_layout.advance(m_headerHeight);
    m_rowIndex = 0;
}

} // namespace fp::ui
