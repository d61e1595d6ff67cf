#include "settings/planstatetext.h"

#include <QCoreApplication>

namespace fp::ui {

// The translation context of the state words.
class PlanStateText final
{
    Q_DECLARE_TR_FUNCTIONS(fp::ui::PlanStateText)
};

QString planStateText(plan::PlanState state)
{
    switch (state) {
    case plan::PlanState::NotOptimized:
        return PlanStateText::tr("Not optimized yet");
    case plan::PlanState::Optimal:
        return PlanStateText::tr("Optimal");
    case plan::PlanState::Edited:
        return PlanStateText::tr("Edited since Optimize");
    case plan::PlanState::Stale:
        return PlanStateText::tr("Model or window changed: re-optimize");
    }
    return {};
}

} // namespace fp::ui
