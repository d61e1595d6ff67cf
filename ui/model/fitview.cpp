#include "model/fitview.h"

#include "charts/chartexport.h"
#include "charts/chartpage.h"
#include "charts/chartseries.h"
#include "charts/charttheme.h"
#include "charts/discountchart.h"
#include "charts/timechartview.h"
#include "data/panel.h"
#include "data/productpanel.h"
#include "model/evaluation.h"
#include "model/modelstore.h"
#include "plan/deepestdiscounts.h"
#include "plan/productfit.h"
#include "settings/problemtext.h"
#include "settings/translation.h"
#include "shell/latestrequest.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QCheckBox>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

namespace fp::ui {

// What the worker hands back: the fit, and the model it used.
struct FitResult
{
    bool noModel = false;
    bool noSales = false;
    std::shared_ptr<const model::TrainedModel> model;
    QString name, category;
    int periodDays = 1;
    plan::ProductFit fit;
    // The deepest discount its category's history supports, as the model reads it (it
    // extrapolates beyond).
    double deepestSold = 0.9;
};

// The project's active model and its sales' day range: loaded by one fit, kept for the next
// product. Shared with the workers, so a run that was superseded still fills it in.
class FitCache final
{
public:
    struct Entry
    {
        quint64 generation = 0; // bumped when the model or the sales change
        std::shared_ptr<const model::TrainedModel> model;
        std::optional<data::DayRange> range;
    };

