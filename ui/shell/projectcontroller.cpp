#include "shell/projectcontroller.h"

#include "settings/problemtext.h"
#include "shell/job.h"
#include "store/store.h"

#include <QFileInfo>

namespace fp::ui {

ProjectController::ProjectController(QObject* parent) : QObject(parent) {}

void ProjectController::addProjectJob(JobBase* job)
{
    m_projectJobs.append(job);
    connect(job, &JobBase::started, this, &ProjectController::projectJobsChanged);
    connect(job, &JobBase::ended, this, &ProjectController::projectJobsChanged);
    connect(job, &QObject::destroyed, this, [this, job] {
        m_projectJobs.removeOne(job);
        // Said later: the job goes with its view, whose destruction may still be under way.
        QMetaObject::invokeMethod(this, &ProjectController::projectJobsChanged,
                                  Qt::QueuedConnection);
    });
    emit projectJobAdded(job);
}

JobBase* ProjectController::runningProjectJob() const
{
    for (JobBase* job : m_projectJobs)
        if (job->isRunning())
            return job;
    return nullptr;
}

bool ProjectController::openProject(const QString& path, bool create, QString* error)
{
    try {
        // Opening checks the header, the schema version and migrates: quick, even for big files.
        store::Store store(path.toStdString(), create ? store::Store::OpenMode::CreateIfMissing
                                                      : store::Store::OpenMode::MustExist);
    } catch (const std::exception& e) {
        if (error)
            *error = problemText(e);
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
