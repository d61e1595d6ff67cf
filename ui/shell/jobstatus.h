#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace fp::ui {

class BackgroundJob;

// The status-bar strip for long work: what runs, a progress bar and Cancel. Watches any number of
// jobs and shows the one that started last.
class JobStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatus(QWidget* parent = nullptr);
    void watch(BackgroundJob* job);

private:
    void show(BackgroundJob* job, const QString& title);
    void hideIfCurrent(BackgroundJob* job);

    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QPushButton* m_cancel = nullptr;
    BackgroundJob* m_current = nullptr;
};

} // namespace fp::ui
