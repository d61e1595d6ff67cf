#pragma once

#include <QAbstractTableModel>

namespace fp::plan {
struct WorkingPlan;
}

namespace fp::ui {

class TableColumns;
class PlannerDocument;
using PlannerState = plan::WorkingPlan;

// The campaign's products and their limits, editable in place: list price, stock, unit cost and
// the allowed discount range. An empty stock means unlimited, an empty unit cost unknown. Every
// edit (one cell, or a whole pasted block) is one undoable step of the document.
class CampaignTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sku,
        Name,
        Stock,
        UnitCost,
        MinDiscount,
        MaxDiscount,
        ListPrice,
        ColumnCount
    };

    explicit CampaignTableModel(PlannerDocument* document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Pastes tab- or comma-separated rows (as copied from a spreadsheet) with their top-left cell
    // at (row, column). Returns the number of cells changed, or -1 and `error` when a value is not
    // valid (then nothing changes).
    int paste(int row, int column, const QString& text, QString* error);

    void setEditable(bool editable);

private:
    static const TableColumns& columns(); // header, tooltip, alignment of each column
    // Applies `text` to one cell of `state`; false and `error` when it is not a valid value.
    bool applyText(PlannerState& state, int row, int column, const QString& text,
                   QString* error) const;

    PlannerDocument* m_document;
    bool m_editable = true;
};

} // namespace fp::ui
