#pragma once

#include <QString>
#include <QVariant>
#include <span>

namespace fp::ui {

// One column of a table model: its header, the header's tooltip (none when null) and how its
// cells align. The texts are marked with QT_TRANSLATE_NOOP in the model's translation context.
struct TableColumn
{
    const char* title;
    const char* toolTip = nullptr;
    Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter;
};

// A table model's columns described once, in column order, so headerData() and the alignment
// of the cells are a look-up rather than a switch per role.
class TableColumns final
{
public:
    // `context` is the model's translation context ("fp::ui::PlanTableModel").
    TableColumns(const char* context, std::span<const TableColumn> columns)
        : m_context(context), m_columns(columns)
    {
    }

    // The header's title (Qt::DisplayRole) or tooltip (Qt::ToolTipRole) of a horizontal
    // section; an invalid QVariant for anything else, which the model's base class answers.
    QVariant headerData(int section, Qt::Orientation orientation, int role) const;
    QString title(int column) const;
    QVariant alignment(int column) const; // for Qt::TextAlignmentRole

private:
    const char* m_context;
    std::span<const TableColumn> m_columns;
};

} // namespace fp::ui
