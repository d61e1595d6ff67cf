#include "plan/campaign.h"

#include "base/text.h"
#include "data/panel.h"
#include "io/columnmap.h"
#include "io/csvreader.h"
#include "plan/deepestdiscounts.h"
#include "plan/plannerdata.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

namespace fp::plan {

namespace {

enum Column
{
    Sku,
    Stock,
    UnitCost,
    ListPrice,
    MinDiscount,
    MaxDiscount,
    Name,
    Category,
    LikeSku,
    ColumnCount
};

int columnOf(std::string_view header)
{
    const std::string name = io::normalizeHeader(header);
    if (name == "sku" || name == "product_id" || name == "item_id" || name == "upc")
        return Sku;
    if (name == "stock" || name == "inventory" || name == "on_hand")
        return Stock;
    if (name == "unit_cost" || name == "cost")
        return UnitCost;
    if (name == "list_price" || name == "base_price" || name == "regular_price" || name == "msrp")
        return ListPrice;
    if (name == "min_discount")
        return MinDiscount;
    if (name == "max_discount")
        return MaxDiscount;
    if (name == "name" || name == "product_name" || name == "title")
        return Name;
    if (name == "category" || name == "product_category" || name == "dept")
        return Category;
    if (name == "like_sku" || name == "like_item")
        return LikeSku;
    return -1;
}

} // namespace

CampaignFile readCampaignFile(const std::string& path, const data::Panel& panel)
{
    const DeepestDiscounts deepest(panel); // the default maximum discount of each category
    CampaignFile file;
    file.path = path;
    auto problem = [&](std::int64_t line, ProblemKind kind, std::vector<std::string> args = {}) {
        if (file.problems.size() < 100)
            file.problems.push_back({path, line, 0, kind, std::move(args)});
    };
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem(0, ProblemKind::CannotOpenFile);
        return file;
    }
    io::CsvReader reader(in);
    io::CsvReader::Record record;
    if (!reader.next(record)) {
        const Problem empty = problemOf(ProblemKind::EmptyFile);
        const Problem& why = reader.error() ? *reader.error() : empty;
        problem(why.line, why.kind, why.args);
        return file;
    }
    int column[ColumnCount];
    std::fill(std::begin(column), std::end(column), -1);
    for (int i = 0; i < static_cast<int>(record.fields.size()); ++i)
        if (const int c = columnOf(record.fields[static_cast<size_t>(i)]); c >= 0)
            column[c] = i;
    if (column[Sku] < 0) {
        problem(1, ProblemKind::MissingColumn, {"sku"});
        return file;
    }
    const size_t fields = record.fields.size();
    std::set<std::string> seen;
    while (reader.next(record)) {
        const std::int64_t line = record.line;
        if (record.fields.size() != fields) {
            problem(line, ProblemKind::WrongFieldCount,
                    {std::to_string(fields), std::to_string(record.fields.size())});
            continue;
        }
        auto text = [&](Column c) {
            return column[c] < 0 ? std::string_view()
                                 : trim(record.fields[static_cast<size_t>(column[c])]);
        };
        // An empty cell is "not given"; anything else must be a number.
        bool bad = false;
        auto number = [&](Column c, const char* name) -> std::optional<double> {
            const std::string_view t = text(c);
            if (t.empty())
                return std::nullopt;
            const std::optional<double> v = parseDouble(t);
            if (!v) {
                problem(line, ProblemKind::NotANumber, {name, std::string(t)});
                bad = true;
            }
            return v;
        };
        const std::string sku(text(Sku));
        if (!seen.insert(sku).second) {
            problem(line, ProblemKind::SkuListedTwice, {sku});
            continue;
        }
        CampaignProduct cp;
        cp.stock = number(Stock, "stock");
        cp.unitCost = number(UnitCost, "unit_cost");
        const auto listPrice = number(ListPrice, "list_price");
        const auto minDiscount = number(MinDiscount, "min_discount");
        const auto maxDiscount = number(MaxDiscount, "max_discount");
        if (bad)
            continue;
        if (cp.stock && *cp.stock < 0) {
            problem(line, ProblemKind::MustBeAtLeast, {"stock", "0"});
            continue;
        }
        if (cp.unitCost && *cp.unitCost < 0) {
            problem(line, ProblemKind::MustBeAtLeast, {"unit_cost", "0"});
            continue;
        }
        if (listPrice && !(*listPrice > 0)) {
            problem(line, ProblemKind::NoListPrice, {sku});
            continue;
        }
        const int p = panel.findProduct(sku);
        if (p >= 0) {
            const data::PanelProduct& product = panel.products()[static_cast<size_t>(p)];
            cp.product = p;
            if (!cp.unitCost)
                cp.unitCost = product.unitCost;
            cp.listPrice = listPrice.value_or(product.listPrice);
            if (!(cp.listPrice > 0)) {
                problem(line, ProblemKind::NoListPrice, {sku});
                continue;
            }
        }
        cp.minDiscount = minDiscount.value_or(0.0);
        // A new product's category is known once it is placed: its default waits till then.
        const double defaultMax = p >= 0 ? deepest.defaultMaxDiscount(p) : 1.0;
        cp.maxDiscount = maxDiscount.value_or(std::max(defaultMax, cp.minDiscount));
        if (cp.minDiscount < 0 || cp.minDiscount > 1 || cp.maxDiscount < 0 || cp.maxDiscount > 1) {
            problem(line, ProblemKind::DiscountNotAFraction);
            continue;
        }
        if (cp.minDiscount > cp.maxDiscount) {
            problem(line, ProblemKind::MinDiscountAboveMax);
            continue;
        }
        if (p >= 0) {
            file.products.push_back(cp);
            continue;
        }
        model::NewProduct described{sku,
                                    std::string(text(Name)),
                                    std::string(text(Category)),
                                    std::string(text(LikeSku)),
                                    listPrice.value_or(0.0),
                                    cp.unitCost};
        file.newProducts.push_back({std::move(described), cp, maxDiscount.has_value(), line});
    }
    if (reader.error())
        problem(reader.error()->line, reader.error()->kind, reader.error()->args);
    if (file.products.empty() && file.newProducts.empty() && file.problems.empty())
        problem(1, ProblemKind::CampaignWithoutProducts);
    return file;
}

