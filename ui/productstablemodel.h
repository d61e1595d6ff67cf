#pragma once

#include "store/store.h"

#include <QAbstractTableModel>
#include <vector>

namespace fp::ui {

// The project's products as a read-only table (sku, name, category, regular price, unit cost).
class ProductsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sku,
        Name,
        Category,
        ListPrice,
        UnitCost,
        ColumnCount
    };

    explicit ProductsTableModel(QObject* parent = nullptr);
    void setProducts(std::vector<store::ProductRecord> products);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<store::ProductRecord> m_products;
};

} // namespace fp::ui
