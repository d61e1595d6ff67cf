#include "model/coldstart.h"

#include "data/panel.h"
#include "model/depthguard.h"
#include "model/modelstore.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace fp::model {

namespace {

constexpr double kPriceBandwidth = 0.5; // of the price-point kernel, in log list price
constexpr double kMinWeight = 0.01;     // a peer far from the price point still counts a little
constexpr double kSlopePriorSd = 0.5;   // how steep a category's demand-on-price slope may be
constexpr double kMaxLevelRatio = 2.0;  // a like item's price level is read within 1/2..2x
constexpr int kMinHistory = 8;          // periods with data a category peer needs
constexpr int kMinRecentPeers = 3;      // else products that stopped selling are peers too
constexpr double kMarketPeers = 3.0;    // the market's spread counts as this many peers' worth
constexpr double kDefaultSpread = 1.0;  // log sd when the market has too few products to say
constexpr double kMinVariance = 0.05, kMaxVariance = 4.0;

// The weighted median of (value, weight) pairs, midway where the weight splits exactly in half.
double weightedMedian(std::vector<std::pair<double, double>> values)
{
    std::sort(values.begin(), values.end());
    double total = 0;
    for (const auto& [value, weight] : values)
        total += weight;
    double below = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        below += values[i].second;
        if (below > 0.5 * total * (1 + 1e-12))
            return values[i].first;
        if (below >= 0.5 * total * (1 - 1e-12) && i + 1 < values.size())
            return 0.5 * (values[i].first + values[i + 1].first);
    }
    return values.empty() ? 0.0 : values.back().first;
}

// A robust standard deviation: 1.4826 x the median absolute deviation from the median.
double robustSpread(const std::vector<double>& values)
{
    std::vector<std::pair<double, double>> weighted;
    for (double v : values)
        weighted.emplace_back(v, 1.0);
    const double center = weightedMedian(weighted);
    for (auto& [v, w] : weighted)
        v = std::abs(v - center);
    return 1.4826 * weightedMedian(weighted);
}

// What placing needs to know of the products the model knows, worked out once per batch: per
// category its products with enough history, their log list price and the model's log demand at
// list price just after the history (comparable across products), the slope of that demand on
// list price and how much the products scatter around it.
class PeerIndex final
{
public:
    PeerIndex(const data::Panel& panel, const TrainedModel& trained);

    bool knows(int panelProduct) const
    {
        return m_modelIndex[static_cast<size_t>(panelProduct)] >= 0;
    }
    std::optional<ColdStart::Placement> fromLikeItem(int panelProduct, double listPrice) const;
    std::optional<ColdStart::Placement> fromCategory(int category, double listPrice) const;

private:
    struct Candidate
    {
        int modelProduct = 0;
        double logPrice = 0;
        double logDemand = 0;
        bool recent = false; // sold in the last stretch of the history
    };
    struct Category
    {
        std::vector<Candidate> candidates;
        double slope = 0.0;                                       // of log demand on log list price
        double spread = std::numeric_limits<double>::quiet_NaN(); // around it; NaN: too few
    };
    // The squared log spread of a category's products, shrunk toward the market's by its count.
    double spreadSquared(const Category& category) const;

    const data::Panel& m_panel;
    std::vector<int> m_modelIndex; // per panel product, -1 when the model does not know it
    std::vector<Category> m_categories;
    double m_marketSpread = kDefaultSpread;
};

