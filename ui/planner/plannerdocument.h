#pragma once

#include "plan/campaign.h"
#include "plan/planresult.h"
#include "plan/scenariostore.h"
#include "plan/workingplan.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace fp::plan {
class CampaignEvaluator;
struct PlannerData;
} // namespace fp::plan

namespace fp::ui {

using plan::PlannerData;

// Everything the user edits in the planner, as one value: the campaign (window, products and their
// limits), the optimizer settings, each product's discount, lock and what limits it, the
// optimizer's bound and the mark of the last Optimize. Undo restores such values exactly; the
// project keeps the current one (plan/workingplan.h).
using PlannerState = plan::WorkingPlan;

bool sameCampaign(const plan::Campaign& a, const plan::Campaign& b);

// The planner's model: the current state, its evaluation (one ProductPlan row per product, and the
// totals), and the undo stack of every edit. Edits go through edit*(), which push commands; the
// commands call apply*(), which change the state and tell the views. A discount change
// re-evaluates one product (a few microseconds) and the totals (linear, no model call), so a
// slider's totals update within the same event.
class PlannerDocument final : public QObject
{
    Q_OBJECT
public:
    explicit PlannerDocument(QObject* parent = nullptr);
    ~PlannerDocument() override;

    // A new project: clears the campaign and the undo history. nullptr: nothing to plan.
    void setData(std::shared_ptr<const PlannerData> data);
    // Shows `state` (a plan read back from the project) without an undo step. Products the model
    // does not know are left out; returns how many.
    int restore(PlannerState state);
    // A new model (or history) for the same products in the same order: keeps the plan and the
    // undo history and evaluates the plan again with it. Returns false, changing nothing, when
    // the products differ or the model does not know one of the plan's (then setData + restore).
    bool replaceData(std::shared_ptr<const PlannerData> data);
    // The same history and model with new products appended (PlannerData::addNewProducts):
    // keeps the plan and the undo history, whose products keep their indices. Returns false,
    // changing nothing, for another model or when `data` does not start with data()'s products.
    bool extendData(std::shared_ptr<const PlannerData> data);
    const std::shared_ptr<const PlannerData>& data() const { return m_data; }
    // The settings a new campaign starts with (Preferences > Planner defaults); applied by the
    // next setData().
    void setDefaultSettings(const plan::PlanSettings& settings) { m_defaults = settings; }
    bool hasData() const { return m_data != nullptr; }

    const PlannerState& state() const { return m_state; }
    // Whether the plan still is what the last Optimize gave (plan::planStateOf).
    plan::PlanState planState() const;
    std::int64_t modelId() const;
    int productCount() const { return static_cast<int>(m_rows.size()); }
    const std::vector<plan::ProductPlan>& rows() const { return m_rows; }
    const plan::PlanTotals& totals() const { return m_totals; }
    const plan::CampaignEvaluator* evaluator() const { return m_evaluator.get(); }
    QUndoStack* undoStack() const { return m_undo; }

    // Undoable edits. Slider drags: every move between beginDrag() and endDrag() of one row
    // merges into one undo step.
    void editDiscount(int row, double discount);
    void editLock(int row, bool locked);
    // Any larger change. Unlocked discounts are kept inside each product's range, which the
    // margin floor narrows (never below cost by default).
    void editState(const PlannerState& next, const QString& description);
    // The deepest discount a row may have now: its max discount, or less under the margin floor.
    double deepestAllowed(int row) const;
    void beginDrag()
    {
        ++m_dragId;
        m_dragging = true;
    }
    void endDrag() { m_dragging = false; }

    // Used by the undo commands.
    void applyDiscount(int row, double discount, plan::Limit limit);
    void applyLock(int row, bool locked, plan::Limit limit);
    void applyState(const PlannerState& state);

    // The limit shown for a row the user set by hand.
    plan::Limit manualLimit(int row, const plan::ProductPlan& evaluated) const;

    // The plan as the exports need it (settings, model, rows, totals).
    plan::PlanResult planResult() const;

signals:
    void dataReset();         // a new project or model
    void campaignReset();     // products or limits changed: rows were rebuilt
    void rowChanged(int row); // one product's discount or lock
    void totalsChanged();
    void edited(); // the plan changed by an edit, an undo or a redo: time to save it

private:
    void evaluateAll();
    void recomputeTotals();

    std::shared_ptr<const PlannerData> m_data;
    PlannerState m_state;
    plan::PlanSettings m_defaults;
    std::unique_ptr<plan::CampaignEvaluator> m_evaluator;
    std::vector<plan::ProductPlan> m_rows;
    plan::PlanTotals m_totals;
    QUndoStack* m_undo = nullptr;
    int m_dragId = 0;
    bool m_dragging = false;
};

} // namespace fp::ui
