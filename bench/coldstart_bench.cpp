// New products (issue 13, cold start) against the synthetic market's truth: every sixth product of
// each category is left out of the history, the model is trained (the real trainer) on the rest,
// and each left-out product is forecast as a new product, from its category's products at its
// price point (cold start), from its nearest-priced category peer as its like_sku, and, to compare,
// as the plain median of its category's products. Forecast / truth of the 7 days after the history
// at list price and at 30% off, and of a 3-day featured sale at 30% off.
//   build/bench/flashplan-coldstart-bench [--model structured|auto] [--spread S] [--products N]
#include "data/demandcells.h"
#include "io/salesimporter.h"
#include "model/forecaster.h"
#include "model/trainer.h"
#include "plan/campaignevaluator.h"
#include "plan/plannerdata.h"
#include "store/store.h"
#include "synth/demofiles.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace {

using namespace fp;

struct Options
{
    std::string model = "structured";
    double spread = 1.0;
    int products = 150;
};

// Forecast / truth of each way, per left-out product.
struct Ratios
{
    std::vector<double> coldStart, likeItem, categoryMedian;
};

void printSummary(const char* what, const Ratios& r)
{
    auto line = [&](const char* way, std::vector<double> v) {
        std::vector<double> absLog;
        double logSum = 0;
        int within = 0;
        for (double x : v) {
            absLog.push_back(std::abs(std::log(x)));
            logSum += std::log(x);
            within += std::abs(x - 1) <= 0.3 ? 1 : 0;
        }
        std::sort(absLog.begin(), absLog.end());
        std::printf("| %s | %s | %.3f | %.0f%% | %+.1f%% |\n", what, way,
                    std::exp(absLog[absLog.size() / 2]), 100.0 * within / v.size(),
                    100 * (std::exp(logSum / v.size()) - 1));
    };
    line("cold start (category, price point)", r.coldStart);
    line("like_sku (nearest-priced peer)", r.likeItem);
    line("median of the category", r.categoryMedian);
}

