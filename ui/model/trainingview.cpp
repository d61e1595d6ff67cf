#include "model/trainingview.h"

#include "base/binaryio.h"
#include "base/error.h"
#include "charts/chartexport.h"
#include "model/demandmodel.h"
#include "model/losschart.h"
#include "model/trainer.h"
#include "settings/problemtext.h"
#include "settings/translation.h"
#include "shell/job.h"
#include "shell/projectcontroller.h"
#include "store/sqlite.h"
#include "store/store.h"

#include <QChartView>
#include <QComboBox>
#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <utility>

namespace fp::ui {

// What a training run hands back once its model is stored.
struct TrainingResult
{
    QString scoresJson;
    int periodDays = 1;
    QString chosen;
    double seconds = 0;
};

// What a training run reports while it runs: a stage begins, or a model reports a loss point.
struct TrainingUpdate
{
    QString stage; // the stage that begins; empty for a loss point
    int stageIndex = 0;
    int stageCount = 0;
    QString kind; // the model of the loss point
    bool refit = false;
    model::LossPoint loss;
    int waitedSeconds = -1; // >= 0: waiting that long for another program's write lock
};

namespace {

// Stages of trainAndStore: loading, one per model trained, the refit, saving.
int stageCount(const std::string& model)
{
    const int models = model == "auto"       ? static_cast<int>(model::modelKinds().size())
                       : model == "baseline" ? 1
                                             : 2;
    return models + 3;
}

// The trainer's stage names ("loading", "training structured", "refitting structured on all
// history", "saving") in the user's words.
QString describeStage(const QString& stage)
{
    if (stage == QLatin1String("loading"))
        return TrainingView::tr("loading the sales history");
    if (stage == QLatin1String("saving"))
        return TrainingView::tr("saving the model in the project");
    if (stage.startsWith(QLatin1String("training ")))
        return TrainingView::tr("training %1 on the history before the held-out period")
            .arg(modelDisplayName(stage.section(QLatin1Char(' '), 1, 1)));
    if (stage.startsWith(QLatin1String("refitting ")))
        return TrainingView::tr("refitting %1 on all history")
            .arg(modelDisplayName(stage.section(QLatin1Char(' '), 1, 1)));
    return stage;
}

QString decimal(double v, int decimals, bool signed_ = false)
{
    if (!std::isfinite(v))
        return QStringLiteral("–");
    const QString text = QLocale().toString(v, 'f', decimals);
    return signed_ && v >= 0 ? QLatin1Char('+') + text : text;
}

QString percent(double share)
{
    return std::isfinite(share) ? QLocale().toString(100 * share, 'f', 1) + QLatin1Char('%')
                                : QStringLiteral("–");
}

// A UTC ISO 8601 timestamp from the store in the user's time zone and format.
QString localTime(const std::string& utc)
{
    const QDateTime time = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString::fromStdString(utc);
}

// A score from the summary JSON; null (not finite when stored) reads as NaN.
double scoreOf(const QJsonObject& scores, const char* split, const char* name)
{
    return scores.value(QLatin1String(split)).toObject().value(QLatin1String(name)).toDouble(NAN);
}

} // namespace

TrainingView::TrainingView(ProjectController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller),
      m_job(new Job<TrainingResult, TrainingUpdate>(this))
{
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy while the stages run: their lengths are not known
    m_progress->setMaximumWidth(240);
    m_progress->setToolTip(tr("Training runs in the background; the window stays usable"));
    m_progress->setVisible(false);
    m_chart = new LossChart(this);
    installChartExportMenu(m_chart->findChild<QChartView*>()); // LossChart keeps its view inside
    m_chart->setObjectName(QStringLiteral("lossChart"));
    m_chart->setEmptyText(tr("Training and validation loss per iteration appear here while "
                             "models train"));
    m_scores = buildScoreTable();
    m_heldOut = new QLabel(this);
    m_heldOut->setObjectName(QStringLiteral("heldOutLine"));
    m_heldOut->setWordWrap(true);

    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addLayout(statusRow);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_scores, 0, Qt::AlignLeft);
    layout->addWidget(m_heldOut);

