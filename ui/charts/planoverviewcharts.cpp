#include "charts/planoverviewcharts.h"

#include "charts/chartexport.h"
#include "planner/plannerdocument.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QTimer>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace fp::ui {

namespace {

constexpr int kTopProducts = 15;

// The smallest step of 1, 2, 2.5 or 5 times a power of ten that is at least `raw`.
double niceStep(double raw)
{
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 2.5, 5.0})
        if (m * power >= raw * (1 - 1e-12))
            return m * power;
    return 10 * power;
}

// 0 to past `top` in nice steps, with at most `maxTicks` ticks.
void setNiceRange(QValueAxis* axis, double top, int maxTicks)
{
    const double step = niceStep(top / std::max(maxTicks - 1, 1));
    const double steps = std::max(1.0, std::ceil(top / step - 1e-9));
    axis->setRange(0, steps * step);
    axis->setTickCount(static_cast<int>(steps) + 1);
}

QChartView* makeView(QWidget* parent)
{
    auto* view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 220);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    installChartExportMenu(view);
    return view;
}

} // namespace

PlanOverviewCharts::PlanOverviewCharts(PlannerDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_revenue(makeView(this)),
      m_sellThrough(makeView(this)), m_timer(new QTimer(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_revenue, 1);
    layout->addWidget(m_sellThrough, 1);
    m_revenue->setToolTip(tr("Expected revenue of the plan's largest products (as many as the "
                             "chart has room to name), with their discounts"));
    m_sellThrough->setToolTip(tr("Each product's planned discount and expected sell-through: "
                                 "products in the top left sell out without deep discounts"));
    m_timer->setSingleShot(true);
    m_timer->setInterval(200);
    connect(m_timer, &QTimer::timeout, this, &PlanOverviewCharts::refreshNow);
    connect(document, &PlannerDocument::totalsChanged, this, &PlanOverviewCharts::scheduleRefresh);
}

void PlanOverviewCharts::scheduleRefresh()
{
    m_stale = true;
    if (isVisible() && !m_timer->isActive())
        m_timer->start();
}

void PlanOverviewCharts::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refreshNow();
}

void PlanOverviewCharts::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    scheduleRefresh(); // the number of bars follows the height
}

int PlanOverviewCharts::barsThatFit() const
{
    // The title, the value axis and margins take about six lines; each bar wants 1.5 lines.
    const int line = m_revenue->fontMetrics().height();
    const int bars = static_cast<int>((m_revenue->height() - 6 * line) / (1.5 * line));
    return std::clamp(bars, 3, kTopProducts);
}

void PlanOverviewCharts::refreshNow()
{
    m_stale = false;
    drawRevenueByProduct(m_revenue->chart(), m_document->rows(), barsThatFit(), m_revenue->width());
    drawSellThrough(m_sellThrough->chart(), m_document->rows());
}

void drawRevenueByProduct(QChart* revenue, const std::vector<plan::ProductPlan>& rows, int maxBars,
                          int width)
{
    // Revenue of the top products, largest at the top.
    revenue->removeAllSeries();
    for (QAbstractAxis* axis : revenue->axes()) {
        revenue->removeAxis(axis); // gives the axis back to us
        delete axis;
    }
    std::vector<size_t> order(rows.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&rows](size_t a, size_t b) {
        return rows[a].expectedRevenue > rows[b].expectedRevenue;
    });
    order.resize(std::min<size_t>(order.size(), static_cast<size_t>(std::max(maxBars, 1))));
    std::reverse(order.begin(), order.end()); // horizontal bars draw bottom-up
    auto* set = new QBarSet(PlanOverviewCharts::tr("Expected revenue"));
    set->setColor(QColor(31, 119, 180));
    QStringList categories;
    double top = 1;
    for (size_t i : order) {
        *set << rows[i].expectedRevenue;
        top = std::max(top, rows[i].expectedRevenue);
        categories << QStringLiteral("%1 (%2%)")
                          .arg(QString::fromStdString(rows[i].sku))
                          .arg(rows[i].discount * 100.0, 0, 'f', 0);
    }
    auto* bars = new QHorizontalBarSeries;
    bars->append(set);
    revenue->addSeries(bars);
    auto* products = new QBarCategoryAxis;
    products->append(categories);
    products->setTruncateLabels(false); // "SH-0002 (35%)" whole, never "..."
    auto* amount = new QValueAxis;
    amount->setLabelFormat("%.0f");
    if (width > 0) {
        // The amounts run side by side under the bars: as many ticks as their labels fit in
        // the plot (the width less the products' names), each label with a gap of its own.
        const QFontMetrics labels(amount->labelsFont());
        int names = 0;
        for (const QString& name : categories)
            names = std::max(names, QFontMetrics(products->labelsFont()).horizontalAdvance(name));
        const int plot = width - names - 48;
        const int label = labels.horizontalAdvance(QLocale().toString(top * 1.05, 'f', 0)) +
                          labels.averageCharWidth() * 3;
        setNiceRange(amount, top * 1.05, std::clamp(plot / std::max(label, 1), 2, 6));
    } else {
        amount->setRange(0, top * 1.05);
        amount->applyNiceNumbers();
    }
    revenue->addAxis(products, Qt::AlignLeft);
    revenue->addAxis(amount, Qt::AlignBottom);
    bars->attachAxis(products);
    bars->attachAxis(amount);
    revenue->legend()->setVisible(false);
    revenue->setLocalizeNumbers(true); // 10,000: the locale's grouping
    // Nothing planned: no "Top 0" and no axis of rounded ones.
    amount->setVisible(!order.empty());
    revenue->setTitle(
        order.empty()
            ? PlanOverviewCharts::tr("No products in the plan yet")
            : PlanOverviewCharts::tr("Top %1 by expected revenue (discount)").arg(order.size()));
}

void drawSellThrough(QChart* sell, const std::vector<plan::ProductPlan>& rows)
{
    // Sell-through against discount, one point per product with a stock.
    sell->removeAllSeries();
    for (QAbstractAxis* axis : sell->axes()) {
        sell->removeAxis(axis);
        delete axis;
    }
    auto* points = new QScatterSeries;
    points->setName(PlanOverviewCharts::tr("Products with a stock"));
    points->setMarkerSize(9);
    points->setColor(QColor(44, 160, 44));
    points->setBorderColor(Qt::transparent);
    for (const plan::ProductPlan& row : rows)
        if (row.sellThrough)
            points->append(row.discount * 100.0, std::min(*row.sellThrough, 1.0) * 100.0);
    sell->addSeries(points);
    auto* x = new QValueAxis;
    x->setRange(0, 100);
    x->setLabelFormat("%.0f%%");
    x->setTitleText(PlanOverviewCharts::tr("Planned discount"));
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat("%.0f%%");
    y->setTitleText(PlanOverviewCharts::tr("Sell-through"));
    sell->addAxis(x, Qt::AlignBottom);
    sell->addAxis(y, Qt::AlignLeft);
    points->attachAxis(x);
    points->attachAxis(y);
    x->setVisible(!rows.empty());
    y->setVisible(!rows.empty());
    sell->setTitle(points->count() > 0 ? PlanOverviewCharts::tr("Sell-through vs discount")
                                       : PlanOverviewCharts::tr(
                                             "Sell-through vs discount (no product has a stock)"));
}

} // namespace fp::ui
