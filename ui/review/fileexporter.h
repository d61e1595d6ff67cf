#pragma once

#include "shell/job.h"

#include <QObject>
#include <QString>
#include <functional>

class QChartView;
class QWidget;

namespace fp::ui {

// The Review tab's exports: writes a file on a worker (a job with progress and Cancel in the
// status bar), says where it went, and shows a failure in a message box over `owner`.
class FileExporter final : public QObject
{
    Q_OBJECT
public:
    FileExporter(QWidget* owner, const std::function<QString()>& projectPath);

    Job<QString>* job() const { return m_job; }

    // Starts writing `path` with `write` on a worker; false while another export runs.
    bool start(const QString& title, const QString& path,
               std::function<void(const std::string& path)> write);
    // Renders the chart now (a widget) and saves the image on a worker.
    bool saveChart(QChartView* view, const QString& path);
    // Asks for a file name (`filters` as QFileDialog takes them); empty when cancelled.
    QString choosePath(const QString& caption, const QString& suggestedName,
                       const QString& filters) const;

signals:
    void exported(const QString& path);
    void statusMessage(const QString& text);

private:
    QWidget* m_owner;
    std::function<QString()> m_projectPath;
    Job<QString>* m_job;
};

} // namespace fp::ui
