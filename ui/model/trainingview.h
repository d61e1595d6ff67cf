#pragma once

#include <QPointer>
#include <QString>
#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace fp::model {
struct LossPoint;
}

namespace fp::ui {

class BackgroundJob;
class LossChart;
class ProjectController;

// The Train tab: choose the model(s) and the held-out days, train on the project job (the GUI
// thread only draws) with a live loss plot, then compare the models on the held-out period next
// to the naive baseline: the chosen model in bold, a warning on any model that does not beat the
// baseline. When a project with a trained model opens, shows that model's stored scores.
class TrainingView final : public QWidget
{
    Q_OBJECT
public:
    explicit TrainingView(ProjectController* controller, QWidget* parent = nullptr);
    ~TrainingView() override; // cancels its training run, if any

    // Starts training with the chosen options; refused (false) without a project or while any
    // project job runs.
    bool train();
    void cancel();
    bool isTraining() const { return m_run != 0; }

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

    // From the training run, on the GUI thread (posted by the worker, tagged with the run id).
    bool acceptsRun(quint64 run) const;
    void showStage(const QString& stage, int index, int count);
    void addLoss(const QString& kind, bool refit, const model::LossPoint& point);

    // The end of the run, from the project job's signals.
    void onSucceeded(quint64 run, const QVariant& result);
    void onFailed(quint64 run, const QString& message);
    void onCancelled(quint64 run);
    void showTrained(QVariantMap result, bool cancelCameTooLate); // a copy: may be m_saved
    bool endRun(); // false when the project changed during the run

    void onProjectChanged();
    void loadStoredScores();
    void showScores(const QString& summaryJson, int periodDays, const QString& modelLine);
    void clearScores(const QString& hint);

    ProjectController* m_controller = nullptr;
    QPointer<BackgroundJob> m_job; // the controller's; may go first at shutdown
    quint64 m_run = 0;             // the project job's run id of our training, 0 when none runs
    QString m_runPath;             // the project it trains
    QVariantMap m_saved;           // the run's result once stored, even if a cancel came too late
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
