#include "review/fileexporter.h"

#include "charts/chartexport.h"
#include "settings/problemtext.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QWidget>

namespace fp::ui {

FileExporter::FileExporter(QWidget* owner, const std::function<QString()>& projectPath)
    : QObject(owner), m_owner(owner), m_projectPath(projectPath), m_job(new Job<QString>(this))
{
    m_job->onFinished(this, [this](quint64, const QString& path) {
        emit statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)));
        emit exported(path);
    });
    connect(m_job, &JobBase::failed, this, [this](quint64, const Problem& problem) {
        QMessageBox::warning(m_owner, tr("Export failed"),
                             tr("%1\n\nNo file was changed.").arg(problemText(problem)));
    });
}

bool FileExporter::start(const QString& title, const QString& path,
                         std::function<void(const std::string& path)> write)
{
    return m_job->start(title, [path, write = std::move(write)](const ProgressFn&) {
        write(path.toStdString());
        return path;
    }) != 0;
}

bool FileExporter::saveChart(QChartView* view, const QString& path)
{
    return start(tr("Saving the chart"), path,
                 [image = renderChart(view, {})](const std::string& target) {
                     saveChartImage(image, QString::fromStdString(target));
                 });
}

QString FileExporter::choosePath(const QString& caption, const QString& suggestedName,
                                 const QString& filters) const
{
    const QFileInfo project(m_projectPath());
    // A demo project lives in FlashPlan's own data folder: its exports go where people look.
    const QString appData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString folder = project.absolutePath().startsWith(appData)
                               ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                               : project.absolutePath();
    return QFileDialog::getSaveFileName(
        m_owner, caption, folder + "/" + project.completeBaseName() + "-" + suggestedName, filters);
}

} // namespace fp::ui
