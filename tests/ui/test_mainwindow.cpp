// The main window as a user drives it: a new project, a CSV imported through the dialog, and the
// products table filling; a bad CSV leaves the table as it was.
#include "import/importdialog.h"
#include "products/productstablemodel.h"
#include "products/productsview.h"
#include "shell/mainwindow.h"
#include "shell/projectcontroller.h"
#include "support/tempdir.h"
#include "synth/demofiles.h"

#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    static fp::ui::ImportDialog* openImport(fp::ui::MainWindow& window, const std::string& csv)
    {
        window.importSales(QString::fromStdString(csv));
        fp::ui::ImportDialog* dialog = window.findChild<fp::ui::ImportDialog*>();
        if (dialog)
            QTest::mouseClick(dialog->findChild<QPushButton*>("importButton"), Qt::LeftButton);
        return dialog;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void importingThroughTheDialogFillsTheProductsTable()
    {
        fp::test::TempDir dir;
        fp::synth::MarketConfig config;
        config.products = 12;
        config.days = 60;
        fp::synth::writeSalesCsv(fp::synth::Market(config), dir.file("sales.csv"));
        fp::ui::MainWindow window;
        window.show();
        QString message;
        QVERIFY(window.controller()->openProject(QString::fromStdString(dir.file("p.flashplan")),
                                                 true, &message));
        QCOMPARE(window.productsView()->model()->rowCount(), 0);

        QVERIFY(openImport(window, dir.file("sales.csv")) != nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(window.productsView()->model()->rowCount(), 12, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().contains("p.flashplan"), 5000);

        // A bad file: the dialog reports the line, the table keeps its 12 products.
        dir.write("bad.csv", "date,sku,units,price\n2025-01-01,NEW,1,5\n2025-01-02,NEW,-1,5\n");
        fp::ui::ImportDialog* dialog = openImport(window, dir.file("bad.csv"));
        QVERIFY(dialog != nullptr);
        auto* label = dialog->findChild<QLabel*>("messageLabel");
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith("Import failed"), 20000);
        QCOMPARE(window.productsView()->model()->rowCount(), 12);
        dialog->reject();
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
