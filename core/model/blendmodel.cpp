#include "model/blendmodel.h"

#include "base/error.h"

#include <stdexcept>
#include <vector>

namespace fp::model {

namespace {
constexpr std::uint32_t kFormatVersion = 1;
}

BlendModel::BlendModel(std::unique_ptr<DemandModel> first, std::unique_ptr<DemandModel> second,
                       double firstWeight)
    : m_first(std::move(first)), m_second(std::move(second)), m_firstWeight(firstWeight)
{
}

void BlendModel::fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
                     const std::vector<data::DemandCell>& validation, const FitOptions& options,
                     const LossFn& onLoss)
{
    if (!m_first || !m_second)
        throw std::logic_error("a blend needs its two models before it can fit");
    m_first->fit(panel, train, validation, options, onLoss);
    m_second->fit(panel, train, validation, options, onLoss);
}

void BlendModel::predict(std::span<const data::DemandCell> cells, std::span<double> mean) const
{
    std::vector<double> other(cells.size());
    m_first->predict(cells, mean);
    m_second->predict(cells, other);
    for (size_t i = 0; i < cells.size(); ++i)
        mean[i] = m_firstWeight * mean[i] + (1.0 - m_firstWeight) * other[i];
}

void BlendModel::save(BinaryWriter& out) const
{
    out.put(kFormatVersion);
    out.put(m_firstWeight);
    out.putString(m_first->kind());
    m_first->save(out);
    out.putString(m_second->kind());
    m_second->save(out);
}

void BlendModel::load(BinaryReader& in)
{
    if (in.get<std::uint32_t>() != kFormatVersion)
        throw FlashPlanError(ProblemKind::StoredModelUnknownFormat, {"blend"});
    m_firstWeight = in.get<double>();
    auto part = [&]() {
        const std::string kind = in.getString();
        std::unique_ptr<DemandModel> model = kind == "blend" ? nullptr : createModel(kind);
        if (!model)
            throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"blend"});
        model->load(in);
        return model;
    };
    m_first = part();
    m_second = part();
    if (!(m_firstWeight >= 0 && m_firstWeight <= 1))
        throw FlashPlanError(ProblemKind::StoredModelCorrupt, {"blend"});
}

} // namespace fp::model
