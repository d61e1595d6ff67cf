#include "planner/campaigntablemodel.h"

#include "plan/plannerdata.h"
#include "planner/plannerdocument.h"
#include "shell/tablecolumns.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace fp::ui {

namespace {

QString number(double v, int decimals)
{
    return QLocale().toString(v, 'f', decimals);
}

// Reads a number as the user typed or pasted it: the locale's form, or C's (spreadsheets often
// copy with '.'), with an optional % for discounts.
bool parseNumber(QString text, double* out)
{
    text = text.trimmed();
    text.remove(QLatin1Char('%'));
    text = text.trimmed();
    bool ok = false;
    double v = QLocale().toDouble(text, &ok);
    if (!ok)
        v = QLocale::c().toDouble(text, &ok);
    if (ok && std::isfinite(v))
        *out = v;
    return ok && std::isfinite(v);
}

} // namespace

const TableColumns& CampaignTableModel::columns()
{
    constexpr auto left = Qt::AlignLeft | Qt::AlignVCenter;
    static constexpr TableColumn kColumns[] = {
        {QT_TR_NOOP("SKU"), nullptr, left},
        {QT_TR_NOOP("Product"), nullptr, left},
        {QT_TR_NOOP("Stock"), QT_TR_NOOP("Units available for the whole sale window; empty = "
                                         "unlimited")},
        {QT_TR_NOOP("Unit cost"), QT_TR_NOOP("Cost of one unit; empty = unknown (no profit)")},
        {QT_TR_NOOP("Min"), QT_TR_NOOP("Lowest discount the optimizer may choose, in percent")},
        {QT_TR_NOOP("Max"), QT_TR_NOOP("Highest discount the optimizer may choose, in percent")},
        {QT_TR_NOOP("List price"),
         QT_TR_NOOP("Regular price during the sale; the discount is taken off it")},
    };
    static_assert(std::size(kColumns) == ColumnCount);
    static const TableColumns columns(staticMetaObject.className(), kColumns);
    return columns;
}

CampaignTableModel::CampaignTableModel(PlannerDocument* document, QObject* parent)
    : QAbstractTableModel(parent), m_document(document)
{
    connect(document, &PlannerDocument::campaignReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int CampaignTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_document->state().campaign.products.size());
}

int CampaignTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || !m_document->hasData())
        return {};
    const plan::CampaignProduct& cp =
        m_document->state().campaign.products[static_cast<size_t>(index.row())];
    const data::PanelProduct& product =
        m_document->data()->panel.products()[static_cast<size_t>(cp.product)];
    if (role == Qt::TextAlignmentRole)
        return columns().alignment(index.column());
    if (role == Qt::ToolTipRole && index.column() <= Name)
        return QString::fromStdString(
            m_document->data()->panel.categories()[static_cast<size_t>(product.category)]);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const bool edit = role == Qt::EditRole;
    switch (index.column()) {
    case Sku:
        return QString::fromStdString(product.sku);
    case Name:
        return QString::fromStdString(product.name);
    case ListPrice:
        return number(cp.listPrice, 2);
    case Stock:
        return cp.stock ? number(*cp.stock, 0) : (edit ? QString() : tr("unlimited"));
    case UnitCost:
        return cp.unitCost ? number(*cp.unitCost, 2) : (edit ? QString() : tr("unknown"));
    case MinDiscount:
        return number(cp.minDiscount * 100.0, 1) + (edit ? QString() : QStringLiteral("%"));
    case MaxDiscount:
        return number(cp.maxDiscount * 100.0, 1) + (edit ? QString() : QStringLiteral("%"));
    default:
        return {};
    }
}

