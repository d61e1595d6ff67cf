#pragma once

#include "plan/planstate.h"

#include <QString>

namespace fp::ui {

// The plan's state word in the language shown (core's planStateName() in English), as the
// planner's status and the PDF report say it.
QString planStateText(plan::PlanState state);

} // namespace fp::ui
