// The Review tab on the demo project: a scenario saved for the demo's last past flash sale
// (2026-10-28, two days) reviewed against its imported sales, and the model backtested; every
// number shown is core's.
#include "data/panel.h"
#include "plan/campaign.h"
#include "plan/plannerdata.h"
#include "plan/scenariostore.h"
#include "report/planreport.h"
#include "report/reviewreport.h"
#include "review/backtestcharts.h"
#include "review/backteststore.h"
#include "review/backtestview.h"
#include "review/plannedsale.h"
#include "review/reviewdaychart.h"
#include "review/reviewloader.h"
#include "review/reviewtab.h"
#include "review/reviewtablemodel.h"
#include "review/reviewtotalsview.h"
#include "review/reviewview.h"
#include "review/salereview.h"
#include "settings/appsettings.h"
#include "settings/numbertext.h"
#include "shell/projectcontroller.h"
#include "store/store.h"
#include "support/tempdir.h"
#include "synth/demoproject.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QLineSeries>
#include <QLocale>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <cmath>
#include <memory>

using namespace fp;
using ui::ReviewTableModel;
using ui::ReviewTotalsView;

namespace {

constexpr DayNumber kSaleStart = daysFromCivil(2026, 10, 28); // the demo's FS-2026-10-28
constexpr int kSaleDays = 2;
const QString kScenario = QStringLiteral("October flash sale");

QString firstLine(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

QString pdfText(const QString& path)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

// What a python3 `script` prints about the XLSX at `path` (sys.argv[1]), read with its zipfile and
// re modules; empty without python3.
QString readWorkbook(const QString& path, const QString& script)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return {};
    QProcess process;
    process.start(python, {QStringLiteral("-c"),
                           QStringLiteral("import re, sys, zipfile\n"
                                          "z = zipfile.ZipFile(sys.argv[1])\n") +
                               script,
                           path});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("python3 could not read %1").arg(path);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

// The sheet names of an XLSX and the number of rows of its first sheet ("Review,Totals 31").
QString workbookShape(const QString& path)
{
    return readWorkbook(path,
                        QStringLiteral("book = z.read('xl/workbook.xml').decode()\n"
                                       "sheet = z.read('xl/worksheets/sheet1.xml').decode()\n"
                                       "print(','.join(re.findall('<sheet name=\"([^\"]*)\"', "
                                       "book)), len(re.findall('<row ', sheet)))"));
}

// The header row of a backtest workbook's Events sheet, comma-separated.
QString eventsHeader(const QString& path)
{
    return readWorkbook(path,
                        QStringLiteral("strings = re.findall('<t[^>]*>([^<]*)</t>', "
                                       "z.read('xl/sharedStrings.xml').decode())\n"
                                       "sheet = z.read('xl/worksheets/sheet2.xml').decode()\n"
                                       "row = re.search('<row r=\"1\".*?</row>', sheet).group(0)\n"
                                       "print(','.join(strings[int(v)] for v in "
                                       "re.findall('t=\"s\"[^>]*><v>([0-9]+)</v>', row)))"));
}

QList<qreal> barValues(QChartView* view, int set)
{
    QList<qreal> values;
    for (QAbstractSeries* s : view->chart()->series())
        if (auto* bars = qobject_cast<QBarSeries*>(s))
            for (int i = 0; i < bars->barSets()[set]->count(); ++i)
                values << bars->barSets()[set]->at(i);
    return values;
}

// The event chart's whiskers: the line series on its units axis.
QList<QLineSeries*> whiskers(QChartView* view)
{
    QList<QLineSeries*> lines;
    for (QAbstractSeries* s : view->chart()->series())
        if (auto* line = qobject_cast<QLineSeries*>(s))
            lines << line;
    return lines;
}

} // namespace

class TestReviewView : public QObject
{
    Q_OBJECT

    test::TempDir m_dir;
    QString m_project;
    std::unique_ptr<ui::ProjectController> m_controller;
    std::unique_ptr<ui::ReviewTab> m_tab;
    review::SaleReview m_core; // core's review of the scenario

