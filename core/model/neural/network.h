#pragma once

#include "data/demandcells.h"
#include "model/demandmodel.h"

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace fp {
class ThreadPool;
}

namespace fp::model {
struct NeuralSettings;
}

// The pieces of the neural demand model (model/neuralmodel.h): the network and its passes here,
// Adam, early stopping and the mini-batch trainer beside it.
namespace fp::model::neural {

// Cells per unit of work. Fixed, so every sum is formed in the same order whatever the number of
// threads: training is bit-reproducible on 1 or 8 cores.
constexpr int kChunk = 512;
constexpr int kEventDays = 4;   // day within an event, one-hot: 0, 1, 2, 3 and later
constexpr int kDipFeatures = 4; // fast and slow decay after an event, each also times its depth

using Matrix = Eigen::MatrixXf;
using Vector = Eigen::VectorXf;
using RowVector = Eigen::RowVectorXf;

// The network: its sizes, where each parameter lives in the flat vector `theta` (one vector makes
// Adam, the parameter average, keeping the best epoch and saving trivial), and the discount knots.
struct Network
{
    int products = 0;
    int categories = 0;
    int productDim = 0;
    int categoryDim = 0;
    int hidden1 = 0;
    int hidden2 = 0;
    bool daily = true;
    std::vector<float> knotX; // knots in x = -log(1 - d)

    // Offsets into theta. Everything before oCatEmb is dense (every cell touches it); the
    // embeddings, levels and slopes after it only by their own product's or category's cells.
    std::size_t oW1 = 0, ob1 = 0, oW2 = 0, ob2 = 0, ow3 = 0, ob3 = 0, oA = 0, oa = 0;
    std::size_t oCatEmb = 0, oCatLevel = 0, oCatTrend = 0, oCatWide = 0;
    std::size_t oProdEmb = 0, oProdLevel = 0, oProdTrend = 0, total = 0;
    std::vector<float> theta;

    int knots() const { return static_cast<int>(knotX.size()); }
    int embed() const { return productDim + categoryDim; }
    int calendarRows() const; // weekday (daily data), Fourier terms, holidays
    int eventRow() const { return embed() + calendarRows(); }
    int inputs() const { return eventRow() + kEventDays + kDipFeatures; }
    int features() const { return inputs() - embed(); } // calendar and event inputs
    std::size_t denseSize() const { return oCatEmb; }

    void layOut(); // sets the offsets and total from the sizes
};

// A network of the settings' sizes for a panel's shape, its parameters all 0.
Network makeNetwork(const NeuralSettings& settings, const PanelShape& shape);

// Named views of a flat parameter (or gradient) vector; T is float or const float.
template <class T> struct Views
{
    using M = Eigen::Map<std::conditional_t<std::is_const_v<T>, const Matrix, Matrix>>;
    using V = Eigen::Map<std::conditional_t<std::is_const_v<T>, const Vector, Vector>>;

    Views(const Network& n, T* p)
        : W1(p + n.oW1, n.hidden1, n.inputs()), b1(p + n.ob1, n.hidden1),
          W2(p + n.oW2, n.hidden2, n.hidden1), b2(p + n.ob2, n.hidden2), w3(p + n.ow3, n.hidden2),
          b3(p[n.ob3]), A(p + n.oA, n.knots(), n.embed()), a(p + n.oa, n.knots()),
          catEmb(p + n.oCatEmb, n.categoryDim, n.categories),
          catLevel(p + n.oCatLevel, n.categories), catTrend(p + n.oCatTrend, n.categories),
          catWide(p + n.oCatWide, n.features(), n.categories),
          prodEmb(p + n.oProdEmb, n.productDim, n.products),
          prodLevel(p + n.oProdLevel, n.products), prodTrend(p + n.oProdTrend, n.products)
    {
    }

    M W1;
    V b1;
    M W2;
    V b2;
    V w3;
    T& b3;
    M A; // discount head: knot weights = softplus(A * embeddings + a)
    V a;
    M catEmb;
    V catLevel;
    V catTrend; // log-linear trend per year: the category's slope plus the product's deviation
    M catWide;  // linear effects of the calendar and event inputs per category
    M prodEmb;
    V prodLevel;
    V prodTrend;
};

// Calendar inputs of the periods [from, from + cols()): they depend on the period alone. The
// trend stays out of the MLP: ReLUs bend freely at the edge of the history, and forecasts would
// extrapolate that (held-out bias of -5 to -10% on the synthetic market); a log-linear trend
// extrapolates the way demand plausibly does.
struct CalendarTable
{
    int from = 0;
    Matrix rows;
    std::vector<float> trend; // years from the middle of the history
};
CalendarTable calendarTable(const Network& net, const PanelShape& shape, DayNumber trendOrigin,
                            int from, int to);

// The smallest and one past the largest period of some cells ({0, 0} when there are none).
std::pair<int, int> periodRange(std::span<const data::DemandCell> a,
                                std::span<const data::DemandCell> b = {});

// What a pass over some cells needs besides the cells and the parameters.
struct Context
{
    const Network& net;
    const std::vector<int>& category; // per product
    const CalendarTable& calendar;

