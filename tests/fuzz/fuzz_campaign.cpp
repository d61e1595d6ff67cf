// libFuzzer target: the campaign reader (plan/campaign) on any bytes, against a small project's
// panel. A file read without problems holds only usable limits: known products, finite stock and
// costs >= 0, a list price > 0, 0 <= min_discount <= max_discount <= 1.
#include "data/panel.h"
#include "fuzz/fuzzproject.h"
#include "plan/campaign.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace {

bool usable(const fp::plan::CampaignProduct& p)
{
    const auto atLeastZero = [](const std::optional<double>& v) {
        return !v || (std::isfinite(*v) && *v >= 0);
    };
    return atLeastZero(p.stock) && atLeastZero(p.unitCost) && 0 <= p.minDiscount &&
           p.minDiscount <= p.maxDiscount && p.maxDiscount <= 1;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const fp::data::Panel panel = fp::data::Panel::load(fp::fuzz::seededProject());
    const fp::plan::CampaignFile file =
        fp::plan::readCampaignFile(fp::fuzz::writeScratchFile(data, size), panel);
    if (!file.problems.empty())
        return 0;
    for (const fp::plan::CampaignProduct& p : file.products)
        if (!usable(p) || p.product < 0 || p.product >= panel.productCount() ||
            !(std::isfinite(p.listPrice) && p.listPrice > 0))
            fp::fuzz::fail("a campaign read without problems has an unusable product");
    for (const fp::plan::NewCampaignProduct& n : file.newProducts)
        if (!usable(n.limits) || n.product.sku.empty())
            fp::fuzz::fail("a campaign read without problems has an unusable new product");
    return 0;
}
