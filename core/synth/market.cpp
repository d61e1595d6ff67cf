#include "synth/market.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>

namespace fp::synth {
namespace {

// ---------------------------------------------------------------------------------------------
// Random numbers. Our own samplers: std::*_distribution differ between standard libraries.

constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// What a stream is for; part of its key so that streams never coincide.
enum Tag : std::uint64_t
{
    kTagProduct = 1,
    kTagCalendar,
    kTagPlan,
    kTagEvent,
    kTagDay,
    kTagInitialStock,
    kTagCalibration,
    kTagOracle,
};

// Key of an independent stream for (seed, tag, a, b): rows depend on what they are, not on the
// order they are generated in.
constexpr std::uint64_t streamKey(std::uint64_t seed, Tag tag, std::int64_t a, std::int64_t b = 0)
{
    std::uint64_t h = mix64(seed + 0x9e3779b97f4a7c15ULL * (static_cast<std::uint64_t>(tag) + 1));
    h = mix64(h ^ (static_cast<std::uint64_t>(a) + 0x632be59bd9b4e019ULL));
    return mix64(h ^ (static_cast<std::uint64_t>(b) + 0x8cb92ba72f3d8dd7ULL));
}

// splitmix64: a tiny generator that is cheap to start, for the per product-day streams
// (starting a mt19937_64 costs more than generating a whole row).
class SplitMix64 final
{
public:
    using result_type = std::uint64_t;
    explicit SplitMix64(std::uint64_t state) : m_state(state) {}
    static constexpr result_type min() { return 0; }
    static constexpr result_type max() { return ~result_type{0}; }
    result_type operator()()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix64(m_state);
    }

private:
    std::uint64_t m_state;
};

// In (0, 1), never 0 or 1, so logs are safe.
template <class Rng> double uniform01(Rng& rng)
{
    return (static_cast<double>(rng() >> 12) + 0.5) * 0x1.0p-52;
}

template <class Rng> double uniform(Rng& rng, double lo, double hi)
{
    return lo + (hi - lo) * uniform01(rng);
}

template <class Rng> int uniformInt(Rng& rng, int lo, int hi)
{
    return lo + static_cast<int>(uniform01(rng) * (hi - lo + 1));
}

// Marsaglia's polar method: no sin/cos, only log and sqrt.
template <class Rng> double normal(Rng& rng)
{
    for (;;) {
        const double u = 2.0 * uniform01(rng) - 1.0;
        const double v = 2.0 * uniform01(rng) - 1.0;
        const double s = u * u + v * v;
        if (s > 0.0 && s < 1.0)
            return u * std::sqrt(-2.0 * std::log(s) / s);
    }
}

// Gamma(shape, 1) for shape >= 1 (Marsaglia and Tsang), divided by shape: mean 1.
template <class Rng> double gammaMeanOne(Rng& rng, double shape)
{
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = 0.0;
        double v = 0.0;
        do {
            x = normal(rng);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniform01(rng);
        const double x2 = x * x;
        if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v)))
            return d * v / shape;
    }
}

double logFactorial(double k)
{
    static const std::array<double, 256> table = [] {
        std::array<double, 256> t{};
        for (std::size_t i = 2; i < t.size(); ++i)
            t[i] = t[i - 1] + std::log(static_cast<double>(i));
        return t;
    }();
    if (k < 256.0)
        return table[static_cast<std::size_t>(k)];
    const double inv = 1.0 / k;
    const double inv2 = inv * inv;
    return (k + 0.5) * std::log(k) - k + 0.5 * std::log(2.0 * std::numbers::pi) +
           inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 / 1260.0));
}

// Inversion for small means; Hoermann's PTRS (transformed rejection) for larger ones.
template <class Rng> int poisson(Rng& rng, double lambda)
{
    if (!(lambda > 0.0))
        return 0;
    if (lambda < 10.0) {
        double p = std::exp(-lambda);
        double cdf = p;
        const double u = uniform01(rng);
        int k = 0;
        while (u > cdf && k < 200) {
            ++k;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }
    lambda = std::min(lambda, 1e9);
    const double slam = std::sqrt(lambda);
    const double logLam = std::log(lambda);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = uniform01(rng) - 0.5;
        const double v = uniform01(rng);
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2.0 * a / us + b) * u + lambda + 0.43);
        if (us >= 0.07 && v <= vr)
            return static_cast<int>(k);
        if (k < 0.0 || (us < 0.013 && v > us))
            continue;
        if (std::log(v) + std::log(invAlpha) - std::log(a / (us * us) + b) <=
            -lambda + k * logLam - logFactorial(k))
            return static_cast<int>(k);
    }
}

double roundCents(double x)
{
    return static_cast<double>(std::llround(x * 100.0)) / 100.0;
}

// ---------------------------------------------------------------------------------------------
// The catalogue: what each category looks like.

struct CategorySpec
{
    const char* name;
    const char* prefix;
    double priceMedian;
    double priceSigma;  // of log price
    double levelMedian; // units/day at list price
    double elasticityMean;
    double dispersion; // negative binomial size r
    double shockShape; // per-event shock
    double holidaySensitivity;
    std::array<double, 7> weekday;         // Monday..Sunday, normalized to mean 1 later
    double season1, peak1, season2, peak2; // amplitudes and peaks (day of year)
};

