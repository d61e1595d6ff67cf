#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace fp::ui {

// Lists every menu command that has a keyboard shortcut, read from the menus themselves so the
// list is always the one of this version (and in the window's language).
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar* menus, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table = nullptr;
};

} // namespace fp::ui