    connect(m_train, &QPushButton::clicked, this, [this] { train(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { cancel(); });
    controller->addProjectJob(m_job);
    // Any project job (an import too) blocks training while it runs.
    connect(controller, &ProjectController::projectJobsChanged, this, [this] { updateButtons(); });
    m_job->onPartial(this, [this](quint64, const TrainingUpdate& update) { showUpdate(update); });
    m_job->onFinished(this, [this](quint64, const TrainingResult& result) { showTrained(result); });
    connect(m_job, &JobBase::failed, this,
            [this](quint64, const Problem& problem) { onFailed(problemText(problem)); });
    connect(m_job, &JobBase::cancelled, this, [this] { onCancelled(); });
    connect(controller, &ProjectController::projectChanged, this, &TrainingView::onProjectChanged);
    connect(controller, &ProjectController::modelChanged, this, &TrainingView::loadStoredScores);
    // An import may bring the first sales: "no sales yet" must not outlive it.
    connect(controller, &ProjectController::salesChanged, this, [this] {
        if (!isTraining()) {
            loadStoredScores();
            matchHoldoutToPeriod(); // the first import sets the period
        }
    });
    onProjectChanged();
}

bool TrainingView::isTraining() const
{
    return m_job->isRunning();
}

QWidget* TrainingView::buildControls()
{
    auto* box = new QWidget(this);
    m_model = new QComboBox(box);
    m_model->setObjectName(QStringLiteral("modelChoice"));
    const struct
    {
        QString label;
        const char* kind;
        QString tip;
    } choices[] = {
        {tr("Auto (all, keep the best)"), "auto",
         tr("Train every model and keep the one with the lowest held-out WAPE")},
        {tr("Structured"), "structured",
         tr("Negative binomial model: product level, weekday, season, holidays, a price response "
            "that never falls as the discount deepens, events and the dip after them")},
        {tr("Neural"), "neural", tr("A small neural network on the same inputs")},
        {tr("Baseline only"), "baseline",
         tr("Same weekday in recent weeks: the naive forecast every model must beat")},
    };
    for (const auto& choice : choices) {
        m_model->addItem(choice.label, QString::fromLatin1(choice.kind));
        m_model->setItemData(m_model->count() - 1, choice.tip, Qt::ToolTipRole);
    }
    m_model->setToolTip(tr("Which demand model to train; the naive baseline is always trained "
                           "alongside for comparison"));

    m_holdout = new QSpinBox(box);
    m_holdout->setObjectName(QStringLiteral("holdoutDays"));
    m_holdout->setRange(7, 365);
    m_holdout->setValue(28);
    m_holdout->setSuffix(tr(" days"));
    m_holdout->setToolTip(tr("The last days of history are held out: models are fitted without "
                             "them and scored on them (whole weeks for weekly data)"));

    m_train = new QPushButton(tr("Train"), box);
    m_train->setObjectName(QStringLiteral("trainButton"));
    m_train->setToolTip(tr("Train in the background and store the best model in the project"));
    m_cancel = new QPushButton(tr("Cancel"), box);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop training; the project's stored model stays as it was"));

    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto* modelLabel = new QLabel(tr("&Model:"), box);
    modelLabel->setBuddy(m_model);
    auto* holdoutLabel = new QLabel(tr("&Held out:"), box);
    holdoutLabel->setBuddy(m_holdout);
    row->addWidget(modelLabel);
    row->addWidget(m_model);
    row->addSpacing(12);
    row->addWidget(holdoutLabel);
    row->addWidget(m_holdout);
    row->addSpacing(12);
    row->addWidget(m_train);
    row->addWidget(m_cancel);
    row->addStretch();
    return box;
}

QTableWidget* TrainingView::buildScoreTable()
{
    auto* table = new QTableWidget(0, ColumnCount, this);
    table->setObjectName(QStringLiteral("scoreTable"));
    const std::pair<QString, QString> headers[ColumnCount] = {
        {tr("Model"), tr("The chosen model is in bold; a warning marks a model that does not "
                         "beat the naive baseline")},
        {tr("WAPE"), tr("Weighted absolute percentage error on the held-out period: "
                        "sum |actual − forecast| / sum actual. Lower is better")},
        {tr("Bias"), tr("sum (forecast − actual) / sum actual: below 0 forecasts too low")},
        {tr("MASE"), tr("Mean absolute error relative to last week's same-weekday value; "
                        "below 1 beats that naive forecast")},
        {tr("80% coverage"), tr("Share of held-out periods inside the central 80% predictive "
                                "interval: 80% means the intervals are honest")},
        {tr("Event WAPE"),
         tr("WAPE on the held-out periods (days, or weeks) of flash-sale events")},
        {tr("Regular WAPE"), tr("WAPE on the other held-out periods")},
        {tr("Time"), tr("Fitting time on the history before the held-out period")},
    };
    for (int c = 0; c < ColumnCount; ++c) {
        auto* item = new QTableWidgetItem(headers[c].first);
        item->setToolTip(headers[c].second);
        table->setHorizontalHeaderItem(c, item);
    }
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // a few rows, all shown
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    table->setToolTip(tr("Every model scored on the held-out period, next to the naive baseline"));
    return table;
}

bool TrainingView::train()
{
    if (!m_controller->hasProject()) {
        setStatus(tr("Open a project first."), true);
        return false;
    }
    if (const JobBase* busy = m_controller->runningProjectJob()) {
        setStatus(tr("“%1” is still running; train when it has finished.").arg(busy->title()),
                  true);
        return false;
    }
    model::TrainOptions options;
    options.model = m_model->currentData().toString().toStdString();
    options.holdoutDays = m_holdout->value();
    const int stages = stageCount(options.model);
    const std::string path = m_controller->projectPath().toStdString();

    // On the worker thread: its own store connection; reports to the view only through the job.
    auto work = [options, stages, path](const ProgressFn& progress,
                                        const std::function<void(TrainingUpdate)>& report) {
        QElapsedTimer clock;
        clock.start();
        store::Store store(path, store::Store::OpenMode::MustExist);
        store.checkNoOtherWriter(); // before minutes of training, not at the save
        const int periodDays = store.periodDays();
        int stage = 0;
        bool refitting = false;
        // A writer that starts during the fit (an import from the command line) must not throw the
        // finished fit away: the save waits for it, saying so, until it ends or the user cancels.
        bool cancelledWhileWaiting = false;
        std::int64_t reportedSecond = -1;
        store.database().waitWhileBusy([&](std::chrono::milliseconds waited) {
            if (!progress(std::max(stage - 1, 0), stages)) {
                cancelledWhileWaiting = true;
                return false;
            }
            const std::int64_t second = waited.count() / 1000;
            if (second != reportedSecond) {
                reportedSecond = second;
                TrainingUpdate update;
                update.waitedSeconds = static_cast<int>(second);
                report(std::move(update));
            }
            return true;
        });
        model::TrainCallbacks callbacks;
        callbacks.stage = [&](const std::string& name) {
            if (!progress(stage, stages)) // stop between stages too, before anything is saved
                throw Cancelled();
            ++stage;
            refitting = name.starts_with("refitting");
            TrainingUpdate update;
            update.stage = QString::fromStdString(name);
            update.stageIndex = stage;
            update.stageCount = stages;
            report(std::move(update));
        };
        callbacks.loss = [&](const std::string& kind, const model::LossPoint& point) {
            TrainingUpdate update;
            update.kind = QString::fromStdString(kind);
            update.refit = refitting;
            update.loss = point;
            report(std::move(update));
            return progress(stage - 1, stages); // false once cancelled
        };
        model::TrainSummary summary;
        try {
            summary = model::trainAndStore(store, options, callbacks);
        } catch (const sql::SqlError&) {
            if (cancelledWhileWaiting) // the save gave up the lock it waited for: nothing stored
                throw Cancelled();
            throw;
        }
        return TrainingResult{QString::fromStdString(model::summaryJson(summary)), periodDays,
                              QString::fromStdString(summary.chosen), clock.elapsed() / 1000.0};
    };

    const QString title =
        options.model == "auto"
            ? tr("Training all models")
            : tr("Training %1").arg(modelDisplayName(QString::fromStdString(options.model)));
    m_runPath = m_controller->projectPath();
    m_job->start(title, work);
    m_stage.clear();
    m_chart->clear();
    m_chartShowsRun = true;
    m_progress->setVisible(true);
    if (m_scores->rowCount() == 0) // no scores yet: never "no sales" while training on them
        clearScores(tr("Training: the held-out scores show here when it finishes."));
    setStatus(tr("Starting…"));
    updateButtons();
    return true;
}

void TrainingView::cancel()
{
    if (isTraining()) {
        m_job->cancel();
        setStatus(tr("Cancelling…"));
    }
}

void TrainingView::updateButtons()
{
    m_train->setEnabled(m_controller->hasProject() && !m_controller->runningProjectJob());
    m_cancel->setEnabled(isTraining());
    m_model->setEnabled(!isTraining());
    m_holdout->setEnabled(!isTraining());
}

void TrainingView::setStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    QPalette palette = this->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(palette);
}

void TrainingView::showUpdate(const TrainingUpdate& update)
{
    if (m_runPath != m_controller->projectPath())
        return; // the project changed during the run
    if (!update.stage.isEmpty()) {
        showStage(update.stage, update.stageIndex, update.stageCount);
        return;
    }
    if (update.waitedSeconds >= 0) {
        setStatus(tr("%1 — another program is writing the project; waiting for it to finish "
                     "(%2 s). Cancel drops this fit.")
                      .arg(m_stage)
                      .arg(update.waitedSeconds));
        return;
    }
    const QString name = modelDisplayName(update.kind);
    m_chart->addPoint(update.refit ? tr("%1 refit").arg(name) : name, update.loss);
    // A warm-up iteration (the structured model's Poisson start) has no loss to show.
    if (!std::isfinite(update.loss.train)) {
        setStatus(tr("%1 — iteration %2, warming up").arg(m_stage).arg(update.loss.iteration));
        return;
    }
    QString text = tr("%1 — iteration %2, training loss %3")
                       .arg(m_stage)
                       .arg(update.loss.iteration)
                       .arg(decimal(update.loss.train, 4));
    if (std::isfinite(update.loss.validation))
        text += tr(", validation loss %1").arg(decimal(update.loss.validation, 4));
    setStatus(text);
}

void TrainingView::showStage(const QString& stage, int index, int count)
{
    m_stage = tr("Step %1 of %2: %3").arg(index).arg(count).arg(describeStage(stage));
    setStatus(m_stage + QStringLiteral("…"));
}

void TrainingView::onFailed(const QString& message)
{
    endRun();
    setStatus(tr("Training failed: %1. The stored model is unchanged.").arg(message), true);
}

void TrainingView::onCancelled()
{
    endRun();
    setStatus(tr("Training cancelled; the stored model is unchanged."));
}

void TrainingView::showTrained(const TrainingResult& result)
{
    const QString trainedPath = m_runPath;
    if (!endRun()) {
        setStatus(tr("Training of %1 finished; its new model is stored there.")
                      .arg(QFileInfo(trainedPath).fileName()));
        return;
    }
    setStatus(tr("Trained in %1 s: %2 is now the project's model.")
                  .arg(decimal(result.seconds, 1), modelDisplayName(result.chosen)));
    showScores(result.scoresJson, result.periodDays, QString());
    m_controller->notifyModelChanged();
}

bool TrainingView::endRun()
{
    m_progress->setVisible(false);
    updateButtons();
    return m_runPath == m_controller->projectPath();
}

void TrainingView::onProjectChanged()
{
    cancel(); // a run on the previous project stops; that project keeps its stored model
    m_chart->clear();
    m_chartShowsRun = false;
    setStatus(QString());
    loadStoredScores();
    matchHoldoutToPeriod();
    updateButtons();
}

void TrainingView::matchHoldoutToPeriod()
{
    // The CLI's default for the project's period (8 whole weeks of weekly data), so the window
    // and `train` score the models on the same tail. The period is loadStoredScores()'s read.
    const int periodDays = std::max(m_periodDays, 1);
    m_holdout->setSingleStep(periodDays);
    m_holdout->setValue(model::defaultHoldoutDays(periodDays));
}

void TrainingView::loadStoredScores()
{
    m_periodDays = 0;
    if (!m_controller->hasProject()) {
        clearScores(tr("Open a project to train demand models."));
        return;
    }
    try {
        // Small reads only (no model parameters): fine on the GUI thread.
        store::Store store(m_controller->projectPath().toStdString(),
                           store::Store::OpenMode::ReadOnly);
        const int periodDays = store.periodDays();
        m_periodDays = periodDays;
        for (const store::ModelRecord& m : store.models())
            if (m.active) {
                showScores(QString::fromStdString(m.scores), periodDays,
                           tr("The project's model: %1 (#%2, trained %3).")
                               .arg(modelDisplayName(QString::fromStdString(m.kind)))
                               .arg(m.id)
                               .arg(localTime(m.createdAt)));
                showStoredCurve(store, m.id, QString::fromStdString(m.kind));
                return;
            }
        clearScores(periodDays == 0
                        ? tr("The project holds no sales yet: import a sales history first.")
                        : tr("No model trained yet: choose a model and press Train."));
    } catch (const std::exception& e) {
        clearScores(tr("Could not read the project's models: %1").arg(problemText(e)));
    }
}

void TrainingView::showStoredCurve(store::Store& store, std::int64_t modelId, const QString& kind)
{
    // The stored model's own training curve (its fit on all history), as a run draws it: the
    // plot is not empty before the next training.
    if (m_chartShowsRun)
        return;
    sql::Statement stmt(store.database(), "SELECT curve FROM models WHERE id = ?1");
    stmt.bind(1, modelId);
    if (!stmt.step() || stmt.isNull(0))
        return;
    const std::vector<std::uint8_t> bytes = stmt.blob(0);
    if (bytes.empty())
        return;
    BinaryReader in(bytes);
    m_chart->clear();
    const QString name = tr("%1 refit").arg(modelDisplayName(kind));
    for (const model::LossPoint& point : in.getVector<model::LossPoint>())
        m_chart->addPoint(name, point);
}

void TrainingView::showScores(const QString& summaryJson, int periodDays, const QString& modelLine)
{
    const QJsonObject summary = QJsonDocument::fromJson(summaryJson.toUtf8()).object();
    const QJsonArray models = summary.value(QLatin1String("models")).toArray();
    if (models.isEmpty()) {
        clearScores(tr("The project's model has no readable scores; train again to see them."));
        return;
    }
    const QString chosen = summary.value(QLatin1String("chosen")).toString();
    const double blendMargin = summary.value(QLatin1String("blend_margin")).toDouble(0);
    const double neededErrors =
        summary.value(QLatin1String("selection_standard_errors")).toDouble(0);
    double chosenWape = NAN, chosenCoverage = NAN, chosenWidening = 0;
    for (const QJsonValue& model : models)
        if (model.toObject().value(QLatin1String("kind")).toString() == chosen) {
            const QJsonObject scores = model.toObject().value(QLatin1String("scores")).toObject();
            chosenWape = scoreOf(scores, "overall", "wape");
            chosenCoverage = scoreOf(scores, "overall", "coverage");
            chosenWidening = model.toObject().value(QLatin1String("interval_widening")).toDouble(0);
        }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    int notBetter = 0;
    m_scores->setRowCount(static_cast<int>(models.size()));
    for (int row = 0; row < m_scores->rowCount(); ++row) {
        const QJsonObject model = models.at(row).toObject();
        const QString kind = model.value(QLatin1String("kind")).toString();
        const QJsonObject s = model.value(QLatin1String("scores")).toObject();
        const bool isChosen = kind == chosen;
        const bool beats = model.value(QLatin1String("beats_baseline")).toBool(true);
        const QString cells[ColumnCount] = {
            modelDisplayName(kind),
            decimal(scoreOf(s, "overall", "wape"), 3),
            decimal(scoreOf(s, "overall", "bias"), 3, true),
            decimal(scoreOf(s, "overall", "mase"), 2),
            percent(scoreOf(s, "overall", "coverage")),
            decimal(scoreOf(s, "event_days", "wape"), 3),
            decimal(scoreOf(s, "regular_days", "wape"), 3),
            tr("%1 s").arg(decimal(model.value(QLatin1String("seconds")).toDouble(NAN), 2)),
        };
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c != ModelColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (isChosen) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_scores->setItem(row, c, item);
        }
        QTableWidgetItem* name = m_scores->item(row, ModelColumn);
        name->setData(Qt::UserRole, kind);
        QStringList notes;
        if (isChosen)
            notes << tr("chosen");
        // A model that scored lower than the one auto kept: say why it was not kept.
        const double gain = model.value(QLatin1String("gain_over_structured")).toDouble(NAN);
        const double gainError = model.value(QLatin1String("gain_standard_error")).toDouble(NAN);
        const bool scoredLower = !isChosen && scoreOf(s, "overall", "wape") < chosenWape;
        if (scoredLower && std::isfinite(gain) && neededErrors > 0 &&
            !model::WapeGain::beyondChance(gain, gainError, neededErrors)) {
            notes << tr("not kept: within chance of %1")
                         .arg(modelDisplayName(QStringLiteral("structured")));
            name->setToolTip(
                tr("Its products' held-out WAPE is on average %1 below the structured model's, "
                   "less than %2 standard errors (%3) of that difference over products: a short "
                   "held-out period often gives a win this size by luck. auto keeps the "
                   "structured model, whose price response is explained, unless another is "
                   "better beyond chance.")
                    .arg(decimal(gain, 3), decimal(neededErrors, 2), decimal(gainError, 3)));
        } else if (kind == QLatin1String("blend") && scoredLower && blendMargin > 0) {
            notes << tr("not kept: not %1% below %2")
                         .arg(decimal(100 * blendMargin, 0), modelDisplayName(chosen));
            name->setToolTip(tr("auto keeps a blend only when it forecasts the held-out period "
                                "clearly better than the best single model: its weight was "
                                "chosen on that period, and beyond the prices sold it follows "
                                "its wilder part"));
        }
        if (!beats) {
            ++notBetter;
            notes << tr("no better than the baseline");
            name->setIcon(warning);
            name->setToolTip(tr("%1 does not beat the naive baseline on the held-out period: "
                                "trust its forecasts no more than the baseline's")
                                 .arg(modelDisplayName(kind)));
        }
        if (!notes.isEmpty())
            name->setText(
                tr("%1 (%2)").arg(modelDisplayName(kind), notes.join(QStringLiteral("; "))));
    }
    m_scores->setVisible(true);