    int categoryOf(const data::DemandCell& cell) const
    {
        return category[static_cast<std::size_t>(cell.product)];
    }
};

// The cells of one chunk: cells[first + j], or cells[order[first + j]] when in a shuffled order.
struct CellChunk
{
    std::span<const data::DemandCell> cells;
    const std::uint32_t* order = nullptr;
    std::size_t first = 0;
    int n = 0;

    const data::DemandCell& operator[](int j) const { return cells[index(j)]; }
    std::size_t index(int j) const
    {
        return order ? order[first + static_cast<std::size_t>(j)]
                     : first + static_cast<std::size_t>(j);
    }
};

// Activations and gradients of one chunk of cells.
struct Workspace
{
    Matrix x;                // inputs, one column per cell
    Matrix a1, a2;           // hidden activations
    Matrix pre, phi;         // discount head: softplus' of its input (after forward); ramp bases
    Matrix d1, d2, dk;       // back-propagated errors
    Matrix dEmbed;           // per cell; scattered into the embedding tables serially
    RowVector eta, g;        // log mean; d loss / d eta
    RowVector trend;         // of each cell's period
    std::vector<float> grad; // the chunk's gradient; only its dense part is used
    std::vector<double> moments; // per category: sum((y - mu)^2 - mu), sum(mu^2)
    double loss = 0.0;
    int n = 0;

    explicit Workspace(const Network& net);
};

// Fills ws.eta with the log mean of the chunk's cells, keeping what backward() needs.
void forward(const Context& ctx, const Views<const float>& w, const CellChunk& chunk,
             Workspace& ws);
// Gradient of the dense parameters into ws.grad, and of each cell's embeddings into ws.dEmbed,
// given ws.g = d loss / d eta.
void backward(const Network& net, const Views<const float>& w, Workspace& ws);

// The log mean of every cell with parameters `theta`, chunk by chunk on the pool.
std::vector<float> logMeans(const Context& ctx, const std::vector<float>& theta,
                            std::span<const data::DemandCell> cells, ThreadPool& pool);

// negBinNll drops terms constant in mu; adding them back gives the full negative log-likelihood,
// comparable between values of r (and between models).
double normaliser(const data::DemandCell& cell, double r);
double normaliserSum(const std::vector<data::DemandCell>& cells, const std::vector<int>& category,
                     const std::vector<double>& sizes);
// The full negative log-likelihood of each cell, with NB size r per category.
std::vector<double> cellLosses(const Context& ctx, const std::vector<float>& theta,
                               std::span<const data::DemandCell> cells,
                               const std::vector<double>& sizes, ThreadPool& pool);

// Units and cells per product of some cells.
struct ProductTotals
{
    std::vector<double> units, cells;
    double allUnits = 0.0;

    ProductTotals(const std::vector<data::DemandCell>& of, int products);
};

// A standard normal draw by Box-Muller on the raw engine: std::normal_distribution differs
// between standard libraries.
double normal(std::mt19937_64& rng);

// He initialisation for the ReLU layers; small embeddings; levels from the data, so the first
// epoch refines levels instead of finding them.
void initialise(Network& net, const std::vector<data::DemandCell>& train, std::mt19937_64& rng);

} // namespace fp::model::neural