PeerIndex::PeerIndex(const data::Panel& panel, const TrainedModel& trained)
    : m_panel(panel), m_categories(panel.categories().size())
{
    m_modelIndex = trained.productIndexFor(panel);
    // Every known product at its list price, unfeatured, in the first period after the history.
    std::vector<data::DemandCell> cells;
    std::vector<int> panelOf;
    const int periods = panel.periodCount();
    const int recentFrom = periods - std::max(kMinHistory, periods / 4);
    for (int p = 0; p < panel.productCount(); ++p) {
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        if (m_modelIndex[static_cast<size_t>(p)] < 0 || !(product.listPrice > 0))
            continue;
        int withData = 0;
        for (int t = product.firstPeriod; t <= product.lastPeriod; ++t)
            withData += panel.present(p, t) && !panel.filled(p, t) ? 1 : 0;
        if (withData < kMinHistory)
            continue;
        data::DemandCell cell;
        cell.product = m_modelIndex[static_cast<size_t>(p)];
        cell.period = periods;
        cell.stock = std::nanf("");
        cells.push_back(cell);
        panelOf.push_back(p);
    }
    std::vector<double> means(cells.size());
    trained.predict(cells, means);
    for (size_t i = 0; i < cells.size(); ++i) {
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(panelOf[i])];
        m_categories[static_cast<size_t>(product.category)].candidates.push_back(
            {cells[i].product, std::log(product.listPrice), std::log(std::max(means[i], 1e-9)),
             product.lastPeriod >= recentFrom});
    }
    double pooled = 0;
    int pooledCount = 0;
    for (Category& category : m_categories) {
        const std::vector<Candidate>& c = category.candidates;
        const auto n = static_cast<double>(c.size());
        if (c.size() < 3)
            continue;
        double mx = 0, my = 0;
        for (const Candidate& k : c) {
            mx += k.logPrice / n;
            my += k.logDemand / n;
        }
        double sxx = 0, sxy = 0;
        for (const Candidate& k : c) {
            sxx += (k.logPrice - mx) * (k.logPrice - mx);
            sxy += (k.logPrice - mx) * (k.logDemand - my);
        }
        if (sxx > 1e-6) {
            const double ols = sxy / sxx;
            double residual = 0;
            for (const Candidate& k : c)
                residual += std::pow(k.logDemand - my - ols * (k.logPrice - mx), 2) / (n - 2);
            const double prior = kSlopePriorSd * kSlopePriorSd;
            const double sampling = residual / sxx;
            category.slope = std::clamp(ols * prior / (prior + sampling), -2.0, 1.0);
        }
        std::vector<double> residuals;
        for (const Candidate& k : c)
            residuals.push_back(k.logDemand - category.slope * k.logPrice);
        category.spread = robustSpread(residuals);
        pooled += n * category.spread * category.spread;
        pooledCount += static_cast<int>(c.size());
    }
    if (pooledCount > 0)
        m_marketSpread = std::sqrt(pooled / pooledCount);
}

double PeerIndex::spreadSquared(const Category& category) const
{
    const double market = m_marketSpread * m_marketSpread;
    if (std::isnan(category.spread))
        return market;
    const auto n = static_cast<double>(category.candidates.size());
    return (n * category.spread * category.spread + kMarketPeers * market) / (n + kMarketPeers);
}

std::optional<ColdStart::Placement> PeerIndex::fromLikeItem(int panelProduct,
                                                            double listPrice) const
{
    const int model = m_modelIndex[static_cast<size_t>(panelProduct)];
    if (model < 0)
        return std::nullopt;
    const data::PanelProduct& like = m_panel.products()[static_cast<size_t>(panelProduct)];
    ColdStart::Placement placement;
    placement.likeSku = like.sku;
    // The like item at the new product's money price: its price cut moves by log(like / new).
    const double ratio = like.listPrice > 0 ? like.listPrice / listPrice : 1.0;
    placement.peers.push_back(
        {model, 1.0, 0.0, std::log(std::clamp(ratio, 1.0 / kMaxLevelRatio, kMaxLevelRatio))});
    const double s2 = spreadSquared(m_categories[static_cast<size_t>(like.category)]);
    placement.variance = std::clamp(std::expm1(s2), kMinVariance, kMaxVariance);
    return placement;
}

