#include "synth/catalogue.h"

#include "synth/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace fp::synth {

namespace {

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

static_assert(kCategorySpecs.size() == kCatalogueCategories &&
              kNouns.size() == kCatalogueCategories);

} // namespace

std::vector<CategoryTruth> makeCategories(int count)
{
    std::vector<CategoryTruth> categories;
    for (int c = 0; c < count; ++c) {
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
        categories.push_back(std::move(truth));
    }
    return categories;
}

std::vector<ProductTruth> makeProducts(const MarketConfig& config,
                                       const std::vector<CategoryTruth>& categories)
{
    const int categoryCount = static_cast<int>(categories.size());
    const int perCategory = (config.products + categoryCount - 1) / categoryCount;
    const int skuDigits = std::max(4, static_cast<int>(std::to_string(perCategory).size()));
    std::vector<ProductTruth> products;
    products.reserve(static_cast<std::size_t>(config.products));
    for (int p = 0; p < config.products; ++p) {
        // One mt19937_64 per product: a product's truth does not depend on how many there are.
        std::mt19937_64 rng(streamKey(config.seed, kTagProduct, p));
        const int c = p % categoryCount;
        const CategorySpec& spec = kCategorySpecs[c];
        const CategoryTruth& category = categories[static_cast<std::size_t>(c)];
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
        // tens/day). How unlike one another products are scales every product's own deviation.
        const double spread = config.productSpread;
        t.baseLevel = std::clamp(spec.levelMedian * std::exp(1.1 * spread * normal(rng)) *
                                     std::pow(t.listPrice / spec.priceMedian, -0.4),
                                 0.02, 80.0);
        t.elasticity = std::clamp(category.elasticityMean + 0.35 * spread * normal(rng), 1.0, 4.0);
        t.thresholdLift = uniform(rng, 0.0, 0.3);
        t.dispersion = category.dispersion;
        t.eventShockShape = category.eventShockShape;
        t.featuredLift = 0.8 * std::exp(0.35 * spread * normal(rng));
        t.featuredDecay = uniform(rng, 0.35, 0.65);
        t.dipDepth = uniform(rng, 0.1, 0.35);
        t.trendPerYear = std::clamp(0.12 * spread * normal(rng), -0.35, 0.35);
        t.conversion = std::clamp(0.04 * std::exp(0.4 * normal(rng)), 0.01, 0.15);
        t.eventPropensity = std::exp(0.4 * normal(rng) - 0.08); // lognormal with mean 1
        t.stockCoverDays = uniform(rng, 20.0, 45.0);
        products.push_back(std::move(t));
    }
    return products;
}

} // namespace fp::synth
