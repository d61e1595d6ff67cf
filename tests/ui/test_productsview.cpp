#include "charts/timechartview.h"
#include "data/panel.h"
#include "data/productstats.h"
#include "io/salesimporter.h"
#include "products/producthistorychart.h"
#include "products/productstablemodel.h"
#include "products/productsview.h"
#include "shell/projectcontroller.h"
#include "store/store.h"
#include "support/marketproject.h"
#include "support/tempdir.h"

#include <QAreaSeries>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <memory>

using namespace fp;
using fp::ui::ProductsTableModel;

namespace {

int panelIndexOf(const data::Panel& panel, qint64 productId)
{
    for (int p = 0; p < panel.productCount(); ++p)
        if (panel.products()[static_cast<size_t>(p)].id == productId)
            return p;
    return -1;
}

} // namespace

// The products table and the product chart, driven like a user would, on a generated project of
// 12 products x 120 days imported from a CSV.
class TestProductsView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        synth::MarketConfig config;
        config.products = 12;
        config.days = 120;
        m_market = std::make_unique<test::MarketProject>(config);
        QString error;
        QVERIFY2(
            m_project.openProject(QString::fromStdString(m_market->store().path()), false, &error),
            qPrintable(error));
    }

    void tableFillsWithNamesAtOnceAndStatisticsFromTheJob()
    {
        ui::ProductsView view(&m_project);
        ProductsTableModel* model = view.model();
        QCOMPARE(model->rowCount(), 12);
        QCOMPARE(model->columnCount(), int(ProductsTableModel::ColumnCount));
        QVERIFY(!model->index(0, ProductsTableModel::Sku).data().toString().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(model->hasStats(), 10000);

        const data::Panel& panel = m_market->panel();
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int c = ProductsTableModel::Days; c < ProductsTableModel::ColumnCount; ++c) {
                const QString text = model->index(row, c).data().toString();
                QVERIFY2(!text.isEmpty() && text != QStringLiteral("…"), qPrintable(text));
            }
            const int p = panelIndexOf(panel, model->productId(row));
            QVERIFY(p >= 0);
            double units = 0;
            for (int t = 0; t < panel.periodCount(); ++t)
                if (panel.present(p, t))
                    units += panel.units(p, t);
            QCOMPARE(model->index(row, ProductsTableModel::Units)
                         .data(ProductsTableModel::SortRole)
                         .toDouble(),
                     units);
        }
    }

    void filteringByTextAndCategoryReducesTheRows()
    {
        ui::ProductsView view(&m_project);
        auto* filter = view.findChild<QLineEdit*>("productFilter");
        auto* category = view.findChild<QComboBox*>("productCategory");
        QVERIFY(filter && category);
        QCOMPARE(view.proxy()->rowCount(), 12);

        const QString sku = view.model()->sku(5);
        QTest::keyClicks(filter, sku.toLower()); // case does not matter
        QCOMPARE(view.proxy()->rowCount(), 1);
        QCOMPARE(view.proxy()->index(0, ProductsTableModel::Sku).data().toString(), sku);
        filter->clear();
        QCOMPARE(view.proxy()->rowCount(), 12);

        QCOMPARE(category->count(), 1 + 6); // "All categories" and the market's six
        category->setCurrentIndex(2);
        const QString chosen = category->currentText();
        QVERIFY(view.proxy()->rowCount() > 0);
        QVERIFY(view.proxy()->rowCount() < 12);
        for (int row = 0; row < view.proxy()->rowCount(); ++row)
            QCOMPARE(view.proxy()->index(row, ProductsTableModel::Category).data().toString(),
                     chosen);
        category->setCurrentIndex(0);
        QCOMPARE(view.proxy()->rowCount(), 12);
    }

    void clickingTheUnitsHeaderSortsNumerically()
    {
        ui::ProductsView view(&m_project);
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->hasStats(), 10000);
        QHeaderView* header = view.table()->horizontalHeader();
        const int units = ProductsTableModel::Units;
        const QPoint at(header->sectionViewportPosition(units) + header->sectionSize(units) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(header->sortIndicatorSection(), units);
        for (int pass = 0; pass < 2; ++pass) { // ascending, then descending after a second click
            const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
            for (int row = 1; row < view.proxy()->rowCount(); ++row) {
                const double before =
                    view.proxy()->index(row - 1, units).data(Qt::UserRole).toDouble();
                const double here = view.proxy()->index(row, units).data(Qt::UserRole).toDouble();
                QVERIFY2(ascending ? before <= here : before >= here,
                         qPrintable(QString("%1 then %2").arg(before).arg(here)));
            }
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        }
    }

    void selectingAProductShowsItsHistoryInTheChart()
    {
        ui::ProductsView view(&m_project);
        ui::ProductHistoryChart chart(&m_project);
        connect(&view, &ui::ProductsView::productSelected, &chart,
                &ui::ProductHistoryChart::showProduct);
        QSignalSpy loaded(&chart, &ui::ProductHistoryChart::loaded);
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QModelIndex index = view.proxy()->index(7, ProductsTableModel::Name);
        QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {},
                          view.table()->visualRect(index).center());
        const qint64 id = view.model()->productId(view.proxy()->mapToSource(index).row());
        QCOMPARE(view.selectedProduct(), id);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().at(0).toLongLong() == id, 5000);

        const data::Panel& panel = m_market->panel();
        const int p = panelIndexOf(panel, id);
        QList<QPointF> units, soldOut;
        for (int t = 0; t < panel.periodCount(); ++t) {
            if (!panel.present(p, t))
                continue;
            const auto x = static_cast<qreal>(ui::msOfDay(panel.dayOf(t)));
            units.append({x, panel.units(p, t)});
            if (panel.censored(p, t) && !panel.filled(p, t))
                soldOut.append({x, panel.units(p, t)});
        }
        QCOMPARE(chart.unitsLine().points(), units);
        QCOMPARE(chart.soldOutSeries()->points(), soldOut);
        QCOMPARE(chart.priceLine().points().size(), units.size());
        QVERIFY(!chart.listPriceLine().points().isEmpty());
    }

    void theLatestSelectionWinsAndTheTimeAxisZooms()
    {
        ui::ProductHistoryChart chart(&m_project);
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QSignalSpy loaded(&chart, &ui::ProductHistoryChart::loaded);
        const auto& products = m_market->panel().products();
        for (int p = 0; p < 6; ++p) // faster than the loads: only the last one must show
            chart.showProduct(products[static_cast<size_t>(p)].id,
                              QString::fromStdString(products[static_cast<size_t>(p)].sku));
        QTRY_VERIFY_WITH_TIMEOUT(
            !loaded.isEmpty() && loaded.last().at(0).toLongLong() == products[5].id, 5000);
        QTest::qWait(100); // no stale result may arrive after it
        QCOMPARE(loaded.last().at(0).toLongLong(), products[5].id);
        QCOMPARE(chart.productId(), products[5].id);

        ui::TimeChartView* view = chart.view();
        QVERIFY(!view->isZoomed());
        const qint64 from = view->visibleFrom(), to = view->visibleTo();
        const QPoint middle = view->rect().center();
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, middle - QPoint(100, 0));
        QTest::mouseMove(view->viewport(), middle + QPoint(100, 0));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, middle + QPoint(100, 0));
        QVERIFY(view->isZoomed());
        QVERIFY(view->visibleFrom() > from && view->visibleTo() < to);
        view->resetZoom();
        QCOMPARE(view->visibleFrom(), from);
        QCOMPARE(view->visibleTo(), to);
    }

    // A product that sold on one day only: its point shows (a line needs two) and the time axis
    // spans a week of distinct dates, not one date repeated across the plot.
    void aHistoryOfOneDayShowsItsPointBetweenDistinctDates()
    {
        const test::TempDir dir;
        const std::string path = dir.file("one.flashplan");
        {
            store::Store store(path, store::Store::OpenMode::CreateIfMissing);
            QVERIFY(io::importSalesFile(
                        store, dir.write("one.csv", "date,sku,units,price\n2026-11-17,ONE,2,20\n"
                                                    "2026-11-10,LONG,1,5\n2026-11-20,LONG,1,5\n"))
                        .committed);
        }
        ui::ProjectController project;
        ui::ProductHistoryChart chart(&project);
        showHistory(path, "ONE", project, chart);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(chart.unitsLine().points().size(), 1);
        QVERIFY(chart.unitsLine().series().front()->pointsVisible());
        QVERIFY(chart.priceLine().series().front()->pointsVisible());
        const ui::TimeChartView* view = chart.view();
        QCOMPARE(view->visibleTo() - view->visibleFrom(), qint64(7) * 86'400'000);
        const qint64 point = static_cast<qint64>(chart.unitsLine().points().at(0).x());
        QVERIFY(point > view->visibleFrom() && point < view->visibleTo());
        const auto axes = view->chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        const auto* axis = qobject_cast<const QDateTimeAxis*>(axes.front());
        QVERIFY(axis);
        QVERIFY2(axis->tickCount() <= 8, qPrintable(QString::number(axis->tickCount())));
    }

    // Weeks a scanner file left out (unknown, the weekly default) are no data: the lines break
    // there instead of drawing them as weeks that sold nothing, a week alone between two gaps
    // shows its point, and the legend still names each line once.
    void weeksWithoutDataBreakTheLines()
    {
        const test::TempDir dir;
        const std::string path = dir.file("weekly.flashplan");
        {
            store::Store store(path, store::Store::OpenMode::CreateIfMissing);
            const io::ImportReport report = io::importSalesFile(
                store, dir.write("weekly.csv", "date,sku,units,price\n"
                                               "2026-01-05,W,5,2\n2026-01-12,W,6,2\n"
                                               "2026-02-02,W,7,1.5\n"
                                               "2026-02-16,W,4,2\n2026-02-23,W,5,2\n"));
            QVERIFY(report.committed);
            QCOMPARE(report.missing, io::MissingPeriods::Unknown);
        }
        ui::ProjectController project;
        ui::ProductHistoryChart chart(&project);
        showHistory(path, "W", project, chart);
        if (QTest::currentTestFailed())
            return;

        QList<qreal> units;
        for (const QPointF& p : chart.unitsLine().points())
            units.append(p.y());
        QCOMPARE(units, (QList<qreal>{5, 6, 7, 4, 5})); // no 0 for the absent weeks
        for (const ui::BrokenLine* line :
             {&chart.unitsLine(), &chart.priceLine(), &chart.listPriceLine()}) {
            const QList<QLineSeries*> series = line->series();
            QVERIFY(series.size() >= 3);
            QCOMPARE(series[0]->count(), 2);
            QCOMPARE(series[1]->count(), 1);
            QVERIFY(series[1]->pointsVisible()); // a week alone
            QCOMPARE(series[2]->count(), 2);
            for (qsizetype i = 3; i < series.size(); ++i)
                QCOMPARE(series[i]->count(), 0);
        }
        int unitsInLegend = 0;
        for (const QLegendMarker* marker : chart.chart()->legend()->markers())
            unitsInLegend += marker->isVisible() && marker->label() == "Units sold" ? 1 : 0;
        QCOMPARE(unitsInLegend, 1);
    }

private:
    // Opens `path` in `project` and shows `sku`'s history in `chart` (made on `project`), once it
    // has loaded.
    void showHistory(const std::string& path, const std::string& sku,
                     ui::ProjectController& project, ui::ProductHistoryChart& chart)
    {
        QString error;
        QVERIFY2(project.openProject(QString::fromStdString(path), false, &error),
                 qPrintable(error));
        chart.resize(900, 400);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QSignalSpy loaded(&chart, &ui::ProductHistoryChart::loaded);
        store::Store store(path, store::Store::OpenMode::ReadOnly);
        qint64 id = 0;
        for (const store::ProductRecord& p : store.products())
            if (p.sku == sku)
                id = p.id;
        QVERIFY(id != 0);
        chart.showProduct(id, QString::fromStdString(sku));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().at(0).toLongLong() == id, 5000);
    }

    std::unique_ptr<test::MarketProject> m_market;
    ui::ProjectController m_project;
};

QTEST_MAIN(TestProductsView)
#include "test_productsview.moc"
