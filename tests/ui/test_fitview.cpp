#include "base/civildate.h"
#include "charts/brokenline.h"
#include "charts/chartpage.h"
#include "charts/discountchart.h"
#include "charts/timechartview.h"
#include "data/demandcells.h"
#include "data/panel.h"
#include "data/productpanel.h"
#include "model/fitview.h"
#include "model/forecaster.h"
#include "model/modelstore.h"
#include "model/trainer.h"
#include "plan/campaignevaluator.h"
#include "plan/deepestdiscounts.h"
#include "plan/productfit.h"
#include "products/productstablemodel.h"
#include "products/productsview.h"
#include "shell/projectcontroller.h"
#include "store/store.h"
#include "support/marketproject.h"
#include "support/tempdir.h"
#include "support/weeklyproject.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <cmath>
#include <memory>

using namespace fp;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * (1 + std::abs(b));
}

} // namespace

// The fit view on a generated project (12 products x 120 days): first without a model, then with
// a structured model trained in the test; its series must hold exactly what core computes.
class TestFitView : public QObject
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

    void aProductIsTitledByWhatTheFileGave()
    {
        // A scanner panel has neither names nor categories: the SKU alone, no dangling " · ".
        QCOMPARE(ui::ChartPage::productTitle("W-0002", ""), QString("W-0002"));
        QCOMPARE(ui::ChartPage::productTitle("W-0002", "", "Fish"), QString("W-0002 (Fish)"));
        QCOMPARE(ui::ChartPage::productTitle("SH-1", "Runner"), QString("SH-1 · Runner"));
        QCOMPARE(ui::ChartPage::productTitle("SH-1", "Runner", "Shoes"),
                 QString("SH-1 · Runner (Shoes)"));
    }

    void withoutAModelItAsksToTrainOne()
    {
        ui::FitView view(&m_project);
        QVERIFY(view.message().contains("Select a product"));
        const auto& product = m_market->panel().products()[2];
        view.showProduct(product.id, QString::fromStdString(product.sku));
        QTRY_VERIFY_WITH_TIMEOUT(view.message().contains("Train a model to see the fit"), 5000);
    }

    void theFitFollowsTheSelectionAndHoldsTheModelsValues()
    {
        ui::FitView view(&m_project);
        ui::ProductsView products(&m_project);
        connect(&products, &ui::ProductsView::productSelected, &view, &ui::FitView::showProduct);
        QSignalSpy loaded(&view, &ui::FitView::loaded);

        model::TrainOptions options;
        options.model = "structured";
        model::trainAndStore(m_market->store(), options);
        m_project.notifyModelChanged();

        products.resize(800, 400);
        products.show();
        QVERIFY(QTest::qWaitForWindowExposed(&products));
        const QModelIndex index = products.proxy()->index(4, ui::ProductsTableModel::Sku);
        QTest::mouseClick(products.table()->viewport(), Qt::LeftButton, {},
                          products.table()->visualRect(index).center());
        const qint64 id = products.model()->productId(products.proxy()->mapToSource(index).row());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().at(0).toLongLong() == id,
                                 10000);
        QVERIFY(view.message().isEmpty());
        checkAgainstCore(view, id);
    }

    void aLongerSaleWindowRedrawsTheCurves()
    {
        ui::FitView view(&m_project);
        QSignalSpy loaded(&view, &ui::FitView::loaded);
        const auto& product = m_market->panel().products()[9];
        view.showProduct(product.id, QString::fromStdString(product.sku));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        const double threeDays = view.demandChart()->mainSeries()->at(0).y();
        view.setWindowDays(7);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 10000);
        QVERIFY(view.demandChart()->mainSeries()->at(0).y() > threeDays);
        checkAgainstCore(view, product.id);
    }

    void theHistoryOpensOnTheRecentPastAndOffersALogScale()
    {
        ui::FitView view(&m_project);
        view.resize(900, 700);
        view.show();
        QSignalSpy loaded(&view, &ui::FitView::loaded);
        const auto& product = m_market->panel().products()[3];
        view.showProduct(product.id, QString::fromStdString(product.sku));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        const std::optional<model::TrainedModel> trained =
            model::loadActiveModel(m_market->store());
        const std::optional<DayNumber> holdout = plan::holdoutStartOf(trained->scoresJson);
        QVERIFY(holdout.has_value());
        // The last 90 days before the held-out period, the held-out period and the forecast.
        ui::TimeChartView* time = view.timeView();
        QVERIFY(time->isZoomed());
        QCOMPARE(time->visibleFrom(), ui::msOfDay(*holdout - 90) - 43'200'000);
        QCOMPARE(static_cast<double>(time->visibleTo()),
                 view.forecastSeries()->points().back().x() + 43'200'000);
        // The units axis fits what is in view, and grows when the whole history shows.
        auto visibleTop = [&] {
            double top = 0;
            for (const QPointF& p : view.actualLine().points())
                if (p.x() >= time->visibleFrom() && p.x() <= time->visibleTo())
                    top = std::max(top, p.y());
            return top;
        };
        const double recentAxis = view.unitsAxisMax();
        QVERIFY(recentAxis >= visibleTop());
        QVERIFY(recentAxis < 2.5 * std::max(1.0, visibleTop()) + 5);
        time->resetZoom();
        QVERIFY(view.unitsAxisMax() >= visibleTop());
        QVERIFY(view.unitsAxisMax() >= recentAxis);
        // The log scale draws log10(1 + units) and labels the axis in units.
        const QList<QPointF> linear = view.actualLine().points();
        view.setLogScale(true);
        const QList<QPointF> logged = view.actualLine().points();
        QCOMPARE(logged.size(), linear.size());
        for (qsizetype i = 0; i < linear.size(); ++i)
            QVERIFY(std::abs(logged[i].y() - std::log10(1 + linear[i].y())) < 1e-12);
        QVERIFY(view.unitsAxisMax() >= visibleTop());
        QVERIFY(view.unitsAxisMax() < 6);
        view.setLogScale(false);
        QCOMPARE(view.actualLine().points(), linear);
    }

    // Weeks a scanner file left out are no data: the actual and fitted lines break there and the
    // 80% band closes over the gap (its edges meet), instead of bridging it as if sold.
    void weeksWithoutDataBreakTheFit()
    {
        const test::TempDir dir;
        const std::string path = dir.file("weekly.flashplan");
        // Ten weeks without data for A.
        QVERIFY(test::makeWeeklyProject(dir, path, 60, [](char sku, int week) {
            return sku == 'A' && week >= 20 && week < 30;
        }));
        ui::ProjectController project;
        QString error;
        QVERIFY2(project.openProject(QString::fromStdString(path), false, &error),
                 qPrintable(error));
        ui::FitView view(&project);
        QSignalSpy loaded(&view, &ui::FitView::loaded);
        store::Store store(path, store::Store::OpenMode::ReadOnly);
        qint64 id = 0;
        for (const store::ProductRecord& p : store.products())
            if (p.sku == "A")
                id = p.id;
        view.showProduct(id, "A");
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QVERIFY2(view.message().isEmpty(), qPrintable(view.message()));

        for (const ui::BrokenLine* line : {&view.actualLine(), &view.fittedLine()}) {
            QCOMPARE(line->series().size(), 2);
            QCOMPARE(line->series()[0]->count(), 20);
            QCOMPARE(line->series()[1]->count(), 30);
        }
        // Over the gap the band's edges meet: from just after week 19 to just before week 30.
        const QList<QPointF> upper = view.bandSeries()->upperSeries()->points();
        const QList<QPointF> lower = view.bandSeries()->lowerSeries()->points();
        QCOMPARE(upper.size(), lower.size());
        const qreal week19 = ui::msOfDay(test::kWeeklyProjectStart + 7 * 19);
        const qreal week30 = ui::msOfDay(test::kWeeklyProjectStart + 7 * 30);
        int closed = 0;
        for (qsizetype i = 0; i < upper.size(); ++i)
            if (upper[i].x() > week19 && upper[i].x() < week30) {
                QCOMPARE(upper[i], lower[i]);
                ++closed;
            }
        QCOMPARE(closed, 2);
    }

