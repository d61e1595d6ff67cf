#include "synth/demoproject.h"

#include "base/error.h"
#include "io/salesimporter.h"
#include "model/trainer.h"
#include "store/store.h"

namespace fp::synth {

namespace {

// The structured model's iterations, for the progress of its training.
constexpr int kTrainingSteps = 120;

} // namespace

void buildDemoProject(const std::string& filesDir, const std::string& projectPath,
                      const ProgressFn& progress)
{
    writeDemoFiles(filesDir);
    store::Store store(projectPath);
    const io::ImportReport report =
        io::importSalesFile(store, filesDir + "/sales.csv", {}, progress);
    if (!report.committed)
        throw report.problems.empty() ? internalError("the demo's import failed")
                                      : FlashPlanError(report.problems[0]);
    model::TrainOptions options;
    options.model = "structured";
    model::TrainCallbacks callbacks;
    callbacks.loss = [&](const std::string&, const model::LossPoint& point) {
        return reportProgress(progress, point.iteration, kTrainingSteps);
    };
    model::trainAndStore(store, options, callbacks);
}

} // namespace fp::synth
