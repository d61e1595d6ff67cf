#pragma once

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
// take the rest and elide what does not fit.
class PdfTable final
{
public:
    PdfTable(PdfLayout& layout, QList<PdfColumn> columns, QList<PdfRow> rows, qreal width);

    qreal rowHeight() const { return m_rowHeight; }
    qreal headerHeight() const { return m_headerHeight; }

    // The header, on a new page unless it fits with `keepRows` rows below it, then every row.
    void write(int keepRows);

private:
    void fitColumns(qreal width);
    void header();
    void row(const PdfRow& row);

    PdfLayout& m_layout;
    QList<PdfColumn> m_columns;
    QList<PdfRow> m_rows;
    QList<qreal> m_widths;
    qreal m_width = 0;
    qreal m_padding = 0;
    qreal m_rowHeight = 0;
    qreal m_headerHeight = 0;
    int m_rowIndex = 0; // on this page, for the stripes
};

} // namespace fp::ui
