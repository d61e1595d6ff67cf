// The comparison of two plans as shown: totals, per-product differences, major rows, sorting.
#include "plan/scenariocompare.h"
#include "planner/scenariocompareview.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using fp::plan::Limit;
using fp::plan::PlanResult;
using fp::plan::ProductPlan;
using fp::ui::ScenarioCompareView;

namespace {

ProductPlan row(const std::string& sku, double discount, double units, double revenue,
                std::optional<double> profit, double markdown, Limit limit = Limit::None)
{
    ProductPlan r;
    r.sku = sku;
    r.name = "Product " + sku;
    r.discount = discount;
    r.expectedUnits = units;
    r.expectedRevenue = revenue;
    r.expectedProfit = profit;
    r.markdownCost = markdown;
    r.limitedBy = limit;
    return r;
}

// Revenue changes +500, -300, +150 (15 points deeper), -40 (5 points), only in A, only in B,
// none; the first three, P5 and P6 are major.
void knownPair(PlanResult& a, PlanResult& b)
{
    a.rows = {row("P1", 0.2, 100, 1000, 300, 250), row("P2", 0.3, 80, 800, 200, 340, Limit::Stock),
              row("P3", 0.1, 50, 500, 100, 55),    row("P4", 0.25, 40, 400, 90, 133),
              row("P5", 0.1, 1, 10, 2, 1),         row("P7", 0.0, 10, 100, std::nullopt, 0)};
    b.rows = {row("P7", 0.0, 10, 100, std::nullopt, 0),
              row("P4", 0.3, 38, 360, 70, 154),
              row("P3", 0.25, 70, 650, 120, 216),
              row("P2", 0.2, 50, 500, 150, 125),
              row("P1", 0.2, 150, 1500, 420, 375, Limit::MaxDiscount),
              row("P6", 0.4, 1, 5, 1, 3)};
}

QVariant cell(const QTableView* view, int row, int column, int role)
{
    const QAbstractItemModel* model = view->model();
    return model->data(model->index(row, column), role);
}

QString money(double value)
{
    return QLocale().toString(value, 'f', 2);
}

} // namespace

