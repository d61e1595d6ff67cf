#pragma once

#include <QWidget>
#include <cstdint>

class QListWidget;
class QPushButton;

namespace fp::plan {
struct PlanResult;
}

namespace fp::ui {

class PlannerDocument;
class ProjectController;

// The scenarios saved in the project: save the current plan under a name, reopen one (an
// undoable edit), compare two side by side (or one with the current plan), rename and delete.
// Each action is one short transaction on the project file.
class ScenarioPanel final : public QWidget
{
    Q_OBJECT
public:
    ScenarioPanel(PlannerDocument* document, ProjectController* project, QWidget* parent = nullptr);

    void refresh();
    // Saves the current plan; replaces a scenario of the same name. Returns its id, or 0 and
    // shows why on failure.
    std::int64_t saveCurrent(const QString& name);
    bool openScenario(std::int64_t id);
    // Shows the comparison of scenario `a` (0: the current plan) with scenario `b`.
    void compare(std::int64_t a, std::int64_t b);
    bool deleteScenario(std::int64_t id);
    bool renameScenario(std::int64_t id, const QString& name);

    QListWidget* list() const { return m_list; }
    std::int64_t idAt(int row) const;
    QWidget* lastComparison() const { return m_lastComparison; } // for tests

private:
    void saveAsAsked();
    void openSelected();
    void compareSelected();
    void renameSelected();
    void deleteSelected();
    void updateButtons();
    plan::PlanResult planOf(std::int64_t id, QString* name);

    PlannerDocument* m_document;
    ProjectController* m_project;
    QListWidget* m_list = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_rename = nullptr;
    QPushButton* m_delete = nullptr;
    QWidget* m_lastComparison = nullptr;
};

} // namespace fp::ui
