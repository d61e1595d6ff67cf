#pragma once

#include <QObject>
#include <QString>

namespace fp::ui {

class BackgroundJob;

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

    // The one job runner for project-changing work (import, training): one such job at a time.
    BackgroundJob* projectJob() const { return m_projectJob; }

    void notifySalesChanged() { emit salesChanged(); }
    void notifyModelChanged() { emit modelChanged(); }

signals:
    void projectChanged(const QString& path); // empty when closed
    void salesChanged();                      // an import added or replaced sales
    void modelChanged();                      // a new model was trained

private:
    QString m_path;
    BackgroundJob* m_projectJob = nullptr;
};

} // namespace fp::ui
