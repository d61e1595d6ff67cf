#pragma once

#include "base/civildate.h"

#include <cstdint>
#include <vector>

namespace fp::data {

class Panel;

// One product-period as the demand models see it: what was observed and the state of the
// product's promotions. History cells come from the panel; forecast cells from a scenario.
struct DemandCell
{
    std::int32_t product = 0;
    std::int32_t period = 0; // panel period; forecasts continue past the last one
    float units = 0.0f;      // observed units (0 for forecasts)
    float stock = 0.0f;      // NaN: unknown or unlimited
    float discount = 0.0f;   // 0..0.95 off the regular price
    // The log price cut from the product's reference price (its latest regular price):
    // -log(price / reference). Negative when dearer: a regular price raised since, or a price
    // above the regular one. Lets a model see the price level as well as the promotion's depth.
    float priceCut = 0.0f;
    float lastEventDepth = 0.0f; // deepest discount of the last event (see sinceEvent)
    std::int8_t eventDay = -1;   // 0-based period within a flash-sale event; -1 when not featured
    // Periods since the product's last event ended (1 = the period right after); 0 = none within
    // kDipPeriods. Buyers who stocked up in the event buy less for a while.
    std::uint8_t sinceEvent = 0;
    bool censored = false; // sold out: demand >= units
};
// The one-byte fields together after the 4-byte ones: 32 bytes, not 36 (training holds millions).
static_assert(sizeof(DemandCell) == 32);

// -log(price / reference), kept within what a price cut can mean (x2.7 dearer to 95% off).
float logPriceCut(double price, double reference);

// Moves a cell to another discount off the same regular price, keeping its price cut (and so the
// regular price's level) consistent: what-if evaluation changes only this.
void setDiscount(DemandCell& cell, double discount);

// How long after an event its dip is modelled: two weeks of days, or two weeks.
int dipPeriods(int periodDays);

// A planned period of a product for forecasting: the price (as a discount), whether it is
// featured in a flash-sale event, and the stock if known (NaN otherwise).
struct ScenarioPeriod
{
    int product = 0;
    DayNumber day = 0;
    float discount = 0.0f; // off `listPrice`
    bool featured = false;
    float stock = 0.0f;
    float listPrice = 0.0f; // the regular price in that period; <= 0 or NaN: the product's latest
    // Which event a featured period belongs to; -1: featured periods in a row are one event.
    std::int32_t eventId = -1;
};

// Every present cell of periods [fromPeriod, toPeriod), product by product, period by period.
// Event state (day within event, time since the last one) is tracked from each product's start.
std::vector<DemandCell> historyCells(const Panel& panel, int fromPeriod, int toPeriod);

// Cells for planned periods after (or inside) the history, continuing each product's event state
// from its history. `periods` must be sorted by (product, day).
std::vector<DemandCell> scenarioCells(const Panel& panel,
                                      const std::vector<ScenarioPeriod>& periods);

} // namespace fp::data
