#include "products/productstablemodel.h"

#include "base/civildate.h"
#include "shell/tablecolumns.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>
#include <algorithm>
#include <unordered_map>

namespace fp::ui {

const TableColumns& ProductsTableModel::columns(bool weekly)
{
    constexpr auto left = Qt::AlignLeft | Qt::AlignVCenter;
    static constexpr TableColumn kDaily[] = {
        {QT_TR_NOOP("SKU"), nullptr, left},
        {QT_TR_NOOP("Name"), nullptr, left},
        {QT_TR_NOOP("Category"), nullptr, left},
        {QT_TR_NOOP("Days"), QT_TR_NOOP("Days with a sales record; days absent from the files "
                                        "(filled in as 0 units, or unknown) are not counted")},
        {QT_TR_NOOP("Units"), QT_TR_NOOP("Units sold over the whole history")},
        {QT_TR_NOOP("Revenue"),
         QT_TR_NOOP("Units sold times the price charged, over the whole history")},
        {QT_TR_NOOP("Avg discount"), QT_TR_NOOP("Mean discount off the regular price on the days "
                                                "sold at least 1% below it")},
        {QT_TR_NOOP("Sold-out days"),
         QT_TR_NOOP("Days the product sold out (units sold reached the stock): demand was "
                    "higher than the units show")},
        {QT_TR_NOOP("Last event"),
         QT_TR_NOOP("Last day the product was featured in a flash-sale event")},
    };
    // Weekly data: the same columns, counted in weeks.
    static constexpr TableColumn kWeekly[] = {
        kDaily[Sku],
        kDaily[Name],
        kDaily[Category],
        {QT_TR_NOOP("Weeks"), QT_TR_NOOP("Weeks with a sales record; weeks absent from the files "
                                         "(filled in as 0 units, or unknown) are not counted")},
        kDaily[Units],
        kDaily[Revenue],
        {QT_TR_NOOP("Avg discount"), QT_TR_NOOP("Mean discount off the regular price in the "
                                                "weeks sold at least 1% below it")},
        {QT_TR_NOOP("Sold-out weeks"),
         QT_TR_NOOP("Weeks the product sold out (units sold reached the stock): demand was "
                    "higher than the units show")},
        {QT_TR_NOOP("Last event"),
         QT_TR_NOOP("First day of the last week the product was featured in a flash-sale event")},
    };
    static_assert(std::size(kDaily) == ColumnCount && std::size(kWeekly) == ColumnCount);
    static const TableColumns daily(staticMetaObject.className(), kDaily);
    static const TableColumns weeklyColumns(staticMetaObject.className(), kWeekly);
    return weekly ? weeklyColumns : daily;
}

ProductsTableModel::ProductsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProductsTableModel::setPeriodDays(int periodDays)
{
    const bool weekly = periodDays == 7;
    if (weekly == m_weekly)
        return;
    m_weekly = weekly;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, AverageDiscount), index(rowCount() - 1, AverageDiscount),
                         {Qt::ToolTipRole});
}

void ProductsTableModel::setProducts(std::vector<store::ProductRecord> products)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(products.size());
    for (store::ProductRecord& p : products) {
        Row row;
        row.id = p.id;
        row.sku = QString::fromStdString(p.sku);
        row.name = QString::fromStdString(p.name);
        row.category = QString::fromStdString(p.category);
        row.stats.productId = p.id;
        m_rows.push_back(std::move(row));
    }
    m_hasStats = false;
    endResetModel();
}

void ProductsTableModel::setStats(const std::vector<data::ProductStats>& stats)
{
    std::unordered_map<std::int64_t, const data::ProductStats*> byId;
    byId.reserve(stats.size());
    for (const data::ProductStats& s : stats)
        byId.emplace(s.productId, &s);
    for (Row& row : m_rows) {
        const auto it = byId.find(row.id);
        row.stats = it == byId.end() ? data::ProductStats{} : *it->second;
        row.stats.productId = row.id;
    }
    m_hasStats = true;
    if (!m_rows.empty())
        emit dataChanged(index(0, Days), index(rowCount() - 1, LastEvent));
}

