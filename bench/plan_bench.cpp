// Planner speed (issue 4): a 10,000-product campaign optimized under a markdown budget, the whole
// campaign re-evaluated, and one product re-evaluated as a slider moves.
//   build/release/bench/flashplan-plan-bench [--benchmark_filter=...]
// Setup (not timed): a synthetic market of 10,000 products x 180 days, imported and fitted with
// the structured model.
#include "data/panel.h"
#include "io/salesimporter.h"
#include "model/modelstore.h"
#include "model/noisemodel.h"
#include "model/structuredmodel.h"
#include "plan/campaignevaluator.h"
#include "plan/optimizer.h"
#include "store/store.h"
#include "synth/demofiles.h"

#include <benchmark/benchmark.h>
#include <filesystem>
#include <memory>

namespace {

using namespace fp;

struct Setup
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<data::Panel> panel;
    model::TrainedModel trained;
    std::unique_ptr<plan::CampaignEvaluator> evaluator;
    double freeMarkdown = 0;
};

Setup& setup()
{
    static Setup* s = [] {
        auto* out = new Setup();
        const std::filesystem::path dir =
            std::filesystem::temp_directory_path() / "flashplan-plan-bench";
        std::filesystem::create_directories(dir);
        const std::string csv = (dir / "sales.csv").string(),
                          project = (dir / "p.flashplan").string();
        std::filesystem::remove(project);
        synth::MarketConfig config;
        config.products = 10000;
        config.days = 180;
        config.firstDay = daysFromCivil(2026, 5, 1);
        const synth::Market market(config);
        synth::writeSalesCsv(market, csv);
        out->store = std::make_unique<store::Store>(project);
        io::importSalesFile(*out->store, csv);
        out->panel = std::make_unique<data::Panel>(data::Panel::load(*out->store));
        const auto cells = data::historyCells(*out->panel, 0, out->panel->periodCount());
        auto structured = std::make_unique<model::StructuredModel>();
        model::FitOptions options;
        options.maxIterations = 40;
        structured->fit(*out->panel, cells, {}, options, {});
        std::vector<double> means(cells.size());
        structured->predict(cells, means);
        out->trained.kind = "structured";
        out->trained.noise =
            model::NoiseModel::estimate(model::PanelShape::of(*out->panel), cells, means);
        out->trained.model = std::move(structured);
        for (const data::PanelProduct& p : out->panel->products())
            out->trained.productIds.push_back(p.id);
        plan::Campaign campaign;
        campaign.start = out->panel->dayOf(out->panel->periodCount()) + 5;
        campaign.days = 3;
        const std::vector<synth::CampaignProduct> chosen =
            synth::campaignProducts(market, campaign.start, campaign.days, 10000);
        for (const synth::CampaignProduct& c : chosen) {
            plan::CampaignProduct cp;
            cp.product =
                out->panel->findProduct(market.products()[static_cast<size_t>(c.product)].sku);
            cp.stock = c.stock;
            cp.listPrice = market.products()[static_cast<size_t>(c.product)].listPrice;
            cp.unitCost = market.products()[static_cast<size_t>(c.product)].unitCost;
            cp.minDiscount = c.minDiscount;
            cp.maxDiscount = c.maxDiscount;
            campaign.products.push_back(cp);
        }
        out->evaluator =
            std::make_unique<plan::CampaignEvaluator>(*out->panel, out->trained, campaign);
        out->freeMarkdown = plan::totalsOf(plan::optimize(*out->evaluator, {}).rows).markdownCost;
        return out;
    }();
    return *s;
}

void BM_OptimizeTenThousandWithBudget(benchmark::State& state)
{
    Setup& s = setup();
    plan::OptimizerSettings settings;
    settings.objective = plan::Objective::Profit;
    settings.budget = 0.5 * s.freeMarkdown;
    bool proven = true;
    double gap = 0;
    for (auto _ : state) {
        const plan::OptimizedPlan plan = plan::optimize(*s.evaluator, settings);
        proven = plan.proven;
        gap = plan.upperBound - plan.objectiveValue;
        benchmark::DoNotOptimize(plan.objectiveValue);
    }
    state.counters["products"] = s.evaluator->productCount();
    state.counters["proven"] = proven ? 1 : 0;
    state.counters["gap"] = gap;
}
BENCHMARK(BM_OptimizeTenThousandWithBudget)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_EvaluateWholeCampaign(benchmark::State& state)
{
    Setup& s = setup();
    std::vector<std::pair<int, double>> queries;
    for (int i = 0; i < s.evaluator->productCount(); ++i)
        queries.emplace_back(i, 0.3);
    for (auto _ : state) {
        const std::vector<model::NegBin> demands = s.evaluator->windowDemands(queries);
        double units = 0;
        for (size_t i = 0; i < demands.size(); ++i)
            units += s.evaluator->evaluate(static_cast<int>(i), 0.3, demands[i]).expectedUnits;
        benchmark::DoNotOptimize(units);
    }
}
BENCHMARK(BM_EvaluateWholeCampaign)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ReevaluateOneProduct(benchmark::State& state)
{
    Setup& s = setup();
    int item = 0;
    double discount = 0.0;
    for (auto _ : state) {
        const plan::ProductPlan row = s.evaluator->evaluate(item, discount);
        benchmark::DoNotOptimize(row.expectedRevenue);
        item = (item + 37) % s.evaluator->productCount();
        discount = discount >= 0.69 ? 0.0 : discount + 0.01;
    }
}
BENCHMARK(BM_ReevaluateOneProduct)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