    ui::ReviewView* view() const { return m_tab->reviewView(); }
    ui::BacktestView* backtest() const { return m_tab->backtestView(); }
    QString cell(int sourceRow, int column) const
    {
        const ReviewTableModel* model = view()->tableModel();
        return model->data(model->index(sourceRow, column)).toString();
    }
    QString path(const char* name) const { return QString::fromStdString(m_dir.file(name)); }

    void waitForExport(ui::JobBase* job, const QString& file)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!job->isRunning(), 30000);
        QVERIFY2(QFile::exists(file), qPrintable(file));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::AppSettings::useFile(path("settings.ini"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const std::string files = m_dir.file("demo-files");
        m_project = path("demo.flashplan");
        synth::buildDemoProject(files, m_project.toStdString());

        // The plan of the demo's last past flash sale, saved as the planner saves a scenario:
        // the demo campaign's products at discounts from 10% to 40%.
        const plan::PlannerData data = plan::PlannerData::read(m_project.toStdString());
        plan::CampaignFile file = plan::readCampaignFile(files + "/campaign.csv", data.panel);
        QVERIFY(file.problems.empty());
        plan::Campaign campaign;
        campaign.start = kSaleStart;
        campaign.days = kSaleDays;
        campaign.products = file.products;
        std::vector<double> discounts;
        for (size_t i = 0; i < campaign.products.size(); ++i)
            discounts.push_back(0.1 + 0.05 * double(i % 7));
        {
            store::Store store(m_project.toStdString());
            plan::saveScenario(store, data.panel, kScenario.toStdString(), campaign, {}, discounts,
                               {});
            const review::PlannedSale planned =
                review::plannedSaleOfScenario(store, data.panel, kScenario.toStdString());
            m_core =
                review::reviewSale(store, review::historyAtPlanning(data.panel, planned.campaign),
                                   data.trained, planned);
        }
        QVERIFY(m_core.rows.size() > 10);

        m_controller = std::make_unique<ui::ProjectController>();
        m_tab = std::make_unique<ui::ReviewTab>(m_controller.get());
        m_tab->resize(1400, 900);
        m_tab->show();
        QString error;
        QVERIFY2(m_controller->openProject(m_project, false, &error), qPrintable(error));
        QVERIFY(view()->scenarioCombo()->findData(kScenario) > 0);
        QSignalSpy reviewed(view(), &ui::ReviewView::reviewed);
        view()->reviewScenario(kScenario);
        QTRY_COMPARE_WITH_TIMEOUT(reviewed.count(), 1, 60000);
    }

    void totalsEqualCoresToTheCent()
    {
        const review::ReviewTotals& t = m_core.totals;
        const ReviewTotalsView* totals = view()->totals();
        QCOMPARE(totals->text(ReviewTotalsView::Revenue, ReviewTotalsView::Expected),
                 ui::moneyText(t.expectedRevenue));
        QCOMPARE(totals->text(ReviewTotalsView::Revenue, ReviewTotalsView::AtChargedPrice),
                 ui::moneyText(t.expectedRevenueAtChargedPrice));
        QCOMPARE(totals->text(ReviewTotalsView::Revenue, ReviewTotalsView::Actual),
                 ui::moneyText(t.actualRevenue));
        QCOMPARE(totals->text(ReviewTotalsView::Units, ReviewTotalsView::Actual),
                 QLocale().toString(t.actualUnits, 'f', 1));
        QCOMPARE(totals->text(ReviewTotalsView::Units, ReviewTotalsView::Expected),
                 QLocale().toString(t.expectedUnits, 'f', 1));
        QVERIFY(t.profitComplete);
        QCOMPARE(totals->text(ReviewTotalsView::Profit, ReviewTotalsView::Actual),
                 ui::moneyText(t.actualProfit));
        QCOMPARE(totals->text(ReviewTotalsView::Profit, ReviewTotalsView::Expected),
                 ui::moneyText(t.expectedProfit));
        QVERIFY2(totals->hitRateText().contains(
                     QStringLiteral("%1 of %2 products").arg(t.withinInterval).arg(t.products)),
                 qPrintable(totals->hitRateText()));
        QVERIFY(std::abs(t.actualRevenue - t.expectedRevenue) > 0.005); // a difference to show
        QCOMPARE(totals->text(ReviewTotalsView::Revenue, ReviewTotalsView::Difference),
                 (t.actualRevenue > t.expectedRevenue ? "+" : "") +
                     ui::moneyText(t.actualRevenue - t.expectedRevenue));
    }

    void tableCellsEqualCoresRows()
    {
        const ReviewTableModel* model = view()->tableModel();
        QCOMPARE(model->rowCount(), int(m_core.rows.size()));
        for (int r = 0; r < model->rowCount(); ++r) {
            const review::ProductReview& row = m_core.rows[size_t(r)];
            QCOMPARE(cell(r, ReviewTableModel::Sku), QString::fromStdString(row.sku));
            QCOMPARE(cell(r, ReviewTableModel::ExpectedRevenue),
                     ui::moneyText(row.expectedRevenue));
            QCOMPARE(cell(r, ReviewTableModel::ActualRevenue), ui::moneyText(row.actualRevenue));
            QCOMPARE(cell(r, ReviewTableModel::ActualProfit), ui::moneyText(*row.actualProfit));
            QCOMPARE(cell(r, ReviewTableModel::PlannedDiscount),
                     ui::percentText(row.plannedDiscount));
            QCOMPARE(cell(r, ReviewTableModel::ChargedDiscount),
                     ui::percentText(row.chargedDiscount));
            QCOMPARE(cell(r, ReviewTableModel::ActualUnits),
                     QLocale().toString(row.actualUnits, 'f', 1));
            QCOMPARE(cell(r, ReviewTableModel::Within), row.withinInterval ? "yes" : "no");
            const double missed =
                model->data(model->index(r, ReviewTableModel::Missed), ReviewTableModel::SortRole)
                    .toDouble();
            QVERIFY(std::abs(missed - std::abs(row.revenueMissed())) < 0.005);
        }
    }

    void sortingByMoneyMissedListsTheLargestMissesFirst()
    {
        const QSortFilterProxyModel* proxy = view()->proxy();
        const std::vector<int> misses = review::largestMisses(m_core, int(m_core.rows.size()));
        // As shown: sorted by the money missed, largest first.
        QCOMPARE(proxy->sortColumn(), int(ReviewTableModel::Missed));
        for (int r = 0; r < proxy->rowCount(); ++r)
            QCOMPARE(proxy->mapToSource(proxy->index(r, 0)).row(), misses[size_t(r)]);
        view()->table()->sortByColumn(ReviewTableModel::Missed, Qt::AscendingOrder);
        QCOMPARE(proxy->mapToSource(proxy->index(0, 0)).row(), misses.back());
        view()->table()->sortByColumn(ReviewTableModel::ActualRevenue, Qt::DescendingOrder);
        for (int r = 1; r < proxy->rowCount(); ++r)
            QVERIFY(
                m_core.rows[size_t(proxy->mapToSource(proxy->index(r - 1, 0)).row())]
                    .actualRevenue >=
                m_core.rows[size_t(proxy->mapToSource(proxy->index(r, 0)).row())].actualRevenue);
        view()->table()->sortByColumn(ReviewTableModel::Missed, Qt::DescendingOrder);
    }

    void theSelectedProductsDaysAddUpToItsRow()
    {
        view()->table()->selectRow(2);
        const int source = view()->proxy()->mapToSource(view()->proxy()->index(2, 0)).row();
        const review::ProductReview& row = m_core.rows[size_t(source)];
        const ui::ReviewDayChart* chart = view()->dayChart();
        QVERIFY(chart->view()->chart()->title().startsWith(QString::fromStdString(row.sku)));
        QCOMPARE(chart->expectedSeries()->count(), kSaleDays);
        QCOMPARE(chart->actualSeries()->count(), kSaleDays);
        double expected = 0, actual = 0;
        for (const QPointF& p : chart->expectedSeries()->points())
            expected += p.y();
        for (const QPointF& p : chart->actualSeries()->points())
            actual += p.y();
        QVERIFY2(std::abs(expected - row.expectedUnits) < 1e-6,
                 qPrintable(QString::number(expected)));
        QVERIFY2(std::abs(actual - row.actualUnits) < 0.01, qPrintable(QString::number(actual)));
        const QList<QPointF> upper = chart->bandSeries()->upperSeries()->points();
        const QList<QPointF> lower = chart->bandSeries()->lowerSeries()->points();
        QCOMPARE(upper.size(), 2 * kSaleDays); // a step per day, across the day
        for (int d = 0; d < 2 * kSaleDays; ++d) {
            QVERIFY(lower[d].y() <= upper[d].y());
            const QPointF day = chart->expectedSeries()->at(d / 2);
            QVERIFY(d % 2 == 0 ? upper[d].x() < day.x() : upper[d].x() > day.x());
        }
    }

    // A sale of one week on weekly data: one point each, and the week's interval still shows
    // (a band of one point has no width), on a units-per-week axis.
    void aWeekLongSaleOfWeeklyDataShowsItsInterval()
    {
        ui::ReviewDayChart chart;
        ui::ReviewProductDays week;
        week.periodDays = 7;
        week.days = {daysFromCivil(1997, 4, 14)};
        week.expected = {4500};
        week.lower = {2800};
        week.upper = {6100};
        week.actual = {5336};
        chart.showProduct("BBCHUNK", week);
        const QList<QPointF> upper = chart.bandSeries()->upperSeries()->points();
        QCOMPARE(upper.size(), 2);
        QVERIFY(upper[1].x() - upper[0].x() > 6 * 86'400'000.0); // most of the week
        QCOMPARE(upper[0].y(), 6100.0);
        const auto axes = chart.view()->chart()->axes(Qt::Vertical);
        QVERIFY(!axes.isEmpty());
        QCOMPARE(axes.front()->titleText(), QStringLiteral("Units per week"));
    }

    void exportsWriteTheTableAndTheChart()
    {
        const QString csv = path("review.csv");
        QVERIFY(view()->exportTable(csv));
        waitForExport(view()->exportJob(), csv);
        QCOMPARE(firstLine(csv), QStringLiteral("sku,name,planned_discount,charged_discount,"
                                                "expected_units,units_low,units_high,actual_units,"
                                                "sold_out,expected_revenue,actual_revenue,"
                                                "expected_profit,actual_profit,within_interval,"
                                                "expected_units_at_charged_price"));
        const QString xlsx = path("review.xlsx");
        QVERIFY(view()->exportTable(xlsx));
        waitForExport(view()->exportJob(), xlsx);
        QFile workbook(xlsx);
        QVERIFY(workbook.open(QIODevice::ReadOnly));
        QCOMPARE(workbook.read(2), QByteArray("PK")); // a zip: the XLSX container
        if (const QString shape = workbookShape(xlsx); !shape.isEmpty())
            QCOMPARE(shape, QStringLiteral("Review,Totals %1").arg(m_core.rows.size() + 1));
        const QString png = path("review.png");
        QVERIFY(view()->exportChart(png));
        waitForExport(view()->exportJob(), png);
        QVERIFY(!QImage(png).isNull());
    }

    void aScenarioSavedMeanwhileIsListedWhenTheViewShowsAgain()
    {
        m_tab->hide();
        const QString name = QStringLiteral("Saved while away");
        {
            store::Store store(m_project.toStdString());
            const data::Panel panel = data::Panel::load(store);
            review::PlannedSale planned =
                review::plannedSaleOfScenario(store, panel, kScenario.toStdString());
            plan::saveScenario(store, panel, name.toStdString(), planned.campaign, {},
                               planned.discounts, {});
        }
        QCOMPARE(view()->scenarioCombo()->findData(name), -1);
        m_tab->show();
        QVERIFY(view()->scenarioCombo()->findData(name) > 0);
        QCOMPARE(view()->scenarioCombo()->currentData().toString(), kScenario); // still chosen
    }

    void aPlanFileOfProductsNeverFeaturedSaysSo()
    {
        const QString plan = path("never.csv");
        QFile file(plan);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sku,discount\nNO-SUCH-SKU,0.2\n");
        file.close();
        view()->reviewPlanFile(plan);
        QTRY_VERIFY_WITH_TIMEOUT(!view()->job()->isRunning() &&
                                     view()->message().startsWith("Cannot review never.csv"),
                                 30000);
        QVERIFY2(view()->message().contains("NO-SUCH-SKU"), qPrintable(view()->message()));
        QVERIFY(!view()->shown());
        QCOMPARE(view()->tableModel()->rowCount(), 0);
        QSignalSpy reviewed(view(), &ui::ReviewView::reviewed);
        view()->reviewScenario(kScenario); // back to the scenario, for the tests after this one
        QTRY_COMPARE_WITH_TIMEOUT(reviewed.count(), 1, 60000);
    }

    void theBacktestShowsCoresResult()
    {
        m_tab->pages()->setCurrentWidget(backtest());
        QTRY_VERIFY_WITH_TIMEOUT(!backtest()->loadJob()->isRunning(), 30000);
        QVERIFY(!backtest()->shown());                    // none run yet
        QVERIFY(!backtest()->eventsChart()->isVisible()); // no empty axes before there is one
        backtest()->setEvents(2);
        QVERIFY(backtest()->run());
        QTRY_VERIFY_WITH_TIMEOUT(backtest()->shown().has_value(), 300000);
        QTRY_VERIFY(!backtest()->runJob()->isRunning());
        QVERIFY(backtest()->eventsChart()->isVisible());
        QCOMPARE(backtest()->shown()->periodDays, 1);

        store::Store store(m_project.toStdString(), store::Store::OpenMode::ReadOnly);
        const review::BacktestResult stored = review::loadBacktest(store);
        QCOMPARE(stored.events.size(), size_t(2));
        const QList<qreal> forecast = barValues(backtest()->eventsChart(), 0);
        const QList<qreal> actual = barValues(backtest()->eventsChart(), 1);
        QCOMPARE(forecast.size(), 2);
        for (int e = 0; e < 2; ++e) {
            QVERIFY(std::abs(forecast[e] - stored.events[size_t(e)].forecastUnits) < 1e-6);
            QVERIFY(std::abs(actual[e] - stored.events[size_t(e)].actualUnits) < 1e-6);
            QCOMPARE(backtest()->eventsTable()->item(e, 0)->text(),
                     QString::fromStdString(stored.events[size_t(e)].event.name));
            QCOMPARE(backtest()->eventsTable()->item(e, 8)->text(),
                     ui::percentText(stored.events[size_t(e)].hitRate()));
        }
        // Each event's total interval, a whisker on its forecast bar (left of the pair's middle)
        // and in the table; each event's bias, a label above its pair, inside the chart.
        backtest()->eventsChart()->resize(900, 500);
        QChart* chart = backtest()->eventsChart()->chart();
        const QList<QLineSeries*> lines = whiskers(backtest()->eventsChart());
        const QList<QGraphicsSimpleTextItem*> labels = ui::biasLabels(chart);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(labels.size(), 2);
        for (int e = 0; e < 2; ++e) {
            const review::BacktestEvent& event = stored.events[size_t(e)];
            QVERIFY(event.totalInterval.has_value());
            double low = 1e300, high = -1e300, x = 0;
            for (const QPointF& p : lines[e]->points()) {
                low = std::min(low, p.y());
                high = std::max(high, p.y());
                x += p.x() / lines[e]->count();
            }
            QCOMPARE(low, double(event.totalInterval->low));
            QCOMPARE(high, double(event.totalInterval->high));
            QVERIFY2(x > e - 0.5 && x < e, qPrintable(QString::number(x)));
            QCOMPARE(backtest()->eventsTable()->item(e, 5)->text(),
                     ui::countRangeText(event.totalInterval->low, event.totalInterval->high));
            QCOMPARE(labels[e]->text(), backtest()->eventsTable()->item(e, 7)->text());
            QCOMPARE(labels[e]->text(), ui::signedPercentText(event.bias()));
            // The sign says which way the forecast missed, as train's bias does: + is too high.
            QCOMPARE(labels[e]->text().startsWith(QLatin1Char('+')),
                     event.forecastUnits > event.actualUnits);
            // Above its pair, over the event's category, and whole inside the plot.
            const QRectF box = labels[e]->sceneBoundingRect();
            const QPointF top =
                chart->mapToPosition(QPointF(e, std::max({event.forecastUnits, event.actualUnits,
                                                          double(event.totalInterval->high)})),
                                     chart->series().front());
            QVERIFY(box.bottom() <= top.y() + 1);
            QVERIFY(std::abs(box.center().x() - top.x()) < 1);
            QVERIFY(labels[e]->isVisible());
            QVERIFY2(chart->plotArea().contains(box), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                                     .arg(box.x())
                                                                     .arg(box.y())
                                                                     .arg(box.width())
                                                                     .arg(box.height())));
        }
        QVERIFY2(backtest()->summary().contains(
                     QStringLiteral("Event totals: %1 of 2 inside their 80% interval")
                         .arg(stored.eventsWithin)),
                 qPrintable(backtest()->summary()));
        const QList<qreal> pit = barValues(backtest()->calibrationChart(), 0);
        QCOMPARE(pit.size(), 10);
        for (int b = 0; b < 10; ++b)
            QCOMPARE(int(pit[b]), stored.pitHistogram[size_t(b)]);
        QVERIFY2(backtest()->summary().contains(
                     QStringLiteral("hit rate %1").arg(ui::percentText(stored.hitRate(), 1))),
                 qPrintable(backtest()->summary()));
    }