bool CampaignTableModel::applyText(PlannerState& state, int row, int column, const QString& text,
                                   QString* error) const
{
    plan::CampaignProduct& cp = state.campaign.products[static_cast<size_t>(row)];
    const QString sku = data(index(row, Sku), Qt::DisplayRole).toString();
    const QString trimmed = text.trimmed();
    double v = 0;
    const bool empty = trimmed.isEmpty() ||
                       trimmed.compare(tr("unlimited"), Qt::CaseInsensitive) == 0 ||
                       trimmed.compare(tr("unknown"), Qt::CaseInsensitive) == 0;
    if (column == Stock && empty) {
        cp.stock.reset();
        return true;
    }
    if (column == UnitCost && empty) {
        cp.unitCost.reset();
        return true;
    }
    if (!parseNumber(trimmed, &v)) {
        *error = tr("%1: '%2' is not a number").arg(sku, text);
        return false;
    }
    switch (column) {
    case ListPrice:
        if (v <= 0) {
            *error = tr("%1: the list price must be above 0").arg(sku);
            return false;
        }
        cp.listPrice = v;
        return true;
    case Stock:
        if (v < 0) {
            *error = tr("%1: the stock cannot be negative").arg(sku);
            return false;
        }
        cp.stock = v;
        return true;
    case UnitCost:
        if (v < 0) {
            *error = tr("%1: the unit cost cannot be negative").arg(sku);
            return false;
        }
        cp.unitCost = v;
        return true;
    case MinDiscount:
    case MaxDiscount: {
        // The column is in percent, as shown ("35" or "35%").
        const double fraction = v / 100.0;
        if (fraction < 0 || fraction > 0.95) {
            *error = tr("%1: a discount must be between 0% and 95%").arg(sku);
            return false;
        }
        (column == MinDiscount ? cp.minDiscount : cp.maxDiscount) = fraction;
        if (cp.minDiscount > cp.maxDiscount) {
            *error = tr("%1: the minimum discount is above the maximum").arg(sku);
            return false;
        }
        // Keep the product's discount inside its new range.
        double& d = state.discounts[static_cast<size_t>(row)];
        d = std::clamp(d, cp.minDiscount, cp.maxDiscount);
        return true;
    }
    default:
        *error = tr("This column cannot be edited");
        return false;
    }
}

bool CampaignTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !m_editable)
        return false;
    PlannerState next = m_document->state();
    QString error;
    if (!applyText(next, index.row(), index.column(), value.toString(), &error))
        return false;
    if (sameCampaign(next.campaign, m_document->state().campaign))
        return true;
    m_document->editState(
        next, tr("Edit %1 of %2")
                  .arg(columns().title(index.column()).toLower(),
                       data(this->index(index.row(), Sku), Qt::DisplayRole).toString()));
    return true;
}

int CampaignTableModel::paste(int row, int column, const QString& text, QString* error)
{
    if (!m_editable || row < 0 || column < 0)
        return 0;
    PlannerState next = m_document->state();
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    int changed = 0;
    for (int r = 0; r < lines.size() && row + r < rowCount(); ++r) {
        QString line = lines[r];
        line.remove(QLatin1Char('\r'));
        const QStringList cells =
            line.contains(QLatin1Char('\t')) ? line.split(QLatin1Char('\t')) : line.split(';');
        for (int c = 0; c < cells.size() && column + c < ColumnCount; ++c) {
            if (column + c <= Name)
                continue; // SKU and name identify the row; pasting over them changes nothing
            if (!applyText(next, row + r, column + c, cells[c], error))
                return -1;
            ++changed;
        }
    }
    if (changed > 0 && !sameCampaign(next.campaign, m_document->state().campaign))
        m_document->editState(next, tr("Paste %n cell(s)", nullptr, changed));
    return changed;
}

Qt::ItemFlags CampaignTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (m_editable && index.column() > Name)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QVariant value = columns().headerData(section, orientation, role);
    return value.isValid() ? value : QAbstractTableModel::headerData(section, orientation, role);
}

void CampaignTableModel::setEditable(bool editable)
{
    m_editable = editable;
}

} // namespace fp::ui