    Entry get() const
    {
        const std::lock_guard lock(m_mutex);
        return m_entry;
    }
    void keep(const Entry& loaded) // unless it was loaded before the last invalidate()
    {
        const std::lock_guard lock(m_mutex);
        if (loaded.generation == m_entry.generation)
            m_entry = loaded;
    }
    void invalidate()
    {
        const std::lock_guard lock(m_mutex);
        m_entry = {m_entry.generation + 1, nullptr, std::nullopt};
    }

private:
    mutable std::mutex m_mutex;
    Entry m_entry;
};

namespace {

constexpr double kDayMs = 86'400'000.0;
constexpr int kRecentDays = 90; // shown before the held-out period at first

// Where `units` sits on the units axis: itself, or log10(1 + units) on the log scale.
double onAxis(double units, bool log)
{
    return log ? std::log10(1.0 + std::max(0.0, units)) : units;
}

// Labels 0, 1, 2, 5, 10, 20, 50, ... at their places on the log scale, up to `top`.
void labelLogAxis(QCategoryAxis* axis, double top)
{
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(-1e-9);
    axis->append(QLocale().toString(0), 0);
    for (double decade = 1; onAxis(decade, true) <= top; decade *= 10)
        for (const double step : {1.0, 2.0, 5.0})
            if (onAxis(step * decade, true) <= top)
                axis->append(QLocale().toString(step * decade, 'f', 0),
                             onAxis(step * decade, true));
    axis->setRange(0, top);
}

FitResult computeFit(const std::string& path, qint64 productId, FitCache& cache, int windowDays)
{
    FitResult result;
    FitCache::Entry cached = cache.get();
    store::Store store(path, store::Store::OpenMode::ReadOnly);
    if (!cached.model) {
        std::optional<model::TrainedModel> loaded = model::loadActiveModel(store);
        if (!loaded) {
            result.noModel = true;
            return result;
        }
        cached.model = std::make_shared<const model::TrainedModel>(std::move(*loaded));
    }
    if (!cached.range)
        cached.range = data::salesDayRange(store);
    cache.keep(cached);
    result.model = cached.model;
    const std::optional<data::DayRange>& range = cached.range;
    if (!range || !data::productDayRange(store, productId)) {
        result.noSales = true;
        return result;
    }
    // The project's periods and categories, as the model was trained on them.
    data::Panel panel = data::loadProductPanel(store, productId, *range);
    cached.model->alignTo(panel);
    const data::PanelProduct& product = panel.products().front();
    result.name = QString::fromStdString(product.name);
    result.category =
        QString::fromStdString(panel.categories()[static_cast<size_t>(product.category)]);
    result.periodDays = panel.periodDays();
    plan::ProductFitOptions options;
    options.windowDays = windowDays;
    result.fit = plan::fitProduct(panel, *cached.model, 0, options);
    // Where the model's own support ends (its category's, over the whole history it was trained
    // on), not this product's alone: the plan flags beyond_history from the same depth.
    const int index = cached.model->productIndexFor(panel).front();
    const std::vector<float>& supported = cached.model->supportedDepth;
    result.deepestSold = index >= 0 && index < static_cast<int>(supported.size())
                             ? supported[static_cast<size_t>(index)]
                             : plan::DeepestDiscounts(panel).of(0);
    return result;
}

} // namespace

FitView::FitView(ProjectController* project, QWidget* parent)
    : QWidget(parent), m_project(project), m_cache(std::make_shared<FitCache>()),
      m_job(new Job<FitResult>(this)), m_latest(new LatestRequest(m_job, [this] { start(); }))
{
    m_history = makeUnitsTimeChart(this);
    QChart* chart = m_history.chart;
    m_holdout = makeBand(tr("Held-out period"), QColor(150, 150, 150, 55), false, chart);
    m_band = makeBand(tr("80% interval"), QColor(31, 119, 180, 50), true, chart);
    QLineSeries* actual =
        makeLine(tr("Actual units"), QColor(90, 90, 90), 1.2, Qt::SolidLine, chart);
    QLineSeries* fitted = makeLine(tr("Fitted"), QColor(31, 119, 180), 1.8, Qt::SolidLine, chart);
    m_forecast =
        makeLine(tr("Forecast (regular price)"), QColor(255, 127, 14), 2, Qt::DashLine, chart);
    for (QAbstractSeries* s :
         std::initializer_list<QAbstractSeries*>{m_holdout, m_band, actual, fitted, m_forecast})
        m_history.addSeries(s);
    m_actual = std::make_unique<BrokenLine>(actual);
    m_fitted = std::make_unique<BrokenLine>(fitted);
    m_history.view->setMinimumSize(400, 240);
    m_logAxis = new QCategoryAxis(chart);
    m_logAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_logAxis->setTitleText(tr("Units (log scale)"));
    chart->addAxis(m_logAxis, Qt::AlignLeft);
    m_logAxis->setVisible(false);
    applyChartTheme(chart);
    connect(m_history.view, &TimeChartView::zoomChanged, this, &FitView::fitUnitsAxis);
    m_demand = new DiscountChart(DiscountChart::Kind::Units, this);
    m_money = new DiscountChart(DiscountChart::Kind::Money, this);
    installChartExportMenu(m_history.view);
    installChartExportMenu(m_demand);
    installChartExportMenu(m_money);

    m_modelInfo = new QLabel(this);
    m_modelInfo->setTextFormat(Qt::PlainText);
    m_modelInfo->setToolTip(tr("The project's active model; its scores are on the held-out "
                               "period, which it did not see while being scored"));
    m_window = new QSpinBox(this);
    m_window->setRange(1, 14);
    m_window->setValue(3);
    m_window->setSuffix(tr(" days"));
    m_window->setToolTip(tr("Length of the flash sale the discount curves are for; it starts the "
                            "day after the product's history"));

    auto* curves = new QSplitter(Qt::Horizontal, this);
    curves->addWidget(m_demand);
    curves->addWidget(m_money);
    auto* charts = new QSplitter(Qt::Vertical, this);
    charts->addWidget(m_history.view);
    charts->addWidget(curves);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    m_page = new ChartPage(charts, m_history.view,
                           tr("Show the whole history and forecast again (Home)"), this);
    m_log = new QCheckBox(tr("Log scale"), this);
    m_log->setObjectName("logScale");
    m_log->setToolTip(tr("Units on a logarithmic scale, so that ordinary days show beside an "
                         "event's spike"));
    connect(m_log, &QCheckBox::toggled, this, [this] {
        if (m_shown)
            drawHistory();
    });
    m_page->addToTitleRow(m_modelInfo);
    m_page->addToTitleRow(m_log, 12);
    m_page->addToTitleRow(new QLabel(tr("Sale window:"), this), 12);
    m_page->addToTitleRow(m_window);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_page);

    connect(m_window, &QSpinBox::valueChanged, this, [this] {
        if (m_productId)
            m_latest->request();
    });
    m_job->onFinished(this, [this](quint64, const FitResult& result) { apply(result); });
    connect(m_job, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        showMessage(tr("Cannot show the fit of %1: %2").arg(m_sku, problemText(problem)));
    });
    connect(m_project, &ProjectController::projectChanged, this, [this] {
        clear();
        invalidate();
    });
    connect(m_project, &ProjectController::salesChanged, this, &FitView::invalidate);
    connect(m_project, &ProjectController::modelChanged, this, &FitView::invalidate);
    clear();
}

