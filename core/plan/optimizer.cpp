#include "plan/optimizer.h"

#include "base/error.h"
#include "plan/campaign.h"
#include "plan/campaignevaluator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace fp::plan {

namespace {

// optimize() reports three steps: the ladders evaluated, the discounts chosen, the rows built. The
// budget search reports the first again and again while it runs, so that a cancel reaches it.
constexpr std::int64_t kSteps = 3;
constexpr std::int64_t kNodesPerCancelCheck = 4096;

struct Option
{
    double discount = 0;
    double value = 0; // objective
    double cost = 0;  // markdown cost
};

// Every product's allowed options and the one it would take on its own.
struct Item
{
    std::vector<Option> options; // ascending discount
    int freeBest = 0;            // best option without the budget
    Limit ladderLimit = Limit::None;
};

int bestOf(const std::vector<Option>& options)
{
    int best = 0;
    for (int j = 1; j < static_cast<int>(options.size()); ++j)
        if (options[static_cast<size_t>(j)].value > options[static_cast<size_t>(best)].value + 1e-9)
            best = j;
    return best;
}

// Exact multiple-choice knapsack: maximize sum of values with sum of costs <= budget.
class BudgetSearch final
{
public:
    BudgetSearch(const std::vector<Item>& items, double budget, std::int64_t nodeLimit,
                 const ProgressFn& progress)
        : m_items(items), m_budget(budget), m_nodeLimit(nodeLimit), m_progress(progress)
    {
    }

    // Returns the chosen option per item. Throws Cancelled.
    std::vector<int> solve(double& upperBound, bool& proven)
    {
        const size_t n = m_items.size();
        m_lambda = bestMultiplier();
        // Lagrangian bound of the remaining items, given the multiplier.
        m_suffix.assign(n + 1, 0.0);
        for (size_t i = n; i-- > 0;)
            m_suffix[i] = m_suffix[i + 1] + reducedBest(i);
        upperBound = m_lambda * m_budget + m_suffix[0];

        // Incumbent: the multiplier's choice made feasible, then greedily improved.
        m_best = choiceAt(m_lambda);
        repairAndFill(m_best);
        m_bestValue = valueOf(m_best);

        m_current.assign(n, 0);
        m_nodes = 0;
        m_aborted = false;
        search(0, 0.0, 0.0);
        proven = !m_aborted;
        if (proven)
            upperBound = m_bestValue;
        return m_best;
    }

private:
    void checkCancel() const { reportProgressOrCancel(m_progress, 1, kSteps); }

    double reducedBest(size_t i) const
    {
        double best = -1e300;
        for (const Option& o : m_items[i].options)
            best = std::max(best, o.value - m_lambda * o.cost);
        return best;
    }

    std::vector<int> choiceAt(double lambda) const
    {
        std::vector<int> choice(m_items.size());
        for (size_t i = 0; i < m_items.size(); ++i) {
            int best = 0;
            double bestScore = -1e300;
            for (int j = 0; j < static_cast<int>(m_items[i].options.size()); ++j) {
                const Option& o = m_items[i].options[static_cast<size_t>(j)];
                const double score = o.value - lambda * o.cost;
                // Ties go to the cheaper option, so the cost falls as lambda grows.
                if (score > bestScore + 1e-9 ||
                    (score > bestScore - 1e-9 &&
                     o.cost < m_items[i].options[static_cast<size_t>(best)].cost)) {
                    best = j;
                    bestScore = score;
                }
            }
            choice[i] = best;
        }
        return choice;
    }

    double costOf(const std::vector<int>& choice) const
    {
        double cost = 0;
        for (size_t i = 0; i < choice.size(); ++i)
            cost += m_items[i].options[static_cast<size_t>(choice[i])].cost;
        return cost;
    }
    double valueOf(const std::vector<int>& choice) const
    {
        double value = 0;
        for (size_t i = 0; i < choice.size(); ++i)
            value += m_items[i].options[static_cast<size_t>(choice[i])].value;
        return value;
    }

    // The multiplier minimizing the Lagrangian dual: the cost of its choice crosses the budget.
    double bestMultiplier() const
    {
        if (costOf(choiceAt(0.0)) <= m_budget)
            return 0.0;
        double lo = 0.0, hi = 1.0;
        while (costOf(choiceAt(hi)) > m_budget && hi < 1e12) {
            checkCancel();
            hi *= 4;
        }
        for (int it = 0; it < 100; ++it) {
            checkCancel();
            const double mid = 0.5 * (lo + hi);
            (costOf(choiceAt(mid)) > m_budget ? lo : hi) = mid;
        }
        return hi;
    }

