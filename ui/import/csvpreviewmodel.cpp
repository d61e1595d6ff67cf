#include "import/csvpreviewmodel.h"

#include "io/csvpreview.h"

#include <QColor>

namespace fp::ui {

void CsvPreviewModel::setPreview(const io::CsvPreview& preview, const io::ColumnMap& map)
{
    beginResetModel();
    m_header.clear();
    for (const std::string& name : preview.header)
        m_header << QString::fromStdString(name);
    m_rows.clear();
    for (const std::vector<std::string>& row : preview.rows) {
        QStringList cells;
        for (const std::string& cell : row)
            cells << QString::fromStdString(cell);
        m_rows << cells;
    }
    m_lines = preview.lines;
    m_map = map;
    endResetModel();
}

void CsvPreviewModel::setMap(const io::ColumnMap& map)
{
    m_map = map;
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::ForegroundRole});
}

int CsvPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CsvPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_header.size());
}

QVariant CsvPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == Qt::DisplayRole)
        return m_rows[index.row()].value(index.column());
    if (role == Qt::ForegroundRole && !fieldOf(index.column()))
        return QColor(Qt::gray);
    return {};
}

QVariant CsvPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return {};
        const auto line = static_cast<qlonglong>(m_lines[static_cast<size_t>(section)]);
        if (role == Qt::DisplayRole)
            return line;
        if (role == Qt::ToolTipRole)
            return tr("Line %1 of the file").arg(line);
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    const QString& name = m_header[section];
    const auto field = fieldOf(section);
    const QString target =
        field ? QString::fromStdString(std::string(io::infoOf(*field).canonical)) : QString();
    if (role == Qt::DisplayRole)
        return field ? tr("%1\n→ %2").arg(name, target) : tr("%1\n(not imported)").arg(name);
    if (role == Qt::ToolTipRole)
        return field ? tr("Column %1 '%2' is imported as %3").arg(section + 1).arg(name, target)
                     : tr("Column %1 '%2' is not imported; choose it for a field above to "
                          "import it")
                           .arg(section + 1)
                           .arg(name);
    return {};
}

std::optional<io::SalesField> CsvPreviewModel::fieldOf(int column) const
{
    for (const io::SalesFieldInfo& info : io::salesFields())
        if (m_map[info.field] == column)
            return info.field;
    return std::nullopt;
}

} // namespace fp::ui
