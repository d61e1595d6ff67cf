#include "products/producthistorychart.h"

#include "charts/chartexport.h"
#include "charts/chartpage.h"
#include "charts/charttheme.h"
#include "charts/timechartview.h"
#include "data/panel.h"
#include "data/productpanel.h"
#include "settings/problemtext.h"
#include "shell/latestrequest.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <memory>

namespace fp::ui {

namespace {

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

ProductHistoryChart::ProductHistoryChart(ProjectController* project, QWidget* parent)
    : QWidget(parent), m_project(project), m_job(new Job<std::shared_ptr<const data::Panel>>(this)),
      m_latest(new LatestRequest(m_job, [this] { start(); }))
{
    m_history = makeUnitsTimeChart(this);
    QChart* chart = m_history.chart;
    m_priceAxis = new QValueAxis(chart);
    m_priceAxis->setLabelFormat("%.2f");
    m_priceAxis->setTitleText(tr("Price"));
    chart->addAxis(m_priceAxis, Qt::AlignRight);

    // Drawn in this order: the event shading behind everything.
    m_events = new QAreaSeries(chart);
    m_events->setUpperSeries(new QLineSeries(m_events));
    m_events->setName(tr("Event days"));
    m_events->setPen(Qt::NoPen);
    m_events->setBrush(withAlpha(QColor(255, 160, 40), 95));
    auto* units = new QLineSeries(chart);
    units->setName(tr("Units sold"));
    units->setPen(QPen(QColor(31, 119, 180), 1.5));
    auto* price = new QLineSeries(chart);
    price->setName(tr("Price charged"));
    price->setPen(QPen(QColor(44, 160, 44), 2.2));
    auto* listPrice = new QLineSeries(chart);
    listPrice->setName(tr("Regular price"));
    listPrice->setPen(QPen(QColor(60, 60, 60), 1.4, Qt::DashLine));
    m_soldOut = new QScatterSeries(chart);
    m_soldOut->setName(tr("Sold out"));
    m_soldOut->setMarkerSize(7);
    m_soldOut->setColor(QColor(214, 39, 40));
    m_soldOut->setBorderColor(QColor(214, 39, 40));
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{m_events, units, m_soldOut})
        m_history.addSeries(s);
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{price, listPrice}) {
        chart->addSeries(s);
        s->attachAxis(m_history.time);
        s->attachAxis(m_priceAxis);
    }
    m_units = std::make_unique<BrokenLine>(units);
    m_price = std::make_unique<BrokenLine>(price);
    m_listPrice = std::make_unique<BrokenLine>(listPrice);

    applyChartTheme(chart);
    installChartExportMenu(m_history.view);
    m_history.view->setMinimumSize(400, 260);
    m_page = new ChartPage(m_history.view, m_history.view,
                           tr("Show the whole history again (Home)"), this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_page);

    m_job->onFinished(this, [this](quint64, const std::shared_ptr<const data::Panel>& panel) {
        if (!panel) {
            showMessage(tr("%1 has no sales recorded.").arg(m_sku));
            return;
        }
        apply(*panel);
        emit loaded(m_productId);
    });
    connect(m_job, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        showMessage(tr("Cannot show %1: %2").arg(m_sku, problemText(problem)));
    });
    connect(m_project, &ProjectController::projectChanged, this, &ProductHistoryChart::clear);
    connect(m_project, &ProjectController::salesChanged, this, [this] {
        if (m_productId)
            m_latest->request();
    });
    clear();
}

void ProductHistoryChart::showProduct(qint64 productId, const QString& sku)
{
    m_productId = productId;
    m_sku = sku;
    m_latest->request();
}

void ProductHistoryChart::clear()
{
    m_productId = 0;
    m_latest->drop(); // a result still on its way is for a product no longer shown
    m_sku.clear();
    m_page->setTitle(QString());
    showMessage(tr("Select a product in the list to see its sales history."));
}

void ProductHistoryChart::showMessage(const QString& text)
{
    m_page->showMessage(text);
}

