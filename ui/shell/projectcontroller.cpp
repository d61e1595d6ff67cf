#include "shell/projectcontroller.h"

#include "shell/backgroundjob.h"
#include "store/store.h"

#include <QFileInfo>

namespace fp::ui {

ProjectController::ProjectController(QObject* parent)
    : QObject(parent), m_projectJob(new BackgroundJob(this))
{
}

bool ProjectController::openProject(const QString& path, bool create, QString* error)
{
    try {
        // Opening checks the header, the schema version and migrates: quick, even for big files.
        store::Store store(path.toStdString(), create ? store::Store::OpenMode::CreateIfMissing
                                                      : store::Store::OpenMode::MustExist);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    m_path = QFileInfo(path).absoluteFilePath();
    emit projectChanged(m_path);
    return true;
}

void ProjectController::closeProject()
{
    m_path.clear();
    emit projectChanged(m_path);
}

} // namespace fp::ui
