#pragma once

#include "data/calendar.h"
#include "model/demandmodel.h"

#include <Eigen/Core>
#include <array>

namespace fp {
class ThreadPool;
}

namespace fp::model {

// The default demand model: a log-linear count model with interpretable parts,
//   log E[D] = level(product) + trend(product) + weekday(category) + season(category)
//            + holidays(category) + event lift(day within event) + post-event dip
//            + price response(product, discount)
//            + elasticity(product) x log(latest regular price / the period's regular price),
// where the price response is a monotone piecewise-linear function of x = -log(1 - discount)
// (the log price cut): its slope on each discount segment is a local price elasticity, kept
// positive (softplus), smooth across segments and shrunk toward the category, so thin products
// borrow strength and deeper discounts never lower demand. The products' curves follow their
// category's shape, or each takes its own (saturating sooner, or responding only past a
// threshold) where that forecasts held-back periods better. Fitted by penalized negative
// binomial maximum likelihood with L-BFGS; sold-out periods enter as P(D >= units).
class StructuredModel final : public DemandModel
{
public:
    // Discount knots of the price response: segments [0,10%), [10,20%), ... [70%, 95%].
    static constexpr std::array<double, 9> kDiscountKnots = {0.0, 0.1, 0.2, 0.3, 0.4,
                                                             0.5, 0.6, 0.7, 0.95};
    static constexpr int kSegments = static_cast<int>(kDiscountKnots.size()) - 1;
    static constexpr int kEventDays = 4; // day 0, 1, 2, 3+ of an event

    std::string kind() const override { return "structured"; }
    const PanelShape& shape() const override { return m_shape; }
    void fit(const data::Panel& panel, const std::vector<data::DemandCell>& train,
             const std::vector<data::DemandCell>& validation, const FitOptions& options,
             const LossFn& onLoss) override;
    void predict(std::span<const data::DemandCell> cells, std::span<double> mean) const override;
    void save(BinaryWriter& out) const override;
    void load(BinaryReader& in) override;

    // Local price elasticity of a product at a discount: d log E[D] / d log(price cut).
    double elasticity(int product, double discount) const;
    // A product's elasticity to its regular price level: d log E[D] / d log(1 / regular price).
    double priceLevelElasticity(int product) const;
    // The fitted negative binomial size per category (used while fitting).
    const std::vector<double>& categorySize() const { return m_size; }

    // How the trend goes on past the history: as fitted, half as steep, flat from its end, or
    // none (the product's level over its whole history, as if it had no trend).
    enum class TrendContinuation : std::uint8_t
    {
        Flat,
        None,
        Half,
        Fitted
    };
    // Which calendar parts the model keeps: fit() chooses them on the last periods of its
    // training history (a part that does not forecast those periods better is left out).
    struct Structure
    {
        bool season = true;   // the yearly Fourier season
        bool holidays = true; // the shopping days
        TrendContinuation trend = TrendContinuation::Fitted;
        // How much of each product's recent level (its last periods' units against the fit, in
        // logs) forecasts carry on with: 0, half or all; the rest comes from the fit's end.
        float recentLevel = 0.0f;
        int parts() const; // how many parts are on (the trend when not flat)
    };
    const Structure& structure() const { return m_structure; }