void ProductHistoryChart::start()
{
    if (!m_productId || !m_project->hasProject())
        return;
    const std::string path = m_project->projectPath().toStdString();
    const std::int64_t id = m_productId;
    m_job->start(tr("Loading %1").arg(m_sku),
                 [path, id](const ProgressFn&) -> std::shared_ptr<const data::Panel> {
                     store::Store store(path, store::Store::OpenMode::ReadOnly);
                     const std::optional<data::DayRange> range = data::productDayRange(store, id);
                     if (!range)
                         return nullptr;
                     return std::make_shared<const data::Panel>(
                         data::loadProductPanel(store, id, *range));
                 });
}

void ProductHistoryChart::apply(const data::Panel& panel)
{
    const data::PanelProduct& product = panel.products().front();
    const QString category =
        QString::fromStdString(panel.categories()[static_cast<size_t>(product.category)]);
    m_page->setTitle(
        ChartPage::productTitle(m_sku, QString::fromStdString(product.name), category));
    const bool weekly = panel.periodDays() == 7;
    m_history.units->setTitleText(weekly ? tr("Units per week") : tr("Units per day"));
    m_events->setName(weekly ? tr("Event weeks") : tr("Event days"));

    QList<QPointF> units, price, listPrice, soldOut;
    std::vector<std::pair<qint64, qint64>> eventSpans; // [first, last] event period, in ms
    double maxUnits = 1, maxPrice = 0;
    for (int t = product.firstPeriod; t <= product.lastPeriod; ++t) {
        if (!panel.present(0, t))
            continue;
        const auto x = static_cast<qreal>(msOfDay(panel.dayOf(t)));
        units.append({x, panel.units(0, t)});
        maxUnits = std::max<double>(maxUnits, panel.units(0, t));
        if (panel.price(0, t) > 0) {
            price.append({x, panel.price(0, t)});
            maxPrice = std::max<double>(maxPrice, panel.price(0, t));
        }
        if (panel.listPrice(0, t) > 0) {
            listPrice.append({x, panel.listPrice(0, t)});
            maxPrice = std::max<double>(maxPrice, panel.listPrice(0, t));
        }
        if (panel.censored(0, t) && !panel.filled(0, t))
            soldOut.append({x, panel.units(0, t)});
        if (panel.event(0, t) >= 0) {
            const qint64 ms = msOfDay(panel.dayOf(t));
            if (!eventSpans.empty() && t > 0 && panel.present(0, t - 1) &&
                panel.event(0, t - 1) >= 0)
                eventSpans.back().second = ms;
            else
                eventSpans.emplace_back(ms, ms);
        }
    }
    m_history.units->setRange(0, maxUnits * 1.08);
    m_history.units->applyNiceNumbers();
    m_priceAxis->setRange(0, std::max(maxPrice, 1.0) * 1.1);
    m_priceAxis->applyNiceNumbers();

    // Each event run is a block as high as the units axis, half a period wider on each side.
    const double half = panel.periodDays() * 43'200'000.0;
    const double top = m_history.units->max();
    QList<QPointF> bands;
    for (const auto& [from, to] : eventSpans) {
        bands.append({from - half, 0});
        bands.append({from - half, top});
        bands.append({to + half, top});
        bands.append({to + half, 0});
    }
    m_events->upperSeries()->replace(bands);
    m_events->setVisible(!bands.isEmpty());
    // A period without data between two with data breaks the lines (one and a half periods
    // apart at most: whole days in ms, whatever the clock change does to a day).
    const double gap = 3 * half;
    m_units->replace(BrokenLine::runsOf(units, gap));
    m_price->replace(BrokenLine::runsOf(price, gap));
    m_listPrice->replace(BrokenLine::runsOf(listPrice, gap));
    m_soldOut->replace(soldOut);
    if (!units.isEmpty())
        m_history.view->setFullRange(static_cast<qint64>(units.front().x() - half),
                                     static_cast<qint64>(units.back().x() + half));
    m_page->showCharts();
}

} // namespace fp::ui
