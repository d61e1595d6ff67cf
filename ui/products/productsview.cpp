#include "products/productsview.h"

#include "data/productstats.h"
#include "products/productstablemodel.h"
#include "settings/problemtext.h"
#include "shell/latestrequest.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>
#include <memory>

namespace fp::ui {

ProductsView::ProductsView(ProjectController* project, QWidget* parent)
    : QWidget(parent), m_project(project), m_model(new ProductsTableModel(this)),
      m_proxy(new ProductsFilterModel(m_model, this)), m_statsJob(new StatsJob(this)),
      m_stats(new LatestRequest(m_statsJob, [this] { startStats(); }))
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName("productFilter");
    m_filter->setPlaceholderText(tr("Filter by SKU or name"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Shows the products whose SKU or name contains this text"));
    m_category = new QComboBox(this);
    m_category->setObjectName("productCategory");
    m_category->setToolTip(tr("Shows the products of one category"));
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_count = new QLabel(this);

    m_table = new QTableView(this);
    m_table->setObjectName("productTable");
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ProductsTableModel::Sku, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection); // several for a campaign
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    // Fixed row heights and no per-cell content sizing keep 10,000 rows cheap to scroll.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const int charWidth = fontMetrics().averageCharWidth();
    const int widths[] = {11, 20, 12, 7, 9, 11, 11, 11, 11};
    for (int c = 0; c < ProductsTableModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c] * charWidth + 12);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Filter:"), this));
    filters->addWidget(m_filter, 1);
    filters->addWidget(new QLabel(tr("Category:"), this));
    filters->addWidget(m_category);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_count);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setText(text);
        updateCount();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setCategory(m_category->currentData().toString());
        updateCount();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });

    m_statsJob->onFinished(this, [this](quint64, const Stats& stats) {
        m_model->setStats(*stats);
        widenNumberColumns();
        updateCount();
        emit statsLoaded();
    });
    connect(m_statsJob, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        m_count->setText(tr("Cannot compute the product statistics: %1").arg(problemText(problem)));
    });
    connect(m_statsJob, &JobBase::cancelled, this, [this] {
        m_count->setText(tr("Statistics cancelled; reopen the project to compute them."));
    });
    connect(m_project, &ProjectController::projectChanged, this, &ProductsView::reload);
    connect(m_project, &ProjectController::salesChanged, this, &ProductsView::reload);
    reload();
}

void ProductsView::reload()
{
    const std::int64_t keep = m_selected;
    std::vector<store::ProductRecord> products;
    std::vector<std::string> categories;
    int periodDays = 1;
    if (m_project->hasProject()) {
        try {
            // Names and categories: one quick query each, even for 10,000 products.
            store::Store store(m_project->projectPath().toStdString(),
                               store::Store::OpenMode::ReadOnly);
            products = store.products();
            categories = store.categories();
            periodDays = store.periodDays();
        } catch (const std::exception& e) {
            m_count->setText(tr("Cannot read the products: %1").arg(problemText(e)));
        }
    }
    const QString category = m_category->currentData().toString();
    {
        const QSignalBlocker block(m_category);
        m_category->clear();
        m_category->addItem(tr("All categories"), QString());
        for (const std::string& name : categories)
            m_category->addItem(QString::fromStdString(name), QString::fromStdString(name));
        m_category->setCurrentIndex(std::max(0, m_category->findData(category)));
    }
    m_proxy->setCategory(m_category->currentData().toString());
    m_selected = 0;
    m_model->setPeriodDays(periodDays);
    m_model->setProducts(std::move(products));
    updateCount();
    m_stats->request();
    if (m_model->rowCount() == 0)
        return;
    // Keep the product that was selected, or start with the first one so the charts show data.
    if (keep && m_model->rowOf(keep) >= 0)
        selectProduct(keep);
    else if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
}

void ProductsView::widenNumberColumns()
{
    // The widths set up front guess at the numbers; a best seller's units need more. Sized from
    // the rows in view (Qt samples, so 10,000 rows cost no more), and only ever widened: a width
    // the user chose stays unless a number would be cut.
    for (int c = ProductsTableModel::Days; c < ProductsTableModel::ColumnCount; ++c) {
        const int before = m_table->columnWidth(c);
        m_table->resizeColumnToContents(c);
        if (m_table->columnWidth(c) < before)
            m_table->setColumnWidth(c, before);
    }
}

QSize ProductsView::sizeHint() const
{
    int width = 0;
    for (int c = ProductsTableModel::Sku; c <= ProductsTableModel::Revenue; ++c)
        width += m_table->columnWidth(c);
    return {width + 2 * m_table->frameWidth() + 24, 600};
}

void ProductsView::startStats()
{
    if (!m_project->hasProject() || m_model->rowCount() == 0)
        return;
    const std::string path = m_project->projectPath().toStdString();
    m_statsJob->start(tr("Computing product statistics"), [path](const ProgressFn& progress) {
        store::Store store(path, store::Store::OpenMode::ReadOnly);
        return std::make_shared<const std::vector<data::ProductStats>>(
            data::productStats(store, progress));
    });
}

void ProductsView::selectProduct(std::int64_t productId)
{
    const int row = m_model->rowOf(productId);
    if (row < 0)
        return;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid()) { // hidden by a filter
        m_filter->clear();
        m_category->setCurrentIndex(0);
        index = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void ProductsView::updateCount()
{
    const QLocale locale;
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (shown == total)
        m_count->setText(total == 1 ? tr("1 product")
                                    : tr("%1 products").arg(locale.toString(total)));
    else
        m_count->setText(
            tr("%1 of %2 products").arg(locale.toString(shown), locale.toString(total)));
}

QList<qint64> ProductsView::selectedProducts() const
{
    QList<qint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids << m_model->productId(m_proxy->mapToSource(index).row());
    return ids;
}

void ProductsView::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return; // filtered out: the other views keep showing the last product
    const int row = m_proxy->mapToSource(current).row();
    const std::int64_t id = m_model->productId(row);
    if (id == m_selected)
        return;
    m_selected = id;
    emit productSelected(id, m_model->sku(row));
}

} // namespace fp::ui
