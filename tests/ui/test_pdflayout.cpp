#include "report/pdflayout.h"
#include "report/pdftable.h"
#include "support/tempdir.h"

#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>
#include <cmath>

using namespace fp;

namespace {

const QString kHeaderWord = QStringLiteral("Quantity");

QList<ui::PdfColumn> columns()
{
    return {{QStringLiteral("Item"), Qt::AlignLeft, 1}, {kHeaderWord, Qt::AlignRight}};
}

QString rowName(int index)
{
    return QStringLiteral("ROW%1").arg(index, 4, 10, QLatin1Char('0'));
}

QList<ui::PdfRow> rows(int count)
{
    QList<ui::PdfRow> out;
    for (int i = 1; i <= count; ++i)
        out.append({{rowName(i), QString::number(10 * i)}});
    return out;
}

// What one table's layout measures: its row and header heights, and the room on an empty page.
struct Measures
{
    qreal rowHeight = 0, headerHeight = 0, pageHeight = 0;

    int rowsPerPage() const { return int(std::floor((pageHeight - headerHeight) / rowHeight)); }
};

// Writes a PDF of `layOut` to `path`, and what the table measured.
ui::PdfWriteResult writeTable(const QString& path, Measures& measures,
                              const std::function<void(ui::PdfLayout&, Measures&)>& layOut)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {0, file.errorString()};
    const ui::PdfFonts fonts;
    return ui::writePdf(file, QStringLiteral("Table"), QStringLiteral("A table of rows"), fonts,
                        [&](ui::PdfLayout& layout) { layOut(layout, measures); });
}

// Lays out the whole table after `before` has moved the cursor down.
std::function<void(ui::PdfLayout&, Measures&)> table(int rowCount, int keepRows = 1,
                                                     qreal before = 0)
{
    return [=](ui::PdfLayout& layout, Measures& measures) {
        layout.advance(before);
        ui::PdfTable table(layout, columns(), rows(rowCount), layout.width());
        measures = {table.rowHeight(), table.headerHeight(), layout.pageHeight()};
        table.write(keepRows);
    };
}

Measures measure()
{
    test::TempDir dir;
    Measures measures;
    writeTable(QString::fromStdString(dir.file("measure.pdf")), measures, table(1));
    return measures;
}

