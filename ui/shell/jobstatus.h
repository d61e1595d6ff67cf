#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace fp::ui {

class JobBase;

// The status-bar strip for long work: what runs, a progress bar and Cancel. Watches any number of
// jobs and shows the one that started last, until it ends or goes.
class JobStatus final : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatus(QWidget* parent = nullptr);
    void watch(JobBase* job);

private:
    void show(JobBase* job, const QString& title);
    void hideIfCurrent(const QObject* job);

    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QPushButton* m_cancel = nullptr;
    JobBase* m_current = nullptr;
};

} // namespace fp::ui
