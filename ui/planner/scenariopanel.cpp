#include "planner/scenariopanel.h"

#include "plan/campaignevaluator.h"
#include "plan/plannerdata.h"
#include "plan/scenariostore.h"
#include "planner/plannerdocument.h"
#include "planner/scenariocompareview.h"
#include "settings/problemtext.h"
#include "shell/projectcontroller.h"
#include "store/store.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace fp::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kNameRole = Qt::UserRole + 1;

} // namespace

ScenarioPanel::ScenarioPanel(PlannerDocument* document, ProjectController* project, QWidget* parent)
    : QWidget(parent), m_document(document), m_project(project)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("<b>Scenarios</b>"), this);
    layout->addWidget(title);
    m_list = new QListWidget(this);
    m_list->setObjectName("scenarioList");
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setToolTip(tr("Plans saved in this project. Select one to open it or compare it with "
                          "the current plan; select two to compare them."));
    layout->addWidget(m_list, 1);

    auto addButton = [this, layout](const QString& text, const QString& name, const QString& tip) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setToolTip(tip);
        layout->addWidget(button);
        return button;
    };
    m_save = addButton(tr("Save As..."), "saveScenario",
                       tr("Save the current plan (campaign, settings, discounts and locks) in the "
                          "project under a name"));
    m_open = addButton(tr("Open"), "openScenario",
                       tr("Replace the current plan with the selected scenario (Undo brings the "
                          "current plan back)"));
    m_compare = addButton(tr("Compare..."), "compareScenarios",
                          tr("One selected: compare it with the current plan. Two selected: "
                             "compare them."));
    m_rename = addButton(tr("Rename..."), "renameScenario", tr("Rename the selected scenario"));
    m_delete = addButton(tr("Delete"), "deleteScenario", tr("Delete the selected scenarios"));

    connect(m_save, &QPushButton::clicked, this, &ScenarioPanel::saveAsAsked);
    connect(m_open, &QPushButton::clicked, this, &ScenarioPanel::openSelected);
    connect(m_compare, &QPushButton::clicked, this, &ScenarioPanel::compareSelected);
    connect(m_rename, &QPushButton::clicked, this, &ScenarioPanel::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &ScenarioPanel::deleteSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &ScenarioPanel::updateButtons);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ScenarioPanel::openSelected);
    connect(document, &PlannerDocument::dataReset, this, &ScenarioPanel::refresh);
    connect(document, &PlannerDocument::campaignReset, this, &ScenarioPanel::updateButtons);
    refresh();
}

void ScenarioPanel::refresh()
{
    m_list->clear();
    if (m_project->hasProject() && m_document->hasData()) {
        try {
            store::Store store(m_project->projectPath().toStdString(),
                               store::Store::OpenMode::ReadOnly);
            for (const plan::ScenarioInfo& info : plan::listScenarios(store)) {
                // Name, then what it holds; the date goes in the tooltip (the panel is narrow).
                auto* item =
                    new QListWidgetItem(tr("%1\n%n product(s) · %2", nullptr, info.products)
                                            .arg(QString::fromStdString(info.name),
                                                 QLocale().toString(info.revenue, 'f', 0)),
                                        m_list);
                item->setToolTip(tr("%1\nsaved %2, revenue %3")
                                     .arg(QString::fromStdString(info.name),
                                          QString::fromStdString(info.createdAt),
                                          QLocale().toString(info.revenue, 'f', 2)));
                item->setData(kNameRole, QString::fromStdString(info.name));
                item->setData(kIdRole, QVariant::fromValue<qint64>(info.id));
            }
        } catch (const std::exception& e) {
            auto* item = new QListWidgetItem(
                tr("Cannot read the scenarios: %1").arg(problemText(e)), m_list);
            item->setFlags(Qt::NoItemFlags);
        }
    }
    updateButtons();
}

std::int64_t ScenarioPanel::idAt(int row) const
{
    const QListWidgetItem* item = m_list->item(row);
    return item ? item->data(kIdRole).toLongLong() : 0;
}

void ScenarioPanel::updateButtons()
{
    const int selected = static_cast<int>(m_list->selectedItems().size());
    const bool ready = m_document->hasData();
    m_save->setEnabled(ready && m_document->productCount() > 0);
    m_open->setEnabled(ready && selected == 1);
    m_compare->setEnabled(ready && (selected == 1 || selected == 2));
    m_rename->setEnabled(ready && selected == 1);
    m_delete->setEnabled(ready && selected >= 1);
}

std::int64_t ScenarioPanel::saveCurrent(const QString& name)
{
    const PlannerState& state = m_document->state();
    plan::Campaign campaign = state.campaign;
    for (size_t i = 0; i < campaign.products.size(); ++i)
        campaign.products[i].lockedDiscount =
            state.locked[i] ? std::optional<double>(state.discounts[i]) : std::nullopt;
    try {
        store::Store store(m_project->projectPath().toStdString(),
                           store::Store::OpenMode::MustExist);
        const std::int64_t id = plan::saveScenario(
            store, m_document->data()->panel, name.toStdString(), campaign, state.settings,
            state.discounts, m_document->totals(), m_document->data()->newProducts());
        refresh();
        for (int row = 0; row < m_list->count(); ++row)
            if (idAt(row) == id)
                m_list->setCurrentRow(row);
        return id;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot save the scenario"), problemText(e));
        return 0;
    }
}