    const int days =
        summary.value(QLatin1String("holdout_periods")).toInt() * std::max(periodDays, 1);
    const QDate start =
        QDate::fromString(summary.value(QLatin1String("holdout_start")).toString(), Qt::ISODate);
    QStringList line;
    if (!modelLine.isEmpty())
        line << modelLine;
    if (start.isValid() && days > 0)
        line << tr("Held-out period %1 to %2 (%3 days): every model was fitted on the history "
                   "before it and scored on it; the chosen model was then refitted on all "
                   "history.")
                    .arg(start.toString(Qt::ISODate), start.addDays(days - 1).toString(Qt::ISODate))
                    .arg(days);
    if (chosenWidening > 0)
        line << tr("Its 80% intervals held %1 of the held-out units: the stored model's are "
                   "widened to hold 80% there.")
                    .arg(percent(chosenCoverage));
    else if (chosenWidening < 0)
        line << tr("Its 80% intervals held %1 of the held-out units: the stored model's are "
                   "narrowed halfway to holding 80% there (one calm period may be luck).")
                    .arg(percent(chosenCoverage));
    if (notBetter > 0)
        line << (notBetter == 1 ? tr("One model did not beat the baseline.")
                                : tr("%1 models did not beat the baseline.").arg(notBetter));
    m_heldOut->setText(line.join(QLatin1Char(' ')));
}

void TrainingView::clearScores(const QString& hint)
{
    m_scores->setRowCount(0);
    m_scores->setVisible(false);
    m_heldOut->setText(hint);
}

} // namespace fp::ui
