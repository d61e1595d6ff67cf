#pragma once

#include "base/progress.h"
#include "data/panel.h"
#include "model/modelstore.h"
#include "plan/deepestdiscounts.h"
#include "plan/planresult.h"
#include "plan/scenariostore.h"

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace fp::plan {

// What the planner reads from the project once per project or model: the sales history, the active
// model, and per product what the campaign setup needs. The GUI loads it on a worker and shares it
// read-only (const) between the GUI thread and the optimizer's worker, which is safe because
// evaluating the model never writes; the command line loads it for `plan`.
struct PlannerData
{
    // Derives the per-product values from the history and the model.
    PlannerData(data::Panel history, model::TrainedModel model);

    data::Panel panel;
    model::TrainedModel trained;
    // Per panel product: the model can forecast it (trained on it, or a new product placed among
    // its peers).
    std::vector<bool> modelKnows;
    std::vector<double> historyRevenue; // per panel product: units x price over its history
    std::vector<double> usualDiscount;  // per panel product, 0..1
    std::unordered_map<std::int64_t, int> panelIndexOfId; // products.id -> panel product
    // Deeper discounts than these are extrapolated by the model, and the planner says so.
    DeepestDiscounts deepestDiscounts;
    // Set by read(): sales were imported after the model was trained
    // (model::importedSinceTraining).
    std::optional<Problem> importedSinceTraining;

    // Throws FlashPlanError when the project has no sales or no trained model.
    static std::shared_ptr<const PlannerData> load(const std::string& projectPath,
                                                   const ProgressFn& progress = {});
    // The same, to change (add new products) before it is shared.
    static PlannerData read(const std::string& projectPath, const ProgressFn& progress = {});

    // Adds products without sales history to the panel and the model, each placed among peers
    // the model knows (model::addNewProducts), and returns what became of each. The planner's way
    // to plan a product added by hand, and the campaign and prices files'.
    std::vector<model::NewProductResult>
    addNewProducts(const std::vector<model::NewProduct>& products);
    // A new product: no sales history, forecast from its peers.
    bool isNewProduct(int panelProduct) const;
    // The new products placed so far, in panel order, described so that addNewProducts on the
    // same history and model places them again alike: the category and list price they were
    // placed at, the like item they sell like (empty when placed from their category).
    std::vector<model::NewProduct> newProducts() const;
    // What a row of this product at `discount` warns about: cold_start, beyond_history.
    RowFlags flagsAt(int panelProduct, double discount) const;

    // Panel products of `category` (or all when negative) with a history the model knows, by
    // history revenue, largest first (new products have none).
    std::vector<int> productsByRevenue(int category = -1) const;
    // The panel product of a products.id, or -1.
    int panelIndex(std::int64_t productId) const;
    // The deepest discount the product's category sold at, and whether `discount` goes beyond it
    // (by more than half a point).
    double deepestDiscountFor(int panelProduct) const { return deepestDiscounts.of(panelProduct); }
    bool beyondHistory(int panelProduct, double discount) const
    {
        return deepestDiscounts.beyond(panelProduct, discount);
    }

private:
    // The per-product values of panel products from `first` on.
    void deriveProducts(int first);
};

// The plan as the exports take it, for the command line and the window alike: the campaign's window
// and the settings, the model's kind and scores, `rows` (one per campaign product, in campaign
// order), flagged (cold_start for new products, beyond_history where deeper than their category
// sold at), and their totals.
// `upperBound`: the optimizer's proven bound on the objective for this campaign and these
// settings; the optimality gap is how far the rows' objective falls short of it (0 without one).
PlanResult makePlanResult(const PlannerData& data, const Campaign& campaign,
                          const PlanSettings& settings, std::vector<ProductPlan> rows,
                          std::optional<double> upperBound);

} // namespace fp::plan
