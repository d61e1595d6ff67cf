#pragma once

#include <QFrame>
#include <optional>

class QLabel;
class QProgressBar;

namespace fp::plan {
struct PlanTotals;
}

namespace fp::ui {

// The plan's totals in one row of tiles: expected units, revenue, profit, markdown cost, budget
// used, and products held by a limit. Updating only sets label texts, so it costs microseconds.
class TotalsBar final : public QFrame
{
    Q_OBJECT
public:
    explicit TotalsBar(QWidget* parent = nullptr);

    // `budget`: the markdown budget, if any.
    void setTotals(const plan::PlanTotals& totals, std::optional<double> budget, int products);
    void clear();
    // How amounts and quantities are labelled (the captions; the figures stay plain numbers).
    void setLabels(const QString& currencySymbol, const QString& unitsLabel);

    // The shown texts, for tests: "units", "revenue", "profit", "markdown", "budget", "limits".
    QString valueText(const QString& tile) const;

private:
    QLabel* addTile(const QString& key, const QString& caption, const QString& tooltip);
    QLabel* captionOf(QLabel* value) const;

    QLabel* m_units = nullptr;
    QLabel* m_revenue = nullptr;
    QLabel* m_profit = nullptr;
    QLabel* m_markdown = nullptr;
    QLabel* m_budget = nullptr;
    QProgressBar* m_budgetBar = nullptr;
    QLabel* m_limits = nullptr;
};

} // namespace fp::ui