int ProductsTableModel::rowOf(std::int64_t productId) const
{
    // Rows are in product id order (Store::products()); fall back to a scan otherwise.
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), productId,
                                     [](const Row& row, std::int64_t id) { return row.id < id; });
    if (it != m_rows.end() && it->id == productId)
        return static_cast<int>(it - m_rows.begin());
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == productId)
            return static_cast<int>(i);
    return -1;
}

int ProductsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProductsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductsTableModel::display(const Row& row, int column) const
{
    const QLocale locale;
    const data::ProductStats& s = row.stats;
    switch (column) {
    case Sku:
        return row.sku;
    case Name:
        return row.name;
    case Category:
        return row.category;
    }
    if (!m_hasStats)
        return QStringLiteral("…");
    switch (column) {
    case Days:
        return locale.toString(static_cast<qlonglong>(s.days));
    case Units:
        return locale.toString(s.units, 'f', 0);
    case Revenue:
        return locale.toString(s.revenue, 'f', 0);
    case AverageDiscount:
        return s.discountedDays ? locale.toString(100.0 * s.averageDiscount, 'f', 1) + "%"
                                : QStringLiteral("–");
    case StockoutDays:
        return locale.toString(static_cast<qlonglong>(s.stockoutDays));
    case LastEvent:
        return s.lastEvent ? QString::fromStdString(formatIsoDate(*s.lastEvent))
                           : QStringLiteral("–");
    }
    return {};
}

QVariant ProductsTableModel::sortValue(const Row& row, int column) const
{
    const data::ProductStats& s = row.stats;
    switch (column) {
    case Sku:
        return row.sku;
    case Name:
        return row.name;
    case Category:
        return row.category;
    case Days:
        return static_cast<qlonglong>(s.days);
    case Units:
        return s.units;
    case Revenue:
        return s.revenue;
    case AverageDiscount:
        return s.averageDiscount;
    case StockoutDays:
        return static_cast<qlonglong>(s.stockoutDays);
    case LastEvent:
        return static_cast<qlonglong>(s.lastEvent.value_or(-1));
    }
    return {};
}

QVariant ProductsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Row& row = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
    case Qt::EditRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        return columns(m_weekly).alignment(column);
    case Qt::ForegroundRole:
        if (column >= Days && !m_hasStats)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
        if (column >= Days && !m_hasStats)
            return tr("Computing the statistics of every product…");
        if (column == AverageDiscount && row.stats.discountedDays)
            return (m_weekly ? tr("Mean over %1 discounted weeks")
                             : tr("Mean over %1 discounted days"))
                .arg(QLocale().toString(static_cast<qlonglong>(row.stats.discountedDays)));
        return {};
    }
    return {};
}

QVariant ProductsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant value = columns(m_weekly).headerData(section, orientation, role);
    return value.isValid() ? value : QAbstractTableModel::headerData(section, orientation, role);
}

ProductsFilterModel::ProductsFilterModel(ProductsTableModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), m_source(source)
{
    setSourceModel(source);
    setSortRole(ProductsTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ProductsFilterModel::setText(const QString& text)
{
    if (text.trimmed() == m_text)
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

void ProductsFilterModel::setCategory(const QString& category)
{
    if (category == m_category)
        return;
    m_category = category;
    invalidateFilter();
}

bool ProductsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    if (!m_category.isEmpty() && m_source->category(sourceRow) != m_category)
        return false;
    return m_text.isEmpty() || m_source->sku(sourceRow).contains(m_text, Qt::CaseInsensitive) ||
           m_source->name(sourceRow).contains(m_text, Qt::CaseInsensitive);
}

} // namespace fp::ui
