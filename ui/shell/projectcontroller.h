#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace fp::ui {

class JobBase;

// The open project, shared by every view. Views never keep a database connection on the GUI
// thread for long work: each job opens its own fp::store::Store (SQLite connections are not
// shared across threads) from projectPath(). After a job changes the project, it says so here and
// every view refreshes what it shows.
class ProjectController final : public QObject
{
    Q_OBJECT
public:
    explicit ProjectController(QObject* parent = nullptr);

    QString projectPath() const { return m_path; }
    bool hasProject() const { return !m_path.isEmpty(); }

    // Checks that `path` is (or can become) a FlashPlan project; sets it and emits projectChanged.
    // Returns false and fills `error` otherwise. Creates the file when `create` is true.
    bool openProject(const QString& path, bool create, QString* error);
    void closeProject();

    // Project-changing work (import, training) runs one job at a time: each view's job for such
    // work is registered here, and starts only while runningProjectJob() is null.
    void addProjectJob(JobBase* job);
    JobBase* runningProjectJob() const;
    const QList<JobBase*>& projectJobs() const { return m_projectJobs; }

    void notifySalesChanged() { emit salesChanged(); }
    void notifyModelChanged() { emit modelChanged(); }

signals:
    void projectChanged(const QString& path); // empty when closed
    void salesChanged();                      // an import added or replaced sales
    void modelChanged();                      // a new model was trained
    void projectJobAdded(fp::ui::JobBase* job);
    void projectJobsChanged(); // one started, ended or went

private:
    QString m_path;
    QList<JobBase*> m_projectJobs;
};

} // namespace fp::ui