FitView::~FitView() = default;

void FitView::matchWindowToPeriod(int periodDays)
{
    // Of weekly data a sale is whole weeks (the planner's too): the window steps by a week.
    const int step = std::max(periodDays, 1);
    if (m_window->singleStep() == step)
        return;
    const QSignalBlocker quiet(m_window); // the curves shown are already the window's
    m_window->setSingleStep(step);
    m_window->setRange(step, step == 1 ? 14 : 2 * step);
    m_window->setValue(m_shown && m_shown->fit.windowDays > 0 ? m_shown->fit.windowDays : step);
}

int FitView::windowDays() const
{
    return m_window->value();
}

void FitView::setWindowDays(int days)
{
    m_window->setValue(days);
}

void FitView::setLogScale(bool on)
{
    m_log->setChecked(on);
}

bool FitView::logScale() const
{
    return m_log->isChecked();
}

double FitView::unitsAxisMax() const
{
    return m_log->isChecked() ? m_logAxis->max() : m_history.units->max();
}

QString FitView::message() const
{
    return m_page->message();
}

void FitView::showProduct(qint64 productId, const QString& sku)
{
    m_productId = productId;
    m_sku = sku;
    m_latest->request();
}

void FitView::clear()
{
    m_productId = 0;
    m_latest->drop(); // a result still on its way is for a product no longer shown
    m_sku.clear();
    m_page->setTitle(QString());
    showMessage(tr("Select a product in the list to see how the model fits it."));
}

void FitView::invalidate()
{
    m_cache->invalidate();
    m_modelInfo->clear();
    if (m_productId)
        m_latest->request();
}

void FitView::showMessage(const QString& text)
{
    m_page->showMessage(text);
}

void FitView::start()
{
    if (!m_productId || !m_project->hasProject())
        return;
    const std::string path = m_project->projectPath().toStdString();
    m_job->start(tr("Fitting %1").arg(m_sku),
                 [path, id = m_productId, cache = m_cache, window = m_window->value()](
                     const ProgressFn&) { return computeFit(path, id, *cache, window); });
}

void FitView::apply(const FitResult& result)
{
    if (result.noModel) {
        m_page->setTitle(m_sku);
        showMessage(tr("Train a model to see the fit.\n\nThe Train tab fits a demand model to "
                       "the sales history; this view then shows how it fits each product."));
        return;
    }
    const model::TrainedModel& trained = *result.model;
    const std::optional<model::Scores> scores =
        model::overallScoresIn(trained.scoresJson, trained.kind);
    const QString modelName = modelDisplayName(QString::fromStdString(trained.kind));
    m_modelInfo->setText(
        scores ? tr("Model: %1, held-out WAPE %2").arg(modelName).arg(scores->wape, 0, 'f', 2)
               : tr("Model: %1").arg(modelName));
    if (result.noSales) {
        m_page->setTitle(m_sku);
        showMessage(tr("%1 has no sales recorded, so there is nothing to fit.").arg(m_sku));
        return;
    }
    m_page->setTitle(ChartPage::productTitle(m_sku, result.name, result.category));
    m_history.units->setTitleText(result.periodDays == 7 ? tr("Units per week")
                                                         : tr("Units per day"));

    const plan::ProductFit& fit = result.fit;
    m_shown = std::make_shared<const FitResult>(result);
    matchWindowToPeriod(result.periodDays);
    drawHistory();
    // First the recent past: the last 90 days before the held-out period, the held-out period
    // and the forecast (Home shows it all).
    if (!fit.history.empty()) {
        const double half = result.periodDays * kDayMs / 2;
        const DayNumber last = fit.history.back().day;
        const DayNumber recentFrom = fit.holdoutStart && *fit.holdoutStart <= last
                                         ? *fit.holdoutStart - kRecentDays
                                         : last - kRecentDays;
        const double end = m_band->upperSeries()->points().back().x() + half;
        m_history.view->setFullRange(
            static_cast<qint64>(m_band->upperSeries()->points().front().x() - half),
            static_cast<qint64>(end));
        m_history.view->showRange(static_cast<double>(msOfDay(recentFrom)) - half, end);
    }
    m_demand->setCurves(fit.curve, fit.usualDiscount, fit.windowDays, result.deepestSold);
    m_money->setCurves(fit.curve, fit.usualDiscount, fit.windowDays, result.deepestSold);
    m_page->showCharts();
    emit loaded(m_productId);
}

