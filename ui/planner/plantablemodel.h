#pragma once

#include <QAbstractTableModel>

namespace fp::ui {

class TableColumns;
class PlannerDocument;

// The plan table: one row per campaign product with its discount (a slider and a spin box), lock,
// and what core's evaluator says follows from it. Edits go to the document as undoable commands.
// Qt::UserRole holds each cell's raw number for sorting and tests.
class PlanTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sku,
        Name,
        Slider,   // the discount as a slider (painted by DiscountSliderDelegate)
        Discount, // the discount in percent, edited with a spin box
        Lock,
        SalePrice,
        Units,
        Interval, // 80% interval of units sold
        Revenue,
        Profit,
        SellThrough,
        SellOut,
        LimitedBy,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole,
        MinDiscountRole, // the product's allowed range, for the slider
        MaxDiscountRole,
    };

    explicit PlanTableModel(PlannerDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Read-only while the optimizer runs.
    void setEditable(bool editable);

    // The row's discount is deeper than any its category sold at (the model extrapolates).
    // A new product (no sales history): its demand comes from its peers (cold start).
    bool isNewProduct(int row) const;
    QString coldStartText(int row) const;
    bool beyondHistory(int row) const;

private:
    static const TableColumns& columns(); // header, tooltip, alignment of each column
    QVariant display(int row, int column) const;
    QVariant sortValue(int row, int column) const;

    PlannerDocument* m_document;
    bool m_editable = true;
};

} // namespace fp::ui
