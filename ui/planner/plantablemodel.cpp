#include "planner/plantablemodel.h"

#include "plan/plannerdata.h"
#include "planner/plannerdocument.h"
#include "settings/numbertext.h"
#include "shell/tablecolumns.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <algorithm>

namespace fp::ui {

namespace {

QString limitText(plan::Limit limit)
{
    switch (limit) {
    case plan::Limit::None:
        return {};
    case plan::Limit::Stock:
        return PlanTableModel::tr("stock");
    case plan::Limit::MaxDiscount:
        return PlanTableModel::tr("max discount");
    case plan::Limit::MinDiscount:
        return PlanTableModel::tr("min discount");
    case plan::Limit::Margin:
        return PlanTableModel::tr("margin");
    case plan::Limit::Budget:
        return PlanTableModel::tr("budget");
    case plan::Limit::Locked:
        return PlanTableModel::tr("locked");
    }
    return {};
}

} // namespace

const TableColumns& PlanTableModel::columns()
{
    constexpr auto left = Qt::AlignLeft | Qt::AlignVCenter;
    static constexpr TableColumn kColumns[] = {
        {QT_TR_NOOP("SKU"), nullptr, left},
        {QT_TR_NOOP("Product"), nullptr, left},
        {QT_TR_NOOP("Discount")},
        {QT_TR_NOOP("Off")},
        {QT_TR_NOOP("Lock"),
         QT_TR_NOOP("Locked products keep their discount when you optimize again"),
         Qt::AlignCenter},
        {QT_TR_NOOP("Sale price")},
        {QT_TR_NOOP("Units"),
         QT_TR_NOOP("Expected units sold in the sale window, capped by the stock")},
        {QT_TR_NOOP("80% interval"), QT_TR_NOOP("80% prediction interval of units sold")},
        {QT_TR_NOOP("Revenue")},
        {QT_TR_NOOP("Profit")},
        {QT_TR_NOOP("Sell-through"), QT_TR_NOOP("Expected units sold / stock")},
        {QT_TR_NOOP("Sell-out"),
         QT_TR_NOOP("Probability that demand reaches the stock (sells out)")},
        {QT_TR_NOOP("Limited by"),
         QT_TR_NOOP("What stops this product's discount from going further"), left},
    };
    static_assert(std::size(kColumns) == ColumnCount);
    static const TableColumns columns(staticMetaObject.className(), kColumns);
    return columns;
}

PlanTableModel::PlanTableModel(PlannerDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &PlannerDocument::campaignReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(document, &PlannerDocument::rowChanged, this,
            [this](int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

int PlanTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_document->productCount();
}

int PlanTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlanTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_document->productCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    const plan::ProductPlan& plan = m_document->rows()[static_cast<size_t>(row)];
    const plan::CampaignProduct& cp =
        m_document->state().campaign.products[static_cast<size_t>(row)];
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::EditRole:
        if (column == Slider || column == Discount)
            return plan.discount;
        return display(row, column);
    case SortRole:
        return sortValue(row, column);
    case MinDiscountRole:
        return cp.minDiscount;
    case MaxDiscountRole:
        return m_document->deepestAllowed(row); // the margin floor may stop it short of max
    case Qt::CheckStateRole:
        if (column == Lock)
            return plan.locked ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        return columns().alignment(column);
    case Qt::FontRole:
        if ((column == Sku || column == Name) && isNewProduct(row)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if (column == Discount || column == Revenue) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == Discount && beyondHistory(row))
            return QBrush(QColor(0xe6, 0x7e, 0x00)); // amber: readable on light and dark
        if (column == Profit && plan.expectedProfit && *plan.expectedProfit < 0)
            return QBrush(QColor(0xd3, 0x2f, 0x2f));
        if (column == LimitedBy)
            return QApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::ToolTipRole:
        if (column == Name || column == Sku) {
            const QString category = QString::fromStdString(plan.category);
            return isNewProduct(row) ? category + QLatin1Char('\n') + coldStartText(row) : category;
        }
        if (column == Slider || column == Discount) {
            QString tip = tr("Allowed %1 to %2. Drag the slider or type a value; locked products "
                             "keep their discount when you optimize again.")
                              .arg(percentText(cp.minDiscount, 0),
                                   percentText(m_document->deepestAllowed(row), 0));
            if (beyondHistory(row))
                tip += QLatin1Char('\n') +
                       tr("Deeper than any discount this category sold at (%1): the forecast "
                          "extrapolates beyond the history.")
                           .arg(percentText(m_document->data()->deepestDiscountFor(cp.product), 0));
            return tip;
        }
        if (column == Lock)
            return tr("Lock: re-optimizing keeps this product's discount");
        if (column == Interval)
            return tr("80% of outcomes sell between these numbers of units");
        if (column == SellOut)
            return tr("Chance that demand reaches the stock");
        return {};
    default:
        return {};
    }
}

QVariant PlanTableModel::display(int row, int column) const
{
    const plan::ProductPlan& p = m_document->rows()[static_cast<size_t>(row)];
    switch (column) {
    case Sku:
        return QString::fromStdString(p.sku);
    case Name:
        return isNewProduct(row) ? tr("(new) %1").arg(QString::fromStdString(p.name))
                                 : QString::fromStdString(p.name);
    case Slider:
        return {};
    case Discount:
        return percentText(p.discount);
    case Lock:
        return {};
    case SalePrice:
        return moneyText(p.salePrice);
    case Units:
        return QLocale().toString(p.expectedUnits, 'f', 1);
    case Interval:
        return QStringLiteral("%1 – %2").arg(QLocale().toString(p.unitsLow, 'f', 0),
                                             QLocale().toString(p.unitsHigh, 'f', 0));
    case Revenue:
        return moneyText(p.expectedRevenue);
    case Profit:
        return p.expectedProfit ? moneyText(*p.expectedProfit) : QStringLiteral("—");
    case SellThrough:
        return p.sellThrough ? percentText(*p.sellThrough, 0) : QStringLiteral("—");
    case SellOut:
        return p.stock ? percentText(p.sellOutProbability, 0) : QStringLiteral("—");
    case LimitedBy:
        return limitText(p.limitedBy);
    default:
        return {};
    }
}

QVariant PlanTableModel::sortValue(int row, int column) const
{
    const plan::ProductPlan& p = m_document->rows()[static_cast<size_t>(row)];
    switch (column) {
    case Sku:
        return QString::fromStdString(p.sku);
    case Name:
        return isNewProduct(row) ? tr("(new) %1").arg(QString::fromStdString(p.name))
                                 : QString::fromStdString(p.name);
    case Slider:
    case Discount:
        return p.discount;
    case Lock:
        return p.locked ? 1 : 0;
    case SalePrice:
        return p.salePrice;
    case Units:
        return p.expectedUnits;
    case Interval:
        return p.unitsHigh - p.unitsLow;
    case Revenue:
        return p.expectedRevenue;
    case Profit:
        return p.expectedProfit.value_or(-1e300);
    case SellThrough:
        return p.sellThrough.value_or(-1.0);
    case SellOut:
        return p.sellOutProbability;
    case LimitedBy:
        return limitText(p.limitedBy);
    default:
        return {};
    }
}

bool PlanTableModel::isNewProduct(int row) const
{
    return m_document->hasData() &&
           m_document->data()->isNewProduct(
               m_document->state().campaign.products[static_cast<size_t>(row)].product);
}

QString PlanTableModel::coldStartText(int row) const
{
    const PlannerData& data = *m_document->data();
    const int product = m_document->state().campaign.products[static_cast<size_t>(row)].product;
    const model::ColdStart::Placement* placement =
        data.trained.coldStart.placementOf(data.panel.products()[static_cast<size_t>(product)].id);
    const QString from =
        placement && !placement->likeSku.empty()
            ? tr("its like item %1").arg(QString::fromStdString(placement->likeSku))
            : tr("the products of its category nearest in price");
    return tr("New product without sales history (cold_start): forecast from %1, with a wider "
              "interval.")
        .arg(from);
}

bool PlanTableModel::beyondHistory(int row) const
{
    const int product = m_document->state().campaign.products[static_cast<size_t>(row)].product;
    return m_document->hasData() &&
           m_document->data()->beyondHistory(product,
                                             m_document->rows()[static_cast<size_t>(row)].discount);
}

bool PlanTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || !m_editable)
        return false;
    if ((index.column() == Slider || index.column() == Discount) && role == Qt::EditRole) {
        bool ok = false;
        const double d = value.toDouble(&ok);
        if (!ok)
            return false;
        const plan::CampaignProduct& cp =
            m_document->state().campaign.products[static_cast<size_t>(index.row())];
        m_document->editDiscount(
            index.row(), std::clamp(d, cp.minDiscount, m_document->deepestAllowed(index.row())));
        return true;
    }
    if (index.column() == Lock && role == Qt::CheckStateRole) {
        m_document->editLock(index.row(), value.toInt() == Qt::Checked);
        return true;
    }
    return false;
}

Qt::ItemFlags PlanTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!m_editable)
        return flags;
    if (index.column() == Discount || index.column() == Slider)
        flags |= Qt::ItemIsEditable;
    if (index.column() == Lock)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant PlanTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant value = columns().headerData(section, orientation, role);
    return value.isValid() ? value : QAbstractTableModel::headerData(section, orientation, role);
}

void PlanTableModel::setEditable(bool editable)
{
    if (m_editable == editable)
        return;
    m_editable = editable;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace fp::ui