class TestScenarioCompareView : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_view = new ScenarioCompareView();
        knownPair(m_a, m_b);
        m_view->setScenarios("Deep", m_a, "Shallow", m_b);
        m_view->resize(1000, 600);
        m_view->show();
    }
    void cleanup() { delete m_view; }

    void tablesHaveTheirObjectNames()
    {
        QCOMPARE(m_view->findChild<QTableWidget*>("totalsTable"), m_view->totalsTable());
        QCOMPARE(m_view->findChild<QTableView*>("differencesTable"), m_view->differencesTable());
        QVERIFY(m_view->summaryLabel()->text().contains("Deep"));
        QVERIFY(m_view->summaryLabel()->text().contains("Shallow"));
    }

    void totalsShowTheComparisonsNumbers()
    {
        const fp::plan::ScenarioComparison expected = fp::plan::compareScenarios(m_a, m_b);
        const QTableWidget* totals = m_view->totalsTable();
        QCOMPARE(totals->rowCount(), int(ScenarioCompareView::TotalsRowCount));
        QCOMPARE(totals->horizontalHeaderItem(ScenarioCompareView::ValueA)->text(),
                 QString("Deep"));
        QCOMPARE(totals->horizontalHeaderItem(ScenarioCompareView::ValueB)->text(),
                 QString("Shallow"));
        struct Expected
        {
            int row;
            double a, b;
        };
        const Expected rows[] = {
            {ScenarioCompareView::UnitsRow, expected.a.units, expected.b.units},
            {ScenarioCompareView::RevenueRow, expected.a.revenue, expected.b.revenue},
            {ScenarioCompareView::ProfitRow, expected.a.profit, expected.b.profit},
            {ScenarioCompareView::MarkdownRow, expected.a.markdownCost, expected.b.markdownCost},
            {ScenarioCompareView::AtLimitRow, double(expected.a.productsAtLimit),
             double(expected.b.productsAtLimit)},
        };
        for (const Expected& e : rows) {
            const auto value = [&](int column) {
                return totals->item(e.row, column)->data(ScenarioCompareView::SortRole).toDouble();
            };
            QCOMPARE(value(ScenarioCompareView::ValueA), e.a);
            QCOMPARE(value(ScenarioCompareView::ValueB), e.b);
            QCOMPARE(value(ScenarioCompareView::Difference), e.b - e.a);
            QCOMPARE(value(ScenarioCompareView::Change), 100.0 * (e.b - e.a) / e.a);
        }
        // Revenue 2,810.00 -> 3,115.00: +305.00, +10.9%.
        const int r = ScenarioCompareView::RevenueRow;
        QCOMPARE(totals->item(r, ScenarioCompareView::ValueA)->text(), money(2810));
        QCOMPARE(totals->item(r, ScenarioCompareView::ValueB)->text(), money(3115));
        QCOMPARE(totals->item(r, ScenarioCompareView::Difference)->text(), "+" + money(305));
        QCOMPARE(totals->item(r, ScenarioCompareView::Change)->text(),
                 "+" + QLocale().toString(10.9, 'f', 1) + "%");
        // A gain in revenue and a rise in markdown cost are coloured differently; the count of
        // products at a limit is neither good nor bad.
        const QBrush revenue = totals->item(r, ScenarioCompareView::Difference)->foreground();
        const QBrush markdown =
            totals->item(ScenarioCompareView::MarkdownRow, ScenarioCompareView::Difference)
                ->foreground();
        QVERIFY(revenue.style() != Qt::NoBrush);
        QVERIFY(markdown.style() != Qt::NoBrush);
        QVERIFY(revenue.color() != markdown.color());
        QCOMPARE(totals->item(ScenarioCompareView::AtLimitRow, ScenarioCompareView::Difference)
                     ->foreground()
                     .style(),
                 Qt::NoBrush);
        QCOMPARE(
            totals->item(ScenarioCompareView::AtLimitRow, ScenarioCompareView::Difference)->text(),
            QString("0"));
    }

    void differencesEqualTheComparison()
    {
        const fp::plan::ScenarioComparison& shown = m_view->comparison();
        const fp::plan::ScenarioComparison expected = fp::plan::compareScenarios(m_a, m_b);
        const QTableView* table = m_view->differencesTable();
        QCOMPARE(table->model()->rowCount(), int(expected.products.size()));
        QCOMPARE(table->model()->columnCount(), int(ScenarioCompareView::ColumnCount));
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            const fp::plan::ProductDifference& d = expected.products[size_t(r)];
            QCOMPARE(shown.products[size_t(r)].sku, d.sku);
            QCOMPARE(cell(table, r, ScenarioCompareView::Sku, Qt::DisplayRole).toString(),
                     QString::fromStdString(d.sku));
            QCOMPARE(
                cell(table, r, ScenarioCompareView::DeltaRevenue, ScenarioCompareView::SortRole)
                    .toDouble(),
                d.revenueB - d.revenueA);
            QCOMPARE(cell(table, r, ScenarioCompareView::RevenueA, ScenarioCompareView::SortRole)
                         .toDouble(),
                     d.revenueA);
        }
        // P3 (row 2): 10% -> 25%, +15 pts, revenue +150.00, profit +20.00, both green.
        QCOMPARE(cell(table, 2, ScenarioCompareView::DiscountA, Qt::DisplayRole).toString(),
                 QString("10%"));
        QCOMPARE(cell(table, 2, ScenarioCompareView::DiscountB, Qt::DisplayRole).toString(),
                 QString("25%"));
        QCOMPARE(cell(table, 2, ScenarioCompareView::DeltaPoints, Qt::DisplayRole).toString(),
                 QString("+15 pts"));
        QCOMPARE(cell(table, 2, ScenarioCompareView::DeltaRevenue, Qt::DisplayRole).toString(),
                 "+" + money(150));
        QCOMPARE(cell(table, 2, ScenarioCompareView::DeltaProfit, Qt::DisplayRole).toString(),
                 "+" + money(20));
        // P2 (row 1) lost revenue: its difference is coloured unlike P3's gain.
        QCOMPARE(cell(table, 1, ScenarioCompareView::DeltaRevenue, Qt::DisplayRole).toString(),
                 money(-300));
        const QColor loss = cell(table, 1, ScenarioCompareView::DeltaRevenue, Qt::ForegroundRole)
                                .value<QBrush>()
                                .color();
        const QColor gain = cell(table, 2, ScenarioCompareView::DeltaRevenue, Qt::ForegroundRole)
                                .value<QBrush>()
                                .color();
        QVERIFY(loss.isValid() && gain.isValid() && loss != gain);
        // P5 (row 4) is only in A: no discount B, its whole revenue lost.
        QCOMPARE(cell(table, 4, ScenarioCompareView::DiscountB, Qt::DisplayRole).toString(),
                 QString("\u2014"));
        QCOMPARE(cell(table, 4, ScenarioCompareView::DeltaPoints, Qt::DisplayRole).toString(),
                 QString("\u2014"));
        QCOMPARE(cell(table, 4, ScenarioCompareView::DeltaProfit, Qt::DisplayRole).toString(),
                 money(-2));
        // P7 (row 6) has no unit cost: its profit change is unknown, not zero.
        QCOMPARE(cell(table, 6, ScenarioCompareView::DeltaProfit, Qt::DisplayRole).toString(),
                 QString("\u2014"));
        QCOMPARE(cell(table, 6, ScenarioCompareView::DeltaRevenue, Qt::DisplayRole).toString(),
                 money(0));
        QVERIFY(!cell(table, 6, ScenarioCompareView::DeltaRevenue, Qt::ForegroundRole).isValid());
    }

    void majorRowsAreBoldOnATint()
    {
        const fp::plan::ScenarioComparison expected = fp::plan::compareScenarios(m_a, m_b);
        const QTableView* table = m_view->differencesTable();
        int major = 0;
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            const bool isMajor = expected.products[size_t(r)].major;
            major += isMajor ? 1 : 0;
            QCOMPARE(
                cell(table, r, ScenarioCompareView::Sku, ScenarioCompareView::MajorRole).toBool(),
                isMajor);
            for (int c = 0; c < ScenarioCompareView::ColumnCount; ++c) {
                QCOMPARE(cell(table, r, c, Qt::FontRole).value<QFont>().bold(), isMajor);
                QCOMPARE(cell(table, r, c, Qt::BackgroundRole).isValid(), isMajor);
            }
        }
        QCOMPARE(major, 5);
    }

    void sortingByDeltaRevenueOrdersTheRows()
    {
        QTableView* table = m_view->differencesTable();
        const auto deltas = [&] {
            QList<double> values;
            for (int r = 0; r < table->model()->rowCount(); ++r)
                values << cell(table, r, ScenarioCompareView::DeltaRevenue,
                               ScenarioCompareView::SortRole)
                              .toDouble();
            return values;
        };
        table->sortByColumn(ScenarioCompareView::DeltaRevenue, Qt::DescendingOrder);
        QCOMPARE(deltas(), (QList<double>{500, 150, 5, 0, -10, -40, -300}));
        QCOMPARE(cell(table, 0, ScenarioCompareView::Sku, Qt::DisplayRole).toString(),
                 QString("P1"));
        table->sortByColumn(ScenarioCompareView::DeltaRevenue, Qt::AscendingOrder);
        QCOMPARE(deltas(), (QList<double>{-300, -40, -10, 0, 5, 150, 500}));
        QCOMPARE(cell(table, 0, ScenarioCompareView::Sku, Qt::DisplayRole).toString(),
                 QString("P2"));
        // Sorting keeps each row's marks with it.
        QVERIFY(cell(table, 0, ScenarioCompareView::Sku, ScenarioCompareView::MajorRole).toBool());
        QVERIFY(!cell(table, 1, ScenarioCompareView::Sku, ScenarioCompareView::MajorRole).toBool());

        // New scenarios start again in the comparison's order.
        m_view->setScenarios("B", m_b, "A", m_a);
        QCOMPARE(cell(table, 0, ScenarioCompareView::Sku, Qt::DisplayRole).toString(),
                 QString("P1"));
        QCOMPARE(cell(table, 0, ScenarioCompareView::DeltaRevenue, ScenarioCompareView::SortRole)
                     .toDouble(),
                 -500.0);
    }

    void aDarkPaletteGetsADarkTintAndLightColours()
    {
        const QTableView* table = m_view->differencesTable();
        const QColor lightTint = cell(table, 0, 0, Qt::BackgroundRole).value<QColor>();
        const QColor lightGain =
            cell(table, 0, ScenarioCompareView::DeltaRevenue, Qt::ForegroundRole)
                .value<QBrush>()
                .color();
        QVERIFY(lightTint.lightnessF() > 0.5);

        QPalette dark = m_view->palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
        m_view->setPalette(dark);
        const QColor darkTint = cell(table, 0, 0, Qt::BackgroundRole).value<QColor>();
        const QColor darkGain =
            cell(table, 0, ScenarioCompareView::DeltaRevenue, Qt::ForegroundRole)
                .value<QBrush>()
                .color();
        QVERIFY(darkTint.lightnessF() < 0.5);
        QVERIFY(darkTint != QColor(0x20, 0x20, 0x24)); // tinted, not plain base
        QVERIFY(darkGain.lightnessF() > lightGain.lightnessF());
    }

private:
    ScenarioCompareView* m_view = nullptr;
    PlanResult m_a, m_b;
};

QTEST_MAIN(TestScenarioCompareView)
#include "test_scenariocompareview.moc"