// A table reads best as one line per category.
// clang-format off
constexpr std::array<CategorySpec, 12> kCategorySpecs{{
//   name            sku  price  sd  level  e    r   shock hol  weekday Mon..Sun                        season1 peak1 season2 peak2
    {"Shoes",       "SH",   70, 0.45, 1.2, 2.2, 3.0, 6.0, 0.9, {0.95, 0.92, 0.93, 0.97, 1.03, 1.12, 1.08}, 0.10, 100, 0.05, 250},
    {"Electronics", "EL",   90,  0.8, 0.9, 2.6, 2.0, 4.0, 1.3, {1.0, 0.98, 0.98, 1.0, 1.02, 1.04, 0.98}, 0.08, 350, 0.04, 200},
    {"Beauty",      "BE",   22,  0.5, 2.0, 1.7, 5.0, 8.0, 1.0, {1.05, 1.03, 1.02, 1.0, 0.97, 0.95, 0.98}, 0.05,  40, 0.03, 300},
    {"Home",        "HO",   35,  0.6, 1.0, 2.0, 3.0, 6.0, 0.8, {0.9, 0.9, 0.92, 0.95, 1.02, 1.18, 1.13}, 0.12, 260, 0.04,  60},
    {"Toys",        "TO",   28,  0.6, 1.2, 2.3, 2.5, 5.0, 1.2, {0.92, 0.92, 0.94, 0.96, 1.04, 1.14, 1.08}, 0.25, 355, 0.06, 180},
    {"Apparel",     "AP",   38,  0.5, 1.6, 2.8, 3.5, 6.0, 1.0, {0.97, 0.95, 0.95, 0.98, 1.05, 1.1, 1.0}, 0.15, 290, 0.08, 110},
    {"Sports",      "SP",   40,  0.6, 1.0, 2.1, 3.0, 6.0, 0.9, {0.98, 0.96, 0.97, 0.98, 1.0, 1.07, 1.04}, 0.15, 150, 0.05,  10},
    {"Kitchen",     "KI",   45,  0.6, 0.9, 2.0, 3.0, 6.0, 1.0, {0.98, 0.97, 0.98, 1.0, 1.01, 1.04, 1.02}, 0.06, 330, 0.03,  90},
    {"Books",       "BO",   16,  0.4, 1.5, 1.5, 4.0, 6.0, 0.7, {1.0, 1.0, 1.0, 1.0, 0.98, 1.02, 1.0}, 0.08, 355, 0.05, 200},
    {"Garden",      "GA",   30,  0.6, 0.8, 1.9, 3.0, 6.0, 0.6, {0.9, 0.9, 0.92, 0.95, 1.02, 1.17, 1.14}, 0.30, 130, 0.05,  20},
    {"Pets",        "PE",   25,  0.5, 1.3, 1.8, 4.0, 7.0, 0.8, {1.0, 1.0, 1.0, 1.0, 1.0, 1.02, 0.98}, 0.04, 200, 0.02,  20},
    {"Jewelry",     "JE",   60,  0.7, 0.7, 2.4, 2.5, 5.0, 1.3, {0.96, 0.96, 0.97, 1.0, 1.04, 1.06, 1.01}, 0.10,  40, 0.06, 350},
}};
// clang-format on

