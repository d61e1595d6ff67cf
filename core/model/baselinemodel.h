#pragma once

#include "model/demandmodel.h"

namespace fp::model {

// The naive baseline every model must beat: a product's mean units on the same weekday over the
// last four weeks of history at regular price (no event, under 5% off); for weekly data, the mean
// of the last four regular weeks. It ignores discounts and events on purpose.
class BaselineModel final : public DemandModel
{
public:
    std::string kind() const override { return "baseline"; }
    const PanelShape& shape() const override { return m_shape; }
    void fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
             const std::vector<data::DemandCell>& validation, const FitOptions& options,
             const LossFn& onLoss) override;
    void predict(std::span<const data::DemandCell> cells, std::span<double> mean) const override;
    void save(BinaryWriter& out) const override;
    void load(BinaryReader& in) override;

private:
    int weekdayOf(int period) const;

    PanelShape m_shape;
    std::vector<float> m_mean; // products x 7 (daily) or products x 1 (weekly)
};

} // namespace fp::model