void ScenarioPanel::saveAsAsked()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save scenario"), tr("Scenario name:"), QLineEdit::Normal,
                              tr("Scenario %1").arg(m_list->count() + 1), &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(kNameRole).toString() == name &&
            QMessageBox::question(this, tr("Replace the scenario?"),
                                  tr("A scenario named \"%1\" exists. Replace it?").arg(name)) !=
                QMessageBox::Yes)
            return;
    saveCurrent(name);
}

bool ScenarioPanel::openScenario(std::int64_t id)
{
    try {
        store::Store store(m_project->projectPath().toStdString(),
                           store::Store::OpenMode::ReadOnly);
        const plan::Scenario scenario = plan::loadScenario(store, m_document->data()->panel, id);
        PlannerState next;
        next.campaign = scenario.campaign;
        next.settings = scenario.settings;
        next.discounts = scenario.discounts;
        for (plan::CampaignProduct& cp : next.campaign.products) {
            next.locked.push_back(cp.lockedDiscount.has_value());
            cp.lockedDiscount.reset(); // the document keeps locks beside the campaign
        }
        const plan::CampaignEvaluator evaluator(m_document->data()->panel,
                                                m_document->data()->trained, next.campaign);
        const plan::PlanResult result =
            plan::planAtDiscounts(evaluator, next.settings, next.discounts);
        for (size_t i = 0; i < result.rows.size(); ++i)
            next.limits.push_back(next.locked[i] ? plan::Limit::Locked : result.rows[i].limitedBy);
        m_document->editState(
            next, tr("Open scenario %1").arg(QString::fromStdString(scenario.info.name)));
        if (!scenario.notes.empty()) {
            QStringList notes;
            for (const Problem& note : scenario.notes)
                notes << problemMessage(note);
            // Said without waiting for it: the scenario is already open behind the box.
            auto* box =
                new QMessageBox(QMessageBox::Information, tr("Scenario opened with changes"),
                                notes.join('\n'), QMessageBox::Ok, this);
            box->setObjectName(QStringLiteral("scenarioNotes"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot open the scenario"), problemText(e));
        return false;
    }
}

void ScenarioPanel::openSelected()
{
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.size() == 1)
        openScenario(selected.first()->data(kIdRole).toLongLong());
}

plan::PlanResult ScenarioPanel::planOf(std::int64_t id, QString* name)
{
    if (id == 0) {
        *name = tr("Current plan");
        return m_document->planResult();
    }
    store::Store store(m_project->projectPath().toStdString(), store::Store::OpenMode::ReadOnly);
    const plan::Scenario scenario = plan::loadScenario(store, m_document->data()->panel, id);
    *name = QString::fromStdString(scenario.info.name);
    const plan::CampaignEvaluator evaluator(m_document->data()->panel, m_document->data()->trained,
                                            scenario.campaign);
    plan::PlanResult result =
        plan::planAtDiscounts(evaluator, scenario.settings, scenario.discounts);
    result.modelKind = m_document->data()->trained.kind;
    return result;
}

void ScenarioPanel::compare(std::int64_t a, std::int64_t b)
{
    try {
        QString nameA, nameB;
        const plan::PlanResult planA = planOf(a, &nameA);
        const plan::PlanResult planB = planOf(b, &nameB);
        auto* dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Compare %1 and %2").arg(nameA, nameB));
        auto* layout = new QVBoxLayout(dialog);
        auto* view = new ScenarioCompareView(dialog);
        view->setScenarios(nameA, planA, nameB, planB);
        layout->addWidget(view);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        buttons->button(QDialogButtonBox::Close)->setToolTip(tr("Close the comparison"));
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        layout->addWidget(buttons);
        dialog->resize(1100, 700);
        m_lastComparison = view;
        dialog->show();
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot compare"), problemText(e));
    }
}

void ScenarioPanel::compareSelected()
{
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.size() == 1)
        compare(selected[0]->data(kIdRole).toLongLong(), 0);
    else if (selected.size() == 2)
        compare(selected[0]->data(kIdRole).toLongLong(), selected[1]->data(kIdRole).toLongLong());
}

bool ScenarioPanel::renameScenario(std::int64_t id, const QString& name)
{
    try {
        store::Store store(m_project->projectPath().toStdString(),
                           store::Store::OpenMode::MustExist);
        plan::renameScenario(store, id, name.toStdString());
        refresh();
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot rename the scenario"), problemText(e));
        return false;
    }
}

void ScenarioPanel::renameSelected()
{
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.size() != 1)
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename scenario"), tr("New name:"), QLineEdit::Normal,
                              selected[0]->data(kNameRole).toString(), &ok);
    if (ok)
        renameScenario(selected[0]->data(kIdRole).toLongLong(), name.trimmed());
}

bool ScenarioPanel::deleteScenario(std::int64_t id)
{
    try {
        store::Store store(m_project->projectPath().toStdString(),
                           store::Store::OpenMode::MustExist);
        plan::deleteScenario(store, id);
        refresh();
        return true;
    } catch (const std::exception& e) {
        QMessageBox::warning(this, tr("Cannot delete the scenario"), problemText(e));
        return false;
    }
}

void ScenarioPanel::deleteSelected()
{
    const QList<QListWidgetItem*> selected = m_list->selectedItems();
    if (selected.isEmpty() ||
        QMessageBox::question(this, tr("Delete scenarios?"),
                              tr("Delete %n scenario(s) from the project?", nullptr,
                                 static_cast<int>(selected.size()))) != QMessageBox::Yes)
        return;
    QList<qint64> ids;
    for (const QListWidgetItem* item : selected)
        ids << item->data(kIdRole).toLongLong();
    for (qint64 id : ids)
        deleteScenario(id);
}

} // namespace fp::ui
