#include "review/reviewtotalsview.h"

#include "settings/numbertext.h"

#include <QFont>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace fp::ui {

namespace {

// Sell-through of the stocked products: units over their stock (nullopt when none is stocked).
struct StockedUnits
{
    double stock = 0, expected = 0, atCharged = 0, actual = 0;
};

StockedUnits stockedUnits(const std::vector<review::ProductReview>& rows)
{
    StockedUnits s;
    for (const review::ProductReview& r : rows)
        if (r.stock) {
            s.stock += *r.stock;
            s.expected += r.expectedUnits;
            s.atCharged += r.expectedUnitsAtChargedPrice;
            s.actual += r.actualUnits;
        }
    return s;
}

QString signedText(const QString& text, double value)
{
    return value > 0 ? QStringLiteral("+") + text : text;
}

} // namespace

ReviewTotalsView::ReviewTotalsView(QWidget* parent) : QWidget(parent)
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(24);
    const QStringList sides = {tr("Planned (expected)"), tr("At the charged prices"), tr("Actual"),
                               tr("Actual - planned")};
    const QStringList lines = {tr("Units"), tr("Revenue"), tr("Profit"), tr("Sell-through")};
    QFont bold = font();
    bold.setBold(true);
    for (int s = 0; s < SideCount; ++s) {
        auto* header = new QLabel(sides[s], this);
        header->setFont(bold);
        header->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(header, 0, s + 1);
    }
    for (int l = 0; l < LineCount; ++l) {
        grid->addWidget(new QLabel(lines[l], this), l + 1, 0);
        for (int s = 0; s < SideCount; ++s) {
            auto* cell = new QLabel(this);
            cell->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            cell->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_cells[size_t(l)][size_t(s)] = cell;
            grid->addWidget(cell, l + 1, s + 1);
        }
    }
    m_hitRate = new QLabel(this);
    m_hitRate->setWordWrap(true);
    grid->addWidget(m_hitRate, LineCount + 1, 0, 1, SideCount + 1);
    grid->setColumnStretch(SideCount + 1, 1);
    m_cells[Units][AtChargedPrice]->setToolTip(
        tr("What the model expects at the discounts actually charged: the gap to the plan is "
           "the execution's, the gap to the actual the forecast's"));
    clear();
}

void ReviewTotalsView::clear()
{
    for (auto& line : m_cells)
        for (QLabel* cell : line)
            cell->setText(QStringLiteral("—"));
    m_hitRate->clear();
}

void ReviewTotalsView::setReview(const review::SaleReview& review)
{
    const review::ReviewTotals& t = review.totals;
    auto set = [this](Line line, Side side, const QString& text) {
        m_cells[size_t(line)][size_t(side)]->setText(text);
    };
    auto units = [](double v) {
        return QLocale().toString(v, 'f', 1);
    };
    set(Units, Expected, units(t.expectedUnits));
    set(Units, AtChargedPrice, units(t.expectedUnitsAtChargedPrice));
    set(Units, Actual, units(t.actualUnits));
    set(Units, Difference,
        signedText(units(t.actualUnits - t.expectedUnits), t.actualUnits - t.expectedUnits));
    set(Revenue, Expected, moneyText(t.expectedRevenue));
    set(Revenue, AtChargedPrice, moneyText(t.expectedRevenueAtChargedPrice));
    set(Revenue, Actual, moneyText(t.actualRevenue));
    const double revenueGap = t.actualRevenue - t.expectedRevenue;
    set(Revenue, Difference, signedText(moneyText(revenueGap), revenueGap));
    set(Profit, AtChargedPrice, QStringLiteral("—"));
    if (t.profitComplete) {
        set(Profit, Expected, moneyText(t.expectedProfit));
        set(Profit, Actual, moneyText(t.actualProfit));
        const double gap = t.actualProfit - t.expectedProfit;
        set(Profit, Difference, signedText(moneyText(gap), gap));
    } else {
        for (const Side side : {Expected, Actual, Difference})
            set(Profit, side, tr("unknown"));
    }
    const StockedUnits stocked = stockedUnits(review.rows);
    if (stocked.stock > 0) {
        set(SellThrough, Expected, percentText(stocked.expected / stocked.stock));
        set(SellThrough, AtChargedPrice, percentText(stocked.atCharged / stocked.stock));
        set(SellThrough, Actual, percentText(stocked.actual / stocked.stock));
        const double gap = (stocked.actual - stocked.expected) / stocked.stock;
        set(SellThrough, Difference, signedText(percentText(gap), gap));
    } else {
        for (const Side side : {Expected, AtChargedPrice, Actual, Difference})
            set(SellThrough, side, QStringLiteral("—"));
    }
    m_hitRate->setText(tr("Within the 80% interval: %1 of %2 products (hit rate %3; about 80% "
                          "when the intervals are honest). Sold out: %4.")
                           .arg(t.withinInterval)
                           .arg(t.products)
                           .arg(percentText(t.hitRate(), 0))
                           .arg(t.soldOut));
}

QString ReviewTotalsView::text(Line line, Side side) const
{
    return m_cells[size_t(line)][size_t(side)]->text();
}

QString ReviewTotalsView::hitRateText() const
{
    return m_hitRate->text();
}

} // namespace fp::ui
