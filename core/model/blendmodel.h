#pragma once

#include "model/demandmodel.h"

#include <memory>

namespace fp::model {

// A weighted average of two price-aware models' expected demand (the structured and the neural
// model), with the weight chosen on held-out periods by the trainer: where neither model is
// clearly better, their average usually forecasts better than either.
class BlendModel final : public DemandModel
{
public:
    BlendModel() = default;
    BlendModel(std::unique_ptr<DemandModel> first, std::unique_ptr<DemandModel> second,
               double firstWeight);

    std::string kind() const override { return "blend"; }
    const PanelShape& shape() const override { return m_first->shape(); }
    // Fits both parts on the same cells (each from where it was when warmStart is set).
    void fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
             const std::vector<data::DemandCell>& validation, const FitOptions& options,
             const LossFn& onLoss) override;
    void predict(std::span<const data::DemandCell> cells, std::span<double> mean) const override;
    void save(BinaryWriter& out) const override;
    void load(BinaryReader& in) override;

    double firstWeight() const { return m_firstWeight; }
    const DemandModel& first() const { return *m_first; }
    const DemandModel& second() const { return *m_second; }

private:
    std::unique_ptr<DemandModel> m_first, m_second;
    double m_firstWeight = 0.5;
};

} // namespace fp::model
