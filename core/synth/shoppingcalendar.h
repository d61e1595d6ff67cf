#pragma once

#include "synth/market.h"

#include <span>
#include <vector>

namespace fp::synth {

// The synthetic market's calendar of sitewide flash-sale campaigns and which ones a product joins.
// (holidayLift(), the shopping holidays' lift on demand, is declared in market.h.)

// The shopping-holiday campaigns (11.11, Black Friday, Cyber Monday, 12.12, Christmas, New Year,
// 6.18, 3.8) and ordinary flash sales every 5-12 days, those inside the history, sorted by start.
std::vector<Campaign> makeCampaigns(const MarketConfig& config);

// The campaigns a product joins, greedily in time order: campaign c with probability
// factor * weight * propensity (draws[c] is its uniform draw), unless the product's previous event
// ended less than 10 days before. draws has one entry per campaign.
std::vector<int> joinCampaigns(const std::vector<Campaign>& campaigns, double factor,
                               double propensity, std::span<const double> draws);

// The participation factor that gives config.eventsPerProductYear events per product on average.
double participationFactor(const MarketConfig& config, const std::vector<Campaign>& campaigns);

} // namespace fp::synth