void FitView::drawHistory()
{
    const FitResult& result = *m_shown;
    const plan::ProductFit& fit = result.fit;
    const bool log = m_log->isChecked();
    QList<QPointF> actual, fitted, forecast, lower, upper;
    // A period without data between two with data (more than one and a half periods apart)
    // breaks the lines, and the band closes over it: a band is one area, so across the gap its
    // upper and lower edges run together (nothing to fill) from just after one to just before
    // the next.
    const double gap = 1.5 * result.periodDays * kDayMs;
    for (const plan::FittedPeriod& row : fit.history) {
        const auto x = static_cast<qreal>(msOfDay(row.day));
        if (!lower.isEmpty() && x - lower.back().x() > gap) {
            const QPointF before(lower.back().x() + 1, lower.back().y());
            const QPointF after(x - 1, onAxis(row.lower, log));
            lower << before << after;
            upper << before << after;
        }
        actual.append({x, onAxis(row.actual, log)});
        fitted.append({x, onAxis(row.fitted, log)});
        lower.append({x, onAxis(row.lower, log)});
        upper.append({x, onAxis(row.upper, log)});
    }
    // The forecast starts from the last fitted value so the two lines join.
    if (!fitted.isEmpty())
        forecast.append(fitted.back());
    for (const model::ForecastRow& row : fit.forecast) {
        const auto x = static_cast<qreal>(msOfDay(row.day));
        forecast.append({x, onAxis(row.forecast, log)});
        lower.append({x, onAxis(row.lower, log)});
        upper.append({x, onAxis(row.upper, log)});
    }
    m_band->upperSeries()->replace(upper);
    m_band->lowerSeries()->replace(lower);
    m_actual->replace(BrokenLine::runsOf(actual, gap));
    m_fitted->replace(BrokenLine::runsOf(fitted, gap));
    m_forecast->replace(forecast);
    // One units axis at a time: the linear one or the log one.
    QAbstractAxis* shown = log ? static_cast<QAbstractAxis*>(m_logAxis) : m_history.units;
    QAbstractAxis* hidden = log ? static_cast<QAbstractAxis*>(m_history.units) : m_logAxis;
    QList<QAbstractSeries*> drawn{m_holdout, m_band, m_forecast};
    for (const BrokenLine* line : {m_actual.get(), m_fitted.get()})
        for (QLineSeries* series : line->series())
            drawn.append(series);
    for (QAbstractSeries* series : drawn) {
        if (series->attachedAxes().contains(hidden))
            series->detachAxis(hidden);
        if (!series->attachedAxes().contains(shown))
            series->attachAxis(shown);
    }
    hidden->setVisible(false);
    shown->setVisible(true);
    fitUnitsAxis();
}

void FitView::fitUnitsAxis()
{
    if (!m_shown)
        return;
    // The largest value in view sets the axis: a spike elsewhere in the history does not.
    const double from = static_cast<double>(m_history.view->visibleFrom());
    const double to = static_cast<double>(m_history.view->visibleTo());
    const bool log = m_log->isChecked();
    double top = onAxis(1, log);
    for (const QList<QPointF>& points : {m_actual->points(), m_fitted->points(),
                                         m_forecast->points(), m_band->upperSeries()->points()})
        for (const QPointF& p : points)
            if (p.x() >= from && p.x() <= to)
                top = std::max(top, p.y());
    if (log) {
        labelLogAxis(m_logAxis, top * 1.05);
    } else {
        m_history.units->setRange(0, top * 1.05);
        m_history.units->applyNiceNumbers();
    }
    const double ceiling = unitsAxisMax();
    const plan::ProductFit& fit = m_shown->fit;
    const double half = m_shown->periodDays * kDayMs / 2;
    QList<QPointF> holdout;
    if (fit.holdoutStart && !fit.history.empty() && *fit.holdoutStart <= fit.history.back().day)
        holdout = {{static_cast<double>(msOfDay(*fit.holdoutStart)) - half, ceiling},
                   {static_cast<double>(msOfDay(fit.history.back().day)) + half, ceiling}};
    m_holdout->upperSeries()->replace(holdout);
    m_holdout->setVisible(!holdout.isEmpty());
}

} // namespace fp::ui
