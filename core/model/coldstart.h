#pragma once

#include "base/error.h"
#include "data/demandcells.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fp::data {
class Panel;
}

namespace fp::model {

class DemandModel;
struct TrainedModel;

// A product without sales history as a campaign file, a forecast's prices file or the planner
// describe it (spec/data-format.md, sections 2 and 4).
struct NewProduct
{
    std::string sku;
    std::string name;
    std::string category; // the category whose products it resembles; may be empty
    std::string likeSku;  // an existing product it should sell like; may be empty
    double listPrice = 0; // its regular price; <= 0: the like item's
    std::optional<double> unitCost;
};

// Demand of products the model has never seen (cold start), from its demand of products it
// knows, whichever model it is (only predict() is asked):
// - from a like item the user names: the like item's demand at the same discount and at the new
//   product's price level (its list price relative to the like item's, kept within 1/2..2x), so
//   the model's own response to the regular price's level scales it;
// - else from its category: a weighted median of the log demand of up to kMaxPeers products at
//   the same discount off their own list price, nearest in list price first, weighted toward the
//   new product's price point (a Gaussian kernel in log list price) and each moved to that price
//   point along the category's slope of log demand on log list price (shrunk toward none by its
//   standard error, so a few peers barely tilt it). A median of curves that never fall as the
//   discount deepens never falls either.
// How much a category's products differ from one another (the robust spread of their log demand
// at the price point, shrunk toward the whole market's spread as the peers are few, plus the
// median's own uncertainty) is added to the mean's relative variance: wider intervals.
class ColdStart final
{
public:
    static constexpr int kMaxPeers = 12;

    // A product the model knows that a new product's demand is read from.
    struct Peer
    {
        int product = 0;            // the model's index
        double weight = 1.0;        // in the weighted median
        double logShift = 0.0;      // added to its log demand: the move to the new price point
        double priceCutShift = 0.0; // added to the cell's log price cut: the price level's
    };
    struct Placement
    {
        std::int64_t productId = 0; // the new product's panel id
        std::vector<Peer> peers;
        double variance = 0.0; // relative variance of the mean: how unlike its peers it may be
        std::string likeSku;   // the like item it sells like; empty: from its category
    };

    bool empty() const { return m_placements.empty(); }
    void add(Placement placement) { m_placements.push_back(std::move(placement)); }
    // The placement of a product id, or nullptr when it is not a placed new product.
    const Placement* placementOf(std::int64_t productId) const;
    // Its position among the placements (the model index is the model's product count plus
    // this), or -1.
    int indexOf(std::int64_t productId) const;

    // Means (and, when not empty, extraVariance) of `cells`: cells of model products below
    // `knownProducts` from the model (bounded past the supported depth, DepthGuard), the others,
    // knownProducts + i for placement i, from their peers in the same model call.
    void predict(const DemandModel& model, std::span<const float> supportedDepth, int knownProducts,
                 std::span<const data::DemandCell> cells, std::span<double> means,
                 std::span<double> extraVariance) const;

private:
    std::vector<Placement> m_placements;
};

// What became of one new product: its panel index (-1 when skipped) and the problems to report,
// each with the sku as its first argument (the caller adds the file and line): why it was
// skipped, or a like_sku that was ignored.
struct NewProductResult
{
    int panelProduct = -1;
    std::vector<Problem> problems;
};

// Adds each new product that can be placed to `panel` (no history; its category is the one named,
// else its like item's) and its placement to `trained.coldStart`. One that has neither a like item
// the model knows nor a category with products the model knows, or has no list price, is skipped.
// A sku already in the panel is that product: its index, nothing added. Results in `products`
// order.
std::vector<NewProductResult> addNewProducts(data::Panel& panel, TrainedModel& trained,
                                             const std::vector<NewProduct>& products);

// Places products of `panel` the model does not know (their sales imported after it was trained)
// as new products are, under their own ids, from their descriptions: a sale's review forecasts a
// product that was new when it was planned as the plan forecast it. A sku not in the panel, or one
// the model knows, is left as it is (its index, or -1). Results in `products` order.
std::vector<NewProductResult> placeUnknownProducts(const data::Panel& panel, TrainedModel& trained,
                                                   const std::vector<NewProduct>& products);

} // namespace fp::model
