#pragma once

#include "base/progress.h"
#include "synth/demofiles.h"

#include <string>

namespace fp::synth {

// The bundled demo as a ready project, as File > Open Demo Project builds it: the demo files
// written to `filesDir` (writeDemoFiles), their sales.csv imported into a new project at
// `projectPath`, and the structured model trained and stored as the project's active model.
// Progress runs through the import, then through the training iterations. Throws Cancelled when
// `progress` returns false, and FlashPlanError when a step fails (its problem, or the import's
// first problem).
void buildDemoProject(const std::string& filesDir, const std::string& projectPath,
                      const ProgressFn& progress = {});

} // namespace fp::synth
