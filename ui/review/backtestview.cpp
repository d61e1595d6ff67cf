#include "review/backtestview.h"

#include "charts/chartexport.h"
#include "charts/charttheme.h"
#include "review/backtestcharts.h"
#include "review/backteststore.h"
#include "review/fileexporter.h"
#include "review/reviewworkbook.h"
#include "settings/numbertext.h"
#include "settings/problemtext.h"
#include "settings/translation.h"
#include "shell/latestrequest.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

namespace fp::ui {

namespace {

QChartView* makeChartView(QWidget* parent)
{
    auto* view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, 240);
    applyChartTheme(view->chart());
    installChartExportMenu(view);
    return view;
}

QTableWidgetItem* cell(const QString& text, bool number = true)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter
                                  : Qt::AlignLeft | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

// "146–282", or a dash for a backtest stored before the events' intervals were kept.
QString intervalText(const std::optional<review::CountInterval>& interval)
{
    return interval ? countRangeText(interval->low, interval->high) : QStringLiteral("–");
}

} // namespace

BacktestView::BacktestView(ProjectController* project, QWidget* parent)
    : QWidget(parent), m_project(project), m_runJob(new Job<review::BacktestResult>(this)),
      m_loadJob(new Job<review::BacktestResult>(this)),
      m_latestLoad(new LatestRequest(m_loadJob, [this] { startLoad(); })),
      m_exporter(new FileExporter(this, [project] { return project->projectPath(); }))
{
    m_eventCount = new QSpinBox(this);
    m_eventCount->setObjectName("backtestEvents");
    m_eventCount->setRange(1, 100);
    m_eventCount->setValue(6);
    m_eventCount->setToolTip(tr("How many of the history's latest flash-sale events to backtest"));
    m_run = new QPushButton(tr("Run Backtest"), this);
    m_run->setToolTip(tr("Refit the active model on the history before each event and forecast "
                         "the event at the prices and stock it had; the result is kept in the "
                         "project"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_export = new QToolButton(this);
    m_export->setText(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_events = makeChartView(this);
    m_calibration = makeChartView(this);
    auto* menu = new QMenu(m_export);
    menu->addAction(tr("Backtest Rows (XLSX or CSV)..."), this, &BacktestView::chooseRowsExport);
    for (QChartView* view : {m_events, m_calibration})
        menu->addAction(
            view == m_events ? tr("Event Chart as PNG...") : tr("Calibration Chart as PNG..."),
            this, [this, view] {
                const QString path = m_exporter->choosePath(
                    tr("Save chart as PNG"), view == m_events ? "backtest.png" : "calibration.png",
                    tr("PNG (*.png)"));
                if (!path.isEmpty())
                    exportChart(view, path);
            });
    m_export->setMenu(menu);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Latest events:"), this));
    top->addWidget(m_eventCount);
    top->addWidget(m_run);
    top->addWidget(m_cancel);
    top->addStretch(1);
    top->addWidget(m_export);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName("backtestSummary");

    m_table = new QTableWidget(0, 9, this);
    m_table->setHorizontalHeaderLabels({tr("Event"), tr("Start"), tr("Days"), tr("Products"),
                                        tr("Forecast units"), tr("80% interval"),
                                        tr("Actual units"), tr("Bias"), tr("Hit rate")});
    m_table->horizontalHeaderItem(5)->setToolTip(
        tr("The 80% interval of the event's total units: the actual total falls inside it for "
           "about 8 events in 10 when the model is honest"));
    m_table->horizontalHeaderItem(7)->setToolTip(
        tr("Forecast over actual units, minus 1: +10% forecast 10% more than sold"));
    m_table->horizontalHeaderItem(8)->setToolTip(
        tr("Share of the event's product-days (product-weeks for weekly data) inside their 80% "
           "interval (about 80% when honest)"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_events);
    charts->addWidget(m_calibration);
    // Halves: at 1366x768 the histogram's ten tenths need as much room as the events' pairs.
    charts->setStretchFactor(0, 1);
    charts->setStretchFactor(1, 1);
    m_charts = charts;
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(charts);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    project->addProjectJob(m_runJob);
    connect(m_run, &QPushButton::clicked, this, &BacktestView::run);
    connect(m_cancel, &QPushButton::clicked, this, &BacktestView::cancel);
    connect(m_exporter, &FileExporter::statusMessage, this, &BacktestView::statusMessage);
    for (auto* job : {m_runJob, m_loadJob}) {
        job->onFinished(this, [this](quint64, const review::BacktestResult& result) {
            if (result.events.empty())
                showNoResult(tr("No backtest yet. Run one: the model is refitted on the history "
                                "before each of the latest flash-sale events and forecasts it."));
            else
                showResult(result);
        });
        connect(job, &JobBase::failed, this,
                [this](quint64, const Problem& problem) { showNoResult(problemText(problem)); });
    }
    connect(m_runJob, &JobBase::cancelled, this,
            [this] { emit statusMessage(tr("Backtest cancelled; the project is unchanged.")); });
    connect(project, &ProjectController::projectJobsChanged, this, &BacktestView::updateButtons);
    connect(project, &ProjectController::projectChanged, this, [this] {
        m_runJob->discard();
        m_shown.reset();
        if (m_project->hasProject()) {
            showNoResult(tr("Reading the stored backtest..."));
            m_latestLoad->request();
        } else {
            m_latestLoad->drop();
            showNoResult(tr("Open a project to backtest its model."));
        }
    });
    connect(m_runJob, &JobBase::started, this, &BacktestView::updateButtons);
    connect(m_runJob, &JobBase::ended, this, &BacktestView::updateButtons);
    showNoResult(tr("Open a project to backtest its model."));
}

Job<QString>* BacktestView::exportJob() const
{
    return m_exporter->job();
}

void BacktestView::startLoad()
{
    m_loadJob->start(tr("Reading the stored backtest"),
                     [path = m_project->projectPath().toStdString()](const ProgressFn&) {
                         store::Store store(path, store::Store::OpenMode::ReadOnly);
                         return review::loadBacktest(store);
                     });
}

void BacktestView::setEvents(int events)
{
    m_eventCount->setValue(events);
}

bool BacktestView::run()
{
    if (!m_project->hasProject())
        return false;
    if (const JobBase* busy = m_project->runningProjectJob()) {
        emit statusMessage(
            tr("“%1” is still running; backtest when it has finished.").arg(busy->title()));
        return false;
    }
    const int threads = std::max(1, QThread::idealThreadCount());
    const quint64 id =
        m_runJob->start(tr("Backtesting %n event(s)", nullptr, m_eventCount->value()),
                        [path = m_project->projectPath().toStdString(),
                         events = m_eventCount->value(), threads](const ProgressFn& progress) {
                            store::Store store(path, store::Store::OpenMode::MustExist);
                            return review::backtestProject(store, events, threads, progress);
                        });
    return id != 0;
}

void BacktestView::cancel()
{
    m_runJob->cancel();
}

void BacktestView::updateButtons()
{
    const bool running = m_runJob->isRunning();
    m_run->setEnabled(m_project->hasProject() && !m_project->runningProjectJob());
    m_cancel->setEnabled(running);
    m_export->setEnabled(m_shown.has_value() && !running);
}

void BacktestView::showResult(const review::BacktestResult& result)
{
    m_shown = result;
    QString summary =
        tr("The %1 model, refitted on the history before each event: %2 %5 in %n event(s), "
           "%3 inside their 80% interval (hit rate %4; about 80% when the intervals are honest).",
           nullptr, int(result.events.size()))
            .arg(modelDisplayName(QString::fromStdString(result.modelKind)))
            .arg(QLocale().toString(qlonglong(result.rows.size())))
            .arg(QLocale().toString(result.within))
            .arg(percentText(result.hitRate(), 1))
            .arg(productPeriodsText(result.periodDays));
    if (result.eventsWithInterval > 0)
        summary += QLatin1Char(' ') +
                   tr("Event totals: %1 of %2 inside their 80% interval (event hit rate %3).")
                       .arg(QLocale().toString(result.eventsWithin))
                       .arg(QLocale().toString(result.eventsWithInterval))
                       .arg(percentText(result.eventHitRate(), 0));
    m_summary->setText(summary);
    m_table->setRowCount(int(result.events.size()));
    for (int r = 0; r < int(result.events.size()); ++r) {
        const review::BacktestEvent& e = result.events[size_t(r)];
        const QStringList texts = {QString::fromStdString(e.event.name),
                                   QString::fromStdString(formatIsoDate(e.start)),
                                   QLocale().toString(e.days),
                                   QLocale().toString(e.products),
                                   QLocale().toString(e.forecastUnits, 'f', 1),
                                   intervalText(e.totalInterval),
                                   QLocale().toString(e.actualUnits, 'f', 1),
                                   signedPercentText(e.bias()),
                                   percentText(e.hitRate())};
        for (int c = 0; c < texts.size(); ++c)
            m_table->setItem(r, c, cell(texts[c], c >= 2));
    }
    drawBacktestEvents(m_events->chart(), result);
    drawCalibration(m_calibration->chart(), result);
    m_charts->setVisible(true);
    updateButtons();
    emit shownChanged();
}

void BacktestView::showNoResult(const QString& text)
{
    m_shown.reset();
    m_summary->setText(text);
    m_table->setRowCount(0);
    const review::BacktestResult none;
    drawBacktestEvents(m_events->chart(), none);
    drawCalibration(m_calibration->chart(), none);
    m_charts->setVisible(false); // empty charts would only show empty axes; the summary says why
    updateButtons();
    emit shownChanged();
}

QString BacktestView::summary() const
{
    return m_summary->text();
}

bool BacktestView::exportRows(const QString& path)
{
    if (!m_shown)
        return false;
    const bool xlsx = path.endsWith(".xlsx", Qt::CaseInsensitive);
    return m_exporter->start(tr("Exporting the backtest"), path,
                             [result = *m_shown, xlsx](const std::string& target) {
                                 if (xlsx)
                                     review::writeBacktestXlsx(result, target);
                                 else
                                     review::writeBacktestCsv(result, target);
                             });
}

bool BacktestView::exportChart(QChartView* view, const QString& path)
{
    return m_shown && m_exporter->saveChart(view, path);
}

void BacktestView::chooseRowsExport()
{
    const QString path = m_exporter->choosePath(tr("Export the backtest"), "backtest.xlsx",
                                                tr("Excel workbook (*.xlsx);;CSV (*.csv)"));
    if (!path.isEmpty())
        exportRows(path);
}

} // namespace fp::ui
