#include "base/error.h"
#include "charts/chartexport.h"
#include "model/fitview.h"
#include "model/trainingview.h"
#include "products/producthistorychart.h"
#include "report/planreport.h"
#include "shell/projectcontroller.h"
#include "support/tempdir.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QValueAxis>
#include <cmath>
#include <csignal>
#include <memory>
#include <set>
#include <sys/resource.h>
#include <unistd.h>

using namespace fp;

namespace {

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

// 60 hand-made products whose figures add up to known totals: units 780.00 (12.25 + 0.5 * (i mod
// 4) each), revenue 13848.30 (200 + 1.01 i), profit 5287.50 (80.5 + 0.25 i), markdown 1212.00
// (20.20 each); every fifth product is held by its stock, so 12 are at a limit.
plan::PlanResult handMadePlan()
{
    plan::PlanResult plan;
    plan.start = daysFromCivil(2026, 11, 11);
    plan.days = 3;
    plan.objective = plan::Objective::Profit;
    plan.budget = 2000;
    plan.marginFloor = 0.1;
    plan.step = 0.05;
    plan.optimalityGap = 0;
    plan.state = plan::PlanState::Optimal;
    plan.modelKind = "structured";
    plan.modelScoresJson =
        R"({"chosen":"structured","holdout_start":"2026-10-14","holdout_periods":28,"models":[)"
        R"({"kind":"baseline","seconds":0.01,"beats_baseline":false,"scores":{"overall":)"
        R"({"cells":4200,"wape":0.6971,"bias":-0.156,"coverage":0.76}}},)"
        R"({"kind":"structured","seconds":0.4,"beats_baseline":true,"scores":{)"
        R"("overall":{"cells":4200,"wape":0.3137,"bias":-0.0421,"mase":0.53,"coverage":0.7912},)"
        R"("event_days":{"cells":300,"wape":0.4462,"bias":null,"coverage":0.701},)"
        R"("regular_days":{"wape":0.2988}},"product_wape":[0.2,null]}]})";
    for (int i = 1; i <= 60; ++i) {
        plan::ProductPlan r;
        r.sku = QStringLiteral("SKU-%1").arg(i, 4, 10, QLatin1Char('0')).toStdString();
        r.name = "Product " + std::to_string(i) + " with a long descriptive name that is elided";
        r.category = "Home";
        r.listPrice = 40 + i;
        r.unitCost = 12.5;
        r.stock = 30;
        r.discount = 0.05 * (i % 8);
        r.salePrice = r.listPrice * (1 - r.discount);
        r.expectedUnits = 12.25 + 0.5 * (i % 4);
        r.unitsLow = r.expectedUnits - 5;
        r.unitsHigh = r.expectedUnits + 6;
        r.expectedRevenue = 200 + 1.01 * i;
        r.expectedProfit = 80.5 + 0.25 * i;
        r.sellThrough = r.expectedUnits / 30;
        r.sellOutProbability = 0.12;
        r.markdownCost = 20.2;
        r.limitedBy = i % 5 == 0 ? plan::Limit::Stock : plan::Limit::None;
        plan.rows.push_back(r);
    }
    plan.totals = plan::totalsOf(plan.rows);
    return plan;
}

// A line chart with a title, for the report and the PNG export.
std::unique_ptr<QChartView> sineChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    auto* series = new QLineSeries(chart);
    series->setName(QStringLiteral("units"));
    for (int x = 0; x <= 90; ++x)
        series->append(x, 50 + 40 * std::sin(x / 9.0));
    chart->addSeries(series);
    chart->createDefaultAxes();
    auto view = std::make_unique<QChartView>(chart);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

ui::PlanReport reportOf(plan::PlanResult plan)
{
    ui::PlanReport report;
    report.title = QStringLiteral("Flash sale 2026-11-11, 3 days");
    report.projectName = QStringLiteral("shoes-2026");
    report.scenarioName = QStringLiteral("Deep discounts");
    report.plan = std::move(plan);
    auto view = sineChart(QStringLiteral("Revenue and profit vs discount"));
    report.charts.append({QStringLiteral("Revenue and profit vs discount"),
                          ui::renderChart(view.get(), QSize(800, 450))});
    return report;
}

// The text of a PDF as one line (pdftotext's line breaks become spaces), or a null string when
// poppler-utils is missing.
QString pdfText(const QString& path)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return {};
    QProcess process;
    process.start(tool,
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
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

std::set<std::string> filesIn(const std::filesystem::path& dir)
{
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Makes writes past `bytes` fail in this process (EFBIG instead of SIGXFSZ), until scope exit.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_previous);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_previous;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_previous);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;
    bool ok() const { return m_ok; }

private:
    rlimit m_previous{};
    void (*m_handler)(int) = nullptr;
    bool m_ok = false;
};

