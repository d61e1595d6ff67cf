#include "review/reviewtablemodel.h"

#include "settings/numbertext.h"
#include "shell/tablecolumns.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <cmath>

namespace fp::ui {

namespace {

QString unitsText(double units)
{
    return QLocale().toString(units, 'f', 1);
}

QString optionalMoney(const std::optional<double>& value)
{
    return value ? moneyText(*value) : QStringLiteral("—");
}

QString signedMoney(double value)
{
    return (value > 0 ? QStringLiteral("+") : QString()) + moneyText(value);
}

} // namespace

const TableColumns& ReviewTableModel::columns()
{
    constexpr auto left = Qt::AlignLeft | Qt::AlignVCenter;
    static constexpr TableColumn kColumns[] = {
        {QT_TR_NOOP("SKU"), nullptr, left},
        {QT_TR_NOOP("Product"), nullptr, left},
        {QT_TR_NOOP("Planned"), QT_TR_NOOP("The discount the plan set")},
        {QT_TR_NOOP("Charged"),
         QT_TR_NOOP("The discount the sale actually charged: 1 - revenue / (units x list price)")},
        {QT_TR_NOOP("Expected units"),
         QT_TR_NOOP("Units the plan expected to sell in the window, capped by the stock")},
        {QT_TR_NOOP("Actual units")},
        {QT_TR_NOOP("Missed"),
         QT_TR_NOOP("Actual minus expected revenue; sorted by its size, largest misses first")},
        {QT_TR_NOOP("Expected revenue")},
        {QT_TR_NOOP("Actual revenue")},
        {QT_TR_NOOP("80% interval"), QT_TR_NOOP("80% prediction interval of units sold")},
        {QT_TR_NOOP("In interval"),
         QT_TR_NOOP("Whether the actual units fell inside the 80% interval"), Qt::AlignCenter},
        {QT_TR_NOOP("Sold out"), QT_TR_NOOP("The first day the product sold out")},
        {QT_TR_NOOP("Expected profit")},
        {QT_TR_NOOP("Actual profit")},
        {QT_TR_NOOP("At charged price"),
         QT_TR_NOOP("Units the model expects at the discount actually charged: actual minus this "
                    "is the forecast's error, this minus expected the execution's gap")},
    };
    static_assert(std::size(kColumns) == ColumnCount);
    static const TableColumns columns(staticMetaObject.className(), kColumns);
    return columns;
}

ReviewTableModel::ReviewTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReviewTableModel::setRows(std::vector<review::ProductReview> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ReviewTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReviewTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant header = columns().headerData(section, orientation, role);
    return header.isValid() ? header : QAbstractTableModel::headerData(section, orientation, role);
}

QVariant ReviewTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const review::ProductReview& row = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::TextAlignmentRole:
        return columns().alignment(column);
    case Qt::FontRole:
        if (column == Missed || column == ActualRevenue) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == Missed && row.revenueMissed() < 0)
            return QBrush(QColor(0xd3, 0x2f, 0x2f));
        if (column == Within && !row.withinInterval)
            return QBrush(QColor(0xe6, 0x7e, 0x00)); // amber: readable on light and dark
        return {};
    case Qt::ToolTipRole:
        if (column == Sku || column == Name)
            return QString::fromStdString(row.category);
        if (column == ChargedDiscount &&
            std::abs(row.chargedDiscount - row.plannedDiscount) >= 0.0005)
            return tr("Charged other than planned: at the charged discount the model expects %1 "
                      "units and %2 revenue")
                .arg(unitsText(row.expectedUnitsAtChargedPrice),
                     moneyText(row.expectedRevenueAtChargedPrice));
        return {};
    default:
        return {};
    }
}

QVariant ReviewTableModel::display(const review::ProductReview& row, int column) const
{
    switch (column) {
    case Sku:
        return QString::fromStdString(row.sku);
    case Name:
        return QString::fromStdString(row.name);
    case PlannedDiscount:
        return percentText(row.plannedDiscount);
    case ChargedDiscount:
        return percentText(row.chargedDiscount);
    case ExpectedUnits:
        return unitsText(row.expectedUnits);
    case Interval:
        return QStringLiteral("%1 – %2").arg(QLocale().toString(row.unitsLow, 'f', 0),
                                             QLocale().toString(row.unitsHigh, 'f', 0));
    case ActualUnits:
        return unitsText(row.actualUnits);
    case Within:
        return row.withinInterval ? tr("yes") : tr("no");
    case SoldOut:
        return row.soldOutOn ? QString::fromStdString(formatIsoDate(*row.soldOutOn))
                             : QStringLiteral("—");
    case ExpectedRevenue:
        return moneyText(row.expectedRevenue);
    case ActualRevenue:
        return moneyText(row.actualRevenue);
    case Missed:
        return signedMoney(row.revenueMissed());
    case ExpectedProfit:
        return optionalMoney(row.expectedProfit);
    case ActualProfit:
        return optionalMoney(row.actualProfit);
    case UnitsAtChargedPrice:
        return unitsText(row.expectedUnitsAtChargedPrice);
    default:
        return {};
    }
}

QVariant ReviewTableModel::sortValue(const review::ProductReview& row, int column) const
{
    // The numbers behind the texts, in the column order; SKU and name sort as shown.
    switch (column) {
    case PlannedDiscount:
        return row.plannedDiscount;
    case ChargedDiscount:
        return row.chargedDiscount;
    case ExpectedUnits:
        return row.expectedUnits;
    case ActualUnits:
        return row.actualUnits;
    case Missed:
        return std::abs(row.revenueMissed());
    case ExpectedRevenue:
        return row.expectedRevenue;
    case ActualRevenue:
        return row.actualRevenue;
    case Interval:
        return row.unitsHigh - row.unitsLow;
    case Within:
        return row.withinInterval ? 1 : 0;
    case SoldOut: // never sold out: last
        return row.soldOutOn ? qlonglong(*row.soldOutOn) : qlonglong(INT32_MAX);
    case ExpectedProfit: // unknown: below any known profit
        return row.expectedProfit ? *row.expectedProfit : -1e300;
    case ActualProfit:
        return row.actualProfit ? *row.actualProfit : -1e300;
    case UnitsAtChargedPrice:
        return row.expectedUnitsAtChargedPrice;
    default:
        return display(row, column);
    }
}

} // namespace fp::ui