// Product name stems per category, in the order of kCategorySpecs.
constexpr std::array<std::array<const char*, 12>, 12> kNouns{{
    {{"Trail Runner", "Court Classic", "Street Sneaker", "Hiking Boot", "Canvas Slip-On",
      "Leather Loafer", "Road Racer", "Chelsea Boot", "Sport Sandal", "Training Shoe", "Ankle Boot",
      "Walking Shoe"}}, // Shoes
    {{"Wireless Earbuds", "Smart Watch", "Bluetooth Speaker", "Power Bank", "USB-C Hub",
      "Action Camera", "Gaming Mouse", "Mechanical Keyboard", "Tablet Stand", "Headphones",
      "Smart Plug", "Portable Monitor"}}, // Electronics
    {{"Hydrating Serum", "Matte Lipstick", "Night Cream", "Vitamin C Toner", "Clay Mask",
      "Sunscreen SPF50", "Eye Palette", "Hair Oil", "Body Lotion", "Micellar Water", "Lip Balm",
      "Face Mist"}}, // Beauty
    {{"Throw Blanket", "Ceramic Vase", "Scented Candle", "Table Lamp", "Storage Basket",
      "Wall Clock", "Towel Set", "Linen Duvet", "Photo Frame", "Door Mat", "Cushion Cover",
      "Desk Organizer"}}, // Home
    {{"Building Blocks", "Plush Bear", "RC Car", "Jigsaw Puzzle", "Doll House", "Wooden Train",
      "Science Kit", "Board Game", "Stunt Kite", "Toy Drone", "Craft Set", "Marble Run"}}, // Toys
    {{"Cotton Tee", "Denim Jacket", "Hoodie", "Chino Pants", "Rain Jacket", "Wool Sweater",
      "Summer Dress", "Polo Shirt", "Puffer Vest", "Yoga Leggings", "Flannel Shirt",
      "Cargo Shorts"}}, // Apparel
    {{"Yoga Mat", "Dumbbell Set", "Jump Rope", "Water Bottle", "Tennis Racket", "Cycling Gloves",
      "Foam Roller", "Resistance Bands", "Gym Bag", "Swim Goggles", "Running Belt",
      "Kettlebell"}}, // Sports
    {{"Chef Knife", "Nonstick Pan", "French Press", "Cutting Board", "Spice Rack", "Stand Mixer",
      "Tea Kettle", "Dutch Oven", "Salad Spinner", "Measuring Cups", "Pepper Mill",
      "Baking Tray"}}, // Kitchen
    {{"Cookbook", "Thriller Novel", "Travel Guide", "Poetry Collection", "Picture Book",
      "Sci-Fi Novel", "History Atlas", "Self-Help Guide", "Comic Anthology", "Language Course",
      "Puzzle Book", "Field Guide"}}, // Books
    {{"Garden Hose", "Pruning Shears", "Planter Box", "Solar Lights", "Bird Feeder", "Watering Can",
      "Seed Kit", "Garden Gloves", "Compost Bin", "Hammock", "Rain Barrel", "Hose Reel"}}, // Garden
    {{"Dog Bed", "Cat Tree", "Chew Toy", "Pet Carrier", "Leash Set", "Litter Mat", "Feeding Bowl",
      "Grooming Brush", "Dog Raincoat", "Aquarium Kit", "Scratching Post", "Treat Pouch"}}, // Pets
    {{"Silver Necklace", "Hoop Earrings", "Charm Bracelet", "Signet Ring", "Pearl Studs", "Anklet",
      "Cufflinks", "Pendant", "Watch Strap", "Brooch", "Tennis Bracelet",
      "Stacking Ring"}}, // Jewelry
}};

// Names are [adjective ]noun[suffix], e.g. "Trail Runner 3"; most have no adjective.
constexpr std::array<const char*, 12> kAdjectives{"",    "",     "",    "",     "Classic", "Urban",
                                                  "Pro", "Lite", "Eco", "Nova", "Prime",   "Flex"};
constexpr std::array<const char*, 12> kSuffixes{"",   " 2",    " 3",   " 4",    " 5", " 7",
                                                " 9", " Plus", " Max", " Mini", " X", " S"};

// Generator constants that are not per product.
constexpr int kMinEventGap = 10;          // days between a product's events: dips never overlap
constexpr int kDipDays = 7;               // post-event dip length
constexpr double kDipDecay = 0.65;        // dip shrinks by this factor each day
constexpr double kLeadTimeMean = 4.5;     // supplier lead time U{2..7} days
constexpr double kSafetyFactor = 2.3;     // regular inventory z-score at stockout intensity 1
constexpr double kDisruptionShare = 0.04; // orders delayed by 5-20 days, at intensity 1
constexpr double kTightEventShare = 0.25; // events allocated below expectation, at intensity 1
constexpr double kMaxParticipation = 0.95;

// Calendar-free "year fraction" so the season is smooth over year ends and leap days.
double yearsSince2000(DayNumber day)
{
    return static_cast<double>(day - daysFromCivil(2000, 1, 1)) / 365.2425;
}

// Regular inventory: (s, S) policy on the expected demand at list price; leaner when the stockout
// intensity is high.
struct StockPolicy
{
    double reorderPoint;
    int orderUpTo;
};

StockPolicy stockPolicy(const ProductTruth& t, double trend, double intensity)
{
    const double mu = t.baseLevel * trend;
    const double z = intensity > 0.0 ? kSafetyFactor / intensity : 4.0;
    const double reorderPoint =
        mu * kLeadTimeMean + z * std::sqrt(kLeadTimeMean * (mu + mu * mu / t.dispersion));
    return {reorderPoint, static_cast<int>(std::ceil(reorderPoint + mu * t.stockCoverDays)) + 1};
}

bool overlaps(const Promotion& plan, DayNumber start, int days, int margin)
{
    return start < plan.start + plan.days + margin && plan.start < start + days + margin;
}