int run(const Options& o)
{
    synth::MarketConfig config;
    config.products = o.products;
    config.productSpread = o.spread;
    const synth::Market market(config);
    std::set<std::string> hidden;
    for (int q = 0; q < o.products; ++q)
        if ((q / config.categories) % 6 == 0)
            hidden.insert(market.products()[static_cast<size_t>(q)].sku);

    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / "flashplan-coldstart-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
        std::ostringstream all;
        synth::writeSalesCsv(market, all);
        std::istringstream lines(all.str());
        std::ofstream kept(dir / "sales.csv");
        for (std::string line; std::getline(lines, line);) {
            const size_t comma = line.find(',');
            const std::string sku = line.substr(comma + 1, line.find(',', comma + 1) - comma - 1);
            if (!hidden.count(sku))
                kept << line << '\n';
        }
    }
    const std::string project = (dir / "p.flashplan").string();
    {
        store::Store store(project, store::Store::OpenMode::CreateIfMissing);
        if (!io::importSalesFile(store, (dir / "sales.csv").string()).committed)
            return std::fprintf(stderr, "import failed\n"), 2;
        model::TrainOptions train;
        train.model = o.model;
        std::printf("trained %s\n", model::trainAndStore(store, train).chosen.c_str());
    }
    plan::PlannerData data = plan::PlannerData::read(project);
    const DayNumber end = market.endDay(), saleStart = end + 7;

    // Known products' forecasts, for the category median and the like items.
    auto week = [&](int p, double discount) {
        std::vector<data::ScenarioPeriod> periods;
        for (int d = 0; d < 7; ++d)
            periods.push_back(
                {p, end + d, static_cast<float>(discount), false, std::nanf(""), 0.0f, -1});
        double total = 0;
        for (const model::ForecastRow& row :
             model::forecastPeriods(data.panel, data.trained, periods))
            total += row.forecast;
        return total;
    };
    std::vector<model::NewProduct> asNew, asLike;
    std::vector<int> truthOf;
    for (int q = 0; q < o.products; ++q) {
        const synth::ProductTruth& t = market.products()[static_cast<size_t>(q)];
        if (!hidden.count(t.sku))
            continue;
        truthOf.push_back(q);
        asNew.push_back({t.sku, t.name, t.category, "", t.listPrice, t.unitCost});
        int nearest = -1;
        for (int p = 0; p < data.panel.productCount(); ++p) {
            const data::PanelProduct& k = data.panel.products()[static_cast<size_t>(p)];
            if (data.panel.categories()[static_cast<size_t>(k.category)] == t.category &&
                (nearest < 0 ||
                 std::abs(std::log(k.listPrice / t.listPrice)) <
                     std::abs(
                         std::log(data.panel.products()[static_cast<size_t>(nearest)].listPrice /
                                  t.listPrice))))
                nearest = p;
        }
        asLike.push_back({t.sku + "-LIKE", t.name, "",
                          data.panel.products()[static_cast<size_t>(nearest)].sku, t.listPrice,
                          t.unitCost});
    }
    const int known = data.panel.productCount();
    std::vector<model::NewProduct> all = asNew;
    all.insert(all.end(), asLike.begin(), asLike.end());
    const std::vector<model::NewProductResult> placed = data.addNewProducts(all);

    Ratios listWeek, cutWeek, sale;
    std::vector<int> campaignProducts;
    for (const model::NewProductResult& r : placed)
        campaignProducts.push_back(r.panelProduct);
    for (int p = 0; p < known; ++p) // after the new ones: item 2n + p
        campaignProducts.push_back(p);
    plan::Campaign campaign;
    campaign.start = saleStart;
    campaign.days = 3;
    for (int p : campaignProducts)
        campaign.products.push_back({p, std::nullopt, std::nullopt,
                                     data.panel.products()[static_cast<size_t>(p)].listPrice, 0.0,
                                     0.7, std::nullopt});
    const plan::CampaignEvaluator evaluator(data.panel, data.trained, campaign);
    const size_t n = truthOf.size();
    for (size_t i = 0; i < n; ++i) {
        const int q = truthOf[i];
        const std::string& category = market.products()[static_cast<size_t>(q)].category;
        std::vector<double> peerList, peerCut, peerSale;
        for (int p = 0; p < known; ++p)
            if (data.panel.categories()[static_cast<size_t>(
                    data.panel.products()[static_cast<size_t>(p)].category)] == category) {
                peerList.push_back(week(p, 0.0));
                peerCut.push_back(week(p, 0.3));
                peerSale.push_back(evaluator.windowDemand(static_cast<int>(2 * n) + p, 0.3).mean());
            }
        std::sort(peerList.begin(), peerList.end());
        std::sort(peerCut.begin(), peerCut.end());
        std::sort(peerSale.begin(), peerSale.end());
        double truthList = 0, truthCut = 0;
        for (int d = 0; d < 7; ++d) {
            truthList += market.expectedDemand(q, end + d, 0.0);
            truthCut += market.expectedDemand(q, end + d, 0.3);
        }
        const double truthSale = market.expectedWindowDemand(q, saleStart, 3, 0.3);
        const int cold = placed[i].panelProduct, like = placed[n + i].panelProduct;
        listWeek.coldStart.push_back(week(cold, 0.0) / truthList);
        listWeek.likeItem.push_back(week(like, 0.0) / truthList);
        listWeek.categoryMedian.push_back(peerList[peerList.size() / 2] / truthList);
        cutWeek.coldStart.push_back(week(cold, 0.3) / truthCut);
        cutWeek.likeItem.push_back(week(like, 0.3) / truthCut);
        cutWeek.categoryMedian.push_back(peerCut[peerCut.size() / 2] / truthCut);
        sale.coldStart.push_back(evaluator.windowDemand(static_cast<int>(i), 0.3).mean() /
                                 truthSale);
        sale.likeItem.push_back(evaluator.windowDemand(static_cast<int>(n + i), 0.3).mean() /
                                truthSale);
        sale.categoryMedian.push_back(peerSale[peerSale.size() / 2] / truthSale);
    }
    std::printf("\n%zu new products, %d known, product spread %.2f, model %s\n\n", n, known,
                o.spread, data.trained.kind.c_str());
    std::printf(
        "| forecast | way | median forecast/truth factor | within 30%% | geo-mean bias |\n");
    std::printf("|---|---|---|---|---|\n");
    printSummary("week at list price", listWeek);
    printSummary("week at 30% off", cutWeek);
    printSummary("3-day sale at 30% off", sale);
    std::filesystem::remove_all(dir);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i], value = argv[i + 1];
        if (arg == "--model")
            o.model = value;
        else if (arg == "--spread")
            o.spread = std::stod(value);
        else if (arg == "--products")
            o.products = std::stoi(value);
        else
            return std::fprintf(stderr, "unknown option %s\n", arg.c_str()), 1;
    }
    return run(o);
}