    void cancellingTheBacktestKeepsTheStoredOne()
    {
        QSignalSpy cancelled(backtest()->runJob(), &ui::JobBase::cancelled);
        backtest()->setEvents(3);
        QVERIFY(backtest()->run());
        backtest()->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
        QTRY_VERIFY(!backtest()->runJob()->isRunning());
        store::Store store(m_project.toStdString(), store::Store::OpenMode::ReadOnly);
        QCOMPARE(review::loadBacktest(store).events.size(), size_t(2));
        QCOMPARE(backtest()->shown()->events.size(), size_t(2));
    }

    void backtestExportsWriteRowsAndCharts()
    {
        const QString csv = path("backtest.csv");
        QVERIFY(backtest()->exportRows(csv));
        waitForExport(backtest()->exportJob(), csv);
        QCOMPARE(firstLine(csv),
                 QStringLiteral("event,date,sku,price,forecast,lower,upper,actual,stock,sold_out"));
        const QString xlsx = path("backtest.xlsx");
        QVERIFY(backtest()->exportRows(xlsx));
        waitForExport(backtest()->exportJob(), xlsx);
        if (const QString shape = workbookShape(xlsx); !shape.isEmpty())
            QCOMPARE(shape, QStringLiteral("Backtest,Events,Calibration %1")
                                .arg(backtest()->shown()->rows.size() + 1));
        if (const QString header = eventsHeader(xlsx); !header.isEmpty())
            QVERIFY2(header.endsWith(QStringLiteral("hit_rate,units_low,units_high,total_within")),
                     qPrintable(header));
        const QString png = path("calibration.png");
        QVERIFY(backtest()->exportChart(backtest()->calibrationChart(), png));
        waitForExport(backtest()->exportJob(), png);
        QVERIFY(!QImage(png).isNull());
    }

