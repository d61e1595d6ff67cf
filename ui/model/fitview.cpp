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
#include "plan/productfit.h"
#include "settings/problemtext.h"
#include "settings/translation.h"
#include "shell/latestrequest.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
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
    const data::Panel panel = data::loadProductPanel(store, productId, *range);
    const data::PanelProduct& product = panel.products().front();
    result.name = QString::fromStdString(product.name);
    result.category =
        QString::fromStdString(panel.categories()[static_cast<size_t>(product.category)]);
    result.periodDays = panel.periodDays();
    plan::ProductFitOptions options;
    options.windowDays = windowDays;
    result.fit = plan::fitProduct(panel, *cached.model, 0, options);
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
    m_actual = makeLine(tr("Actual units"), QColor(90, 90, 90), 1.2, Qt::SolidLine, chart);
    m_fitted = makeLine(tr("Fitted"), QColor(31, 119, 180), 1.8, Qt::SolidLine, chart);
    m_forecast =
        makeLine(tr("Forecast (regular price)"), QColor(255, 127, 14), 2, Qt::DashLine, chart);
    for (QAbstractSeries* s :
         std::initializer_list<QAbstractSeries*>{m_holdout, m_band, m_actual, m_fitted, m_forecast})
        m_history.addSeries(s);
    applyChartTheme(chart);
    m_history.view->setMinimumSize(400, 240);
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
    m_page->addToTitleRow(m_modelInfo);
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

int FitView::windowDays() const
{
    return m_window->value();
}

void FitView::setWindowDays(int days)
{
    m_window->setValue(days);
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
    m_page->setTitle(result.category.isEmpty()
                         ? tr("%1 · %2").arg(m_sku, result.name)
                         : tr("%1 · %2 (%3)").arg(m_sku, result.name, result.category));
    m_history.units->setTitleText(result.periodDays == 7 ? tr("Units per week")
                                                         : tr("Units per day"));

    const plan::ProductFit& fit = result.fit;
    QList<QPointF> actual, fitted, forecast, lower, upper;
    double top = 1;
    for (const plan::FittedPeriod& row : fit.history) {
        const auto x = static_cast<qreal>(msOfDay(row.day));
        actual.append({x, row.actual});
        fitted.append({x, row.fitted});
        lower.append({x, static_cast<qreal>(row.lower)});
        upper.append({x, static_cast<qreal>(row.upper)});
        top = std::max({top, row.actual, row.fitted, static_cast<double>(row.upper)});
    }
    // The forecast starts from the last fitted value so the two lines join.
    if (!fitted.isEmpty())
        forecast.append(fitted.back());
    for (const model::ForecastRow& row : fit.forecast) {
        const auto x = static_cast<qreal>(msOfDay(row.day));
        forecast.append({x, row.forecast});
        lower.append({x, static_cast<qreal>(row.lower)});
        upper.append({x, static_cast<qreal>(row.upper)});
        top = std::max({top, row.forecast, static_cast<double>(row.upper)});
    }
    m_history.units->setRange(0, top * 1.05);
    m_history.units->applyNiceNumbers();

    const double half = result.periodDays * 43'200'000.0;
    QList<QPointF> holdout;
    if (fit.holdoutStart && !fit.history.empty() && *fit.holdoutStart <= fit.history.back().day) {
        const double from = static_cast<double>(msOfDay(*fit.holdoutStart)) - half;
        const double to = static_cast<double>(msOfDay(fit.history.back().day)) + half;
        holdout = {{from, m_history.units->max()}, {to, m_history.units->max()}};
    }
    m_holdout->upperSeries()->replace(holdout);
    m_holdout->setVisible(!holdout.isEmpty());
    m_band->upperSeries()->replace(upper);
    m_band->lowerSeries()->replace(lower);
    m_actual->replace(actual);
    m_fitted->replace(fitted);
    m_forecast->replace(forecast);
    if (!upper.isEmpty())
        m_history.view->setFullRange(static_cast<qint64>(upper.front().x() - half),
                                     static_cast<qint64>(upper.back().x() + half));
    m_demand->setCurves(fit.curve, fit.usualDiscount, fit.windowDays);
    m_money->setCurves(fit.curve, fit.usualDiscount, fit.windowDays);
    m_page->showCharts();
    emit loaded(m_productId);
}

} // namespace fp::ui
