#include "planner/totalsbar.h"

#include "plan/planresult.h"
#include "settings/numbertext.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>
#include <cmath>

namespace fp::ui {

TotalsBar::TotalsBar(QWidget* parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName("totalsBar");
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(18);
    m_units =
        addTile("units", tr("Expected units"),
                tr("Expected units sold over the sale window, capped by each product's stock"));
    m_revenue = addTile("revenue", tr("Revenue"), tr("Expected revenue at the sale prices"));
    m_profit =
        addTile("profit", tr("Profit"), tr("Expected revenue minus unit cost of the units sold"));
    m_markdown = addTile("markdown", tr("Markdown cost"),
                         tr("What the discounts give away: (list price - sale price) x units"));
    m_budget =
        addTile("budget", tr("Budget used"), tr("Markdown cost as a share of the markdown budget"));
    m_budgetBar = new QProgressBar(this);
    m_budgetBar->setRange(0, 1000);
    m_budgetBar->setTextVisible(false);
    m_budgetBar->setMaximumHeight(6);
    m_budgetBar->setMaximumWidth(140);
    static_cast<QVBoxLayout*>(m_budget->parentWidget()->layout())->addWidget(m_budgetBar);
    m_limits = addTile("limits", tr("At a limit"),
                       tr("Products held by stock, a discount bound, the margin floor, the budget "
                          "or a lock"));
    layout->addStretch(1);
    clear();
}

QLabel* TotalsBar::addTile(const QString& key, const QString& caption, const QString& tooltip)
{
    auto* tile = new QWidget(this);
    tile->setToolTip(tooltip);
    auto* box = new QVBoxLayout(tile);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(0);
    auto* captionLabel = new QLabel(caption, tile);
    captionLabel->setObjectName(key + "Caption");
    QFont small = captionLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    captionLabel->setFont(small);
    captionLabel->setForegroundRole(QPalette::PlaceholderText);
    auto* value = new QLabel(tile);
    value->setObjectName(key);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->addWidget(captionLabel);
    box->addWidget(value);
    static_cast<QHBoxLayout*>(layout())->addWidget(tile);
    return value;
}

void TotalsBar::setTotals(const plan::PlanTotals& totals, std::optional<double> budget,
                          int products)
{
    m_units->setText(QLocale().toString(totals.units, 'f', 1));
    m_revenue->setText(moneyText(totals.revenue));
    m_profit->setText(totals.profitComplete ? moneyText(totals.profit)
                                            : moneyText(totals.profit) + "*");
    m_profit->setToolTip(totals.profitComplete
                             ? QString()
                             : tr("* Some products have no unit cost; their profit is left out"));
    m_markdown->setText(moneyText(totals.markdownCost));
    if (budget && *budget > 0) {
        const double share = totals.markdownCost / *budget;
        m_budget->setText(tr("%1 of %2").arg(percentText(share), moneyText(*budget)));
        m_budgetBar->setValue(static_cast<int>(std::lround(std::min(share, 1.0) * 1000.0)));
        m_budgetBar->setVisible(true);
    } else {
        m_budget->setText(tr("no budget"));
        m_budgetBar->setVisible(false);
    }
    m_limits->setText(tr("%1 of %2").arg(totals.productsAtLimit).arg(products));
}

QLabel* TotalsBar::captionOf(QLabel* value) const
{
    return findChild<QLabel*>(value->objectName() + "Caption");
}

void TotalsBar::setLabels(const QString& currencySymbol, const QString& unitsLabel)
{
    const QString units = unitsLabel.isEmpty() ? tr("units") : unitsLabel;
    captionOf(m_units)->setText(tr("Expected %1").arg(units));
    auto withCurrency = [&currencySymbol](const QString& caption) {
        return currencySymbol.isEmpty() ? caption
                                        : QStringLiteral("%1 (%2)").arg(caption, currencySymbol);
    };
    captionOf(m_revenue)->setText(withCurrency(tr("Revenue")));
    captionOf(m_profit)->setText(withCurrency(tr("Profit")));
    captionOf(m_markdown)->setText(withCurrency(tr("Markdown cost")));
}

void TotalsBar::clear()
{
    for (QLabel* label : {m_units, m_revenue, m_profit, m_markdown, m_limits})
        label->setText(QStringLiteral("—"));
    m_budget->setText(tr("no budget"));
    m_budgetBar->setVisible(false);
}

QString TotalsBar::valueText(const QString& tile) const
{
    const auto* label = findChild<QLabel*>(tile);
    return label ? label->text() : QString();
}

} // namespace fp::ui
