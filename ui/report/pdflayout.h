#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QPointF>
#include <QString>
#include <functional>
#include <memory>

class QImage;
class QIODevice;
class QPaintDevice;
class QPainter;
class QPdfWriter;
class QTextLayout;

namespace fp::ui {

// The fonts of a PDF document: the application's font family first (a translated UI sets one that
// has its script), then DejaVu Sans, then whatever font fallback finds for a missing glyph.
struct PdfFonts
{
    PdfFonts();

    QFont title, heading, subheading, body, bodyBold, small, table, tableBold;
};

// Text wrapped to a width (at word boundaries, or anywhere for a word longer than the line),
// measured against the PDF device so the measuring pass and the drawing pass agree.
class PdfTextBlock final
{
public:
    PdfTextBlock(QString text, const QFont& font, qreal width, const QPaintDevice* device,
                 Qt::Alignment alignment = Qt::AlignLeft);
    ~PdfTextBlock();
    PdfTextBlock(const PdfTextBlock&) = delete;
    PdfTextBlock& operator=(const PdfTextBlock&) = delete;

    qreal height() const { return m_height; }
    // Draws with the painter's pen; without a painter (the counting pass) draws nothing.
    void draw(QPainter* painter, QPointF topLeft) const;

private:
    std::unique_ptr<QTextLayout> m_layout;
    qreal m_height = 0;
};

struct PdfKeyValue
{
    QString key, value;
};

// A titled column of label/value rows.
struct PdfKeyValues
{
    QString title;
    QList<PdfKeyValue> rows;
};

// The page cursor of a PDF: where the next block goes, page breaks and the footers ("Page n of m"
// at the right, a text at the left). writePdf() lays a document out twice with the same code:
// first without a painter, to count the pages, then with one, to draw.
class PdfLayout final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::PdfLayout)

public:
    PdfLayout(QPdfWriter& writer, QPainter* painter, int pageCount, QString footerText,
              const PdfFonts& fonts);

    QPainter* painter() const { return m_painter; } // null in the counting pass
    const QPaintDevice* device() const;
    const PdfFonts& fonts() const { return m_fonts; }
    qreal mm(qreal millimetres) const;
    qreal width() const { return m_width; }
    qreal y() const { return m_y; }
    qreal pageHeight() const { return m_footerTop; } // the space for content on an empty page
    int pageCount() const { return m_page; }         // the pages begun so far

    // Whether `height` fits below the cursor; an empty page takes anything.
    bool fits(qreal height) const { return m_y + height <= m_footerTop || m_y == 0; }
    void advance(qreal height) { m_y += height; }
    // Starts a new page unless `height` fits below the cursor.
    void ensureSpace(qreal height);
    void newPage();
    void finish(); // the last page's footer

    // Text across the page, on a new page when it does not fit.
    void paragraph(const QString& text, const QFont& font, qreal spaceAfter,
                   const QColor& color = Qt::black);
    // A section heading, kept on a page with at least `keep` of what follows it.
    void heading(const QString& text, qreal keep);
    // Two titled label/value columns side by side, kept together on one page.
    void keyValueColumns(const PdfKeyValues& left, const PdfKeyValues& right);
    // An image under its title, centred at the page width (keeping its aspect ratio) or shrunk to
    // fit on one page, framed; an empty image adds nothing.
    void image(const QString& title, const QImage& image, qreal spaceAfter);

private:
    qreal keyValues(QPainter* painter, const QList<PdfKeyValue>& rows, qreal x, qreal width,
                    qreal top) const;
    void drawFooter() const;

    QPdfWriter& m_writer;
    QPainter* m_painter;
    int m_pageCount;
    QString m_footerText;
    const PdfFonts& m_fonts;
    qreal m_width = 0;
    qreal m_footerTop = 0;
    qreal m_y = 0;
    int m_page = 1;
};

struct PdfWriteResult
{
    int pageCount = 0;
    QString error; // empty when the PDF was written
};

// Writes a PDF to `device`: A4 portrait, 15 mm margins, 300 dpi, `title` in its metadata, vector
// text. `content` lays out the document on the PdfLayout it is given and is called twice, first
// to count the pages, then to draw them, so it must lay out the same both times.
PdfWriteResult writePdf(QIODevice& device, const QString& title, const QString& footerText,
                        const PdfFonts& fonts, const std::function<void(PdfLayout&)>& content);

} // namespace fp::ui