std::optional<ColdStart::Placement> PeerIndex::fromCategory(int category, double listPrice) const
{
    if (category < 0 || category >= static_cast<int>(m_categories.size()))
        return std::nullopt;
    const Category& own = m_categories[static_cast<size_t>(category)];
    const size_t recent = static_cast<size_t>(std::count_if(
        own.candidates.begin(), own.candidates.end(), [](const Candidate& c) { return c.recent; }));
    std::vector<const Candidate*> pool;
    for (const Candidate& c : own.candidates)
        if (c.recent || recent < kMinRecentPeers)
            pool.push_back(&c);
    if (pool.empty())
        return std::nullopt;
    const double x = std::log(listPrice);
    std::sort(pool.begin(), pool.end(), [x](const Candidate* a, const Candidate* b) {
        return std::abs(a->logPrice - x) < std::abs(b->logPrice - x);
    });
    pool.resize(std::min<size_t>(pool.size(), ColdStart::kMaxPeers));
    ColdStart::Placement placement;
    double sum = 0, sumSquares = 0;
    for (const Candidate* c : pool) {
        const double z = (c->logPrice - x) / kPriceBandwidth;
        const double weight = std::max(kMinWeight, std::exp(-0.5 * z * z));
        placement.peers.push_back({c->modelProduct, weight, own.slope * (x - c->logPrice), 0.0});
        sum += weight;
        sumSquares += weight * weight;
    }
    // A new product is one more draw from its peers: their spread, and the median's own error.
    const double effectivePeers = sum * sum / sumSquares;
    placement.variance = std::clamp(std::expm1(spreadSquared(own) * (1 + 1 / effectivePeers)),
                                    kMinVariance, kMaxVariance);
    return placement;
}

int categoryNamed(const data::Panel& panel, const std::string& name)
{
    const auto& names = panel.categories();
    // A project without categories holds one, unnamed: a new product without one joins it, with
    // every product as its peers. Where there are categories, no category places nothing.
    if (name.empty())
        return names.size() == 1 && names[0].empty() ? 0 : -1;
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

} // namespace

const ColdStart::Placement* ColdStart::placementOf(std::int64_t productId) const
{
    const int i = indexOf(productId);
    return i < 0 ? nullptr : &m_placements[static_cast<size_t>(i)];
}

int ColdStart::indexOf(std::int64_t productId) const
{
    for (size_t i = 0; i < m_placements.size(); ++i)
        if (m_placements[i].productId == productId)
            return static_cast<int>(i);
    return -1;
}

void ColdStart::predict(const DemandModel& model, std::span<const float> supportedDepth,
                        int knownProducts, std::span<const data::DemandCell> cells,
                        std::span<double> means, std::span<double> extraVariance) const
{
    // One batch: known products' cells as they are, each new product's cell as its peers' cells.
    std::vector<data::DemandCell> batch;
    std::vector<size_t> first(cells.size() + 1);
    batch.reserve(cells.size());
    for (size_t i = 0; i < cells.size(); ++i) {
        first[i] = batch.size();
        const data::DemandCell& cell = cells[i];
        if (cell.product < knownProducts) {
            batch.push_back(cell);
            continue;
        }
        const size_t placement = static_cast<size_t>(cell.product - knownProducts);
        if (placement >= m_placements.size())
            throw internalError("cold start: no placement for model product " +
                                std::to_string(cell.product));
        for (const Peer& peer : m_placements[placement].peers) {
            data::DemandCell peerCell = cell;
            peerCell.product = peer.product;
            // logPriceCut(exp(-x), 1) is x kept within the range a price cut can mean.
            peerCell.priceCut =
                data::logPriceCut(std::exp(-(cell.priceCut + peer.priceCutShift)), 1.0);
            batch.push_back(peerCell);
        }
    }
    first[cells.size()] = batch.size();
    std::vector<double> batchMeans(batch.size()), batchExtra(batch.size());
    DepthGuard::predict(model, supportedDepth, batch, batchMeans, batchExtra);
    for (size_t i = 0; i < cells.size(); ++i) {
        double mean = batchMeans[first[i]], extra = batchExtra[first[i]];
        if (cells[i].product >= knownProducts) {
            const Placement& placement =
                m_placements[static_cast<size_t>(cells[i].product - knownProducts)];
            std::vector<std::pair<double, double>> logDemand;
            double peerExtra = 0, weights = 0;
            for (size_t k = 0; k < placement.peers.size(); ++k) {
                const Peer& peer = placement.peers[k];
                const size_t j = first[i] + k;
                logDemand.emplace_back(std::log(std::max(batchMeans[j], 1e-12)) + peer.logShift,
                                       peer.weight);
                peerExtra += peer.weight * batchExtra[j];
                weights += peer.weight;
            }
            mean = std::exp(weightedMedian(std::move(logDemand)));
            extra = placement.variance + peerExtra / weights;
        }
        means[i] = mean;
        if (!extraVariance.empty())
            extraVariance[i] = extra;
    }
}

