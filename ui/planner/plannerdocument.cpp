#include "planner/plannerdocument.h"

#include "plan/campaignevaluator.h"
#include "plan/optimizer.h"
#include "plan/plannerdata.h"

#include <QUndoCommand>
#include <QUndoStack>
#include <algorithm>

namespace fp::ui {

namespace {

// One product's discount. Moves of one slider drag merge into one step.
class DiscountCommand final : public QUndoCommand
{
public:
    DiscountCommand(PlannerDocument* document, int row, double before, plan::Limit limitBefore,
                    double after, plan::Limit limitAfter, int dragId)
        : m_document(document), m_row(row), m_before(before), m_after(after),
          m_limitBefore(limitBefore), m_limitAfter(limitAfter), m_dragId(dragId)
    {
        const plan::ProductPlan& row_ = document->rows()[static_cast<size_t>(row)];
        setText(QObject::tr("Set %1 to %2% off")
                    .arg(QString::fromStdString(row_.sku))
                    .arg(after * 100.0, 0, 'f', 1));
    }
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override
    {
        const auto* next = static_cast<const DiscountCommand*>(other);
        if (m_dragId == 0 || next->m_dragId != m_dragId || next->m_row != m_row)
            return false;
        m_after = next->m_after;
        m_limitAfter = next->m_limitAfter;
        setText(next->text());
        return true;
    }
    void redo() override { m_document->applyDiscount(m_row, m_after, m_limitAfter); }
    void undo() override { m_document->applyDiscount(m_row, m_before, m_limitBefore); }

private:
    PlannerDocument* m_document;
    int m_row;
    double m_before, m_after;
    plan::Limit m_limitBefore, m_limitAfter;
    int m_dragId;
};

class LockCommand final : public QUndoCommand
{
public:
    // `limitAfter`: what the row shows once (un)locked; undo brings back the limit it had, which
    // may be one only the optimizer decides (budget, margin).
    LockCommand(PlannerDocument* document, int row, bool locked, plan::Limit limitAfter)
        : m_document(document), m_row(row), m_locked(locked),
          m_limitBefore(document->state().limits[static_cast<size_t>(row)]),
          m_limitAfter(limitAfter)
    {
        const QString sku = QString::fromStdString(document->rows()[static_cast<size_t>(row)].sku);
        setText(locked ? QObject::tr("Lock %1").arg(sku) : QObject::tr("Unlock %1").arg(sku));
    }
    void redo() override { m_document->applyLock(m_row, m_locked, m_limitAfter); }
    void undo() override { m_document->applyLock(m_row, !m_locked, m_limitBefore); }

private:
    PlannerDocument* m_document;
    int m_row;
    bool m_locked;
    plan::Limit m_limitBefore, m_limitAfter;
};

// Any larger change (campaign products, limits, settings, an optimized plan): whole states.
class StateCommand final : public QUndoCommand
{
public:
    StateCommand(PlannerDocument* document, PlannerState before, PlannerState after,
                 const QString& description)
        : m_document(document), m_before(std::move(before)), m_after(std::move(after))
    {
        setText(description);
    }
    void redo() override { m_document->applyState(m_after); }
    void undo() override { m_document->applyState(m_before); }

private:
    PlannerDocument* m_document;
    PlannerState m_before, m_after;
};

} // namespace

bool sameCampaign(const plan::Campaign& a, const plan::Campaign& b)
{
    return a.start == b.start && a.days == b.days && plan::sameProducts(a, b);
}

PlannerDocument::PlannerDocument(QObject* parent) : QObject(parent), m_undo(new QUndoStack(this)) {}

PlannerDocument::~PlannerDocument() = default;

void PlannerDocument::setData(std::shared_ptr<const PlannerData> data)
{
    m_undo->clear();
    m_data = std::move(data);
    m_evaluator.reset();
    m_rows.clear();
    m_state = PlannerState();
    m_state.settings = m_defaults;
    if (m_data) {
        // An empty campaign on the day after the history, for three days; for a week on a weekly
        // history, whose model knows weeks (a shorter sale is planned as its week anyway).
        m_state.campaign.start =
            m_data->panel.dayOf(m_data->panel.periodCount() - 1) + m_data->panel.periodDays();
        m_state.campaign.days = m_data->panel.periodDays() == 7 ? 7 : 3;
    }
    recomputeTotals();
    emit dataReset();
    emit campaignReset();
    emit totalsChanged();
}

int PlannerDocument::restore(PlannerState state)
{
    int unknown = 0;
    if (m_data) {
        PlannerState known = state;
        known.campaign.products.clear();
        known.discounts.clear();
        known.locked.clear();
        known.limits.clear();
        for (size_t i = 0; i < state.campaign.products.size(); ++i) {
            const int product = state.campaign.products[i].product;
            if (!m_data->modelKnows[static_cast<size_t>(product)]) {
                ++unknown;
                continue;
            }
            known.campaign.products.push_back(state.campaign.products[i]);
            known.discounts.push_back(i < state.discounts.size() ? state.discounts[i] : 0.0);
            known.locked.push_back(i < state.locked.size() && state.locked[i]);
            known.limits.push_back(i < state.limits.size() ? state.limits[i] : plan::Limit::None);
        }
        state = std::move(known);
    }
    m_evaluator.reset(); // evaluated afresh, whatever it was
    applyState(state);
    return unknown;
}

namespace {

// Whether `data` holds the products of `before` first, in the same order.
bool startsWithProductsOf(const PlannerData& data, const PlannerData& before)
{
    const int n = before.panel.productCount();
    if (data.panel.productCount() < n)
        return false;
    for (int p = 0; p < n; ++p)
        if (data.panel.products()[static_cast<size_t>(p)].id !=
            before.panel.products()[static_cast<size_t>(p)].id)
            return false;
    return true;
}

} // namespace

bool PlannerDocument::extendData(std::shared_ptr<const PlannerData> data)
{
    if (!m_data || !data || data->trained.id != m_data->trained.id ||
        !startsWithProductsOf(*data, *m_data))
        return false;
    m_data = std::move(data);
    m_evaluator.reset(); // it read the data it was made with
    applyState(m_state);
    emit dataReset();
    return true;
}

bool PlannerDocument::replaceData(std::shared_ptr<const PlannerData> data)
{
    if (!m_data || !data || data->panel.productCount() != m_data->panel.productCount() ||
        !startsWithProductsOf(*data, *m_data))
        return false;
    for (const plan::CampaignProduct& cp : m_state.campaign.products)
        if (!data->modelKnows[static_cast<size_t>(cp.product)])
            return false;
    m_data = std::move(data);
    m_evaluator.reset();
    applyState(m_state);
    emit dataReset();
    return true;
}

plan::PlanState PlannerDocument::planState() const
{
    return plan::planStateOf(m_state, modelId());
}

std::int64_t PlannerDocument::modelId() const
{
    return m_data ? m_data->trained.id : 0;
}

double PlannerDocument::deepestAllowed(int row) const
{
    return plan::deepestAllowedDiscount(m_state.campaign.products[static_cast<size_t>(row)],
                                        m_state.settings.marginFloor);
}

void PlannerDocument::editDiscount(int row, double discount)
{
    if (row < 0 || row >= productCount())
        return;
    const double before = m_state.discounts[static_cast<size_t>(row)];
    if (discount == before)
        return;
    const plan::ProductPlan evaluated = m_evaluator->evaluate(row, discount);
    m_undo->push(new DiscountCommand(this, row, before, m_state.limits[static_cast<size_t>(row)],
                                     discount, manualLimit(row, evaluated),
                                     m_dragging ? m_dragId : 0));
}

void PlannerDocument::editLock(int row, bool locked)
{
    if (row < 0 || row >= productCount() || m_state.locked[static_cast<size_t>(row)] == locked)
        return;
    // A lock shows as the row's limit; unlocking shows what holds it by hand.
    const plan::Limit limit =
        locked ? plan::Limit::Locked
               : plan::limitAtDiscount(m_state.campaign.products[static_cast<size_t>(row)],
                                       m_rows[static_cast<size_t>(row)]);
    m_undo->push(new LockCommand(this, row, locked, limit));
}

void PlannerDocument::editState(const PlannerState& next, const QString& description)
{
    PlannerState state = next;
    // A bound holds for the campaign and the settings the optimizer searched.
    if (!sameCampaign(state.campaign, m_state.campaign) || !(state.settings == m_state.settings))
        state.upperBound.reset();
    // Never outside the allowed range: a margin floor (by default: never below cost) or a new
    // limit moves the discounts it leaves out; locked products keep theirs.
    for (size_t i = 0; i < state.campaign.products.size() && i < state.discounts.size(); ++i) {
        const plan::CampaignProduct& cp = state.campaign.products[i];
        if (i < state.locked.size() && state.locked[i])
            continue;
        const double deepest = plan::deepestAllowedDiscount(cp, state.settings.marginFloor);
        state.discounts[i] = std::clamp(state.discounts[i], cp.minDiscount, deepest);
    }
    m_undo->push(new StateCommand(this, m_state, std::move(state), description));
}

void PlannerDocument::applyDiscount(int row, double discount, plan::Limit limit)
{
    const auto i = static_cast<size_t>(row);
    m_state.discounts[i] = discount;
    m_state.limits[i] = limit;
    m_rows[i] = m_evaluator->evaluate(row, discount);
    m_rows[i].limitedBy = limit;
    m_rows[i].locked = m_state.locked[i];
    recomputeTotals();
    emit rowChanged(row);
    emit totalsChanged();
    emit edited();
}

void PlannerDocument::applyLock(int row, bool locked, plan::Limit limit)
{
    const auto i = static_cast<size_t>(row);
    m_state.locked[i] = locked;
    m_rows[i].locked = locked;
    m_state.limits[i] = limit;
    m_rows[i].limitedBy = limit;
    recomputeTotals();
    emit rowChanged(row);
    emit totalsChanged();
    emit edited();
}

void PlannerDocument::applyState(const PlannerState& state)
{
    const bool campaignChanged = !sameCampaign(state.campaign, m_state.campaign) || !m_evaluator;
    m_state = state;
    const size_t n = m_state.campaign.products.size();
    m_state.discounts.resize(n, 0.0);
    m_state.locked.resize(n, false);
    m_state.limits.resize(n, plan::Limit::None);
    if (campaignChanged) {
        m_evaluator.reset();
        if (m_data)
            m_evaluator = std::make_unique<plan::CampaignEvaluator>(m_data->panel, m_data->trained,
                                                                    m_state.campaign);
    }
    evaluateAll();
    recomputeTotals();
    emit campaignReset();
    emit totalsChanged();
    emit edited();
}

plan::Limit PlannerDocument::manualLimit(int row, const plan::ProductPlan& evaluated) const
{
    if (m_state.locked[static_cast<size_t>(row)])
        return plan::Limit::Locked;
    return plan::limitAtDiscount(m_state.campaign.products[static_cast<size_t>(row)], evaluated);
}

void PlannerDocument::evaluateAll()
{
    m_rows.clear();
    if (!m_evaluator)
        return;
    const int n = m_evaluator->productCount();
    std::vector<std::pair<int, double>> queries;
    queries.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        queries.emplace_back(i, m_state.discounts[static_cast<size_t>(i)]);
    const std::vector<model::NegBin> demands = m_evaluator->windowDemands(queries);
    m_rows.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const auto k = static_cast<size_t>(i);
        plan::ProductPlan row = m_evaluator->evaluate(i, m_state.discounts[k], demands[k]);
        // Rows nobody classified yet (just added or loaded) show what holds them at their
        // discount, by the optimizer's own rules.
        row.limitedBy = m_state.limits[k] != plan::Limit::None
                            ? m_state.limits[k]
                            : plan::limitAtDiscount(m_state.campaign.products[k], row);
        row.locked = m_state.locked[k];
        m_rows.push_back(std::move(row));
    }
}

void PlannerDocument::recomputeTotals()
{
    // Summing every row again (no model call) keeps undo exact: no drift from adding and
    // subtracting one row's change. 10,000 rows take well under a millisecond.
    m_totals = plan::totalsOf(m_rows);
}

plan::PlanResult PlannerDocument::planResult() const
{
    if (!m_data)
        return {}; // no project or model: nothing planned
    plan::PlanResult result = plan::makePlanResult(*m_data, m_state.campaign, m_state.settings,
                                                   m_rows, m_state.upperBound);
    result.state = planState();
    return result;
}

} // namespace fp::ui
