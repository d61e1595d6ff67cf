#include "plan/scenariostore.h"

#include "base/error.h"
#include "base/text.h"
#include "data/panel.h"
#include "plan/campaignevaluator.h"
#include "store/sqlite.h"
#include "store/store.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <unordered_map>

namespace fp::plan {

namespace {

constexpr std::size_t kMaxNameCharacters = 200;

// New products (model::addNewProducts) have negative panel ids: never a products.id.
bool isNewProductId(std::int64_t id)
{
    return id < 0;
}

// Binds a product to a row that names it by products.id (parameter idAt) or, a new product, by
// its sku (parameter skuAt); the other is NULL.
void bindProduct(sql::Statement& row, int idAt, int skuAt, const data::PanelProduct& product)
{
    if (isNewProductId(product.id))
        row.bindNull(idAt).bind(skuAt, std::string_view(product.sku));
    else
        row.bind(idAt, product.id).bindNull(skuAt);
}

template <typename Key> int indexIn(const std::unordered_map<Key, int>& indices, const Key& key)
{
    const auto found = indices.find(key);
    return found == indices.end() ? -1 : found->second;
}

std::size_t utf8Characters(const std::string& text)
{
    std::size_t count = 0;
    for (const char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0; // not a continuation
    return count;
}

std::string validName(const std::string& name)
{
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    };
    std::size_t begin = 0, end = name.size();
    while (begin < end && space(name[begin]))
        ++begin;
    while (end > begin && space(name[end - 1]))
        --end;
    std::string trimmed = name.substr(begin, end - begin);
    if (trimmed.empty())
        throw FlashPlanError(ProblemKind::ScenarioWithoutName);
    if (const std::size_t length = utf8Characters(trimmed); length > kMaxNameCharacters)
        throw FlashPlanError(ProblemKind::ScenarioNameTooLong,
                             {std::to_string(kMaxNameCharacters), std::to_string(length)});
    return trimmed;
}

std::string exactNumber(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

bool isFraction(double value)
{
    return std::isfinite(value) && value >= 0.0 && value <= 1.0;
}

} // namespace

void checkPlanToSave(const data::Panel& panel, const Campaign& campaign,
                     const std::vector<double>& discounts)
{
    if (discounts.size() != campaign.products.size())
        throw internalError("the plan has " + std::to_string(discounts.size()) + " discounts for " +
                            std::to_string(campaign.products.size()) + " products");
    if (campaign.days <= 0)
        throw FlashPlanError(ProblemKind::ScenarioWindowTooShort);
    std::set<int> seen;
    for (std::size_t i = 0; i < campaign.products.size(); ++i) {
        const CampaignProduct& cp = campaign.products[i];
        if (cp.product < 0 || cp.product >= panel.productCount())
            throw FlashPlanError(ProblemKind::ScenarioUnknownProduct);
        const std::string& sku = panel.products()[static_cast<size_t>(cp.product)].sku;
        if (!seen.insert(cp.product).second)
            throw FlashPlanError(ProblemKind::ScenarioProductTwice, {sku});
        const double discount = cp.lockedDiscount.value_or(discounts[i]);
        if (!isFraction(discount) || !isFraction(cp.minDiscount) || !isFraction(cp.maxDiscount))
            throw FlashPlanError(ProblemKind::ScenarioDiscountNotAFraction, {sku});
    }
}

namespace {

std::int64_t scenarioCampaign(sql::Database& db, std::int64_t id)
{
    sql::Statement stmt(db, "SELECT campaign_id FROM scenarios WHERE id = ?1");
    stmt.bind(1, id);
    if (!stmt.step())
        throw FlashPlanError(ProblemKind::ScenarioNotInProject, {std::to_string(id)});
    return stmt.int64(0);
}

} // namespace

// Settings as key=value lines, numbers in the shortest text that reads back exactly.
std::string planSettingsText(const PlanSettings& s)
{
    std::string text = "objective=" + std::string(objectiveName(s.objective)) + "\n";
    text += "blend_weight=" + exactNumber(s.blendWeight) + "\n";
    if (s.budget)
        text += "budget=" + exactNumber(*s.budget) + "\n";
    if (s.marginFloor)
        text += "margin_floor=" + exactNumber(*s.marginFloor) + "\n";
    text += "step=" + exactNumber(s.step) + "\n";
    return text;
}

PlanSettings parsePlanSettings(const std::string& text, const std::string& owner)
{
    const auto corrupt = [&](const std::string& line) {
        return FlashPlanError(ProblemKind::ScenarioSettingDamaged, {owner, line});
    };
    PlanSettings s;
    s.marginFloor.reset(); // a text without a floor was saved without one
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(at, end - at);
        at = end + 1;
        if (line.empty())
            continue;
        const std::size_t equals = line.find('=');
        if (equals == std::string::npos)
            throw corrupt(line);
        const std::string key = line.substr(0, equals);
        const std::string value = line.substr(equals + 1);
        if (key == "objective") {
            bool known = false;
            for (const Objective o : {Objective::Revenue, Objective::Profit, Objective::Blend})
                if (value == objectiveName(o)) {
                    s.objective = o;
                    known = true;
                }
            if (!known)
                throw corrupt(line);
            continue;
        }
        const std::optional<double> parsed = parseDouble(value);
        if (!parsed)
            throw corrupt(line);
        const double number = *parsed;
        if (key == "blend_weight")
            s.blendWeight = number;
        else if (key == "budget")
            s.budget = number;
        else if (key == "margin_floor")
            s.marginFloor = number;
        else if (key == "step")
            s.step = number;
        // Other keys come from a later FlashPlan; this one plans without them.
    }
    return s;
}

OptimizerSettings toOptimizerSettings(const PlanSettings& settings)
{
    OptimizerSettings o;
    o.objective = settings.objective;
    o.blendWeight = settings.blendWeight;
    o.budget = settings.budget;
    o.marginFloor = settings.marginFloor;
    o.step = settings.step;
    return o;
}

std::int64_t saveScenario(store::Store& store, const data::Panel& panel, const std::string& name,
                          const Campaign& campaign, const PlanSettings& settings,
                          const std::vector<double>& discounts, const PlanTotals& totals,
                          const std::vector<model::NewProduct>& newProducts)
{
    const std::string scenarioName = validName(name);
    checkPlanToSave(panel, campaign, discounts);
    // The descriptions of the campaign's new products, by sku; each must be described.
    std::vector<const model::NewProduct*> described;
    for (const CampaignProduct& cp : campaign.products) {
        const data::PanelProduct& p = panel.products()[static_cast<size_t>(cp.product)];
        if (!isNewProductId(p.id))
            continue;
        const auto found = std::find_if(newProducts.begin(), newProducts.end(),
                                        [&](const model::NewProduct& n) { return n.sku == p.sku; });
        if (found == newProducts.end())
            throw internalError("the scenario's new product '" + p.sku + "' is not described");
        described.push_back(&*found);
    }
    sql::Database& db = store.database();
    sql::Transaction transaction(db);
    // The old scenario of this name goes with its campaign (cascading to everything below it).
    sql::Statement replace(
        db,
        "DELETE FROM campaigns WHERE id IN (SELECT campaign_id FROM scenarios WHERE name = ?1)");
    replace.bind(1, scenarioName).run();

    const std::string now = store::utcTimestamp();
    sql::Statement addCampaign(db, "INSERT INTO campaigns(name, start_day, days, created_at) "
                                   "VALUES(?1, ?2, ?3, ?4)");
    addCampaign.bind(1, scenarioName).bind(2, campaign.start).bind(3, campaign.days).bind(4, now);
    addCampaign.run();
    const std::int64_t campaignId = db.lastInsertId();

    sql::Statement addNewProduct(db, R"sql(
        INSERT INTO scenario_new_products(campaign_id, sku, name, category, like_sku, list_price,
                                          unit_cost)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7))sql");
    for (const model::NewProduct* n : described)
        addNewProduct.bind(1, campaignId)
            .bind(2, std::string_view(n->sku))
            .bind(3, std::string_view(n->name))
            .bind(4, std::string_view(n->category))
            .bind(5, std::string_view(n->likeSku))
            .bind(6, n->listPrice)
            .bind(7, n->unitCost)
            .run();