    void biasLabelsStepAsideWhenTheEventsAreTooManyForThem()
    {
        auto result = [](int events) {
            review::BacktestResult r;
            for (int e = 0; e < events; ++e) {
                review::BacktestEvent event;
                event.start = 20000 + 7 * e;
                event.forecastUnits = 100 + e;
                event.actualUnits = 90 + 2 * e;
                event.totalInterval = review::CountInterval{80, 130};
                r.events.push_back(event);
            }
            return r;
        };
        QChartView view;
        view.resize(700, 450);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ui::drawBacktestEvents(view.chart(), result(4));
        QTRY_VERIFY(ui::biasLabels(view.chart()).size() == 4 &&
                    ui::biasLabels(view.chart()).front()->isVisible());
        ui::drawBacktestEvents(view.chart(), result(60)); // the previous labels go
        QCOMPARE(ui::biasLabels(view.chart()).size(), 60);
        QTRY_VERIFY(!ui::biasLabels(view.chart()).front()->isVisible());
    }

    // Real data often runs several events from the same day (one per product in a week's
    // promotion): each keeps a category of its own on the axis, so every pair of bars and every
    // bias shows (the axis merged equal dates, and the later events' bars went unlabelled).
    void eventsStartingTheSameDayEachKeepTheirBars()
    {
        review::BacktestResult r;
        r.periodDays = 7;
        for (const DayNumber start : {20000, 20000, 20014, 20014, 20014}) {
            review::BacktestEvent event;
            event.start = start;
            event.forecastUnits = 100;
            event.actualUnits = 90;
            r.events.push_back(event);
        }
        QChartView view;
        view.resize(900, 450);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        ui::drawBacktestEvents(view.chart(), r);
        auto* axis = qobject_cast<QBarCategoryAxis*>(view.chart()->axes(Qt::Horizontal).front());
        QVERIFY(axis);
        const QStringList categories = axis->categories();
        QCOMPARE(categories.size(), 5);
        QCOMPARE(QSet<QString>(categories.begin(), categories.end()).size(), 5);
        QVERIFY(categories.at(1).startsWith(categories.at(0)));
        QCOMPARE(ui::biasLabels(view.chart()).size(), 5);

        ui::drawCalibration(view.chart(), r);
        const auto* bars = qobject_cast<const QBarSeries*>(view.chart()->series().front());
        QVERIFY(bars);
        QCOMPARE(bars->barSets().front()->label(), QStringLiteral("Product-weeks"));
    }

