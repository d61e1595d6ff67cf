#include "shell/tablecolumns.h"

#include <QCoreApplication>

namespace fp::ui {

QVariant TableColumns::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 ||
        section >= static_cast<int>(m_columns.size()))
        return {};
    const TableColumn& column = m_columns[static_cast<size_t>(section)];
    if (role == Qt::DisplayRole)
        return QCoreApplication::translate(m_context, column.title);
    if (role == Qt::ToolTipRole && column.toolTip)
        return QCoreApplication::translate(m_context, column.toolTip);
    return {};
}

QString TableColumns::title(int column) const
{
    return headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

QVariant TableColumns::alignment(int column) const
{
    if (column < 0 || column >= static_cast<int>(m_columns.size()))
        return {};
    return int(m_columns[static_cast<size_t>(column)].alignment);
}

} // namespace fp::ui
