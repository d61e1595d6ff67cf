#include "model/baselinemodel.h"

#include "base/error.h"
#include "data/panel.h"
#include "model/negbin.h"

#include <algorithm>
#include <cmath>

namespace fp::model {

namespace {
constexpr std::uint32_t kFormatVersion = 1;
constexpr int kWeeks = 4;

double meanPoissonLoss(const BaselineModel& model, const std::vector<data::DemandCell>& cells)
{
    if (cells.empty())
        return std::nan("");
    std::vector<double> mean(cells.size());
    model.predict(cells, mean);
    double total = 0;
    for (size_t i = 0; i < cells.size(); ++i)
        total +=
            negBinNll(cells[i].units, std::log(std::max(mean[i], 1e-6)), 0.0, cells[i].censored)
                .value -
            (cells[i].censored ? 0.0 : negBinLogNormaliser(cells[i].units, 0.0));
    return total / static_cast<double>(cells.size());
}
} // namespace

int BaselineModel::weekdayOf(int period) const
{
    return m_shape.periodDays == 1 ? fp::weekdayOf(m_shape.dayOf(period)) : 0;
}

void BaselineModel::fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
                        const std::vector<data::DemandCell>& validation, const FitOptions&,
                        const LossFn& onLoss)
{
    m_shape = PanelShape::of(panel);
    const int slots = m_shape.periodDays == 1 ? 7 : 1;
    const int P = static_cast<int>(m_shape.productCategory.size());
    // The last period with data of each product, then its last four weeks.
    std::vector<int> lastPeriod(static_cast<size_t>(P), -1);
    for (const data::DemandCell& cell : train)
        lastPeriod[static_cast<size_t>(cell.product)] =
            std::max(lastPeriod[static_cast<size_t>(cell.product)], cell.period);
    const int window = kWeeks * 7 / m_shape.periodDays;
    std::vector<double> regularSum(static_cast<size_t>(P * slots), 0.0),
        regularCount(regularSum.size(), 0.0);
    std::vector<double> anySum(static_cast<size_t>(P), 0.0), anyCount(static_cast<size_t>(P), 0.0);
    for (const data::DemandCell& cell : train) {
        const auto p = static_cast<size_t>(cell.product);
        if (cell.period <= lastPeriod[p] - window)
            continue;
        anySum[p] += cell.units;
        anyCount[p] += 1;
        if (cell.eventDay < 0 && cell.discount < 0.05) {
            const size_t slot = p * slots + static_cast<size_t>(weekdayOf(cell.period));
            regularSum[slot] += cell.units;
            regularCount[slot] += 1;
        }
    }
    m_mean.assign(regularSum.size(), 0.0f);
    for (int p = 0; p < P; ++p) {
        double productSum = 0, productCount = 0;
        for (int s = 0; s < slots; ++s) {
            productSum += regularSum[static_cast<size_t>(p * slots + s)];
            productCount += regularCount[static_cast<size_t>(p * slots + s)];
        }
        const double fallback =
            productCount > 0 ? productSum / productCount
            : anyCount[static_cast<size_t>(p)] > 0
                ? anySum[static_cast<size_t>(p)] / anyCount[static_cast<size_t>(p)]
                : 0.0;
        for (int s = 0; s < slots; ++s) {
            const size_t slot = static_cast<size_t>(p * slots + s);
            m_mean[slot] = static_cast<float>(
                regularCount[slot] >= 2 ? regularSum[slot] / regularCount[slot] : fallback);
        }
    }
    if (onLoss && !onLoss({1, meanPoissonLoss(*this, train), meanPoissonLoss(*this, validation)}))
        throw Cancelled();
}

void BaselineModel::predict(std::span<const data::DemandCell> cells, std::span<double> mean) const
{
    const int slots = m_shape.periodDays == 1 ? 7 : 1;
    const int P = static_cast<int>(m_shape.productCategory.size());
    for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i].product < 0 || cells[i].product >= P)
            throw FlashPlanError(ProblemKind::ProductUnknownToModel);
        mean[i] =
            m_mean[static_cast<size_t>(cells[i].product * slots + weekdayOf(cells[i].period))];
    }
}

void BaselineModel::save(BinaryWriter& out) const
{
    out.put(kFormatVersion);
    m_shape.save(out);
    out.putVector(m_mean);
}

void BaselineModel::load(BinaryReader& in)
{
    if (in.get<std::uint32_t>() != kFormatVersion)
        throw FlashPlanError(ProblemKind::StoredModelUnknownFormat, {"baseline"});
    m_shape = PanelShape::load(in);
    m_mean = in.getVector<float>();
}

} // namespace fp::model
