#include "model/modelstore.h"

#include "data/discountsupport.h"
#include "data/panel.h"
#include "model/depthguard.h"
#include "store/store.h"

#include <algorithm>
#include <unordered_map>

namespace fp::model {

namespace {
// 2: the supported depth per product; 3: the regular price each product's cuts were measured from,
// the categories in the order the model was trained with and the first day of its periods.
constexpr std::uint32_t kBlobVersion = 3;
} // namespace

std::vector<int>
TrainedModel::productIndexFor(const std::vector<std::int64_t>& panelProductIds) const
{
    std::unordered_map<std::int64_t, int> index;
    for (size_t i = 0; i < productIds.size(); ++i)
        index.emplace(productIds[i], static_cast<int>(i));
    std::vector<int> out;
    for (std::int64_t productId : panelProductIds) {
        const auto it = index.find(productId);
        const int placed = it == index.end() ? coldStart.indexOf(productId) : -1;
        out.push_back(it != index.end() ? it->second
                      : placed >= 0     ? static_cast<int>(productIds.size()) + placed
                                        : -1);
    }
    return out;
}

std::vector<int> TrainedModel::productIndexFor(const data::Panel& panel) const
{
    std::vector<std::int64_t> ids;
    ids.reserve(static_cast<size_t>(panel.productCount()));
    for (const data::PanelProduct& p : panel.products())
        ids.push_back(p.id);
    return productIndexFor(ids);
}

void TrainedModel::keepProductsOf(const data::Panel& panel)
{
    const std::vector<double> deepest = data::deepestSupportedDiscounts(panel);
    productIds.clear();
    supportedDepth.clear();
    referencePrice.clear();
    categories = panel.categories();
    firstDay = panel.firstDay();
    for (const data::PanelProduct& p : panel.products()) {
        productIds.push_back(p.id);
        supportedDepth.push_back(static_cast<float>(deepest[static_cast<size_t>(p.category)]));
        referencePrice.push_back(p.priceReference());
    }
}

namespace {

// A model stored before it kept its categories' names: each index named after the category its
// products have now (when they agree), so that the order it was trained with can still be found.
std::vector<std::string> categoriesOfProducts(const TrainedModel& trained, const data::Panel& panel,
                                              const std::vector<int>& index)
{
    if (!trained.model)
        return {};
    const std::vector<std::int64_t>& productIds = trained.productIds;
    const PanelShape& shape = trained.model->shape();
    if (shape.productCategory.size() != productIds.size())
        return {};
    std::vector<std::string> names(static_cast<size_t>(shape.categories));
    std::vector<bool> named(names.size(), false);
    for (int p = 0; p < panel.productCount(); ++p) {
        const int i = index[static_cast<size_t>(p)];
        if (i < 0 || i >= static_cast<int>(productIds.size()))
            continue;
        const int c = shape.productCategory[static_cast<size_t>(i)];
        if (c < 0 || c >= shape.categories)
            return {};
        const std::string& name = panel.categories()[static_cast<size_t>(
            panel.products()[static_cast<size_t>(p)].category)];
        if (named[static_cast<size_t>(c)] && names[static_cast<size_t>(c)] != name)
            return {}; // a product moved category since: leave the order as it is
        names[static_cast<size_t>(c)] = name;
        named[static_cast<size_t>(c)] = true;
    }
    if (std::find(named.begin(), named.end(), false) != named.end())
        return {};
    return names;
}

} // namespace

void TrainedModel::alignTo(data::Panel& panel) const
{
    if (firstDay)
        panel.startAt(*firstDay);
    // Neither moves a product: one index serves both below.
    const std::vector<int> index = productIndexFor(panel);
    if (!categories.empty())
        panel.useCategoryOrder(categories);
    else if (const std::vector<std::string> named = categoriesOfProducts(*this, panel, index);
             !named.empty())
        panel.useCategoryOrder(named);
    const bool kept = referencePrice.size() == productIds.size();
    // A model stored before it kept them trained on the periods of its shape: the regular price
    // of a product's last period among them was its reference (a list price of the file's; an
    // estimated one moves with every import and is left as it is).
    const int trainedPeriods = model ? std::min(model->shape().periods, panel.periodCount()) : 0;
    for (int p = 0; p < panel.productCount(); ++p) {
        const int i = index[static_cast<size_t>(p)];
        if (i < 0 || i >= static_cast<int>(productIds.size()))
            continue;
        if (kept) {
            panel.setModelReference(p, referencePrice[static_cast<size_t>(i)]);
            continue;
        }
        if (panel.products()[static_cast<size_t>(p)].listPriceEstimated)
            continue;
        const double listPrice = panel.products()[static_cast<size_t>(p)].listPrice;
        for (int t = trainedPeriods - 1; t >= 0; --t)
            if (panel.present(p, t) && panel.listPrice(p, t) > 0) {
                // The panel keeps a period's list price as a float: the same price, unchanged
                // since, is the product's own (double) list price, which training measured from.
                const float then = panel.listPrice(p, t);
                panel.setModelReference(p, static_cast<float>(listPrice) == then ? listPrice
                                                                                 : double(then));
                break;
            }
    }
}

void TrainedModel::predict(std::span<const data::DemandCell> cells, std::span<double> means,
                           std::span<double> extraVariance) const
{
    if (coldStart.empty())
        DepthGuard::predict(*model, supportedDepth, cells, means, extraVariance);
    else
        coldStart.predict(*model, supportedDepth, static_cast<int>(productIds.size()), cells, means,
                          extraVariance);
}

std::optional<Problem> importedSinceTraining(store::Store& store)
{
    // Two timestamps, not every model's record (scores and all) and every import's.
    sql::Statement trained(store.database(),
                           "SELECT created_at FROM models WHERE is_active = 1 ORDER BY id DESC "
                           "LIMIT 1");
    sql::Statement imported(store.database(), "SELECT max(imported_at) FROM imports");
    if (!trained.step() || !imported.step() || imported.isNull(0))
        return std::nullopt;
    const std::string trainedAt = trained.text(0), importedAt = imported.text(0);
    // UTC timestamps "YYYY-MM-DDThh:mm:ssZ": their text orders as their times.
    if (importedAt <= trainedAt)
        return std::nullopt;
    return problemOf(ProblemKind::SalesImportedSinceTraining, {trainedAt, importedAt});
}

std::int64_t saveActiveModel(store::Store& store, const TrainedModel& trained)
{
    BinaryWriter params;
    params.put(kBlobVersion);
    params.putString(trained.kind);
    params.putVector(trained.productIds);
    trained.model->save(params);
    trained.noise.save(params);
    params.putVector(trained.supportedDepth);
    params.putVector(trained.referencePrice);
    params.put(static_cast<std::uint32_t>(trained.categories.size()));
    for (const std::string& name : trained.categories)
        params.putString(name);
    params.put<std::uint8_t>(trained.firstDay ? 1 : 0);
    params.put<std::int64_t>(trained.firstDay.value_or(0));
    BinaryWriter curve;
    curve.putVector(trained.curve);

    sql::Database& db = store.database();
    sql::Transaction transaction(db);
    db.exec("UPDATE models SET is_active = 0");
    sql::Statement insert(db, "INSERT INTO models(name, kind, format_version, created_at, seed, "
                              "is_active, params, scores, curve) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8)");
    insert.bind(1, trained.kind)
        .bind(2, trained.kind)
        .bind(3, static_cast<std::int64_t>(kBlobVersion));
    insert.bind(4, store::utcTimestamp()).bind(5, static_cast<std::int64_t>(trained.seed));
    insert.bind(6, params.bytes()).bind(7, trained.scoresJson).bind(8, curve.bytes()).run();
    const std::int64_t id = db.lastInsertId();
    transaction.commit();
    return id;
}

std::optional<TrainedModel> loadActiveModel(store::Store& store)
{
    sql::Statement stmt(store.database(),
                        "SELECT id, kind, seed, params, scores, curve FROM models "
                        "WHERE is_active = 1 ORDER BY id DESC LIMIT 1");
    if (!stmt.step())
        return std::nullopt;
    TrainedModel trained;
    trained.id = stmt.int64(0);
    trained.seed = static_cast<std::uint64_t>(stmt.int64(2));
    trained.scoresJson = stmt.text(4);
    const std::vector<std::uint8_t> params = stmt.blob(3);
    const std::vector<std::uint8_t> curve = stmt.blob(5);
    BinaryReader in(params);
    const auto version = in.get<std::uint32_t>();
    if (version < 1 || version > kBlobVersion)
        throw FlashPlanError(ProblemKind::StoredModelOtherVersion);
    trained.kind = in.getString();
    trained.productIds = in.getVector<std::int64_t>();
    trained.model = createModel(trained.kind);
    if (!trained.model)
        throw FlashPlanError(ProblemKind::StoredModelUnknownKind, {trained.kind});
    trained.model->load(in);
    trained.noise = NoiseModel::load(in);
    if (version >= 2)
        trained.supportedDepth = in.getVector<float>();
    if (version >= 3) {
        trained.referencePrice = in.getVector<double>();
        const auto count = in.get<std::uint32_t>();
        for (std::uint32_t i = 0; i < count; ++i)
            trained.categories.push_back(in.getString());
        const bool known = in.get<std::uint8_t>() != 0;
        const auto day = in.get<std::int64_t>();
        if (known)
            trained.firstDay = static_cast<DayNumber>(day);
    }
    if (version < 3) // stored before the model kept them: its first day from the fit's own shape
        trained.firstDay = trained.model->shape().firstDay;
    if ((!trained.supportedDepth.empty() &&
         trained.supportedDepth.size() != trained.productIds.size()) ||
        (!trained.referencePrice.empty() &&
         trained.referencePrice.size() != trained.productIds.size()))
        throw FlashPlanError(ProblemKind::StoredModelTruncated);
    if (!curve.empty()) {
        BinaryReader curveIn(curve);
        trained.curve = curveIn.getVector<LossPoint>();
    }
    return trained;
}

TrainedModel requireActiveModel(store::Store& store)
{
    std::optional<TrainedModel> trained = loadActiveModel(store);
    if (!trained)
        throw FlashPlanError(ProblemKind::NoTrainedModel, {store.path()});
    return std::move(*trained);
}

} // namespace fp::model
