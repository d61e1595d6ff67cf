#pragma once

#include "data/productstats.h"
#include "store/store.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QString>
#include <vector>

namespace fp::ui {

class TableColumns;
// The project's products as a lazy read-only table: one row per product, cells formatted only when
// a view asks for them. Names come at once (setProducts); the history statistics arrive later from
// a background job (setStats) and fill in with one dataChanged. The sort role gives numbers for
// numeric columns, so they sort as numbers.
class ProductsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sku,
        Name,
        Category,
        Days,
        Units,
        Revenue,
        AverageDiscount,
        StockoutDays,
        LastEvent,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit ProductsTableModel(QObject* parent = nullptr);

    // Replaces the products (and forgets their statistics).
    void setProducts(std::vector<store::ProductRecord> products);
    // Statistics by product id; products without any are shown as having no sales.
    void setStats(const std::vector<data::ProductStats>& stats);
    bool hasStats() const { return m_hasStats; }
    // 7: the project's periods are weeks, and the columns that count periods say weeks.
    void setPeriodDays(int periodDays);

    std::int64_t productId(int row) const { return m_rows[static_cast<size_t>(row)].id; }
    const QString& sku(int row) const { return m_rows[static_cast<size_t>(row)].sku; }
    const QString& name(int row) const { return m_rows[static_cast<size_t>(row)].name; }
    const QString& category(int row) const { return m_rows[static_cast<size_t>(row)].category; }
    int rowOf(std::int64_t productId) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Header, tooltip, alignment of each column; periods counted in days or in weeks.
    static const TableColumns& columns(bool weekly);
    struct Row
    {
        std::int64_t id = 0;
        QString sku, name, category;
        data::ProductStats stats;
    };
    QVariant display(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;

    std::vector<Row> m_rows;
    bool m_hasStats = false;
    bool m_weekly = false;
};

// Filters the products by text (in the SKU or name, ignoring case) and by category.
class ProductsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ProductsFilterModel(ProductsTableModel* source, QObject* parent = nullptr);

    void setText(const QString& text);
    void setCategory(const QString& category); // empty: every category

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ProductsTableModel* m_source;
    QString m_text;
    QString m_category;
};

} // namespace fp::ui
