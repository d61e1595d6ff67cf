#include "model/demandmodel.h"

#include "data/panel.h"

namespace fp::model {

PanelShape PanelShape::of(const data::Panel& panel)
{
    PanelShape shape;
    shape.periodDays = panel.periodDays();
    shape.firstDay = panel.firstDay();
    shape.periods = panel.periodCount();
    shape.categories = static_cast<int>(panel.categories().size());
    for (const data::PanelProduct& p : panel.products())
        shape.productCategory.push_back(p.category);
    return shape;
}

void PanelShape::save(BinaryWriter& out) const
{
    out.put<std::int32_t>(periodDays);
    out.put<std::int32_t>(firstDay);
    out.put<std::int32_t>(periods);
    out.put<std::int32_t>(categories);
    out.putVector(productCategory);
}

PanelShape PanelShape::load(BinaryReader& in)
{
    PanelShape shape;
    shape.periodDays = in.get<std::int32_t>();
    shape.firstDay = in.get<std::int32_t>();
    shape.periods = in.get<std::int32_t>();
    shape.categories = in.get<std::int32_t>();
    shape.productCategory = in.getVector<int>();
    // A damaged blob must not send the models computing calendars for billions of periods.
    if ((shape.periodDays != 1 && shape.periodDays != 7) || shape.periods < 0 ||
        shape.periods > kMaxPeriods || shape.firstDay < -kMaxAbsDay ||
        shape.firstDay > kMaxAbsDay || shape.categories < 0 || shape.categories > kMaxCategories)
        throw FlashPlanError(ProblemKind::StoredModelTruncated);
    // Every model indexes its per-category parameters by these; one out of range reads past them.
    for (const int category : shape.productCategory) {
        if (category < 0 || category >= shape.categories)
            throw FlashPlanError(ProblemKind::StoredModelTruncated);
    }
    return shape;
}

} // namespace fp::model