    void thePdfReportHasAReviewSection()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const std::shared_ptr<const ui::ReviewReport> section = m_tab->report();
        QVERIFY(section);
        QVERIFY(section->sale && section->backtest);
        QCOMPARE(section->charts.size(), 3);
        ui::PlanReport report;
        report.projectName = QStringLiteral("demo");
        report.plan.start = kSaleStart;
        report.plan.days = kSaleDays;
        const QString without = path("without.pdf");
        ui::writePlanReport(report, without);
        QVERIFY(!pdfText(without).contains("Review of the sale"));
        report.review = section;
        const QString with = path("with.pdf");
        ui::writePlanReport(report, with);
        const QString text = pdfText(with);
        QVERIFY2(text.contains("Review of the sale: " + kScenario), qPrintable(text));
        QVERIFY(text.contains(ui::moneyText(m_core.totals.actualRevenue)));
        QVERIFY(text.contains("Backtest of the model on past events"));
        QVERIFY(text.contains(QString::fromStdString(section->backtest->events[0].event.name)));
        const review::CountInterval total = *section->backtest->events[0].totalInterval;
        QVERIFY2(text.contains(ui::countRangeText(total.low, total.high)), qPrintable(text));
        QVERIFY2(text.contains("event hit rate"), qPrintable(text));
    }

    void cleanupTestCase()
    {
        m_tab.reset();
        m_controller.reset();
    }
};

QTEST_MAIN(TestReviewView)
#include "test_reviewview.moc"
