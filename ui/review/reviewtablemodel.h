#pragma once

#include "review/salereview.h"

#include <QAbstractTableModel>
#include <vector>

namespace fp::ui {

class TableColumns;

// The reviewed products, one row each, numbers formatted like the planner's table. SortRole holds
// each cell's raw number (the money missed: its size, so a descending sort lists the largest
// misses first, either way, as core's largestMisses does).
class ReviewTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sku,
        Name,
        PlannedDiscount,
        ChargedDiscount,
        ExpectedUnits,
        ActualUnits,
        Missed,
        ExpectedRevenue,
        ActualRevenue,
        Interval,
        Within,
        SoldOut,
        ExpectedProfit,
        ActualProfit,
        UnitsAtChargedPrice,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole
    };

    explicit ReviewTableModel(QObject* parent = nullptr);

    void setRows(std::vector<review::ProductReview> rows);
    const std::vector<review::ProductReview>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static const TableColumns& columns();

private:
    QVariant display(const review::ProductReview& row, int column) const;
    QVariant sortValue(const review::ProductReview& row, int column) const;

    std::vector<review::ProductReview> m_rows;
};

} // namespace fp::ui
