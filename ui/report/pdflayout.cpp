#include "report/pdflayout.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>
#include <algorithm>

namespace fp::ui {

namespace {

constexpr int kDotsPerInch = 300;
constexpr qreal kMarginMm = 15;

QFont sized(QFont font, qreal points, bool bold)
{
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

} // namespace

// ---- Fonts --------------------------------------------------------------------------------------

PdfFonts::PdfFonts()
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

// ---- Text blocks --------------------------------------------------------------------------------

PdfTextBlock::PdfTextBlock(QString text, const QFont& font, qreal width, const QPaintDevice* device,
                           Qt::Alignment alignment)
{
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    m_layout = std::make_unique<QTextLayout>(text, font, device);
    QTextOption option(alignment);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_layout->setTextOption(option);
    m_layout->beginLayout();
    for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, m_height));
        m_height += line.height();
    }
    m_layout->endLayout();
}

PdfTextBlock::~PdfTextBlock() = default;

void PdfTextBlock::draw(QPainter* painter, QPointF topLeft) const
{
    if (painter)
        m_layout->draw(painter, topLeft);
}

// ---- Pages --------------------------------------------------------------------------------------

PdfLayout::PdfLayout(QPdfWriter& writer, QPainter* painter, int pageCount, QString footerText,
                     const PdfFonts& fonts)
    : m_writer(writer), m_painter(painter), m_pageCount(pageCount),
      m_footerText(std::move(footerText)), m_fonts(fonts)
{
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    m_width = page.width();
    m_footerTop = page.height() - QFontMetricsF(fonts.small, &writer).height() - mm(4);
}

const QPaintDevice* PdfLayout::device() const
{
    return &m_writer;
}

qreal PdfLayout::mm(qreal millimetres) const
{
    return millimetres * m_writer.resolution() / 25.4;
}

void PdfLayout::ensureSpace(qreal height)
{
    if (!fits(height))
        newPage();
}

void PdfLayout::newPage()
{
    drawFooter();
    if (m_painter)
        m_writer.newPage();
    ++m_page;
    m_y = 0;
}

void PdfLayout::finish()
{
    drawFooter();
}

void PdfLayout::drawFooter() const
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
    const QString pageText = tr("Page %1 of %2").arg(m_page).arg(m_pageCount);
    const QRectF band(0, top + mm(1), m_width, metrics.height());
    m_painter->drawText(band, Qt::AlignRight | Qt::AlignVCenter, pageText);
    const qreal left = m_width - metrics.horizontalAdvance(pageText) - mm(8);
    m_painter->drawText(QRectF(band.topLeft(), QSizeF(left, band.height())),
                        Qt::AlignLeft | Qt::AlignVCenter,
                        metrics.elidedText(m_footerText, Qt::ElideRight, left));
    m_painter->restore();
}

// ---- Blocks -------------------------------------------------------------------------------------

void PdfLayout::paragraph(const QString& text, const QFont& font, qreal spaceAfter,
                          const QColor& color)
{
    const PdfTextBlock block(text, font, m_width, device());
    ensureSpace(block.height());
    if (m_painter) {
        m_painter->save();
        m_painter->setPen(color);
        block.draw(m_painter, QPointF(0, m_y));
        m_painter->restore();
    }
    advance(block.height() + spaceAfter);
}

void PdfLayout::heading(const QString& text, qreal keep)
{
    const PdfTextBlock block(text, m_fonts.heading, m_width, device());
    ensureSpace(block.height() + mm(2) + keep);
    block.draw(m_painter, QPointF(0, m_y));
    advance(block.height() + mm(2));
}

// Label/value rows in a column at `x`; returns their height, drawing only with a painter.
qreal PdfLayout::keyValues(QPainter* painter, const QList<PdfKeyValue>& rows, qreal x, qreal width,
                           qreal top) const
{
    const qreal keyWidth = width * 0.42;
    qreal y = top;
    for (const PdfKeyValue& row : rows) {
        const PdfTextBlock key(row.key, m_fonts.body, keyWidth - mm(2), device());
        const PdfTextBlock value(row.value, m_fonts.bodyBold, width - keyWidth, device());
        if (painter) {
            painter->save();
            painter->setPen(QColor(70, 70, 70));
            key.draw(painter, QPointF(x, y));
            painter->setPen(Qt::black);
            value.draw(painter, QPointF(x + keyWidth, y));
            painter->restore();
        }
        y += std::max(key.height(), value.height()) + mm(1);
    }
    return y - top;
}

void PdfLayout::keyValueColumns(const PdfKeyValues& left, const PdfKeyValues& right)
{
    const qreal gutter = mm(8);
    const qreal half = (m_width - gutter) / 2;
    const qreal titleHeight = QFontMetricsF(m_fonts.subheading, device()).height() + mm(1.5);
    const qreal height = titleHeight + std::max(keyValues(nullptr, left.rows, 0, half, 0),
                                                keyValues(nullptr, right.rows, 0, half, 0));
    ensureSpace(height);
    const qreal top = m_y;
    if (m_painter) {
        m_painter->save();
        m_painter->setFont(m_fonts.subheading);
        m_painter->drawText(QRectF(0, top, half, titleHeight), Qt::AlignLeft | Qt::AlignTop,
                            left.title);
        m_painter->drawText(QRectF(half + gutter, top, half, titleHeight),
                            Qt::AlignLeft | Qt::AlignTop, right.title);
        m_painter->restore();
        keyValues(m_painter, left.rows, 0, half, top + titleHeight);
        keyValues(m_painter, right.rows, half + gutter, half, top + titleHeight);
    }
    advance(height);
}

void PdfLayout::image(const QString& title, const QImage& image, qreal spaceAfter)
{
    if (image.isNull() || image.width() <= 0)
        return;
    const PdfTextBlock caption(title, m_fonts.subheading, m_width, device());
    const qreal captionHeight = caption.height() + mm(1.5);
    qreal width = m_width;
    qreal height = width * image.height() / image.width();
    const qreal most = pageHeight() - captionHeight - mm(6);
    if (height > most) { // taller than a page: shrink, keeping the aspect ratio
        width *= most / height;
        height = most;
    }
    ensureSpace(captionHeight + height);
    if (m_painter) {
        caption.draw(m_painter, QPointF(0, m_y));
        const QRectF target((m_width - width) / 2, m_y + captionHeight, width, height);
        m_painter->drawImage(target, image.convertToFormat(QImage::Format_RGB32));
        m_painter->save();
        m_painter->setPen(QPen(QColor(200, 200, 200), mm(0.2)));
        m_painter->drawRect(target);
        m_painter->restore();
    }
    advance(captionHeight + height + spaceAfter);
}

// ---- Documents ----------------------------------------------------------------------------------

PdfWriteResult writePdf(QIODevice& device, const QString& title, const QString& footerText,
                        const PdfFonts& fonts, const std::function<void(PdfLayout&)>& content)
{
    QPdfWriter writer(&device);
    writer.setResolution(kDotsPerInch);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                                     QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("FlashPlan"));

    PdfLayout counting(writer, nullptr, 0, footerText, fonts);
    content(counting);
    counting.finish();

    QPainter painter;
    if (!painter.begin(&writer))
        return {0, QStringLiteral("the PDF could not be started")};
    PdfLayout pages(writer, &painter, counting.pageCount(), footerText, fonts);
    content(pages);
    pages.finish();
    if (!painter.end())
        return {0, QStringLiteral("the PDF could not be finished")};
    return {pages.pageCount(), {}};
}

} // namespace fp::ui
