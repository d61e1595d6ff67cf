#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace fp::ui {

class ProductsTableModel;

// The application window. For now: the open project's summary and its products.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    bool openProject(const QString& path); // shows a message and returns false on failure

private:
    void chooseProject();

    QLabel* m_summary = nullptr;
    QTableView* m_table = nullptr;
    ProductsTableModel* m_model = nullptr;
};

} // namespace fp::ui
