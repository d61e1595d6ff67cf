#include "import/importdialog.h"
#include "io/salesimporter.h"
#include "shell/job.h"
#include "shell/projectcontroller.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"
#include "synth/market.h"

// The dialog is driven through its real widgets (found by object name), offscreen. Results arrive
// through queued signals from the worker thread, so the tests poll (QTRY_*) instead of waiting.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <atomic>
#include <thread>

using fp::ui::ImportDialog;
using fp::ui::ProjectController;

namespace {

constexpr int kTimeout = 30000;

// A temporary folder with a fresh project open in a controller.
struct Project
{
    fp::test::TempDir dir;
    ProjectController controller;
    std::string path = dir.file("p.flashplan");

    Project()
    {
        QString error;
        if (!controller.openProject(QString::fromStdString(path), true, &error))
            qFatal("cannot create the project: %s", qPrintable(error));
    }
    QString csv(const std::string& name, const std::string& content) const
    {
        return QString::fromStdString(dir.write(name, content));
    }
    QString marketCsv(const std::string& name, int products, int days) const
    {
        fp::synth::MarketConfig config;
        config.products = products;
        config.days = days;
        fp::synth::writeSalesCsv(fp::synth::Market(config), dir.file(name));
        return QString::fromStdString(dir.file(name));
    }
    fp::store::ProjectSummary summary() const { return fp::store::Store(path).summary(); }
    std::size_t productCount() const { return fp::store::Store(path).products().size(); }
};

template <typename T> T* child(const ImportDialog& dialog, const char* name)
{
    T* widget = dialog.findChild<T*>(name);
    if (!widget)
        qFatal("no widget named %s", name);
    return widget;
}

QComboBox* mapping(const ImportDialog& dialog, const std::string& field)
{
    return child<QComboBox>(dialog, ("mapping_" + field).c_str());
}

QString message(const ImportDialog& dialog)
{
    return child<QLabel>(dialog, "messageLabel")->text();
}

void choose(QComboBox* combo, const QString& text)
{
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setCurrentIndex(index);
}

void click(const ImportDialog& dialog, const char* button)
{
    QTest::mouseClick(child<QPushButton>(dialog, button), Qt::LeftButton);
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location
        QCoreApplication::setOrganizationName("FlashPlanTest");
        QCoreApplication::setApplicationName("test_ui_importdialog");
    }
    void init() { QSettings().remove("import"); }