private:
    // Recomputes the view's curves from the whole panel and the stored model, without the view's
    // one-product panel, and compares them point by point.
    void checkAgainstCore(const ui::FitView& view, qint64 id)
    {
        const data::Panel panel = data::Panel::load(m_market->store());
        const std::optional<model::TrainedModel> trained =
            model::loadActiveModel(m_market->store());
        QVERIFY(trained.has_value());
        int p = 0;
        while (panel.products()[static_cast<size_t>(p)].id != id)
            ++p;
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];

        // (a) Actual and fitted: the model's expected units sold of every history cell.
        std::vector<data::DemandCell> cells;
        for (const data::DemandCell& cell : data::historyCells(panel, 0, panel.periodCount()))
            if (cell.product == p)
                cells.push_back(cell);
        std::vector<data::DemandCell> modelCells = cells;
        const int modelIndex = trained->productIndexFor({id}).front();
        for (data::DemandCell& cell : modelCells)
            cell.product = modelIndex;
        std::vector<double> means(cells.size());
        trained->predict(modelCells, means);
        const QList<QPointF> fitted = view.fittedLine().points();
        const QList<QPointF> actual = view.actualLine().points();
        QCOMPARE(fitted.size(), qsizetype(cells.size()));
        QCOMPARE(actual.size(), qsizetype(cells.size()));
        for (size_t i = 0; i < cells.size(); ++i) {
            const model::NegBin demand =
                trained->noise.cellDemand(product.category, cells[i], means[i]);
            const double expected =
                std::isfinite(cells[i].stock) ? demand.expectedSales(cells[i].stock) : means[i];
            const auto x = static_cast<qreal>(ui::msOfDay(panel.dayOf(cells[i].period)));
            QCOMPARE(fitted[qsizetype(i)].x(), x);
            QVERIFY2(near(fitted[qsizetype(i)].y(), expected),
                     qPrintable(QString("day %1: %2 vs %3")
                                    .arg(i)
                                    .arg(fitted[qsizetype(i)].y())
                                    .arg(expected)));
            QCOMPARE(actual[qsizetype(i)].y(), qreal(cells[i].units));
        }

        // The forecast: 28 days at the regular price, joined to the last fitted value.
        std::vector<data::ScenarioPeriod> ahead;
        const DayNumber last = panel.dayOf(product.lastPeriod);
        for (int k = 1; k <= 28; ++k)
            ahead.push_back({p, last + k, 0.0f, false, std::nanf("")});
        const std::vector<model::ForecastRow> rows = model::forecastPeriods(panel, *trained, ahead);
        const QList<QPointF> forecast = view.forecastSeries()->points();
        QCOMPARE(forecast.size(), qsizetype(1 + rows.size()));
        for (size_t k = 0; k < rows.size(); ++k) {
            QCOMPARE(forecast[qsizetype(k + 1)].x(), qreal(ui::msOfDay(rows[k].day)));
            QVERIFY(near(forecast[qsizetype(k + 1)].y(), rows[k].forecast));
        }
        const QList<QPointF> upper = view.bandSeries()->upperSeries()->points();
        const QList<QPointF> lower = view.bandSeries()->lowerSeries()->points();
        QCOMPARE(upper.size(), qsizetype(cells.size() + rows.size()));
        for (qsizetype i = 0; i < upper.size(); ++i)
            QVERIFY(lower[i].y() <= upper[i].y());
        QVERIFY(view.holdoutSeries()->isVisible());
        QCOMPARE(view.holdoutSeries()->upperSeries()->count(), 2);

        // (b) and (c): the sale window after the history, 0..90% in 5% steps.
        plan::CampaignProduct item;
        item.product = p;
        item.unitCost = product.unitCost;
        item.listPrice = product.listPrice;
        const plan::CampaignEvaluator evaluator(
            panel, *trained, plan::Campaign{last + 1, view.windowDays(), {item}});
        // Solid up to the deepest discount the model's history supports for the product's
        // category (where the plan's beyond_history starts), dashed from there on, the two joined
        // at that depth; the value axis is scaled to the solid part.
        const double supported = plan::DeepestDiscounts(panel).of(p);
        auto onGrid = [](const QPointF& point) {
            return std::abs(point.x() / 5.0 - std::round(point.x() / 5.0)) < 1e-9;
        };
        auto wholeCurve = [&](const ui::DiscountChart* chart, const QLineSeries* solid) {
            QList<QPointF> points;
            QList<QPointF> all = solid->points();
            if (solid == chart->mainSeries())
                all += chart->beyondSeries()->points();
            for (const QPointF& point : all) // the 5% steps, without the join
                if (onGrid(point) && (points.isEmpty() || point.x() > points.back().x()))
                    points.append(point);
            return points;
        };
        const QList<QPointF> demand =
            wholeCurve(view.demandChart(), view.demandChart()->mainSeries());
        const QList<QPointF> revenue =
            wholeCurve(view.moneyChart(), view.moneyChart()->mainSeries());
        const QList<QPointF> solidDemand = view.demandChart()->mainSeries()->points();
        QVERIFY(!solidDemand.isEmpty());
        if (supported < 0.9) {
            QVERIFY2(
                std::abs(solidDemand.back().x() - 100 * supported) < 1e-4,
                qPrintable(QString("%1 vs %2").arg(solidDemand.back().x()).arg(100 * supported)));
            QVERIFY(view.demandChart()->beyondSeries()->isVisible());
            QCOMPARE(view.demandChart()->beyondSeries()->points().front(), solidDemand.back());
        }
        for (const QPointF& point : solidDemand)
            QVERIFY(point.y() <= view.demandChart()->valueAxisMax());
        QCOMPARE(demand.size(), 19);
        QCOMPARE(revenue.size(), 19);
        const QList<QPointF> profit = view.moneyChart()->profitSeries()->points();
        double solidHigh = 0; // the highest the supported part reaches, its 80% band included
        for (int k = 0; k < 19; ++k) {
            const plan::ProductPlan plan = evaluator.evaluate(0, 0.05 * k);
            if (0.05 * k <= supported + 1e-9)
                solidHigh = std::max({solidHigh, plan.expectedUnits, plan.unitsHigh});
            QVERIFY(near(demand[k].x(), 5.0 * k));
            QVERIFY(near(demand[k].y(), plan.expectedUnits));
            QVERIFY(near(revenue[k].y(), plan.expectedRevenue));
            if (product.unitCost && k < profit.size())
                QVERIFY(near(profit[k].y(), *plan.expectedProfit));
            if (k > 0)
                QVERIFY2(demand[k].y() >= demand[k - 1].y(),
                         "demand fell as the discount deepened");
        }
        // The scale is the supported part's (with headroom and round ticks), whatever the dashed
        // continuation does.
        QVERIFY2(view.demandChart()->valueAxisMax() <= 2.2 * solidHigh,
                 qPrintable(QString("axis %1, supported part up to %2")
                                .arg(view.demandChart()->valueAxisMax())
                                .arg(solidHigh)));

        // The usual discount: the mean depth of the product's discounted days.
        double depth = 0;
        int days = 0;
        for (int t = 0; t < panel.periodCount(); ++t)
            if (panel.present(p, t) && !panel.filled(p, t) && panel.discount(p, t) >= 0.01f) {
                depth += panel.discount(p, t);
                ++days;
            }
        const QList<QPointF> usual = view.demandChart()->usualSeries()->points();
        QCOMPARE(usual.size(), 2);
        QVERIFY(std::abs(usual[0].x() - 100 * (days ? depth / days : 0.0)) < 1e-4);
        QCOMPARE(usual[0].x(), usual[1].x());
    }

    std::unique_ptr<test::MarketProject> m_market;
    ui::ProjectController m_project;
};

QTEST_MAIN(TestFitView)
#include "test_fitview.moc"
