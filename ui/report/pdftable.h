#pragma once

#include <QFont>
#include <QList>
#include <QString>
#include <QStringList>

namespace fp::ui {

class PdfLayout;

struct PdfColumn
{
    QString title;
    Qt::Alignment alignment = Qt::AlignLeft;
    qreal stretch = 0;  // > 0: shares the width the other columns leave, by this weight
    qreal maxShare = 1; // at most this share of the table width (longer text is elided)
};

struct PdfRow
{
    QStringList cells;
    bool bold = false; // a totals row, with a rule above it
};

// A table of one-line cells on a PdfLayout, its header wrapped over as many lines as it needs and
// repeated at the top of every page the table continues on. Each column is as wide as its widest
// cell and the longest word of its title, so numbers are never cut; stretching columns (a name)
// take the rest and elide what does not fit. When the other columns alone are wider than the
// page, the stretching ones shrink to a few characters first, then the type (to kMinFontScale of
// its size); only then are cells cut.
class PdfTable final
{
public:
    PdfTable(PdfLayout& layout, QList<PdfColumn> columns, QList<PdfRow> rows, qreal width);

    static constexpr qreal kMinFontScale = 0.75, kFontStep = 0.05;

    qreal rowHeight() const { return m_rowHeight; }
    qreal headerHeight() const { return m_headerHeight; }

    // The header, on a new page unless it fits with `keepRows` rows below it, then every row.
    void write(int keepRows);

private:
    // Sets the columns' widths to fit `width`; returns the width they needed before any cell was
    // cut (more than `width` when some are).
    qreal fitColumns(qreal width);
    void header();
    void row(const PdfRow& row);

    PdfLayout& m_layout;
    QList<PdfColumn> m_columns;
    QList<PdfRow> m_rows;
    QList<qreal> m_widths;
    QFont m_font, m_bold; // the layout's table fonts, smaller when the numbers need it
    qreal m_width = 0;
    qreal m_padding = 0;
    qreal m_rowHeight = 0;
    qreal m_headerHeight = 0;
    int m_rowIndex = 0; // on this page, for the stripes
};

} // namespace fp::ui
