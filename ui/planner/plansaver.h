#pragma once

#include "base/error.h"

#include <QObject>
#include <QString>
#include <optional>

class QTimer;

namespace fp::ui {

class PlannerDocument;
class ProjectController;

// Keeps the planner's working plan in the project: every edit (undo and redo too) is written a
// moment later, in one transaction (plan/workingplan.h), so a crash loses at most that moment and
// a burst of edits (a slider drag) is one write. The GUI thread writes, as it does a scenario:
// a plan is a few hundred rows, written in milliseconds.
class PlanSaver final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDelayMs = 300;

    PlanSaver(PlannerDocument* document, ProjectController* project, QObject* parent = nullptr);

    // The project holds the plan shown: nothing waits to be written, and the last write worked.
    bool isSaved() const { return !m_pending; }
    // Writes what waits, now. False when the write failed (failure() says why; the plan waits).
    bool saveNow();
    // Forgets what waits: the user chose to lose it.
    void discard();
    const std::optional<Problem>& failure() const { return m_failure; }

signals:
    void savedChanged(); // isSaved() or failure() changed

private:
    void schedule();

    PlannerDocument* m_document;
    ProjectController* m_project;
    QTimer* m_timer;
    QString m_path; // the project the waiting plan belongs to
    bool m_pending = false;
    std::optional<Problem> m_failure;
};

} // namespace fp::ui