namespace {

// Where `product` goes among the products the model knows: after its like item, else among its
// category (the one named, else the like item's, in `category`), at its list price (given, else the
// like item's, in `listPrice`). nullopt, with why in `result`, when nothing places it.
std::optional<ColdStart::Placement> placementFor(const data::Panel& panel, const PeerIndex& peers,
                                                 const NewProduct& product,
                                                 NewProductResult& result, int& category,
                                                 double& listPrice)
{
    int like = product.likeSku.empty() ? -1 : panel.findProduct(product.likeSku);
    if (!product.likeSku.empty() && (like < 0 || !peers.knows(like))) {
        result.problems.push_back(
            problemOf(ProblemKind::LikeSkuNotKnown, {product.sku, product.likeSku}));
        like = -1;
    }
    const data::PanelProduct* likeItem =
        like >= 0 ? &panel.products()[static_cast<size_t>(like)] : nullptr;
    const int named = categoryNamed(panel, product.category);
    if (!likeItem && named < 0) {
        result.problems.push_back(problemOf(ProblemKind::NewProductCannotBePlaced, {product.sku}));
        return std::nullopt;
    }
    listPrice = product.listPrice > 0 ? product.listPrice : likeItem ? likeItem->listPrice : 0.0;
    if (!(listPrice > 0)) {
        result.problems.push_back(
            problemOf(ProblemKind::NewProductWithoutListPrice, {product.sku}));
        return std::nullopt;
    }
    category = named >= 0 ? named : likeItem->category;
    std::optional<ColdStart::Placement> placement =
        likeItem ? peers.fromLikeItem(like, listPrice) : peers.fromCategory(named, listPrice);
    if (!placement)
        result.problems.push_back(problemOf(ProblemKind::NewProductCannotBePlaced, {product.sku}));
    return placement;
}

} // namespace

std::vector<NewProductResult> addNewProducts(data::Panel& panel, TrainedModel& trained,
                                             const std::vector<NewProduct>& products)
{
    const PeerIndex peers(panel, trained); // before any is added: new products are no one's peer
    std::vector<NewProductResult> results;
    for (const NewProduct& product : products) {
        NewProductResult& result = results.emplace_back();
        result.panelProduct = panel.findProduct(product.sku);
        if (result.panelProduct >= 0)
            continue;
        int category = -1;
        double listPrice = 0;
        std::optional<ColdStart::Placement> placement =
            placementFor(panel, peers, product, result, category, listPrice);
        if (!placement)
            continue;
        data::PanelProduct added;
        added.id = -1 - static_cast<std::int64_t>(panel.productCount()); // never a stored id
        added.sku = product.sku;
        added.name = product.name;
        added.category = category;
        added.listPrice = listPrice;
        added.unitCost = product.unitCost;
        placement->productId = added.id;
        result.panelProduct = panel.addProduct(std::move(added));
        trained.coldStart.add(std::move(*placement));
    }
    return results;
}

std::vector<NewProductResult> placeUnknownProducts(const data::Panel& panel, TrainedModel& trained,
                                                   const std::vector<NewProduct>& products)
{
    const PeerIndex peers(panel, trained); // it knows which products the model knows
    std::vector<NewProductResult> results;
    for (const NewProduct& product : products) {
        NewProductResult& result = results.emplace_back();
        const int index = panel.findProduct(product.sku);
        if (index < 0 || peers.knows(index)) {
            result.panelProduct = index; // not in the panel, or the model knows it
            continue;
        }
        int category = -1;
        double listPrice = 0;
        std::optional<ColdStart::Placement> placement =
            placementFor(panel, peers, product, result, category, listPrice);
        if (!placement)
            continue;
        placement->productId = panel.products()[static_cast<size_t>(index)].id;
        trained.coldStart.add(std::move(*placement));
        result.panelProduct = index;
    }
    return results;
}

} // namespace fp::model
