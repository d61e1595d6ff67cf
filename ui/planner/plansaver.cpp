#include "planner/plansaver.h"

#include "plan/plannerdata.h"
#include "plan/workingplan.h"
#include "planner/plannerdocument.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QTimer>

namespace fp::ui {

PlanSaver::PlanSaver(PlannerDocument* document, ProjectController* project, QObject* parent)
    : QObject(parent), m_document(document), m_project(project), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDelayMs);
    connect(m_timer, &QTimer::timeout, this, &PlanSaver::saveNow);
    connect(document, &PlannerDocument::edited, this, &PlanSaver::schedule);
}

void PlanSaver::schedule()
{
    if (!m_document->hasData() || !m_project->hasProject())
        return;
    m_path = m_project->projectPath();
    const bool was = m_pending;
    m_pending = true;
    m_timer->start();
    if (!was)
        emit savedChanged();
}

bool PlanSaver::saveNow()
{
    m_timer->stop();
    if (!m_pending)
        return true;
    if (!m_document->hasData()) { // the plan went with its project or model: nothing to write
        discard();
        return true;
    }
    try {
        store::Store store(m_path.toStdString(), store::Store::OpenMode::MustExist);
        const PlannerData& data = *m_document->data();
        plan::saveWorkingPlan(store, data.panel, m_document->state(), m_document->modelId(),
                              m_document->totals(), data.newProducts());
        m_pending = false;
        m_failure.reset();
    } catch (const std::exception& e) {
        m_failure = problemOf(e);
    }
    emit savedChanged();
    return !m_failure;
}

void PlanSaver::discard()
{
    m_timer->stop();
    m_pending = false;
    m_failure.reset();
    emit savedChanged();
}

} // namespace fp::ui