    void previewShowsTheFirstRowsAndPrefillsTheMapping()
    {
        Project project;
        ImportDialog dialog(&project.controller, project.marketCsv("sales.csv", 20, 60));
        const auto* model = child<QTableView>(dialog, "previewTable")->model();
        QCOMPARE(model->rowCount(), 200); // of 1,200
        QCOMPARE(model->columnCount(), 11);
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QString("date\n→ date"));
        QCOMPARE(model->headerData(0, Qt::Vertical).toLongLong(), 2); // the file's line
        QCOMPARE(mapping(dialog, "date")->currentText(), QString("date"));
        QCOMPARE(mapping(dialog, "sku")->currentText(), QString("sku"));
        QCOMPARE(mapping(dialog, "units")->currentText(), QString("units"));
        QCOMPARE(mapping(dialog, "list_price")->currentText(), QString("list_price"));
        QCOMPARE(mapping(dialog, "event")->currentText(), QString("event"));
        QVERIFY(child<QLabel>(dialog, "detectedLabel")->text().contains("comma"));
        QVERIFY(child<QLabel>(dialog, "periodLabel")->text().startsWith("daily (a guess"));
        QVERIFY(child<QPushButton>(dialog, "importButton")->isEnabled());
    }

    void importsAGeneratedCsvIntoTheProject()
    {
        Project project;
        QSignalSpy salesChanged(&project.controller, &ProjectController::salesChanged);
        ImportDialog dialog(&project.controller, project.marketCsv("sales.csv", 20, 60));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(dialog, "importButton");
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kTimeout);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(salesChanged.count(), 1);
        QCOMPARE(project.productCount(), 20u);
        QCOMPARE(project.summary().rows, 20 * 60);
        QVERIFY2(dialog.summary().contains("1,200 rows for 20 products (20 new), daily"),
                 qPrintable(dialog.summary()));
    }

    void aBadCsvShowsItsLineAndLeavesTheProjectUnchanged()
    {
        Project project;
        {
            fp::store::Store store(project.path);
            const auto report = fp::io::importSalesFile(
                store, project.csv("good.csv", "date,sku,units,price\n2025-01-01,A,1,9.5\n")
                           .toStdString());
            QVERIFY(report.committed);
        }
        const auto rowsBefore = project.summary().rows;
        QSignalSpy salesChanged(&project.controller, &ProjectController::salesChanged);
        ImportDialog dialog(&project.controller, project.csv("bad.csv", "date,sku,units,price\n"
                                                                        "2025-01-02,A,1,9.5\n"
                                                                        "2025-01-02,B,-2,9.5\n"
                                                                        "2025-01-03,A,1,9.5\n"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(dialog, "importButton");
        QTRY_VERIFY_WITH_TIMEOUT(message(dialog).startsWith("Import failed: 1 problem; the project "
                                                            "is unchanged"),
                                 kTimeout);
        const auto* details = child<QPlainTextEdit>(dialog, "detailsEdit");
        QVERIFY(details->isVisible());
        QVERIFY2(details->toPlainText().startsWith(
                     "bad.csv:3: column 3 (units): units must be >= 0, got '-2'"),
                 qPrintable(details->toPlainText()));
        QCOMPARE(project.summary().rows, rowsBefore);
        QCOMPARE(project.productCount(), 1u);
        QVERIFY(dialog.isVisible());
        QCOMPARE(salesChanged.count(), 0);
        QTRY_VERIFY(child<QPushButton>(dialog, "importButton")->isEnabled()); // fix and retry
    }

    void otherColumnNamesAreMappedWithTheCombos()
    {
        Project project;
        ImportDialog dialog(&project.controller, project.csv("de.csv", "Tag,Artikel,Menge,Preis\n"
                                                                       "2025-03-01,A,2,10\n"
                                                                       "2025-03-01,B,3,20\n"
                                                                       "2025-03-02,A,4,10\n"
                                                                       "2025-03-02,B,5,20\n"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(mapping(dialog, "date")->currentText(), QString("(none)"));
        QCOMPARE(mapping(dialog, "units")->currentText(), QString("(none)"));
        QVERIFY(child<QLabel>(dialog, "periodLabel")->text().startsWith("unknown until date"));
        click(dialog, "importButton");
        QVERIFY(message(dialog).contains("still missing: date, sku, units, price."));
        QVERIFY(!project.controller.runningProjectJob());

        choose(mapping(dialog, "date"), "Tag");
        choose(mapping(dialog, "sku"), "Artikel");
        choose(mapping(dialog, "units"), "Menge");
        choose(mapping(dialog, "price"), "Preis");
        choose(mapping(dialog, "stock"), "Menge");
        click(dialog, "importButton");
        QVERIFY(message(dialog).contains("'Menge' is chosen for both units and stock"));
        choose(mapping(dialog, "stock"), "(none)");

        const auto* model = child<QTableView>(dialog, "previewTable")->model();
        QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QString("Menge\n→ units"));
        QVERIFY(child<QLabel>(dialog, "periodLabel")->text().startsWith("daily"));
        click(dialog, "importButton");
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kTimeout);
        QCOMPARE(project.productCount(), 2u);
        QCOMPARE(project.summary().totalUnits, 14.0);
    }

    void unknownAndDoubledColumnNamesAreExplained()
    {
        Project project;
        ImportDialog unnamed(&project.controller,
                             project.csv("de.csv", "Tag,sku,Menge,price\n2025-03-01,A,2,10\n"));
        QCOMPARE(
            message(unnamed),
            QString("No column has a known name for date, units; choose their columns above."));
        ImportDialog doubled(
            &project.controller,
            project.csv("two.csv", "date,sku,units,qty,price\n2025-03-01,A,2,2,10\n"));
        QVERIFY(message(doubled).contains("columns 3 and 4 both give 'units'"));
        QCOMPARE(mapping(doubled, "units")->currentText(), QString("units"));
    }

    void theDelimiterOverrideRereadsThePreview()
    {
        Project project;
        ImportDialog dialog(&project.controller,
                            project.csv("semi.csv", "date;sku;units;price\n2025-03-01;A;2;10\n"));
        const auto* model = child<QTableView>(dialog, "previewTable")->model();
        auto* delimiter = child<QComboBox>(dialog, "delimiterCombo");
        QVERIFY(child<QLabel>(dialog, "detectedLabel")->text().contains("semicolon"));
        QCOMPARE(model->columnCount(), 4);
        choose(delimiter, "Comma ( , )");
        QCOMPARE(model->columnCount(), 1);
        QCOMPARE(mapping(dialog, "units")->currentText(), QString("(none)"));
        QVERIFY(child<QLabel>(dialog, "detectedLabel")->text().contains("Using: comma"));
        choose(delimiter, "Detect");
        QCOMPARE(model->columnCount(), 4);
        QCOMPARE(mapping(dialog, "units")->currentText(), QString("units"));
    }

    void theLastOptionsAreRemembered()
    {
        Project project;
        const QString csv = project.csv("semi.csv", "date;sku;units;price\n"
                                                    "2025-03-01;A;2;10\n2025-03-01;A;3;10\n");
        {
            ImportDialog dialog(&project.controller, csv);
            choose(child<QComboBox>(dialog, "delimiterCombo"), "Semicolon ( ; )");
            choose(child<QComboBox>(dialog, "duplicateCombo"), "Add them up");
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            click(dialog, "importButton");
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kTimeout);
            QCOMPARE(project.summary().totalUnits, 5.0); // the two rows were summed
        }
        ImportDialog again(&project.controller, csv);
        QCOMPARE(child<QComboBox>(again, "delimiterCombo")->currentText(),
                 QString("Semicolon ( ; )"));
        QCOMPARE(child<QComboBox>(again, "duplicateCombo")->currentData().toString(),
                 QString("sum"));
    }

    void cancelLeavesTheProjectUnchangedOrComplete()
    {
        Project project;
        const QString csv = project.marketCsv("big.csv", 200, 365); // 73,000 rows
        QSignalSpy salesChanged(&project.controller, &ProjectController::salesChanged);
        ImportDialog dialog(&project.controller, csv);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(dialog, "importButton");
        QVERIFY(project.controller.runningProjectJob());
        QVERIFY(child<QComboBox>(dialog, "duplicateCombo")->isEnabled() == false);
        click(dialog, "cancelButton");
        QTRY_VERIFY_WITH_TIMEOUT(dialog.result() == QDialog::Accepted ||
                                     message(dialog).contains("cancelled"),
                                 kTimeout);
        QTRY_VERIFY(!project.controller.runningProjectJob());
        const auto rows = project.summary().rows;
        qInfo("the import was %s", dialog.result() == QDialog::Accepted ? "complete" : "cancelled");
        if (dialog.result() == QDialog::Accepted) { // the import was faster than the click
            QCOMPARE(rows, 200 * 365);
            QCOMPARE(salesChanged.count(), 1);
        } else {
            QCOMPARE(message(dialog), QString("Import cancelled; the project is unchanged."));
            QCOMPARE(rows, 0);
            QCOMPARE(project.productCount(), 0u);
            QCOMPARE(salesChanged.count(), 0);
            QVERIFY(dialog.isVisible()); // Cancel stopped the import, not the dialog
            QVERIFY(child<QPushButton>(dialog, "importButton")->isEnabled());
        }
    }

    void anotherRunningJobIsReportedNotOverrun()
    {
        Project project;
        std::atomic_bool release{false};
        fp::ui::Job<int> training;
        project.controller.addProjectJob(&training);
        training.start("Training", [&](const fp::ProgressFn&) {
            while (!release.load())
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return 0;
        });
        ImportDialog dialog(&project.controller,
                            project.csv("s.csv", "date,sku,units,price\n2025-03-01,A,2,10\n"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        click(dialog, "importButton");
        QVERIFY(message(dialog).contains("Another task is running on this project (Training)"));
        release = true;
        QTRY_VERIFY(!project.controller.runningProjectJob());
        QCOMPARE(project.productCount(), 0u);
    }

    void withoutAProjectImportIsDisabledAndSaysWhy()
    {
        fp::test::TempDir dir;
        ProjectController controller;
        ImportDialog dialog(&controller,
                            QString::fromStdString(
                                dir.write("s.csv", "date,sku,units,price\n2025-03-01,A,2,10\n")));
        QVERIFY(!child<QPushButton>(dialog, "importButton")->isEnabled());
        QVERIFY(message(dialog).contains("Open or create a project first"));
    }

    void anUnreadableFileIsShownAtOnce()
    {
        Project project;
        ImportDialog dialog(&project.controller, project.csv("empty.csv", ""));
        QVERIFY(!child<QPushButton>(dialog, "importButton")->isEnabled());
        QVERIFY(message(dialog).contains("This file cannot be imported"));
        QVERIFY(message(dialog).contains("empty"));
    }

    void aEuropeanSpreadsheetExportImportsWithItsDecimalCommas()
    {
        Project project;
        const QString csv = project.csv("eu.csv", "date;sku;units;price;list_price\n"
                                                  "2025-03-01;A;2;33,99;39,99\n"
                                                  "2025-03-02;A;1;33,99;39,99\n");
        ImportDialog dialog(&project.controller, csv);
        const QString detected = child<QLabel>(dialog, "detectedLabel")->text();
        QVERIFY2(detected.contains("semicolon") && detected.contains("decimal comma"),
                 qPrintable(detected));
        QCOMPARE(child<QComboBox>(dialog, "decimalCombo")->currentText(), QString("Automatic"));
        click(dialog, "importButton");
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kTimeout);
        QCOMPARE(project.summary().totalRevenue, 3 * 33.99);

        // Point chosen: the same file fails on its prices, and says which.
        Project strict;
        ImportDialog again(&strict.controller, csv);
        choose(child<QComboBox>(again, "decimalCombo"), "Point ( 33.99 )");
        click(again, "importButton");
        QTRY_VERIFY_WITH_TIMEOUT(message(again).startsWith("Import failed"), kTimeout);
        QVERIFY(child<QPlainTextEdit>(again, "detailsEdit")->toPlainText().contains("'33,99'"));
    }

    void aUtf16FileIsReadAndSaysSo()
    {
        Project project;
        const std::string text = "date,sku,units,price\n2025-03-01,A,2,10\n";
        std::string utf16 = "\xFF\xFE";
        for (const char c : text)
            utf16 += std::string{c, '\0'};
        ImportDialog dialog(&project.controller, project.csv("wide.csv", utf16));
        const QString detected = child<QLabel>(dialog, "detectedLabel")->text();
        QVERIFY2(detected.contains("comma") && detected.contains("UTF-16LE"), qPrintable(detected));
        QCOMPARE(mapping(dialog, "units")->currentText(), QString("units"));
        click(dialog, "importButton");
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kTimeout);
        QCOMPARE(project.summary().totalUnits, 2.0);
    }

    // A scanner file skips weeks: the summary says they are no data (not "0 units"), and why;
    // asking for 0 units instead is kept by the project.
    void absentWeeksAreSaidAsTheImportTreatsThem()
    {
        const std::string weekly = "date,sku,units,price\n"
                                   "2025-01-06,A,5,2\n2025-01-13,A,4,2\n2025-01-27,A,6,2\n"
                                   "2025-01-06,B,1,9\n2025-01-13,B,2,9\n2025-01-20,B,3,9\n";
        for (const char* choice : {"Decide from the data", "Nothing sold (0 units)"}) {
            Project project;
            ImportDialog dialog(&project.controller, project.csv("weekly.csv", weekly));
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            choose(child<QComboBox>(dialog, "missingCombo"), choice);
            click(dialog, "importButton");
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kTimeout);
            const bool decided = QString(choice).startsWith("Decide");
            const QString expected =
                decided ? "1 missing periods are no data, left out of fitting (weekly data"
                        : "1 missing periods were counted as 0 units sold (as chosen)";
            QVERIFY2(dialog.summary().contains(expected), qPrintable(dialog.summary()));
            QCOMPARE(QString::fromStdString(
                         fp::store::Store(project.path).meta("missing_periods").value_or("")),
                     QString(decided ? "unknown" : "zero"));
        }
    }

    void aPathTypedIntoTheFileFieldIsPreviewed()
    {
        Project project;
        ImportDialog dialog(&project.controller);
        auto* edit = child<QLineEdit>(dialog, "fileEdit");
        QVERIFY(!edit->isReadOnly());
        QVERIFY(!child<QPushButton>(dialog, "importButton")->isEnabled());
        const QString csv = project.csv("typed.csv", "date,sku,units,price\n2025-03-01,A,2,10\n");
        edit->setText(csv);
        emit edit->editingFinished();
        QCOMPARE(dialog.csvPath(), csv);
        QVERIFY(child<QPushButton>(dialog, "importButton")->isEnabled());
        QCOMPARE(mapping(dialog, "price")->currentText(), QString("price"));
    }
};

QTEST_MAIN(TestImportDialog)
#include "test_importdialog.moc"