// Share of pixels of `image` within `area` that are not white.
double inkIn(const QImage& image, const QRect& area)
{
    int ink = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (image.pixelColor(x, y).lightness() < 235)
                ++ink;
    return double(ink) / (area.width() * area.height());
}

} // namespace

class TestPlanReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void theReportHoldsTotalsScoresAllProductsAndPageNumbers()
    {
        test::TempDir dir;
        const QString path = qstr(dir.file("plan.pdf"));
        ui::writePlanReport(reportOf(handMadePlan()), path);
        QVERIFY(readAll(path).startsWith("%PDF"));
        const QString text = pdfText(path);
        if (text.isNull())
            QSKIP("pdftotext is missing: install poppler-utils (tools/ensure-deps.sh does)");
        const int pages = pdfPages(path);
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));

        // The totals once, in the locale's numbers: no script-only line (issue 14).
        QVERIFY2(!text.contains("Totals:") && !text.contains("units="),
                 qPrintable(text.left(3000)));
        // The plan's state word, as the planner says it.
        QVERIFY2(text.contains(QRegularExpression("Plan\\s+Optimal")), qPrintable(text.left(3000)));
        plan::PlanResult stale = handMadePlan();
        stale.state = plan::PlanState::Stale;
        const QString stalePath = qstr(dir.file("stale.pdf"));
        ui::writePlanReport(reportOf(stale), stalePath);
        QVERIFY(pdfText(stalePath).contains("Model or window changed: re-optimize"));
        for (const char* localized :
             {"13,848.30", "5,287.50", "1,212.00", "780.0", "60.6% of 2,000.00", "12 of 60",
              "2026-11-11 to 2026-11-13 (3 days)"})
            QVERIFY2(text.contains(QLatin1String(localized)), localized);
        QVERIFY(text.contains("Flash sale 2026-11-11, 3 days"));
        QVERIFY(text.contains("shoes-2026"));
        QVERIFY(text.contains("Deep discounts"));
        QVERIFY(text.contains("Revenue and profit vs discount"));
        // The structured model's scores per split, and the baseline's overall WAPE.
        for (const char* score : {"31.4%", "-4.2%", "79.1%", "44.6%", "70.1%", "29.9%", "69.7%"})
            QVERIFY2(text.contains(QLatin1String(score)), score);
        QVERIFY(text.contains("SKU-0001"));
        QVERIFY(text.contains("SKU-0060"));
        QVERIFY(text.contains(QStringLiteral("Page 2 of %1").arg(pages)));
        QCOMPARE(text.count(QRegularExpression(QStringLiteral("Page \\d+ of %1").arg(pages))),
                 pages);
        // The table header (its "SKU" column title, not a SKU-0001) is repeated on the next page.
        QVERIFY2(text.count(QRegularExpression(QStringLiteral("\\bSKU\\b(?!-)"))) >= 2,
                 "the table header is repeated");
    }

    // Scanner data: a week's units run to six figures, and the numbers crowd the product table.
    // The names give up their width, not the numbers (a cut "35,048–113,1…" read as a number);
    // the held-out scores and the sale window speak of weeks.
    void aWeeklyPlanKeepsItsBigNumbersWholeAndSpeaksOfWeeks()
    {
        // Every product at the same figures, no stock.
        auto weeklyPlan = [](double units, int low, int high, double revenue, double profit) {
            plan::PlanResult plan = handMadePlan();
            for (plan::ProductPlan& r : plan.rows) {
                r.expectedUnits = units;
                r.unitsLow = low;
                r.unitsHigh = high;
                r.expectedRevenue = revenue;
                r.expectedProfit = profit;
                r.stock.reset();
                r.sellThrough.reset();
            }
            plan.totals = plan::totalsOf(plan.rows);
            return plan;
        };
        ui::PlanReport report = reportOf(weeklyPlan(71155.7, 35048, 113149, 1239310.95, -1344.31));
        report.periodDays = 7;
        report.windowNote = QStringLiteral("the sales history is weekly: planned as one week");
        test::TempDir dir;
        const QString path = qstr(dir.file("weekly.pdf"));
        ui::writePlanReport(report, path);
        const QString text = pdfText(path);
        if (text.isNull())
            QSKIP("pdftotext is missing: install poppler-utils (tools/ensure-deps.sh does)");
        auto holdsWhole = [](const QString& pdf, const QStringList& figures) {
            for (const QString& figure : figures)
                QVERIFY2(pdf.contains(figure),
                         qPrintable(figure + QStringLiteral(": ") +
                                    pdf.mid(pdf.indexOf(QStringLiteral("Products (60)")), 700)));
        };
        holdsWhole(text, {QStringLiteral("35,048–113,149"), QStringLiteral("1,239,310.95")});
        QVERIFY(text.contains(QStringLiteral("All held-out weeks")));
        QVERIFY(!text.contains(QStringLiteral("held-out days")));
        QVERIFY(text.contains(QStringLiteral("the sales history is weekly: planned as one week")));

        // Numbers wider than the page once the names are down to a few characters: a smaller
        // type keeps them whole.
        report.plan = weeklyPlan(171155.7, 85048, 313149, 9239310.95, -1344310.31);
        ui::writePlanReport(report, path);
        holdsWhole(pdfText(path), {QStringLiteral("85,048–313,149"), QStringLiteral("9,239,310.95"),
                                   QStringLiteral("-1,344,310.31"), QStringLiteral("171,155.7"),
                                   QStringLiteral("SKU-0001")});
    }

    void anIncompleteProfitSaysSo()
    {
        plan::PlanResult plan = handMadePlan();
        plan.rows[7].unitCost.reset();
        plan.rows[7].expectedProfit.reset();
        plan.totals = plan::totalsOf(plan.rows);
        plan.budget.reset();
        plan.modelScoresJson.clear();
        test::TempDir dir;
        const QString path = qstr(dir.file("plan.pdf"));
        ui::writePlanReport(reportOf(plan), path);
        const QString text = pdfText(path);
        if (text.isNull())
            QSKIP("pdftotext is missing: install poppler-utils (tools/ensure-deps.sh does)");
        QVERIFY(text.contains("incomplete: some unit costs unknown"));
        QVERIFY(text.contains("no budget"));
        QVERIFY(text.contains("No held-out scores were recorded"));
    }

    void theTotalsFollowACommaLocale()
    {
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        test::TempDir dir;
        const QString path = qstr(dir.file("plan.pdf"));
        ui::writePlanReport(reportOf(handMadePlan()), path);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString text = pdfText(path);
        if (text.isNull())
            QSKIP("pdftotext is missing: install poppler-utils (tools/ensure-deps.sh does)");
        QVERIFY(text.contains("13.848,30"));
        QVERIFY(!text.contains("13848.30"));
    }

    void aFolderThatCannotBeWrittenThrowsNamingThePathAndLeavesNoFile_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("missing folder") << QStringLiteral("missing");
        QTest::newRow("a file, not a folder") << QStringLiteral("file.txt");
        QTest::newRow("read-only folder") << QStringLiteral("read-only");
    }

    void aFolderThatCannotBeWrittenThrowsNamingThePathAndLeavesNoFile()
    {
        QFETCH(QString, folder);
        test::TempDir dir;
        dir.write("file.txt", "not a folder");
        const std::filesystem::path readOnly = dir.path() / "read-only";
        std::filesystem::create_directory(readOnly);
        std::filesystem::permissions(readOnly, std::filesystem::perms::owner_read |
                                                   std::filesystem::perms::owner_exec);
        const struct Restore
        {
            std::filesystem::path path;
            ~Restore() { std::filesystem::permissions(path, std::filesystem::perms::owner_all); }
        } restore{readOnly};
        if (folder == "read-only" && geteuid() == 0)
            QSKIP("root writes into read-only folders");
        const std::set<std::string> before = filesIn(dir.path());
        const QString path = QDir(qstr(dir.path().string())).filePath(folder + "/plan.pdf");
        try {
            ui::writePlanReport(reportOf(handMadePlan()), path);
            QFAIL("expected FlashPlanError");
        } catch (const FlashPlanError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(path), e.what());
        }
        QVERIFY(!QFile::exists(path));
        QVERIFY(filesIn(dir.path()) == before);
        QVERIFY(filesIn(readOnly).empty());
    }

    // A write that fails half way (here: the file size limit) leaves the old report as it was.
    void aFailedWriteLeavesTheExistingReportUntouched()
    {
        test::TempDir dir;
        const QString path = qstr(dir.file("plan.pdf"));
        ui::writePlanReport(reportOf(handMadePlan()), path);
        const QByteArray previous = readAll(path);
        QVERIFY(previous.size() > 4096);
        const std::set<std::string> before = filesIn(dir.path());
        QString message;
        {
            const FileSizeLimit limit(2048);
            QVERIFY(limit.ok());
            try {
                ui::writePlanReport(reportOf(handMadePlan()), path);
            } catch (const FlashPlanError& e) {
                message = QString::fromUtf8(e.what());
            }
        }
        QVERIFY2(message.contains(path), qPrintable(message));
        QCOMPARE(readAll(path), previous);
        QVERIFY(filesIn(dir.path()) == before);
    }

    void aPngHasTheRequestedPixelsAndShowsTheChart()
    {
        auto view = sineChart(QStringLiteral("Units"));
        test::TempDir dir;
        const QString path = qstr(dir.file("chart.png"));
        ui::saveChartPng(view.get(), path, QSize(800, 500), 2.0);
        const QImage png(path);
        QCOMPARE(png.size(), QSize(1600, 1000));
        std::set<QRgb> colors;
        for (int y = 0; y < png.height(); y += 7)
            for (int x = 0; x < png.width(); x += 7)
                colors.insert(png.pixel(x, y));
        QVERIFY2(colors.size() > 20, "the image is blank");
        // The chart fills the image: its plot reaches the right and bottom quarters.
        QVERIFY(inkIn(png, QRect(1200, 100, 380, 700)) > 0.002);
        QVERIFY(inkIn(png, QRect(200, 750, 1200, 230)) > 0.002);
    }

    void renderingAShownChartAtAnotherSizeLeavesItsSize()
    {
        auto view = sineChart(QStringLiteral("Units"));
        view->resize(400, 300);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        const QImage image = ui::renderChart(view.get(), QSize(800, 500), 1.5);
        QCOMPARE(image.size(), QSize(1200, 750));
        QCOMPARE(view->size(), QSize(400, 300));
        QVERIFY(inkIn(image, QRect(900, 80, 280, 500)) > 0.002);
    }

    void aPngThatCannotBeWrittenThrowsNamingThePath()
    {
        auto view = sineChart(QStringLiteral("Units"));
        test::TempDir dir;
        const QString path = qstr(dir.file("missing/chart.png"));
        try {
            ui::saveChartPng(view.get(), path, QSize(300, 200));
            QFAIL("expected FlashPlanError");
        } catch (const FlashPlanError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(path), e.what());
        }
        QVERIFY(!QFile::exists(path));
    }

    void theSuggestedFileNameComesFromTheTitle_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("name");
        QTest::newRow("plain") << "Revenue and profit vs discount"
                               << "Revenue and profit vs discount.png";
        QTest::newRow("refused characters") << "Demand curve: a 3/day sale?"
                                            << "Demand curve a 3 day sale.png";
        QTest::newRow("empty") << ""
                               << "chart.png";
        QTest::newRow("only dots") << "..."
                                   << "chart.png";
        QTest::newRow("translated") << QStringLiteral("需求曲线") << QStringLiteral("需求曲线.png");
    }

    void theSuggestedFileNameComesFromTheTitle()
    {
        QFETCH(QString, title);
        QFETCH(QString, name);
        QCOMPARE(ui::chartFileName(title), name);
    }

    // Linux sends the context menu event with the right button press: the menu waits for the
    // release, and a right drag (a pan in the time charts) opens no menu.
    void aRightClickOpensTheExportMenuButARightDragDoesNot()
    {
        auto view = sineChart(QStringLiteral("Units"));
        ui::installChartExportMenu(view.get());
        ui::installChartExportMenu(view.get()); // once is enough; twice changes nothing
        view->resize(500, 300);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        const auto menus = view->findChildren<QMenu*>(QStringLiteral("chartExportMenu"));
        QCOMPARE(menus.size(), 1);
        QMenu* menu = menus.first();
        QCOMPARE(menu->actions().size(), 1);
        QCOMPARE(menu->actions().first()->text(), QStringLiteral("Save Chart as PNG…"));

        QWidget* viewport = view->viewport();
        const QPoint at(200, 150);
        auto contextMenuAt = [&](QPoint pos) {
            QContextMenuEvent event(QContextMenuEvent::Mouse, pos, viewport->mapToGlobal(pos));
            QApplication::sendEvent(viewport, &event);
        };
        QTest::mousePress(viewport, Qt::RightButton, {}, at);
        contextMenuAt(at);
        QVERIFY(!menu->isVisible());
        QTest::mouseRelease(viewport, Qt::RightButton, {}, at);
        QTRY_VERIFY(menu->isVisible());
        menu->hide();

        QTest::mousePress(viewport, Qt::RightButton, {}, at);
        contextMenuAt(at);
        QTest::mouseMove(viewport, at + QPoint(60, 0));
        QTest::mouseRelease(viewport, Qt::RightButton, {}, at + QPoint(60, 0));
        QTest::qWait(50);
        QVERIFY(!menu->isVisible());

        QContextMenuEvent key(QContextMenuEvent::Keyboard, QPoint(10, 10),
                              view->mapToGlobal(QPoint(10, 10)));
        QApplication::sendEvent(view.get(), &key);
        QTRY_VERIFY(menu->isVisible());
        menu->hide();
    }

    void everyChartOfTheAnalystViewsOffersTheExportMenu()
    {
        ui::ProjectController project;
        const ui::ProductHistoryChart product(&project);
        const ui::FitView fit(&project); // the history, the demand curve, revenue and profit
        const ui::TrainingView training(&project);
        const QString name = QStringLiteral("chartExportMenu");
        QCOMPARE(product.findChildren<QMenu*>(name).size(), 1);
        QCOMPARE(fit.findChildren<QMenu*>(name).size(), 3);
        QCOMPARE(training.findChildren<QMenu*>(name).size(), 1);
    }
};

QTEST_MAIN(TestPlanReport)
#include "test_planreport.moc"
