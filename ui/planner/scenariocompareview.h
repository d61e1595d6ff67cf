#pragma once

#include "plan/scenariocompare.h"

#include <QString>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QTableWidget;

namespace fp::ui {

class DifferencesModel;

// Two plans side by side: a totals grid (units, revenue, profit, markdown cost, products at a
// limit: A, B, B - A and the change in %), and a sortable table of every product's discounts and
// revenue in both, its larger changes (plan::ProductDifference::major) in bold on a tinted row.
// Gains are green and losses red, in colours chosen for the current light or dark palette.
class ScenarioCompareView final : public QWidget
{
    Q_OBJECT
public:
    // The totals grid's rows and the differences table's columns.
    enum TotalsRow
    {
        UnitsRow,
        RevenueRow,
        ProfitRow,
        MarkdownRow,
        AtLimitRow,
        TotalsRowCount
    };
    enum TotalsColumn
    {
        ValueA,
        ValueB,
        Difference,
        Change,
        TotalsColumnCount
    };
    enum Column
    {
        Sku,
        Name,
        DiscountA,
        DiscountB,
        DeltaPoints,
        RevenueA,
        RevenueB,
        DeltaRevenue,
        DeltaProfit,
        ColumnCount
    };
    // Every cell of both tables holds its number under SortRole (missing values: none), and
    // each differences row says under MajorRole whether it is a major change.
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int MajorRole = Qt::UserRole + 1;

    explicit ScenarioCompareView(QWidget* parent = nullptr);
    ~ScenarioCompareView() override;

    void setScenarios(const QString& nameA, const plan::PlanResult& a, const QString& nameB,
                      const plan::PlanResult& b);

    const plan::ScenarioComparison& comparison() const { return m_comparison; }
    QTableWidget* totalsTable() const { return m_totals; }
    QTableView* differencesTable() const { return m_differences; }
    QLabel* summaryLabel() const { return m_summary; }

protected:
    void changeEvent(QEvent* event) override; // a new palette: recolour

private:
    void fillTotals();
    void applyColors();

    plan::ScenarioComparison m_comparison;
    QString m_nameA, m_nameB;
    QLabel* m_summary = nullptr;
    QTableWidget* m_totals = nullptr;
    QTableView* m_differences = nullptr;
    DifferencesModel* m_model = nullptr;
};

} // namespace fp::ui
