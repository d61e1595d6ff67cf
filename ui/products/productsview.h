#pragma once

#include "shell/job.h"

#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace fp::data {
struct ProductStats;
}

namespace fp::ui {

class LatestRequest;
class ProductsFilterModel;
class ProductsTableModel;
class ProjectController;

// The products of the open project: a text filter, a category filter and a sortable lazy table.
// Names show at once; the statistics of every product are computed by a background job and fill
// in when it ends. Choosing a row says which product the other views should show.
class ProductsView final : public QWidget
{
    Q_OBJECT
public:
    using Stats = std::shared_ptr<const std::vector<data::ProductStats>>;
    using StatsJob = Job<Stats>;

    explicit ProductsView(ProjectController* project, QWidget* parent = nullptr);

    ProductsTableModel* model() const { return m_model; }
    ProductsFilterModel* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    StatsJob* statsJob() const { return m_statsJob; }           // for the status bar
    std::int64_t selectedProduct() const { return m_selected; } // 0: none
    QList<qint64> selectedProducts() const; // the selected rows, as project product ids

    QSize sizeHint() const override; // room for the SKU, name and the main figures

    // Re-reads the products of the project and starts computing their statistics.
    void reload();
    // Selects a product (clearing filters that hide it) and scrolls to it.
    void selectProduct(std::int64_t productId);

signals:
    void productSelected(qint64 productId, const QString& sku);
    void statsLoaded(); // the statistics columns are filled in

private:
    void startStats();
    void widenNumberColumns();
    void updateCount();
    void onCurrentChanged(const QModelIndex& current);

    ProjectController* m_project;
    ProductsTableModel* m_model = nullptr;
    ProductsFilterModel* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QComboBox* m_category = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_count = nullptr;
    StatsJob* m_statsJob = nullptr;
    LatestRequest* m_stats = nullptr; // the statistics of the products shown last
    std::int64_t m_selected = 0;
};

} // namespace fp::ui
