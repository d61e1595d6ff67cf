#include "planner/scenariocompareview.h"

#include <QAbstractTableModel>
#include <QBrush>
#include <QCoreApplication>
#include <QEvent>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <optional>

namespace fp::ui {

namespace {

// For the model, which has no translation context of its own.
QString translate(const char* text)
{
    return QCoreApplication::translate("fp::ui::ScenarioCompareView", text);
}

// Gains, losses and the tint of major rows, readable on the palette's base colour.
struct CompareColors
{
    QColor gain, loss, majorBackground;
};

CompareColors colorsFor(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    CompareColors c;
    c.gain = dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
    c.loss = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    // A quarter of the highlight over the base: visible in both palettes, text stays readable.
    const QColor highlight = palette.color(QPalette::Highlight);
    const auto mix = [](double from, double to) {
        return from + 0.25 * (to - from);
    };
    c.majorBackground = QColor::fromRgbF(float(mix(base.redF(), highlight.redF())),
                                         float(mix(base.greenF(), highlight.greenF())),
                                         float(mix(base.blueF(), highlight.blueF())));
    return c;
}

// Rounded to what is shown, so that a difference that reads 0.00 is neither signed nor coloured.
double shown(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(value * scale) / scale;
    return rounded == 0 ? 0.0 : rounded;
}

QString number(double value, int decimals)
{
    return QLocale().toString(shown(value, decimals), 'f', decimals);
}

QString signedNumber(double value, int decimals, const QString& suffix = {})
{
    const double v = shown(value, decimals);
    return (v > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(v, 'f', decimals) +
           suffix;
}

// A discount as "35%", or "12.5%" when it is not a whole percent.
QString percent(double fraction)
{
    const double value = fraction * 100.0;
    if (std::abs(value - std::round(value)) < 0.05)
        return QLocale().toString(qRound(value)) + QStringLiteral("%");
    return QLocale().toString(value, 'f', 1) + QStringLiteral("%");
}

QColor signColor(double value, int decimals, const CompareColors& colors)
{
    const double v = shown(value, decimals);
    return v > 0 ? colors.gain : v < 0 ? colors.loss : QColor();
}

// What a product adds to a plan's profit: nothing when it is not in the plan; unknown without a
// unit cost.
std::optional<double> profitIn(const std::optional<double>& discount,
                               const std::optional<double>& profit)
{
    return discount ? profit : std::optional<double>(0.0);
}

std::optional<double> profitChange(const plan::ProductDifference& d)
{
    const std::optional<double> a = profitIn(d.discountA, d.profitA);
    const std::optional<double> b = profitIn(d.discountB, d.profitB);
    if (!a || !b)
        return std::nullopt;
    return *b - *a;
}

std::optional<double> pointsChange(const plan::ProductDifference& d)
{
    if (!d.discountA || !d.discountB)
        return std::nullopt;
    return (*d.discountB - *d.discountA) * 100.0;
}

QVariant orNothing(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant();
}

} // namespace

// The per-product rows of a comparison, in its order (largest revenue change first).
class DifferencesModel final : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setComparison(const std::vector<plan::ProductDifference>& products, const QString& nameA,
                       const QString& nameB)
    {
        beginResetModel();
        m_products = products;
        m_nameA = nameA;
        m_nameB = nameB;
        endResetModel();
    }
    void setColors(const CompareColors& colors)
    {
        m_colors = colors;
        if (!m_products.empty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                             {Qt::ForegroundRole, Qt::BackgroundRole});
    }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_products.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : ScenarioCompareView::ColumnCount;
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid())
            return {};
        const plan::ProductDifference& d = m_products[static_cast<size_t>(index.row())];
        const int column = index.column();
        switch (role) {
        case Qt::DisplayRole:
            return text(d, column);
        case ScenarioCompareView::SortRole:
            return value(d, column);
        case ScenarioCompareView::MajorRole:
            return d.major;
        case Qt::TextAlignmentRole:
            return column == ScenarioCompareView::Sku || column == ScenarioCompareView::Name
                       ? int(Qt::AlignLeft | Qt::AlignVCenter)
                       : int(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::FontRole:
            if (d.major) {
                QFont font;
                font.setBold(true);
                return font;
            }
            return {};
        case Qt::BackgroundRole:
            return d.major ? QVariant(m_colors.majorBackground) : QVariant();
        case Qt::ForegroundRole:
            if (column == ScenarioCompareView::DeltaRevenue)
                return brushOf(signColor(d.revenueB - d.revenueA, 2, m_colors));
            if (column == ScenarioCompareView::DeltaProfit)
                if (const auto change = profitChange(d))
                    return brushOf(signColor(*change, 2, m_colors));
            return {};
        case Qt::ToolTipRole:
            if (!d.discountA)
                return translate("Only in %1").arg(m_nameB);
            if (!d.discountB)
                return translate("Only in %1").arg(m_nameA);
            if (column == ScenarioCompareView::DeltaProfit && !profitChange(d))
                return translate("No unit cost: profit unknown");
            return {};
        default:
            return {};
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal)
            return {};
        if (role == Qt::ToolTipRole) {
            if (section == ScenarioCompareView::DiscountA ||
                section == ScenarioCompareView::RevenueA)
                return m_nameA;
            if (section == ScenarioCompareView::DiscountB ||
                section == ScenarioCompareView::RevenueB)
                return m_nameB;
            return {};
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (section) {
        case ScenarioCompareView::Sku:
            return translate("SKU");
        case ScenarioCompareView::Name:
            return translate("Name");
        case ScenarioCompareView::DiscountA:
            return translate("Discount A");
        case ScenarioCompareView::DiscountB:
            return translate("Discount B");
        case ScenarioCompareView::DeltaPoints:
            return translate("\u0394 points");
        case ScenarioCompareView::RevenueA:
            return translate("Revenue A");
        case ScenarioCompareView::RevenueB:
            return translate("Revenue B");
        case ScenarioCompareView::DeltaRevenue:
            return translate("\u0394 revenue");
        case ScenarioCompareView::DeltaProfit:
            return translate("\u0394 profit");
        default:
            return {};
        }
    }

private:
    static QVariant brushOf(const QColor& color)
    {
        return color.isValid() ? QVariant(QBrush(color)) : QVariant();
    }

    static QString text(const plan::ProductDifference& d, int column)
    {
        const QString none = QStringLiteral("\u2014");
        switch (column) {
        case ScenarioCompareView::Sku:
            return QString::fromStdString(d.sku);
        case ScenarioCompareView::Name:
            return QString::fromStdString(d.name);
        case ScenarioCompareView::DiscountA:
            return d.discountA ? percent(*d.discountA) : none;
        case ScenarioCompareView::DiscountB:
            return d.discountB ? percent(*d.discountB) : none;
        case ScenarioCompareView::DeltaPoints:
            if (const auto points = pointsChange(d))
                return signedNumber(*points, std::abs(*points - std::round(*points)) < 0.05 ? 0 : 1,
                                    translate(" pts"));
            return none;
        case ScenarioCompareView::RevenueA:
            return d.discountA ? number(d.revenueA, 2) : none;
        case ScenarioCompareView::RevenueB:
            return d.discountB ? number(d.revenueB, 2) : none;
        case ScenarioCompareView::DeltaRevenue:
            return signedNumber(d.revenueB - d.revenueA, 2);
        case ScenarioCompareView::DeltaProfit:
            if (const auto change = profitChange(d))
                return signedNumber(*change, 2);
            return none;
        default:
            return {};
        }
    }

    static QVariant value(const plan::ProductDifference& d, int column)
    {
        switch (column) {
        case ScenarioCompareView::Sku:
            return QString::fromStdString(d.sku);
        case ScenarioCompareView::Name:
            return QString::fromStdString(d.name);
        case ScenarioCompareView::DiscountA:
            return orNothing(d.discountA);
        case ScenarioCompareView::DiscountB:
            return orNothing(d.discountB);
        case ScenarioCompareView::DeltaPoints:
            return orNothing(pointsChange(d));
        case ScenarioCompareView::RevenueA:
            return d.revenueA;
        case ScenarioCompareView::RevenueB:
            return d.revenueB;
        case ScenarioCompareView::DeltaRevenue:
            return d.revenueB - d.revenueA;
        case ScenarioCompareView::DeltaProfit:
            return orNothing(profitChange(d));
        default:
            return {};
        }
    }

    std::vector<plan::ProductDifference> m_products;
    QString m_nameA, m_nameB;
    CompareColors m_colors;
};

ScenarioCompareView::ScenarioCompareView(QWidget* parent)
    : QWidget(parent), m_model(new DifferencesModel(this))
{
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName("summary");
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_totals = new QTableWidget(TotalsRowCount, TotalsColumnCount, this);
    m_totals->setObjectName("totalsTable");
    m_totals->setToolTip(tr("The two plans' expected totals, their difference (B - A) and the "
                            "change in percent; green is better for the business"));
    m_totals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_totals->setSelectionMode(QAbstractItemView::NoSelection);
    m_totals->setFocusPolicy(Qt::NoFocus);
    m_totals->setVerticalHeaderLabels(
        {tr("Units"), tr("Revenue"), tr("Profit"), tr("Markdown cost"), tr("Products at a limit")});
    m_totals->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_totals->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totals->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totals->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    layout->addWidget(m_totals);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_differences = new QTableView(this);
    m_differences->setObjectName("differencesTable");
    m_differences->setToolTip(tr("Every product of either plan, largest revenue change first; the "
                                 "larger changes are in bold. Click a header to sort."));
    m_differences->setModel(proxy);
    m_differences->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_differences->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_differences->verticalHeader()->hide();
    m_differences->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_differences->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    // Unsorted at first: the comparison's own order, largest revenue change first.
    m_differences->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_differences->setSortingEnabled(true);
    layout->addWidget(m_differences, 1);

    applyColors();
}

ScenarioCompareView::~ScenarioCompareView() = default;

void ScenarioCompareView::setScenarios(const QString& nameA, const plan::PlanResult& a,
                                       const QString& nameB, const plan::PlanResult& b)
{
    m_comparison = plan::compareScenarios(a, b);
    m_nameA = nameA;
    m_nameB = nameB;
    m_model->setComparison(m_comparison.products, nameA, nameB);
    m_differences->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_differences->sortByColumn(-1, Qt::DescendingOrder);
    m_differences->resizeColumnsToContents();
    int major = 0;
    for (const plan::ProductDifference& d : m_comparison.products)
        major += d.major ? 1 : 0;
    const QLocale locale;
    m_summary->setText(tr("A: %1    B: %2\n%3 products, %4 with larger changes (in bold): in one "
                          "plan only, a discount moved 10 points or more, or among the changes "
                          "that make up 80% of the revenue difference.")
                           .arg(nameA, nameB,
                                locale.toString(qsizetype(m_comparison.products.size())),
                                locale.toString(major)));
    fillTotals();
}

void ScenarioCompareView::fillTotals()
{
    m_totals->setHorizontalHeaderLabels({m_nameA, m_nameB, tr("B \u2212 A"), tr("Change")});
    const plan::PlanTotals& a = m_comparison.a;
    const plan::PlanTotals& b = m_comparison.b;
    struct Line
    {
        double a, b;
        int decimals;
        int better; // +1: more is better, -1: less is better, 0: neither
    };
    const Line lines[TotalsRowCount] = {
        {a.units, b.units, 1, +1},
        {a.revenue, b.revenue, 2, +1},
        {a.profit, b.profit, 2, +1},
        {a.markdownCost, b.markdownCost, 2, -1},
        {double(a.productsAtLimit), double(b.productsAtLimit), 0, 0},
    };
    const CompareColors colors = colorsFor(palette());
    for (int r = 0; r < TotalsRowCount; ++r) {
        const Line& line = lines[r];
        const double difference = line.b - line.a;
        // The change relative to A; none from nothing.
        const bool relative = line.a != 0;
        const double change = relative ? 100.0 * difference / std::abs(line.a) : 0.0;
        const QString texts[TotalsColumnCount] = {
            number(line.a, line.decimals), number(line.b, line.decimals),
            signedNumber(difference, line.decimals),
            relative ? signedNumber(change, 1, QStringLiteral("%")) : QStringLiteral("\u2014")};
        const QVariant values[TotalsColumnCount] = {line.a, line.b, difference,
                                                    relative ? QVariant(change) : QVariant()};
        const QColor signColour = signColor(difference * line.better, line.decimals, colors);
        for (int c = 0; c < TotalsColumnCount; ++c) {
            auto* item = new QTableWidgetItem(texts[c]);
            item->setData(SortRole, values[c]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if ((c == Difference || c == Change) && signColour.isValid())
                item->setForeground(signColour);
            if (r == ProfitRow && !(a.profitComplete && b.profitComplete))
                item->setToolTip(tr("Some products have no unit cost: their profit is not "
                                    "counted"));
            m_totals->setItem(r, c, item);
        }
    }
    int height = m_totals->horizontalHeader()->height() + 2 * m_totals->frameWidth();
    for (int r = 0; r < TotalsRowCount; ++r)
        height += m_totals->rowHeight(r);
    m_totals->setFixedHeight(height);
}

void ScenarioCompareView::applyColors()
{
    m_model->setColors(colorsFor(palette()));
    if (!m_nameA.isEmpty() || !m_nameB.isEmpty())
        fillTotals();
}

void ScenarioCompareView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

} // namespace fp::ui
