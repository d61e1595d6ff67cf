#include "productstablemodel.h"

namespace fp::ui {

ProductsTableModel::ProductsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProductsTableModel::setProducts(std::vector<store::ProductRecord> products)
{
    beginResetModel();
    m_products = std::move(products);
    endResetModel();
}

int ProductsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_products.size());
}

int ProductsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const store::ProductRecord& p = m_products[static_cast<size_t>(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() >= ListPrice)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == ListPrice && p.listPriceEstimated)
        return tr("Estimated from the product's most common high price (no list_price column)");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Sku:
        return QString::fromStdString(p.sku);
    case Name:
        return QString::fromStdString(p.name);
    case Category:
        return QString::fromStdString(p.category);
    case ListPrice:
        return p.listPrice
                   ? QString::number(*p.listPrice, 'f', 2) + (p.listPriceEstimated ? "*" : "")
                   : QString();
    case UnitCost:
        return p.unitCost ? QString::number(*p.unitCost, 'f', 2) : QString();
    }
    return {};
}

QVariant ProductsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Sku:
        return tr("SKU");
    case Name:
        return tr("Name");
    case Category:
        return tr("Category");
    case ListPrice:
        return tr("Regular price");
    case UnitCost:
        return tr("Unit cost");
    }
    return {};
}

} // namespace fp::ui