    // How strongly each product's own parameters are pulled toward its category's (the weight of
    // a ridge penalty w * d^2, i.e. a prior variance 1 / (2w)). Learned from the data (empirical
    // Bayes): products that really differ are left their own values, thin ones borrow.
    struct Shrinkage
    {
        double level = 0.5;      // the product's level around its category's
        double trend = 2.0;      // the product's trend around none
        double eventLift = 1.0;  // its own lift in events around its category's
        double elasticity = 2.0; // its price response's shift around its category's (logit)
        double priceLevel = 2.0; // its elasticity to its regular price level around its category's
    };
    const Shrinkage& shrinkage() const { return m_shrinkage; }
    // Whether the products' price responses took their own shapes (saturating sooner or later
    // than their categories'): fit() keeps them where they forecast its held-back periods better.
    bool ownShapes() const { return m_ownShapes; }

private:
    struct Layout;
    struct PeriodFeatures
    {
        int weekday = -1;
        std::array<float, data::Calendar::kFourierTerms> fourier{};
        std::uint32_t holidays = 0;
        float trend = 0;
    };
    PeriodFeatures featuresOf(int period) const;
    static double slopeLogit(const Eigen::VectorXd& theta, const Layout& L, int p, int c, int k);
    static double levelElasticity(const Eigen::VectorXd& theta, const Layout& L, int p, int c);
    static double calendarEffect(const Eigen::VectorXd& theta, const Layout& L, int category,
                                 const PeriodFeatures& f);
    // While the structure is chosen, the cells after m_trendEnd are held back: the fit
    // (objective, learnShrinkage, dropWeakHolidays) skips them where they are, not in a copy.
    bool heldBack(const data::DemandCell& cell) const { return cell.period > m_trendEnd; }
    std::vector<data::DemandCell> heldBackCells(const std::vector<data::DemandCell>& cells) const;
    // The cells of the first, Poisson round.
    std::vector<data::DemandCell> poissonSample(const std::vector<data::DemandCell>& cells) const;
    double objective(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient,
                     const std::vector<data::DemandCell>& cells, ThreadPool& pool) const;
    // What objective() leaves out of the likelihood of the cells up to lastPeriod.
    double constant(const std::vector<data::DemandCell>& cells, int lastPeriod) const;
    double meanLoss(const std::vector<data::DemandCell>& cells, double constant) const;
    // What the parameters give every cell of a period or of a product alike, computed once for
    // a pass over many cells: the calendar effect per category x period, and the slope
    // (softplus) of every product's price response on each band.
    struct SharedEffects
    {
        std::vector<double> calendar;
        std::vector<double> slope;      // product x band
        std::vector<double> levelSlope; // per product: elasticity to the regular price level
    };
    SharedEffects sharedEffects(const Eigen::VectorXd& theta) const;
    double linearPredictor(const Eigen::VectorXd& theta, const Layout& L,
                           const data::DemandCell& cell, const SharedEffects& shared) const;
    std::vector<double> calendarOffsets(const Eigen::VectorXd& theta, int periods) const;
    void initialize(const std::vector<data::DemandCell>& train);
    void estimateNoise(const std::vector<data::DemandCell>& cells);
    double sizeFor(const data::DemandCell& cell) const;
    void refreshShared(); // m_shared, after the parameters change
    // The trend feature of a period, continued past m_trendEnd as the structure says.
    float trendValue(int period) const;
    // Picks the structure whose forecast of `validation` is best, then zeroes what it leaves out.
    void chooseStructure(const std::vector<data::DemandCell>& recent,
                         const std::vector<data::DemandCell>& validation);
    // Zeroes the entries of the parts the structure leaves out, in the parameters or a gradient.
    void applyStructure(Eigen::VectorXd& parameters) const;
    // Sets m_recentLevel from the cells of the last periods up to m_trendEnd (or clears it).
    void updateRecentLevel(const std::vector<data::DemandCell>& cells);
    // Sets each Shrinkage weight from how much the products' fitted values spread beyond what
    // their own data can tell apart (method of moments on the penalized estimates).
    void learnShrinkage(const std::vector<data::DemandCell>& cells,
                        const std::vector<double>& mean);
    // Leaves out each shopping day's effect (per category) that the data cannot tell from zero.
    void dropWeakHolidays(const std::vector<data::DemandCell>& cells,
                          const std::vector<double>& mean);
    // The prior weight (ridge and smoothness, per unit of logit) of every product's deviations
    // from its category's band slopes: strong where products follow their categories' shapes,
    // weak where they take their own (fit() takes what forecasts its held-back periods better).
    // The weak one lets a product's own promotions bend its curve (a prior sd of 5 in logit).
    static constexpr double kCategoryShapeWeight = 10.0;
    static constexpr double kOwnShapeWeight = 0.02;
    double shapeWeight() const { return m_ownShapes ? kOwnShapeWeight : kCategoryShapeWeight; }

    PanelShape m_shape;
    int m_dipPeriods = 14;
    Eigen::VectorXd m_theta;
    std::vector<double> m_size;      // NB size per category, regular days
    std::vector<double> m_eventSize; // and on event days, widened by the shared event shock
    std::vector<PeriodFeatures> m_periodCache; // features of history periods
    SharedEffects m_shared;                    // of m_theta, for predict()
    Structure m_structure;
    Shrinkage m_shrinkage;
    std::vector<std::uint8_t> m_holidayOff; // per category x holiday: 1 = left out
    std::vector<double> m_recentLevel;      // per product: log offset of periods after m_trendEnd
    bool m_ownShapes = false; // the products' responses take their own shapes (weak prior)
    // The regular price level has its own response (an elasticity per product, shrunk toward its
    // category's) and the discount bands see only the discount: a list price that moved is not a
    // promotion. Models stored before (format < 4) put both on the bands.
    bool m_levelApart = true;
    int m_trendEnd = 0; // the last period the trend was fitted on
};

} // namespace fp::model
