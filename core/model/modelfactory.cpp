#include "model/baselinemodel.h"
#include "model/blendmodel.h"
#include "model/demandmodel.h"
#include "model/neuralmodel.h"
#include "model/structuredmodel.h"

namespace fp::model {

std::unique_ptr<DemandModel> createModel(const std::string& kind)
{
    if (kind == "baseline")
        return std::make_unique<BaselineModel>();
    if (kind == "structured")
        return std::make_unique<StructuredModel>();
    if (kind == "neural")
        return std::make_unique<NeuralModel>();
    if (kind == "blend")
        return std::make_unique<BlendModel>();
    return nullptr;
}

std::vector<std::string> modelKinds()
{
    return {"baseline", "structured", "neural"};
}

} // namespace fp::model
