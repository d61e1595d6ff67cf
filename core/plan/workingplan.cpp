#include "plan/workingplan.h"

#include "data/panel.h"
#include "store/sqlite.h"
#include "store/store.h"

#include <array>
#include <initializer_list>
#include <set>
#include <unordered_map>

namespace fp::plan {

namespace {

constexpr const char* kCurrent = "current";
constexpr const char* kOptimized = "optimized";

// New products (model::addNewProducts) have negative panel ids: never a products.id.
bool isNewProductId(std::int64_t id)
{
    return id < 0;
}

// Writes the descriptions of the new products `campaigns` hold (inside the caller's
// transaction), replacing those kept before. Throws when one is not described.
void writeNewProducts(sql::Database& db, const data::Panel& panel,
                      std::initializer_list<const Campaign*> campaigns,
                      const std::vector<model::NewProduct>& described)
{
    std::set<std::string> used;
    for (const Campaign* campaign : campaigns)
        for (const CampaignProduct& cp : campaign->products)
            if (const data::PanelProduct& p = panel.products()[static_cast<size_t>(cp.product)];
                isNewProductId(p.id))
                used.insert(p.sku);
    db.exec("DELETE FROM new_products");
    sql::Statement insert(db, R"sql(
        INSERT INTO new_products(sku, name, category, like_sku, list_price, unit_cost)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6))sql");
    for (const model::NewProduct& n : described)
        if (used.erase(n.sku))
            insert.bind(1, std::string_view(n.sku))
                .bind(2, std::string_view(n.name))
                .bind(3, std::string_view(n.category))
                .bind(4, std::string_view(n.likeSku))
                .bind(5, n.listPrice)
                .bind(6, n.unitCost)
                .run();
    if (!used.empty())
        throw internalError("the plan's new product '" + *used.begin() + "' is not described");
}

bool sameLimits(const CampaignProduct& a, const CampaignProduct& b)
{
    return a.product == b.product && a.stock == b.stock && a.unitCost == b.unitCost &&
           a.listPrice == b.listPrice && a.minDiscount == b.minDiscount &&
           a.maxDiscount == b.maxDiscount;
}

Limit limitNamed(const std::string& name)
{
    constexpr std::array kLimits = {Limit::None,        Limit::Stock,  Limit::MaxDiscount,
                                    Limit::MinDiscount, Limit::Margin, Limit::Budget,
                                    Limit::Locked};
    for (const Limit limit : kLimits)
        if (limitName(limit) == name)
            return limit;
    return Limit::None; // a later FlashPlan's limit: shown as none
}

// One role's plan (its head and products), written inside the caller's transaction.
void writePlan(sql::Database& db, const data::Panel& panel, const char* role,
               const Campaign& campaign, const PlanSettings& settings,
               const std::vector<double>& discounts, const std::vector<bool>& locked,
               const std::vector<Limit>& limits, std::int64_t modelId,
               std::optional<double> upperBound, const PlanTotals& totals)
{
    sql::Statement head(db, R"sql(
        INSERT INTO working_plans(role, start_day, days, settings, model_id, upper_bound,
                                  total_units, total_revenue, total_profit, total_markdown_cost,
                                  saved_at)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql");
    head.bind(1, std::string_view(role))
        .bind(2, campaign.start)
        .bind(3, campaign.days)
        .bind(4, planSettingsText(settings))
        .bind(5, modelId)
        .bind(6, upperBound)
        .bind(7, totals.units)
        .bind(8, totals.revenue)
        .bind(9, totals.profitComplete ? std::optional<double>(totals.profit) : std::nullopt)
        .bind(10, totals.markdownCost)
        .bind(11, store::utcTimestamp())
        .run();
    sql::Statement product(db, R"sql(
        INSERT INTO working_plan_products(role, position, product_id, new_product_sku, stock,
                                          unit_cost, list_price, min_discount, max_discount,
                                          discount, locked, limited_by)
        VALUES(?1, ?2, ?3, ?12, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql");
    for (size_t i = 0; i < campaign.products.size(); ++i) {
        const CampaignProduct& cp = campaign.products[i];
        const data::PanelProduct& p = panel.products()[static_cast<size_t>(cp.product)];
        // A new product has no products.id: it is named by its sku in new_products.
        if (isNewProductId(p.id))
            product.bindNull(3).bind(12, std::string_view(p.sku));
        else
            product.bind(3, p.id).bindNull(12);
        product.bind(1, std::string_view(role))
            .bind(2, static_cast<std::int64_t>(i))
            .bind(4, cp.stock)
            .bind(5, cp.unitCost)
            .bind(6, cp.listPrice)
            .bind(7, cp.minDiscount)
            .bind(8, cp.maxDiscount)
            .bind(9, discounts[i])
            .bind(10, i < locked.size() && locked[i] ? 1 : 0)
            .bind(11, limitName(i < limits.size() ? limits[i] : Limit::None))
            .run();
    }
}

template <typename Key> int indexIn(const std::unordered_map<Key, int>& indices, const Key& key)
{
    const auto found = indices.find(key);
    return found == indices.end() ? -1 : found->second;
}

struct ReadPlan
{
    Campaign campaign;
    PlanSettings settings;
    std::vector<double> discounts;
    std::vector<bool> locked;
    std::vector<Limit> limits;
    std::int64_t modelId = 0;
    std::optional<double> upperBound;
    PlanTotals totals;
};

std::optional<ReadPlan> readPlan(sql::Database& db, const data::Panel& panel, const char* role,
                                 std::vector<Problem>& notes)
{
    sql::Statement head(db, R"sql(
        SELECT start_day, days, settings, model_id, upper_bound, total_units, total_revenue,
               total_profit, total_markdown_cost
        FROM working_plans WHERE role = ?1)sql");
    head.bind(1, std::string_view(role));
    if (!head.step())
        return std::nullopt;
    ReadPlan plan;
    plan.campaign.start = static_cast<DayNumber>(head.int64(0));
    plan.campaign.days = static_cast<int>(head.int64(1));
    plan.settings = parsePlanSettings(head.text(2), "working plan");
    plan.modelId = head.isNull(3) ? 0 : head.int64(3);
    plan.upperBound = head.optionalReal(4);
    plan.totals.units = head.real(5);
    plan.totals.revenue = head.real(6);
    plan.totals.profitComplete = !head.isNull(7);
    plan.totals.profit = head.optionalReal(7).value_or(0.0);
    plan.totals.markdownCost = head.real(8);

    // Products of the history by id, new products (placed again before this) by sku.
    std::unordered_map<std::int64_t, int> panelIndex;
    std::unordered_map<std::string, int> newProductIndex;
    for (int p = 0; p < panel.productCount(); ++p) {
        const data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
        panelIndex[product.id] = p;
        if (isNewProductId(product.id))
            newProductIndex[product.sku] = p;
    }
    sql::Statement products(db, R"sql(
        SELECT w.product_id, coalesce(pr.sku, w.new_product_sku), w.stock, w.unit_cost,
               w.list_price, w.min_discount, w.max_discount, w.discount, w.locked, w.limited_by
        FROM working_plan_products w LEFT JOIN products pr ON pr.id = w.product_id
        WHERE w.role = ?1 ORDER BY w.position)sql");
    products.bind(1, std::string_view(role));
    while (products.step()) {
        const int index = products.isNull(0) ? indexIn(newProductIndex, products.text(1))
                                             : indexIn(panelIndex, products.int64(0));
        if (index < 0) {
            notes.push_back(problemOf(ProblemKind::ScenarioProductGone, {products.text(1)}));
            continue;
        }
        CampaignProduct cp;
        cp.product = index;
        cp.stock = products.optionalReal(2);
        cp.unitCost = products.optionalReal(3);
        cp.listPrice = products.optionalReal(4).value_or(
            panel.products()[static_cast<size_t>(cp.product)].listPrice);
        cp.minDiscount = products.real(5);
        cp.maxDiscount = products.real(6);
        plan.campaign.products.push_back(cp);
        plan.discounts.push_back(products.real(7));
        plan.locked.push_back(products.int64(8) != 0);
        plan.limits.push_back(limitNamed(products.text(9)));
    }
    return plan;
}

} // namespace

bool sameProducts(const Campaign& a, const Campaign& b)
{
    if (a.products.size() != b.products.size())
        return false;
    for (size_t i = 0; i < a.products.size(); ++i)
        if (!sameLimits(a.products[i], b.products[i]))
            return false;
    return true;
}

PlanState planStateOf(const WorkingPlan& plan, std::int64_t modelId)
{
    if (!plan.optimized)
        return PlanState::NotOptimized;
    const OptimizedPlanMark& mark = *plan.optimized;
    if (mark.modelId != modelId || mark.campaign.start != plan.campaign.start ||
        mark.campaign.days != plan.campaign.days)
        return PlanState::Stale;
    if (!sameProducts(mark.campaign, plan.campaign) || !(mark.settings == plan.settings) ||
        mark.discounts != plan.discounts || mark.locked != plan.locked)
        return PlanState::Edited;
    return PlanState::Optimal;
}

void saveWorkingPlan(store::Store& store, const data::Panel& panel, const WorkingPlan& plan,
                     std::int64_t modelId, const PlanTotals& totals,
                     const std::vector<model::NewProduct>& newProducts)
{
    checkPlanToSave(panel, plan.campaign, plan.discounts);
    if (plan.optimized)
        checkPlanToSave(panel, plan.optimized->campaign, plan.optimized->discounts);
    sql::Database& db = store.database();
    sql::Transaction transaction(db);
    db.exec("DELETE FROM working_plans"); // cascades to the products
    if (plan.optimized)
        writeNewProducts(db, panel, {&plan.campaign, &plan.optimized->campaign}, newProducts);
    else
        writeNewProducts(db, panel, {&plan.campaign}, newProducts);
    writePlan(db, panel, kCurrent, plan.campaign, plan.settings, plan.discounts, plan.locked,
              plan.limits, modelId, plan.upperBound, totals);
    if (const OptimizedPlanMark* mark = plan.optimized.get())
        writePlan(db, panel, kOptimized, mark->campaign, mark->settings, mark->discounts,
                  mark->locked, {}, mark->modelId, std::nullopt, {});
    transaction.commit();
}

std::optional<StoredWorkingPlan> loadWorkingPlan(store::Store& store, const data::Panel& panel)
{
    sql::Database& db = store.database();
    StoredWorkingPlan stored;
    std::optional<ReadPlan> current = readPlan(db, panel, kCurrent, stored.notes);
    if (!current)
        return std::nullopt;
    WorkingPlan& plan = stored.plan;
    plan.campaign = std::move(current->campaign);
    plan.settings = current->settings;
    plan.discounts = std::move(current->discounts);
    plan.locked = std::move(current->locked);
    plan.limits = std::move(current->limits);
    plan.upperBound = current->upperBound;
    stored.modelId = current->modelId;
    stored.totals = current->totals;
    std::vector<Problem> markNotes; // the same products: said once
    if (std::optional<ReadPlan> optimized = readPlan(db, panel, kOptimized, markNotes)) {
        auto mark = std::make_shared<OptimizedPlanMark>();
        mark->modelId = optimized->modelId;
        mark->campaign = std::move(optimized->campaign);
        mark->settings = optimized->settings;
        mark->discounts = std::move(optimized->discounts);
        mark->locked = std::move(optimized->locked);
        plan.optimized = std::move(mark);
    }
    return stored;
}

std::vector<model::NewProduct> loadNewProducts(store::Store& store)
{
    sql::Statement rows(store.database(), R"sql(
        SELECT sku, name, category, like_sku, list_price, unit_cost
        FROM new_products ORDER BY rowid)sql");
    return readNewProductRows(rows);
}

} // namespace fp::plan
