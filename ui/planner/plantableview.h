#pragma once

#include <QStyledItemDelegate>
#include <QTableView>

class QSortFilterProxyModel;

namespace fp::ui {

class PlannerDocument;
class PlanTableModel;

// Paints the discount column as a horizontal slider over the product's allowed range.
class DiscountSliderDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The discount (0..1) under x in a cell of `rect`, snapped to whole percentage points and
    // clamped to [min, max].
    static double discountAt(int x, const QRect& rect, double min, double max);
    // The x of `discount` in a cell of `rect` (the handle's centre).
    static int xOf(double discount, const QRect& rect, double min, double max);
};

// Edits the discount column in percent with a spin box.
class DiscountSpinDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;
};

// The plan table: sortable (by the raw numbers, only when a header is clicked, so rows never jump
// under a dragged slider), with sliders that follow the mouse and the arrow keys. One drag is one
// undo step.
class PlanTableView final : public QTableView
{
    Q_OBJECT
public:
    PlanTableView(PlannerDocument* document, PlanTableModel* model, QWidget* parent = nullptr);

    QSortFilterProxyModel* proxy() const { return m_proxy; }
    int sourceRow(int viewRow) const;
    int viewRow(int sourceRow) const;
    QRect sliderRect(int sourceRow) const; // in viewport coordinates
    int currentSourceRow() const;          // -1: none

    // Hides or shows a column (PlanTableModel::Column), as the header's menu does; remembered.
    void setColumnShown(int column, bool shown);

signals:
    void currentProductChanged(int sourceRow);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void dragTo(int x);
    void showColumnMenu(const QPoint& at);
    void restoreLayout();
    void saveLayout() const;

    PlannerDocument* m_document;
    PlanTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    int m_dragRow = -1; // source row of the slider being dragged
    int m_pressX = 0;
    bool m_moved = false; // a press on the handle moves nothing until the mouse does
};

} // namespace fp::ui