    sql::Statement addProduct(db, R"sql(
        INSERT INTO campaign_products(campaign_id, product_id, new_product_sku, stock, unit_cost,
                                      list_price, min_discount, max_discount, position)
        VALUES(?1, ?2, ?9, ?3, ?4, ?5, ?6, ?7, ?8))sql");
    for (std::size_t i = 0; i < campaign.products.size(); ++i) {
        const CampaignProduct& cp = campaign.products[i];
        bindProduct(addProduct, 2, 9, panel.products()[static_cast<size_t>(cp.product)]);
        addProduct.bind(1, campaignId)
            .bind(3, cp.stock)
            .bind(4, cp.unitCost)
            .bind(5, cp.listPrice)
            .bind(6, cp.minDiscount)
            .bind(7, cp.maxDiscount)
            .bind(8, static_cast<std::int64_t>(i))
            .run();
    }

    sql::Statement addScenario(db, R"sql(
        INSERT INTO scenarios(campaign_id, name, created_at, settings, total_units, total_revenue,
                              total_profit, total_markdown_cost)
        VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql");
    addScenario.bind(1, campaignId)
        .bind(2, scenarioName)
        .bind(3, now)
        .bind(4, planSettingsText(settings))
        .bind(5, totals.units)
        .bind(6, totals.revenue)
        .bind(7, totals.profitComplete ? std::optional<double>(totals.profit) : std::nullopt)
        .bind(8, totals.markdownCost)
        .run();
    const std::int64_t scenarioId = db.lastInsertId();

    sql::Statement addDiscount(db, R"sql(
        INSERT INTO scenario_discounts(scenario_id, product_id, new_product_sku, discount, locked)
        VALUES(?1, ?2, ?5, ?3, ?4))sql");
    for (std::size_t i = 0; i < campaign.products.size(); ++i) {
        const CampaignProduct& cp = campaign.products[i];
        bindProduct(addDiscount, 2, 5, panel.products()[static_cast<size_t>(cp.product)]);
        addDiscount.bind(1, scenarioId)
            .bind(3, cp.lockedDiscount.value_or(discounts[i]))
            .bind(4, cp.lockedDiscount ? 1 : 0)
            .run();
    }
    transaction.commit();
    return scenarioId;
}

std::vector<ScenarioInfo> listScenarios(store::Store& store)
{
    sql::Statement stmt(store.database(), R"sql(
        SELECT s.id, s.name, s.created_at, c.start_day, c.days,
               (SELECT count(*) FROM campaign_products p WHERE p.campaign_id = c.id),
               s.total_revenue, s.total_units, s.total_profit, s.total_markdown_cost
        FROM scenarios s JOIN campaigns c ON c.id = s.campaign_id
        ORDER BY s.id DESC)sql");
    std::vector<ScenarioInfo> out;
    while (stmt.step()) {
        ScenarioInfo info;
        info.id = stmt.int64(0);
        info.name = stmt.text(1);
        info.createdAt = stmt.text(2);
        info.start = static_cast<DayNumber>(stmt.int64(3));
        info.days = static_cast<int>(stmt.int64(4));
        info.products = static_cast<int>(stmt.int64(5));
        info.revenue = stmt.real(6);
        info.units = stmt.real(7);
        info.profit = stmt.optionalReal(8);
        info.markdownCost = stmt.real(9);
        out.push_back(std::move(info));
    }
    return out;
}

Scenario loadScenario(store::Store& store, const data::Panel& panel, std::int64_t id)
{
    sql::Database& db = store.database();
    sql::Statement head(db, R"sql(
        SELECT s.name, s.created_at, s.settings, s.total_revenue, s.total_units, s.total_profit,
               s.total_markdown_cost, c.id, c.start_day, c.days
        FROM scenarios s JOIN campaigns c ON c.id = s.campaign_id WHERE s.id = ?1)sql");
    head.bind(1, id);
    if (!head.step())
        throw FlashPlanError(ProblemKind::ScenarioNotInProject, {std::to_string(id)});
    Scenario scenario;
    ScenarioInfo& info = scenario.info;
    info.id = id;
    info.name = head.text(0);
    info.createdAt = head.text(1);
    scenario.settings = parsePlanSettings(head.text(2), info.name);
    info.revenue = head.real(3);
    info.units = head.real(4);
    info.profit = head.optionalReal(5);
    info.markdownCost = head.real(6);
    const std::int64_t campaignId = head.int64(7);
    info.start = static_cast<DayNumber>(head.int64(8));
    info.days = static_cast<int>(head.int64(9));
    scenario.campaign.start = info.start;
    scenario.campaign.days = info.days;

    // Products of the history by id; new products by sku: placed in the panel now or, once the
    // sku has sales of its own, that product (a panel holds each sku once).
    std::unordered_map<std::int64_t, int> panelIndex;
    for (int p = 0; p < panel.productCount(); ++p)
        panelIndex[panel.products()[static_cast<size_t>(p)].id] = p;
    sql::Statement products(db, R"sql(
        SELECT cp.product_id, coalesce(pr.sku, cp.new_product_sku), cp.stock, cp.unit_cost,
               cp.list_price, cp.min_discount, cp.max_discount, d.discount, d.locked
        FROM campaign_products cp
        LEFT JOIN products pr ON pr.id = cp.product_id
        LEFT JOIN scenario_discounts d
               ON d.scenario_id = ?1 AND (d.product_id = cp.product_id OR
                                          d.new_product_sku = cp.new_product_sku)
        WHERE cp.campaign_id = ?2
        ORDER BY cp.position, cp.rowid)sql");
    products.bind(1, id).bind(2, campaignId);
    while (products.step()) {
        ++info.products;
        const std::string sku = products.text(1);
        const int index =
            products.isNull(0) ? panel.findProduct(sku) : indexIn(panelIndex, products.int64(0));
        if (index < 0) {
            scenario.notes.push_back(problemOf(products.isNull(0)
                                                   ? ProblemKind::ScenarioNewProductNotPlaced
                                                   : ProblemKind::ScenarioProductGone,
                                               {sku}));
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
        double discount = cp.minDiscount;
        if (products.isNull(7))
            scenario.notes.push_back(problemOf(ProblemKind::ScenarioDiscountMissing, {sku}));
        else
            discount = products.real(7);
        if (!products.isNull(8) && products.int64(8) != 0)
            cp.lockedDiscount = discount;
        scenario.campaign.products.push_back(cp);
        scenario.discounts.push_back(discount);
    }
    return scenario;
}

std::vector<model::NewProduct> readNewProductRows(sql::Statement& rows)
{
    std::vector<model::NewProduct> products;
    while (rows.step()) {
        model::NewProduct n;
        n.sku = rows.text(0);
        n.name = rows.text(1);
        n.category = rows.text(2);
        n.likeSku = rows.text(3);
        n.listPrice = rows.real(4);
        n.unitCost = rows.optionalReal(5);
        products.push_back(std::move(n));
    }
    return products;
}

std::vector<model::NewProduct> loadScenarioNewProducts(store::Store& store,
                                                       std::optional<std::int64_t> scenario)
{
    // The newest scenario's description of a sku first; the others of that sku are left out.
    sql::Statement rows(store.database(), R"sql(
        SELECT n.sku, n.name, n.category, n.like_sku, n.list_price, n.unit_cost
        FROM scenario_new_products n JOIN scenarios s ON s.campaign_id = n.campaign_id
        WHERE ?1 IS NULL OR s.id = ?1
        ORDER BY s.id DESC, n.sku)sql");
    if (scenario)
        rows.bind(1, *scenario);
    else
        rows.bindNull(1);
    std::vector<model::NewProduct> all = readNewProductRows(rows), unique;
    std::set<std::string> seen;
    for (model::NewProduct& n : all)
        if (seen.insert(n.sku).second)
            unique.push_back(std::move(n));
    return unique;
}

void deleteScenario(store::Store& store, std::int64_t id)
{
    sql::Database& db = store.database();
    sql::Transaction transaction(db);
    // Scenario and campaign are one to one; the campaign's deletion cascades to the rest.
    sql::Statement stmt(
        db, "DELETE FROM campaigns WHERE id IN (SELECT campaign_id FROM scenarios WHERE id = ?1)");
    stmt.bind(1, id).run();
    transaction.commit();
}

void renameScenario(store::Store& store, std::int64_t id, const std::string& name)
{
    const std::string scenarioName = validName(name);
    sql::Database& db = store.database();
    sql::Transaction transaction(db);
    const std::int64_t campaignId = scenarioCampaign(db, id);
    sql::Statement taken(db, "SELECT 1 FROM scenarios WHERE name = ?1 AND id <> ?2");
    taken.bind(1, scenarioName).bind(2, id);
    if (taken.step())
        throw FlashPlanError(ProblemKind::ScenarioNameTaken, {scenarioName});
    sql::Statement renameScenarioRow(db, "UPDATE scenarios SET name = ?1 WHERE id = ?2");
    renameScenarioRow.bind(1, scenarioName).bind(2, id).run();
    sql::Statement renameCampaign(db, "UPDATE campaigns SET name = ?1 WHERE id = ?2");
    renameCampaign.bind(1, scenarioName).bind(2, campaignId).run();
    transaction.commit();
}

PlanResult planAtDiscounts(const CampaignEvaluator& evaluator, const PlanSettings& settings,
                           const std::vector<double>& discounts)
{
    const Campaign& campaign = evaluator.campaign();
    if (discounts.size() != campaign.products.size())
        throw internalError("the plan has " + std::to_string(discounts.size()) + " discounts for " +
                            std::to_string(campaign.products.size()) + " products");
    std::vector<std::pair<int, double>> queries;
    for (int i = 0; i < evaluator.productCount(); ++i)
        queries.emplace_back(i, discounts[static_cast<size_t>(i)]);
    const std::vector<model::NegBin> demands =
        queries.empty() ? std::vector<model::NegBin>() : evaluator.windowDemands(queries);
    std::vector<ProductPlan> rows;
    for (int i = 0; i < evaluator.productCount(); ++i) {
        const auto item = static_cast<size_t>(i);
        ProductPlan row = evaluator.evaluate(i, discounts[item], demands[item]);
        row.limitedBy = limitAtDiscount(campaign.products[item], row);
        rows.push_back(std::move(row));
    }
    return planResultOf(campaign, settings, std::move(rows));
}

PlanResult planResultOf(const Campaign& campaign, const PlanSettings& settings,
                        std::vector<ProductPlan> rows)
{
    const PlanTotals totals = totalsOf(rows);
    return {.start = campaign.start,
            .days = campaign.days,
            .objective = settings.objective,
            .blendWeight = settings.blendWeight,
            .budget = settings.budget,
            .marginFloor = settings.marginFloor,
            .step = settings.step,
            .optimalityGap = 0,
            .state = PlanState::NotOptimized,
            .modelKind = {},
            .modelScoresJson = {},
            .rows = std::move(rows),
            .totals = totals};
}

} // namespace fp::plan