    void repairAndFill(std::vector<int>& choice) const
    {
        // Over budget (rounding at the multiplier): step the least efficient products down.
        while (costOf(choice) > m_budget) {
            checkCancel();
            size_t worst = choice.size();
            double worstLoss = 1e300;
            int worstTo = 0;
            for (size_t i = 0; i < choice.size(); ++i) {
                const Option& now = m_items[i].options[static_cast<size_t>(choice[i])];
                for (int j = 0; j < static_cast<int>(m_items[i].options.size()); ++j) {
                    const Option& o = m_items[i].options[static_cast<size_t>(j)];
                    if (o.cost >= now.cost - 1e-12)
                        continue;
                    const double loss = (now.value - o.value) / (now.cost - o.cost);
                    if (loss < worstLoss) {
                        worstLoss = loss;
                        worst = i;
                        worstTo = j;
                    }
                }
            }
            if (worst == choice.size())
                break;
            choice[worst] = worstTo;
        }
        // Spend what is left on the best value per unit of cost that still fits.
        for (bool improved = true; improved;) {
            checkCancel();
            improved = false;
            const double left = m_budget - costOf(choice);
            size_t bestItem = choice.size();
            int bestTo = 0;
            double bestGain = 1e-9;
            for (size_t i = 0; i < choice.size(); ++i) {
                const Option& now = m_items[i].options[static_cast<size_t>(choice[i])];
                for (int j = 0; j < static_cast<int>(m_items[i].options.size()); ++j) {
                    const Option& o = m_items[i].options[static_cast<size_t>(j)];
                    if (o.value - now.value > bestGain && o.cost - now.cost <= left + 1e-9) {
                        bestGain = o.value - now.value;
                        bestItem = i;
                        bestTo = j;
                    }
                }
            }
            if (bestItem < choice.size()) {
                choice[bestItem] = bestTo;
                improved = true;
            }
        }
    }

    void search(size_t i, double value, double cost)
    {
        if (m_aborted)
            return;
        if (++m_nodes > m_nodeLimit) {
            m_aborted = true;
            return;
        }
        if (m_nodes % kNodesPerCancelCheck == 1)
            checkCancel();
        if (i == m_items.size()) {
            if (value > m_bestValue + 1e-9) {
                m_bestValue = value;
                m_best = m_current;
            }
            return;
        }
        // Lagrangian bound of everything below this node.
        if (value + m_lambda * (m_budget - cost) + m_suffix[i] <= m_bestValue + 1e-9)
            return;
        const std::vector<Option>& options = m_items[i].options;
        std::vector<int> order(options.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            return options[static_cast<size_t>(a)].value -
                       m_lambda * options[static_cast<size_t>(a)].cost >
                   options[static_cast<size_t>(b)].value -
                       m_lambda * options[static_cast<size_t>(b)].cost;
        });
        for (int j : order) {
            const Option& o = options[static_cast<size_t>(j)];
            if (cost + o.cost > m_budget + 1e-9)
                continue;
            m_current[i] = j;
            search(i + 1, value + o.value, cost + o.cost);
        }
    }

    const std::vector<Item>& m_items;
    double m_budget;
    std::int64_t m_nodeLimit;
    const ProgressFn& m_progress;
    double m_lambda = 0;
    std::vector<double> m_suffix;
    std::vector<int> m_best, m_current;
    double m_bestValue = -1e300;
    std::int64_t m_nodes = 0;
    bool m_aborted = false;
};

} // namespace

std::vector<double> discountLadder(double minDiscount, double maxDiscount, double step)
{
    std::vector<double> ladder;
    step = std::max(step, 0.001);
    for (int k = 0;; ++k) {
        const double d = minDiscount + k * step;
        if (d > maxDiscount - 1e-9)
            break;
        ladder.push_back(std::round(d * 1e6) / 1e6);
    }
    if (ladder.empty() || maxDiscount - ladder.back() > 1e-9)
        ladder.push_back(maxDiscount);
    return ladder;
}

Limit limitAtDiscount(const CampaignProduct& product, const ProductPlan& row)
{
    constexpr double eps = 1e-9;
    const bool hasRange = product.maxDiscount > product.minDiscount + eps;
    if (product.lockedDiscount)
        return Limit::Locked;
    if (row.sellOutProbability >= 0.5)
        return Limit::Stock;
    if (hasRange && row.discount >= product.maxDiscount - eps && product.maxDiscount < 0.95 - eps)
        return Limit::MaxDiscount;
    if (hasRange && row.discount <= product.minDiscount + eps && product.minDiscount > eps)
        return Limit::MinDiscount;
    return Limit::None;
}

double objectiveOf(const ProductPlan& row, Objective objective, double blendWeight)
{
    const double profit = row.expectedProfit.value_or(row.expectedRevenue);
    switch (objective) {
    case Objective::Revenue:
        return row.expectedRevenue;
    case Objective::Profit:
        return profit;
    case Objective::Blend:
        return profit + blendWeight * row.expectedRevenue;
    }
    return row.expectedRevenue;
}

