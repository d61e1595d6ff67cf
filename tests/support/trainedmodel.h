#pragma once

#include "data/demandcells.h"
#include "data/panel.h"
#include "model/modelstore.h"
#include "model/noisemodel.h"
#include "model/structuredmodel.h"

#include <memory>
#include <vector>

namespace fp::test {

// A structured model fitted on every period of `panel`, with its noise, as the planner and the
// exports use a trained model (what trainAndStore keeps, without the held-out evaluation).
inline model::TrainedModel trainStructuredOnAllHistory(const data::Panel& panel)
{
    const auto cells = data::historyCells(panel, 0, panel.periodCount());
    auto structured = std::make_unique<model::StructuredModel>();
    structured->fit(panel, cells, {}, {}, {});
    std::vector<double> means(cells.size());
    structured->predict(cells, means);
    model::TrainedModel trained;
    trained.kind = "structured";
    trained.noise = model::NoiseModel::estimate(model::PanelShape::of(panel), cells, means);
    trained.model = std::move(structured);
    trained.categories = panel.categories();
    trained.firstDay = panel.firstDay();
    // No supported depth (the tests that use it see the model's own curves past the history).
    for (const data::PanelProduct& p : panel.products()) {
        trained.productIds.push_back(p.id);
        trained.referencePrice.push_back(p.priceReference());
    }
    return trained;
}

} // namespace fp::test