// The text of one page (pdftotext), or a null string when poppler-utils is missing.
QString pageText(const QString& path, int page)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess process;
    const QString n = QString::number(page);
    process.start(tool, {QStringLiteral("-f"), n, QStringLiteral("-l"), n, QStringLiteral("-enc"),
                         QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("pdftotext failed: ") +
               QString::fromUtf8(process.readAllStandardError());
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

int pdfPages(const QString& path)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(QStringLiteral("pdfinfo")), {path});
    if (!process.waitForFinished(30000))
        return -1;
    const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)"),
                                   QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m =
        pages.match(QString::fromUtf8(process.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// The rows on a page's text, in order.
QStringList rowsIn(const QString& text)
{
    QStringList names;
    QRegularExpressionMatchIterator it =
        QRegularExpression(QStringLiteral("\\bROW\\d{4}\\b")).globalMatch(text);
    while (it.hasNext())
        names << it.next().captured();
    return names;
}

} // namespace

class TestPdfLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext is missing: install poppler-utils (tools/ensure-deps.sh does)");
        const Measures m = measure();
        QVERIFY(m.rowHeight > 0 && m.headerHeight > 0);
        QVERIFY2(m.rowsPerPage() >= 20, qPrintable(QString::number(m.rowsPerPage())));
    }

    void aLongTableContinuesOnNewPagesUnderItsHeader_data()
    {
        QTest::addColumn<int>("fullPages");
        QTest::addColumn<int>("extraRows");
        QTest::newRow("one row") << 0 << 1;
        QTest::newRow("exactly one page") << 1 << 0;
        QTest::newRow("one row more than a page") << 1 << 1;
        QTest::newRow("three pages and some") << 3 << 7;
    }

    // Every page holds the header once and the next rows in order, as many as fit below it; the
    // page count is the same in the layout, in the file and in every footer.
    void aLongTableContinuesOnNewPagesUnderItsHeader()
    {
        QFETCH(int, fullPages);
        QFETCH(int, extraRows);
        const int perPage = measure().rowsPerPage();
        const int rowCount = fullPages * perPage + extraRows;
        const int expectedPages = fullPages + (extraRows > 0 ? 1 : 0);

        test::TempDir dir;
        const QString path = QString::fromStdString(dir.file("table.pdf"));
        Measures measures;
        const ui::PdfWriteResult result = writeTable(path, measures, table(rowCount));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.pageCount, expectedPages);
        QCOMPARE(pdfPages(path), expectedPages);

        int nextRow = 1;
        for (int page = 1; page <= expectedPages; ++page) {
            const QString text = pageText(path, page);
            QCOMPARE(text.count(kHeaderWord), 1);
            QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(expectedPages)),
                     qPrintable(text.right(200)));
            QVERIFY(text.contains(QStringLiteral("A table of rows")));
            QStringList expected;
            const int last = std::min(rowCount, nextRow + perPage - 1);
            for (int i = nextRow; i <= last; ++i)
                expected << rowName(i);
            QCOMPARE(rowsIn(text), expected);
            nextRow = last + 1;
        }
        QCOMPARE(nextRow, rowCount + 1);
    }

    void aTableStartsOnANewPageUnlessItsHeaderFitsWithTheRowsToKeep_data()
    {
        QTest::addColumn<int>("keepRows");
        QTest::addColumn<QStringList>("rowsOnPage1");
        QTest::addColumn<QStringList>("rowsOnPage2");
        // Room for the header and two and a half rows at the bottom of page 1.
        QTest::newRow("keep 2: starts on page 1")
            << 2 << QStringList{rowName(1), rowName(2)} << QStringList{rowName(3)};
        QTest::newRow("keep 3: starts on page 2")
            << 3 << QStringList{} << QStringList{rowName(1), rowName(2), rowName(3)};
    }

    void aTableStartsOnANewPageUnlessItsHeaderFitsWithTheRowsToKeep()
    {
        QFETCH(int, keepRows);
        QFETCH(QStringList, rowsOnPage1);
        QFETCH(QStringList, rowsOnPage2);
        const Measures m = measure();
        const qreal room = m.headerHeight + 2.5 * m.rowHeight;

        test::TempDir dir;
        const QString path = QString::fromStdString(dir.file("table.pdf"));
        Measures measures;
        const ui::PdfWriteResult result =
            writeTable(path, measures, table(3, keepRows, m.pageHeight - room));
        QCOMPARE(result.pageCount, 2);
        const QString page1 = pageText(path, 1);
        const QString page2 = pageText(path, 2);
        QCOMPARE(page1.count(kHeaderWord), rowsOnPage1.isEmpty() ? 0 : 1);
        QCOMPARE(page2.count(kHeaderWord), 1);
        QCOMPARE(rowsIn(page1), rowsOnPage1);
        QCOMPARE(rowsIn(page2), rowsOnPage2);
        QVERIFY(page1.contains(QStringLiteral("Page 1 of 2")));
        QVERIFY(page2.contains(QStringLiteral("Page 2 of 2")));
    }

    // The counting pass and the drawing pass agree: a document of paragraphs and a heading that
    // must keep room below it gets the footer's page count right.
    void aHeadingWithoutRoomForWhatFollowsMovesToTheNextPage()
    {
        test::TempDir dir;
        const QString path = QString::fromStdString(dir.file("text.pdf"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const ui::PdfFonts fonts;
        const ui::PdfWriteResult result =
            ui::writePdf(file, QStringLiteral("Text"), QStringLiteral("Footer"), fonts,
                         [&](ui::PdfLayout& layout) {
                             layout.paragraph(QStringLiteral("First words"), fonts.body, 0);
                             layout.advance(layout.pageHeight() - layout.y() - layout.mm(30));
                             layout.heading(QStringLiteral("Second section"), layout.mm(40));
                             layout.paragraph(QStringLiteral("Last words"), fonts.body, 0);
                         });
        file.close();
        QCOMPARE(result.pageCount, 2);
        QCOMPARE(pdfPages(path), 2);
        const QString page1 = pageText(path, 1);
        const QString page2 = pageText(path, 2);
        QVERIFY(page1.contains(QStringLiteral("First words")));
        QVERIFY(!page1.contains(QStringLiteral("Second section")));
        QVERIFY(page2.contains(QStringLiteral("Second section Last words")));
        QVERIFY(page2.contains(QStringLiteral("Footer")));
        QVERIFY(page2.contains(QStringLiteral("Page 2 of 2")));
    }
};

QTEST_MAIN(TestPdfLayout)
#include "test_pdflayout.moc"