// Greedy in time order: join a campaign with probability factor * weight * propensity, unless
// the product's previous event ended less than kMinEventGap days before.
template <class NextUniform>
std::vector<int> joinCampaigns(const std::vector<Campaign>& campaigns, double factor,
                               double propensity, NextUniform&& nextUniform)
{
    std::vector<int> joined;
    DayNumber freeFrom = std::numeric_limits<DayNumber>::min();
    for (std::size_t c = 0; c < campaigns.size(); ++c) {
        const double u = nextUniform(); // drawn always, so a higher factor only adds events
        const Campaign& campaign = campaigns[c];
        if (campaign.start < freeFrom)
            continue;
        if (u < std::min(kMaxParticipation, factor * campaign.weight * propensity)) {
            joined.push_back(static_cast<int>(c));
            freeFrom = campaign.start + campaign.days + kMinEventGap;
        }
    }
    return joined;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Calendar

DayNumber blackFriday(int year)
{
    const DayNumber nov1 = daysFromCivil(year, 11, 1);
    const int firstThursday = 1 + (3 - weekdayOf(nov1) + 7) % 7;
    return daysFromCivil(year, 11, firstThursday + 21 + 1);
}

double holidayLift(DayNumber day)
{
    const CivilDate c = civilFromDays(day);
    double lift = 0.0;
    if (c.month == 11) {
        static constexpr double kSinglesDay[] = {0.3, 1.2, 0.4, 0.15}; // Nov 10..13
        if (c.day >= 10 && c.day <= 13)
            lift += kSinglesDay[c.day - 10];
    }
    // Thanksgiving .. the day after Cyber Monday; may run into December.
    static constexpr double kBlackFriday[] = {0.1, 0.9, 0.35, 0.3, 0.7, 0.15};
    const int fromThanksgiving = day - (blackFriday(c.year) - 1);
    if (fromThanksgiving >= 0 && fromThanksgiving < 6)
        lift += kBlackFriday[fromThanksgiving];
    if (c.month == 12) {
        if (c.day >= 11 && c.day <= 13)
            lift += c.day == 12 ? 0.7 : 0.15; // 12.12
        if (c.day >= 15 && c.day <= 22)
            lift += 0.15 + 0.35 * (c.day - 15) / 7.0; // Christmas lead-up
        else if (c.day == 23)
            lift += 0.4;
        else if (c.day == 24)
            lift += 0.15;
        else if (c.day == 25)
            lift -= 0.3;
        else if (c.day >= 26)
            lift += 0.3 - 0.03 * (c.day - 26); // New Year sales
    }
    if (c.month == 1 && c.day <= 3)
        lift += c.day == 1 ? 0.35 : (c.day == 2 ? 0.25 : 0.1);
    if (c.month == 6 && (c.day == 17 || c.day == 18))
        lift += c.day == 18 ? 0.5 : 0.1; // 6.18
    return lift;
}

// ---------------------------------------------------------------------------------------------
// Construction

struct Market::ProductState
{
    std::size_t next = 0; // first plan entry that has not ended
    int onHand = 0;       // regular inventory
    int pendingQty = 0;   // ordered, not yet arrived
    DayNumber pendingArrival = 0;
    int eventLeft = 0; // event allocation not yet sold
};

Market::Market(const MarketConfig& config) : m_config(config)
{
    if (config.products < 1 || config.days < 1)
        throw std::invalid_argument("synthetic market: products and days must be at least 1");
    if (config.categories < 1 || config.categories > static_cast<int>(kCategorySpecs.size()))
        throw std::invalid_argument("synthetic market: categories must be 1..12");
    if (!(config.stockoutIntensity >= 0.0) || !(config.eventsPerProductYear >= 0.0) ||
        !(config.promosPerProductYear >= 0.0))
        throw std::invalid_argument("synthetic market: intensities and rates must be >= 0");
    m_middleDay = config.firstDay + 0.5 * (config.days - 1);
    buildCategories();
    buildProducts();
    buildCalendar();
    buildCampaigns();
    buildPlans();
}

void Market::buildCategories()
{
    for (int c = 0; c < m_config.categories; ++c) {
        const CategorySpec& spec = kCategorySpecs[c];
        CategoryTruth truth;
        truth.name = spec.name;
        truth.skuPrefix = spec.prefix;
        double mean = 0.0;
        for (double w : spec.weekday)
            mean += w / 7.0;
        for (int d = 0; d < 7; ++d)
            truth.weekday[d] = spec.weekday[d] / mean;
        truth.seasonAmplitude1 = spec.season1;
        truth.seasonPeak1 = spec.peak1;
        truth.seasonAmplitude2 = spec.season2;
        truth.seasonPeak2 = spec.peak2;
        truth.holidaySensitivity = spec.holidaySensitivity;
        truth.elasticityMean = spec.elasticityMean;
        truth.dispersion = spec.dispersion;
        truth.eventShockShape = spec.shockShape;
        m_categories.push_back(std::move(truth));
    }
}

void Market::buildProducts()
{
    const int categoryCount = m_config.categories;
    const int perCategory = (m_config.products + categoryCount - 1) / categoryCount;
    const int skuDigits = std::max(4, static_cast<int>(std::to_string(perCategory).size()));
    m_products.reserve(m_config.products);
    for (int p = 0; p < m_config.products; ++p) {
        // One mt19937_64 per product: a product's truth does not depend on how many there are.
        std::mt19937_64 rng(streamKey(m_config.seed, kTagProduct, p));
        const int c = p % categoryCount;
        const CategorySpec& spec = kCategorySpecs[c];
        const CategoryTruth& category = m_categories[c];
        ProductTruth t;
        t.categoryIndex = c;
        t.category = category.name;
        const std::string number = std::to_string(p / categoryCount + 1);
        t.sku = category.skuPrefix + "-" +
                std::string(std::max(0, skuDigits - static_cast<int>(number.size())), '0') + number;
        // One draw per statement: the order of operands of + is unspecified in C++.
        const std::string adjective = kAdjectives[uniformInt(rng, 0, 11)];
        const std::string noun = kNouns[c][uniformInt(rng, 0, 11)];
        const std::string suffix = kSuffixes[uniformInt(rng, 0, 11)];
        t.name = (adjective.empty() ? "" : adjective + " ") + noun + suffix;

        // Prices end in .99 (or .49 under 10).
        const double rawPrice =
            std::clamp(spec.priceMedian * std::exp(spec.priceSigma * normal(rng)), 2.0, 5000.0);
        t.listPrice = rawPrice >= 10.0 ? std::round(rawPrice) - 0.01
                                       : std::round(rawPrice * 2.0) / 2.0 - 0.01;
        t.listPrice = roundCents(t.listPrice);
        t.unitCost = roundCents(t.listPrice * uniform(rng, 0.35, 0.7));
        // Cheaper products sell more units; the spread is wide on purpose (slow movers to
        // tens/day).
        t.baseLevel = std::clamp(spec.levelMedian * std::exp(1.1 * normal(rng)) *
                                     std::pow(t.listPrice / spec.priceMedian, -0.4),
                                 0.02, 80.0);
        t.elasticity = std::clamp(category.elasticityMean + 0.35 * normal(rng), 1.0, 4.0);
        t.thresholdLift = uniform(rng, 0.0, 0.3);
        t.dispersion = category.dispersion;
        t.eventShockShape = category.eventShockShape;
        t.featuredLift = 0.8 * std::exp(0.35 * normal(rng));
        t.featuredDecay = uniform(rng, 0.35, 0.65);
        t.dipDepth = uniform(rng, 0.1, 0.35);
        t.trendPerYear = std::clamp(0.12 * normal(rng), -0.35, 0.35);
        t.conversion = std::clamp(0.04 * std::exp(0.4 * normal(rng)), 0.01, 0.15);
        t.eventPropensity = std::exp(0.4 * normal(rng) - 0.08); // lognormal with mean 1
        t.stockCoverDays = uniform(rng, 20.0, 45.0);
        m_products.push_back(std::move(t));
    }
}

void Market::buildCalendar()
{
    m_calendar.resize(static_cast<std::size_t>(m_config.categories) * m_config.days);
    for (int c = 0; c < m_config.categories; ++c)
        for (int i = 0; i < m_config.days; ++i)
            m_calendar[static_cast<std::size_t>(c) * m_config.days + i] =
                calendarFactor(c, m_config.firstDay + i);
}

void Market::buildCampaigns()
{
    struct Fixed
    {
        int month, day, days;
        double weight;
    };
    // Shopping holidays; Black Friday and Cyber Monday are added per year below.
    static constexpr Fixed kHolidays[] = {{1, 1, 2, 2.0},   {3, 8, 1, 1.5},   {6, 18, 2, 2.5},
                                          {11, 11, 3, 4.0}, {12, 12, 2, 3.0}, {12, 18, 3, 2.0}};
    const DayNumber first = m_config.firstDay;
    const DayNumber end = endDay();
    std::vector<Campaign> all;
    const int firstYear = civilFromDays(first).year;
    const int lastYear = civilFromDays(end).year;
    for (int y = firstYear; y <= lastYear; ++y) {
        for (const Fixed& h : kHolidays)
            all.push_back({"", daysFromCivil(y, h.month, h.day), h.days, true, h.weight});
        all.push_back({"", blackFriday(y), 3, true, 3.5});     // Friday..Sunday
        all.push_back({"", blackFriday(y) + 3, 1, true, 2.5}); // Cyber Monday
    }
    // Ordinary flash sales every 5-12 days, kept 3 days clear of holiday campaigns.
    std::mt19937_64 rng(streamKey(m_config.seed, kTagCalendar, 0));
    const std::size_t holidayCount = all.size();
    for (DayNumber d = first - 20 + uniformInt(rng, 0, 7); d < end; d += uniformInt(rng, 5, 12)) {
        const int days = uniformInt(rng, 1, 3);
        bool clear = true;
        for (std::size_t h = 0; h < holidayCount; ++h)
            clear = clear && (d + days + 3 <= all[h].start || all[h].start + all[h].days + 3 <= d);
        if (clear)
            all.push_back({"", d, days, false, 1.0});
    }
    for (Campaign& c : all) {
        if (c.start < first || c.start + c.days > end)
            continue;
        char date[11] = {};
        formatIsoDate(c.start, date);
        c.id = std::string("FS-") + date;
        m_campaigns.push_back(std::move(c));
    }
    std::sort(m_campaigns.begin(), m_campaigns.end(),
              [](const Campaign& a, const Campaign& b) { return a.start < b.start; });
}

// The participation factor that gives eventsPerProductYear on average, found by bisection on a
// fixed panel of pseudo-products (the gap rule makes the count non-linear in the factor).
double Market::calibrateParticipation() const
{
    const double target = m_config.eventsPerProductYear * m_config.days / 365.25;
    if (target <= 0.0 || m_campaigns.empty())
        return 0.0;
    constexpr int kPanel = 1024;
    std::vector<double> propensity(kPanel);
    std::vector<double> draws(static_cast<std::size_t>(kPanel) * m_campaigns.size());
    for (int i = 0; i < kPanel; ++i) {
        SplitMix64 rng(streamKey(m_config.seed, kTagCalibration, i));
        propensity[i] = std::exp(0.4 * normal(rng) - 0.08);
        for (std::size_t c = 0; c < m_campaigns.size(); ++c)
            draws[i * m_campaigns.size() + c] = uniform01(rng);
    }
    auto meanCount = [&](double factor) {
        double total = 0.0;
        for (int i = 0; i < kPanel; ++i) {
            std::size_t c = 0;
            const double* row = &draws[i * m_campaigns.size()];
            total += static_cast<double>(
                joinCampaigns(m_campaigns, factor, propensity[i], [&] { return row[c++]; }).size());
        }
        return total / kPanel;
    };
    double lo = 0.0;
    double hi = 50.0;
    for (int iter = 0; iter < 40; ++iter) {
        const double mid = 0.5 * (lo + hi);
        (meanCount(mid) < target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

void Market::buildPlans()
{
    const double factor = calibrateParticipation();
    const DayNumber first = m_config.firstDay;
    const double years = m_config.days / 365.25;
    m_plans.resize(m_products.size());
    for (std::size_t p = 0; p < m_products.size(); ++p) {
        const ProductTruth& truth = m_products[p];
        std::mt19937_64 rng(streamKey(m_config.seed, kTagPlan, static_cast<std::int64_t>(p)));
        std::vector<Promotion>& plan = m_plans[p];
        auto priceAt = [&](double discount) {
            return std::max(0.01, roundCents(truth.listPrice * (1.0 - discount)));
        };

        const std::vector<int> joined = joinCampaigns(m_campaigns, factor, truth.eventPropensity,
                                                      [&] { return uniform01(rng); });
        for (int c : joined) {
            const Campaign& campaign = m_campaigns[c];
            // Deeper cuts at the holidays; multiples of 5%.
            const double raw = campaign.holiday ? uniform(rng, 0.2, 0.7) : uniform(rng, 0.1, 0.5);
            Promotion e;
            e.start = campaign.start;
            e.days = campaign.days;
            e.discount = std::round(raw * 20.0) / 20.0;
            e.price = priceAt(e.discount);
            e.campaign = c;
            plan.push_back(e);
        }

        // Ordinary discounts in the free days, clear of events and of each other.
        const int promoCount = poisson(rng, m_config.promosPerProductYear * years);
        static constexpr int kLengths[] = {5, 6, 7, 7, 7, 7, 8, 10};
        for (int i = 0; i < promoCount; ++i) {
            const int days = std::min(kLengths[uniformInt(rng, 0, 7)], m_config.days);
            const double discount = 0.05 * uniformInt(rng, 1, 4);
            for (int attempt = 0; attempt < 30; ++attempt) {
                const DayNumber start = first + uniformInt(rng, 0, m_config.days - days);
                const bool clear = std::none_of(plan.begin(), plan.end(), [&](const Promotion& o) {
                    return overlaps(o, start, days, o.isEvent() ? 2 : 3);
                });
                if (clear) {
                    plan.push_back({start, days, discount, priceAt(discount)});
                    break;
                }
            }
        }
        std::sort(plan.begin(), plan.end(),
                  [](const Promotion& a, const Promotion& b) { return a.start < b.start; });

        // Event shocks and stock allocations (needs the finished plan: the allocation looks at the
        // expected demand, which includes dips after earlier events).
        const double tightShare = std::min(0.9, kTightEventShare * m_config.stockoutIntensity);
        for (Promotion& e : plan) {
            if (!e.isEvent())
                continue;
            SplitMix64 eventRng(
                streamKey(m_config.seed, kTagEvent, static_cast<std::int64_t>(p), e.start));
            e.shock = gammaMeanOne(eventRng, truth.eventShockShape);
            const double discount = 1.0 - e.price / truth.listPrice;
            double expected = 0.0;
            for (int k = 0; k < e.days; ++k)
                expected += expectedDemand(static_cast<int>(p), e.start + k, discount, true, k);
            e.tightStock = uniform01(eventRng) < tightShare;
            if (e.tightStock) {
                e.eventStock =
                    static_cast<int>(std::floor(expected * uniform(eventRng, 0.35, 0.9)));
            } else {
                const double cover = uniform(eventRng, 2.2, 3.5);
                e.eventStock =
                    static_cast<int>(std::ceil(expected * cover)) + uniformInt(eventRng, 3, 20);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Truth

std::int64_t Market::rowCount() const
{
    const int periods = m_config.weekly ? m_config.days / 7 : m_config.days;
    return static_cast<std::int64_t>(m_config.products) * periods;
}

double Market::calendarFactor(int category, DayNumber day) const
{
    const CategoryTruth& c = m_categories[category];
    const double y = yearsSince2000(day);
    const double twoPi = 2.0 * std::numbers::pi;
    const double season =
        std::exp(c.seasonAmplitude1 * std::cos(twoPi * (y - c.seasonPeak1 / 365.2425)) +
                 c.seasonAmplitude2 * std::cos(2.0 * twoPi * (y - c.seasonPeak2 / 365.2425)));
    return c.weekday[weekdayOf(day)] * season * (1.0 + c.holidaySensitivity * holidayLift(day));
}

double Market::calendarAt(int category, DayNumber day) const
{
    const DayNumber i = day - m_config.firstDay;
    if (i >= 0 && i < m_config.days)
        return m_calendar[static_cast<std::size_t>(category) * m_config.days + i];
    return calendarFactor(category, day);
}

double Market::trendFactor(int p, DayNumber day) const
{
    return std::exp(m_products[p].trendPerYear * (day - m_middleDay) / 365.25);
}

double Market::baselineDemand(int p, DayNumber day) const
{
    const ProductTruth& t = m_products[p];
    return t.baseLevel * calendarAt(t.categoryIndex, day) * trendFactor(p, day);
}

double Market::discountMultiplier(int p, double discount) const
{
    const ProductTruth& t = m_products[p];
    const double d = std::clamp(discount, -1.0, 0.95);
    double m = std::pow(1.0 - d, -t.elasticity);
    if (d > 0.5) {
        const double x = std::min(1.0, (d - 0.5) / 0.2);
        m *= 1.0 + t.thresholdLift * x * x * (3.0 - 2.0 * x); // smoothstep: monotone
    }
    return m;
}

double Market::featuredLift(int p, int dayInEvent) const
{
    const ProductTruth& t = m_products[p];
    return 1.0 + t.featuredLift * std::pow(t.featuredDecay, std::max(0, dayInEvent));
}

double Market::postEventFactor(int p, DayNumber day) const
{
    const std::vector<Promotion>& plan = m_plans[p];
    // The last plan entry starting before `day`, then back to the nearest event.
    auto it = std::upper_bound(plan.begin(), plan.end(), day - 1,
                               [](DayNumber d, const Promotion& e) { return d < e.start; });
    while (it != plan.begin()) {
        const Promotion& e = *--it;
        const int since = day - (e.start + e.days - 1); // 1 = the day after the event
        if (since > kDipDays)
            return 1.0;
        if (!e.isEvent())
            continue;
        if (since < 1)
            return 1.0;
        const double depth = m_products[p].dipDepth * std::min(1.0, e.discount / 0.5);
        return 1.0 - depth * std::pow(kDipDecay, since - 1);
    }
    return 1.0;
}

double Market::expectedDemand(int p, DayNumber day, double discount, bool featured,
                              int dayInEvent) const
{
    double mu = baselineDemand(p, day) * discountMultiplier(p, discount) * postEventFactor(p, day);
    if (featured)
        mu *= featuredLift(p, dayInEvent);
    return mu;
}

double Market::expectedWindowDemand(int p, DayNumber start, int days, double discount) const
{
    double total = 0.0;
    for (int k = 0; k < days; ++k)
        total += expectedDemand(p, start + k, discount, true, k);
    return total;
}

double Market::windowDemandVariance(int p, DayNumber start, int days, double discount) const
{
    // D_k = Poisson(mu_k G X_k): Var D_k = mu_k + mu_k^2 ((1 + 1/s)(1 + 1/r) - 1),
    // Cov(D_j, D_k) = mu_j mu_k / s for j != k (the shared shock G).
    const ProductTruth& t = m_products[p];
    const double s = 1.0 / t.eventShockShape;
    const double r = 1.0 / t.dispersion;
    double sum = 0.0;
    double sumSquares = 0.0;
    for (int k = 0; k < days; ++k) {
        const double mu = expectedDemand(p, start + k, discount, true, k);
        sum += mu;
        sumSquares += mu * mu;
    }
    return sum + sumSquares * ((1.0 + s) * (1.0 + r) - 1.0) + (sum * sum - sumSquares) * s;
}

double Market::expectedWindowSales(int p, DayNumber start, int days, double discount, double stock,
                                   int draws) const
{
    if (draws < 1 || days < 1)
        return 0.0;
    const ProductTruth& t = m_products[p];
    std::vector<double> mu(days);
    for (int k = 0; k < days; ++k)
        mu[k] = expectedDemand(p, start + k, discount, true, k);
    SplitMix64 rng(streamKey(m_config.seed, kTagOracle, p, start));
    double total = 0.0;
    for (int i = 0; i < draws; ++i) {
        const double shock = gammaMeanOne(rng, t.eventShockShape);
        double demand = 0.0;
        for (int k = 0; k < days; ++k)
            demand += poisson(rng, mu[k] * shock * gammaMeanOne(rng, t.dispersion));
        total += std::min(demand, stock);
    }
    return total / draws;
}

// ---------------------------------------------------------------------------------------------
// Rows

Market::ProductState Market::initialState(int p) const
{
    SplitMix64 rng(streamKey(m_config.seed, kTagInitialStock, p));
    const StockPolicy policy =
        stockPolicy(m_products[p], trendFactor(p, m_config.firstDay), m_config.stockoutIntensity);
    ProductState state;
    state.onHand = static_cast<int>(std::ceil(policy.orderUpTo * uniform(rng, 0.4, 1.0)));
    return state;
}

void Market::generateDay(int p, ProductState& state, DayNumber day, SalesRow& row) const
{
    const ProductTruth& t = m_products[p];
    const std::vector<Promotion>& plan = m_plans[p];
    while (state.next < plan.size() && plan[state.next].start + plan[state.next].days <= day)
        ++state.next;
    const Promotion* promo =
        state.next < plan.size() && plan[state.next].start <= day ? &plan[state.next] : nullptr;

    row = SalesRow{};
    row.day = day;
    row.product = p;
    row.listPrice = t.listPrice;
    row.unitCost = t.unitCost;
    row.price = promo ? promo->price : t.listPrice;
    row.discount = 1.0 - row.price / row.listPrice;
    const bool event = promo && promo->isEvent();
    if (event) {
        row.featured = true;
        row.dayInEvent = day - promo->start;
        row.eventShock = promo->shock;
        row.event = m_campaigns[promo->campaign].id;
    }
    row.expectedDemand =
        expectedDemand(p, day, row.discount, row.featured, std::max(0, row.dayInEvent));

    SplitMix64 rng(streamKey(m_config.seed, kTagDay, p, day));
    row.demand =
        poisson(rng, row.expectedDemand * row.eventShock * gammaMeanOne(rng, t.dispersion));

    // Stock: events sell from their own allocation; other days from regular inventory.
    if (state.pendingQty > 0 && day >= state.pendingArrival) {
        state.onHand += state.pendingQty;
        state.pendingQty = 0;
    }
    if (event && row.dayInEvent == 0)
        state.eventLeft = promo->eventStock;
    row.stock = event ? state.eventLeft : state.onHand;
    const double intensity = m_config.stockoutIntensity;
    if (intensity <= 0.0 && row.demand >= row.stock)
        row.stock = row.demand + row.demand / 4 + 1; // "never constrained": emergency top-up
    row.units = std::min(row.demand, row.stock);
    row.soldOut = row.units == row.stock;
    if (event) {
        state.eventLeft = row.stock - row.units;
        if (day == promo->start + promo->days - 1) {
            // Leftovers refill regular inventory up to its usual level; the rest goes back.
            const int upTo = stockPolicy(t, trendFactor(p, day), intensity).orderUpTo;
            state.onHand = std::max(state.onHand, std::min(state.onHand + state.eventLeft, upTo));
            state.eventLeft = 0;
        }
    } else {
        state.onHand = row.stock - row.units;
        if (state.pendingQty == 0) {
            const StockPolicy policy = stockPolicy(t, trendFactor(p, day), intensity);
            if (state.onHand <= policy.reorderPoint) {
                state.pendingQty = std::max(1, policy.orderUpTo - state.onHand);
                int lead = uniformInt(rng, 2, 7);
                if (uniform01(rng) < kDisruptionShare * intensity)
                    lead += uniformInt(rng, 5, 20);
                state.pendingArrival = day + lead;
            }
        }
    }

    // Page views follow demand (also the demand that found no stock) through the conversion rate.
    const double interest = 0.7 * row.demand + 0.3 * row.expectedDemand * row.eventShock + 0.5;
    row.views = poisson(rng, interest / t.conversion);
}

void Market::generateWeek(int p, ProductState& state, DayNumber weekStart, SalesRow& row) const
{
    SalesRow day;
    double revenue = 0.0;
    double priceSum = 0.0;
    SalesRow week;
    week.day = weekStart;
    week.product = p;
    for (int k = 0; k < 7; ++k) {
        generateDay(p, state, weekStart + k, day);
        week.units += day.units;
        week.demand += day.demand;
        week.views += day.views;
        week.expectedDemand += day.expectedDemand;
        week.soldOut = week.soldOut || day.soldOut;
        week.featured = week.featured || day.featured;
        if (week.event.empty())
            week.event = day.event;
        revenue += day.units * day.price;
        priceSum += day.price;
    }
    week.listPrice = day.listPrice;
    week.unitCost = day.unitCost;
    week.price = roundCents(week.units > 0 ? revenue / week.units : priceSum / 7.0);
    week.discount = 1.0 - week.price / week.listPrice;
    week.stock = week.soldOut ? week.units : week.units + (day.stock - day.units);
    row = week;
}

void Market::forEachRow(const std::function<bool(const SalesRow&)>& fn) const
{
    const bool weekly = m_config.weekly;
    const int step = weekly ? 7 : 1;
    const int periods = weekly ? m_config.days / 7 : m_config.days;
    SalesRow row;
    auto produce = [&](int p, ProductState& state, int period) {
        const DayNumber day = m_config.firstDay + period * step;
        if (weekly)
            generateWeek(p, state, day, row);
        else
            generateDay(p, state, day, row);
        return fn(row);
    };
    // Each product's days are produced in date order in both orders, so its running state
    // (inventory) and its rows come out the same.
    if (m_config.order == MarketConfig::Order::BySku) {
        for (int p = 0; p < m_config.products; ++p) {
            ProductState state = initialState(p);
            for (int i = 0; i < periods; ++i)
                if (!produce(p, state, i))
                    return;
        }
        return;
    }
    std::vector<ProductState> states;
    states.reserve(m_config.products);
    for (int p = 0; p < m_config.products; ++p)
        states.push_back(initialState(p));
    for (int i = 0; i < periods; ++i)
        for (int p = 0; p < m_config.products; ++p)
            if (!produce(p, states[p], i))
                return;
}

} // namespace fp::synth
