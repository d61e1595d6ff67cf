#include "model/depthguard.h"

#include "model/demandmodel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace fp::model {

void DepthGuard::predict(const DemandModel& model, std::span<const float> supportedDepth,
                         std::span<const data::DemandCell> cells, std::span<double> means,
                         std::span<double> extraVariance)
{
    model.predict(cells, means);
    if (!extraVariance.empty())
        std::fill(extraVariance.begin(), extraVariance.end(), 0.0);
    if (supportedDepth.empty())
        return;
    // Each cell beyond its depth gets two more: at the depth, and kSlopeSpan before it.
    std::vector<size_t> beyond;
    std::vector<data::DemandCell> anchors;
    for (size_t i = 0; i < cells.size(); ++i) {
        const auto product = static_cast<size_t>(cells[i].product);
        if (product >= supportedDepth.size())
            continue;
        const double depth = supportedDepth[product];
        if (cells[i].discount <= depth + 0.005)
            continue;
        beyond.push_back(i);
        data::DemandCell atDepth = cells[i], before = cells[i];
        data::setDiscount(atDepth, depth);
        data::setDiscount(before, std::max(depth - kSlopeSpan, 0.0));
        anchors.push_back(atDepth);
        anchors.push_back(before);
    }
    if (beyond.empty())
        return;
    std::vector<double> anchorMeans(anchors.size());
    model.predict(anchors, anchorMeans);
    for (size_t j = 0; j < beyond.size(); ++j) {
        const data::DemandCell& cell = cells[beyond[j]];
        const double depth = supportedDepth[static_cast<size_t>(cell.product)];
        const double xs = -std::log1p(-depth);
        const double xb = -std::log1p(-std::max(depth - kSlopeSpan, 0.0));
        const double x = -std::log1p(-static_cast<double>(cell.discount));
        const double atDepth = anchorMeans[2 * j], before = anchorMeans[2 * j + 1];
        const double slope = xs > xb && atDepth > 0 && before > 0
                                 ? std::max(0.0, std::log(atDepth / before) / (xs - xb))
                                 : 0.0;
        const double lift = slope * kDecay * (1.0 - std::exp(-(x - xs) / kDecay));
        means[beyond[j]] = atDepth * std::exp(lift);
        if (!extraVariance.empty())
            extraVariance[beyond[j]] = lift * lift;
    }
}

} // namespace fp::model
