#pragma once

#include "io/columnmap.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

namespace fp::io {
struct CsvPreview;
}

namespace fp::ui {

// The preview rows of the import dialog as a table (its own copy); each column's header names
// the field it feeds, and columns that feed no field are greyed out. The row headers are the
// rows' line numbers in the file.
class CsvPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setPreview(const io::CsvPreview& preview, const io::ColumnMap& map);
    void setMap(const io::ColumnMap& map);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::optional<io::SalesField> fieldOf(int column) const;

    QStringList m_header;
    QList<QStringList> m_rows;
    std::vector<std::int64_t> m_lines;
    io::ColumnMap m_map;
};

} // namespace fp::ui
