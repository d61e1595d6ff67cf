#include "settings/shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fp::ui {

namespace {

struct ShortcutRow
{
    QString menu, command, keys;
};

QString keysOf(const QAction* action)
{
    QStringList keys;
    for (const QKeySequence& sequence : action->shortcuts())
        keys.append(sequence.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}

// iconText() is the text without its mnemonic '&' and trailing "...".
void collect(const QMenu* menu, const QString& path, QList<ShortcutRow>& rows)
{
    for (const QAction* action : menu->actions()) {
        if (action->menu())
            collect(action->menu(), path + QStringLiteral(" > ") + action->iconText(), rows);
        else if (!action->isSeparator() && !action->shortcuts().isEmpty())
            rows.append({path, action->iconText(), keysOf(action)});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<ShortcutRow> rows;
    for (const QAction* action : menus->actions())
        if (action->menu())
            collect(action->menu(), action->iconText(), rows);

    m_table = new QTableWidget(static_cast<int>(rows.size()), 3, this);
    m_table->setObjectName("shortcutsTable");
    m_table->setHorizontalHeaderLabels({tr("Menu"), tr("Command"), tr("Shortcut")});
    m_table->setToolTip(tr("Every menu command with a keyboard shortcut"));
    for (int r = 0; r < rows.size(); ++r) {
        const ShortcutRow& row = rows[r];
        int column = 0;
        for (const QString& text : {row.menu, row.command, row.keys})
            m_table->setItem(r, column++, new QTableWidgetItem(text));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();

    auto* note = new QLabel(tr("In a time chart (click it first): + and - zoom, Left and Right "
                               "pan, Home shows the whole history. The mouse wheel zooms, a drag "
                               "zooms to a span, a right-drag or Shift+wheel pans."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setToolTip(tr("Close this list"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(560, 460);
}

} // namespace fp::ui