std::vector<Problem> placeNewProducts(CampaignFile& file, PlannerData& data)
{
    std::vector<model::NewProduct> described;
    for (const NewCampaignProduct& n : file.newProducts)
        described.push_back(n.product);
    const std::vector<model::NewProductResult> results = data.addNewProducts(described);
    std::vector<Problem> warnings;
    for (size_t i = 0; i < results.size(); ++i) {
        const NewCampaignProduct& n = file.newProducts[i];
        for (Problem problem : results[i].problems) {
            problem.file = file.path;
            problem.line = n.line;
            warnings.push_back(std::move(problem));
        }
        if (results[i].panelProduct < 0)
            continue;
        CampaignProduct cp = n.limits;
        cp.product = results[i].panelProduct;
        cp.listPrice = data.panel.products()[static_cast<size_t>(cp.product)].listPrice;
        if (!n.maxDiscountGiven)
            cp.maxDiscount =
                std::max(data.deepestDiscounts.defaultMaxDiscount(cp.product), cp.minDiscount);
        file.products.push_back(cp);
    }
    file.newProducts.clear();
    return warnings;
}

double deepestAllowedDiscount(const CampaignProduct& product, std::optional<double> marginFloor)
{
    if (!marginFloor || !product.unitCost || !(product.listPrice > 0))
        return product.maxDiscount;
    const double floorPrice = *product.unitCost * (1.0 + *marginFloor);
    // The optimizer's tolerance (optimizer.cpp): its steps at the floor stay allowed here.
    const double deepest = 1.0 - (floorPrice - 1e-9) / product.listPrice;
    return std::max(product.minDiscount, std::min(product.maxDiscount, deepest));
}

std::optional<Problem> saleWindowWarning(const data::Panel& panel, DayNumber start)
{
    if (panel.periodCount() == 0)
        return std::nullopt;
    const DayNumber first = panel.firstDay();
    const DayNumber last = panel.dayOf(panel.periodCount() - 1) + panel.periodDays() - 1;
    if (start <= last)
        return problemOf(ProblemKind::SaleStartsInsideHistory,
                         {formatIsoDate(start), formatIsoDate(first), formatIsoDate(last)});
    if (start - last > kFarAheadDays)
        return problemOf(ProblemKind::SaleStartsFarAhead,
                         {formatIsoDate(start), std::to_string(start - last), formatIsoDate(last)});
    return std::nullopt;
}

std::optional<Problem> weeklyWindowNote(const data::Panel& panel, DayNumber start, int days)
{
    const int period = panel.periodDays();
    if (period <= 1 || days <= 0)
        return std::nullopt;
    const DayNumber from = panel.dayOf(panel.periodOf(start));
    const DayNumber to = panel.dayOf(panel.periodOf(start + days - 1)) + period - 1;
    if (from == start && to == start + days - 1)
        return std::nullopt; // whole weeks already
    return problemOf(ProblemKind::SaleWindowIsWholeWeeks,
                     {std::to_string(days), formatIsoDate(start),
                      std::to_string((to - from + 1) / period), formatIsoDate(from),
                      formatIsoDate(to)});
}

} // namespace fp::plan
