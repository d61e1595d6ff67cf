#pragma once

#include "review/salereview.h"

#include <QWidget>
#include <array>

class QLabel;

namespace fp::ui {

// The review's totals side by side: what the plan expected, what the model expects at the prices
// actually charged, what sold, and the difference; units, revenue, profit, sell-through, then the
// interval hit rate and the products that sold out.
class ReviewTotalsView final : public QWidget
{
    Q_OBJECT
public:
    enum Line
    {
        Units,
        Revenue,
        Profit,
        SellThrough,
        LineCount
    };
    enum Side
    {
        Expected,
        AtChargedPrice,
        Actual,
        Difference, // actual minus expected
        SideCount
    };

    explicit ReviewTotalsView(QWidget* parent = nullptr);

    void setReview(const review::SaleReview& review);
    void clear();

    QString text(Line line, Side side) const;
    QString hitRateText() const;

private:
    std::array<std::array<QLabel*, SideCount>, LineCount> m_cells{};
    QLabel* m_hitRate = nullptr;
};

} // namespace fp::ui
