#pragma once

#include "shell/job.h"

#include <QString>
#include <QWidget>
#include <cstdint>

namespace fp::store {
class Store;
}

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fp::ui {

class LossChart;
class ProjectController;
struct TrainingResult;
struct TrainingUpdate;

// The Train tab: choose the model(s) and the held-out days, train as a project job (the GUI
// thread only draws) with a live loss plot, then compare the models on the held-out period next
// to the naive baseline: the chosen model in bold, a warning on any model that does not beat the
// baseline. When a project with a trained model opens, shows that model's stored scores.
class TrainingView final : public QWidget
{
    Q_OBJECT
public:
    explicit TrainingView(ProjectController* controller, QWidget* parent = nullptr);

    // Starts training with the chosen options; refused (false) without a project or while any
    // project job runs.
    bool train();
    void cancel();
    bool isTraining() const;

private:
    // The score table's columns.
    enum Column
    {
        ModelColumn,
        WapeColumn,
        BiasColumn,
        MaseColumn,
        CoverageColumn,
        EventWapeColumn,
        RegularWapeColumn,
        TimeColumn,
        ColumnCount
    };

    QWidget* buildControls();
    QTableWidget* buildScoreTable();
    void updateButtons();
    void setStatus(const QString& text, bool problem = false);

    // From the training run, on the GUI thread, while the project it trains is open.
    void showUpdate(const TrainingUpdate& update);
    void showStage(const QString& stage, int index, int count);

    // The end of the run.
    void showTrained(const TrainingResult& result);
    void onFailed(const QString& message);
    void onCancelled();
    bool endRun(); // false when the project changed during the run

    void onProjectChanged();
    void matchHoldoutToPeriod(); // the held-out days: the trainer's default for m_periodDays
    void loadStoredScores();
    void showScores(const QString& summaryJson, int periodDays, const QString& modelLine);
    void showStoredCurve(store::Store& store, std::int64_t modelId, const QString& kind);
    void clearScores(const QString& hint);

    ProjectController* m_controller = nullptr;
    Job<TrainingResult, TrainingUpdate>* m_job = nullptr; // a project job
    QString m_runPath;                                    // the project it trains
    bool m_chartShowsRun = false; // a run's curves, which the stored one must not replace
    int m_periodDays = 0;         // the project's, as loadStoredScores() last read it (0: none)
    QString m_stage;

    QComboBox* m_model = nullptr;
    QSpinBox* m_holdout = nullptr;
    QPushButton* m_train = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    LossChart* m_chart = nullptr;
    QTableWidget* m_scores = nullptr;
    QLabel* m_heldOut = nullptr;
};

} // namespace fp::ui