OptimizedPlan optimize(const CampaignEvaluator& evaluator, const OptimizerSettings& settings,
                       const ProgressFn& progress)
{
    const Campaign& campaign = evaluator.campaign();
    const int n = evaluator.productCount();
    // Every allowed ladder step of every product, evaluated in one batch.
    std::vector<std::vector<double>> ladders(static_cast<size_t>(n));
    std::vector<Limit> ladderLimit(static_cast<size_t>(n), Limit::None);
    std::vector<std::pair<int, double>> queries;
    for (int i = 0; i < n; ++i) {
        const CampaignProduct& cp = campaign.products[static_cast<size_t>(i)];
        std::vector<double>& ladder = ladders[static_cast<size_t>(i)];
        if (cp.lockedDiscount) {
            ladder = {*cp.lockedDiscount};
        } else {
            ladder = discountLadder(cp.minDiscount, cp.maxDiscount, settings.step);
            if (settings.marginFloor && cp.unitCost) {
                const double floorPrice = *cp.unitCost * (1.0 + *settings.marginFloor);
                std::vector<double> allowed;
                for (double d : ladder)
                    if (cp.listPrice * (1.0 - d) >= floorPrice - 1e-9)
                        allowed.push_back(d);
                if (allowed.size() < ladder.size())
                    ladderLimit[static_cast<size_t>(i)] = Limit::Margin;
                ladder = allowed.empty() ? std::vector<double>{ladder.front()} : allowed;
            }
        }
        for (double d : ladder)
            queries.emplace_back(i, d);
    }
    reportProgressOrCancel(progress, 0, kSteps);
    const std::vector<model::NegBin> demands = evaluator.windowDemands(queries);
    reportProgressOrCancel(progress, 1, kSteps);

    std::vector<Item> items(static_cast<size_t>(n));
    size_t q = 0;
    for (int i = 0; i < n; ++i) {
        Item& item = items[static_cast<size_t>(i)];
        const CampaignProduct& cp = campaign.products[static_cast<size_t>(i)];
        for (double d : ladders[static_cast<size_t>(i)]) {
            // Only what the choice needs; the chosen step gets the full row (intervals) below.
            const model::NegBin& demand = demands[q++];
            const double stock = cp.stock ? *cp.stock : std::numeric_limits<double>::infinity();
            ProductPlan row;
            row.salePrice = cp.listPrice * (1.0 - d);
            row.expectedUnits = demand.expectedSales(stock);
            row.expectedRevenue = row.salePrice * row.expectedUnits;
            if (cp.unitCost)
                row.expectedProfit = (row.salePrice - *cp.unitCost) * row.expectedUnits;
            Option o;
            o.discount = d;
            o.value = objectiveOf(row, settings.objective, settings.blendWeight);
            o.cost = (cp.listPrice - row.salePrice) * row.expectedUnits;
            item.options.push_back(o);
        }
        item.freeBest = bestOf(item.options);
        item.ladderLimit = ladderLimit[static_cast<size_t>(i)];
    }

    OptimizedPlan plan;
    std::vector<int> choice(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        choice[static_cast<size_t>(i)] = items[static_cast<size_t>(i)].freeBest;
    double freeCost = 0, minCost = 0;
    for (int i = 0; i < n; ++i) {
        const Item& item = items[static_cast<size_t>(i)];
        freeCost += item.options[static_cast<size_t>(item.freeBest)].cost;
        double cheapest = 1e300;
        for (const Option& o : item.options)
            cheapest = std::min(cheapest, o.cost);
        minCost += cheapest;
    }
    const bool budgetBinds = settings.budget && freeCost > *settings.budget + 1e-9;
    if (budgetBinds && minCost > *settings.budget + 1e-9) {
        // Even the smallest allowed discounts cost more than the budget: say so, plan the minimum.
        plan.budgetInfeasible = true;
        for (int i = 0; i < n; ++i) {
            const Item& item = items[static_cast<size_t>(i)];
            int cheapest = 0;
            for (int j = 1; j < static_cast<int>(item.options.size()); ++j)
                if (item.options[static_cast<size_t>(j)].cost <
                    item.options[static_cast<size_t>(cheapest)].cost)
                    cheapest = j;
            choice[static_cast<size_t>(i)] = cheapest;
        }
    } else if (budgetBinds) {
        BudgetSearch search(items, *settings.budget, settings.nodeLimit, progress);
        choice = search.solve(plan.upperBound, plan.proven);
    }
    reportProgressOrCancel(progress, 2, kSteps);

    for (int i = 0; i < n; ++i) {
        const Item& item = items[static_cast<size_t>(i)];
        const CampaignProduct& cp = campaign.products[static_cast<size_t>(i)];
        const int chosen = choice[static_cast<size_t>(i)];
        ProductPlan row = evaluator.evaluate(i, item.options[static_cast<size_t>(chosen)].discount);
        plan.objectiveValue += item.options[static_cast<size_t>(chosen)].value;
        // What stopped this product from going further.
        const bool atTop = chosen + 1 == static_cast<int>(item.options.size());
        if (cp.lockedDiscount)
            row.limitedBy = Limit::Locked;
        else if (budgetBinds && chosen != item.freeBest)
            row.limitedBy = Limit::Budget;
        else if (atTop && item.ladderLimit == Limit::Margin)
            row.limitedBy = Limit::Margin;
        else
            row.limitedBy = limitAtDiscount(cp, row);
        plan.rows.push_back(std::move(row));
    }
    if (!budgetBinds || plan.budgetInfeasible)
        plan.upperBound = plan.objectiveValue;
    reportProgress(progress, kSteps, kSteps);
    return plan;
}

} // namespace fp::plan
