#pragma once

#include "synth/scannermarket.h"

#include <vector>

namespace fp::synth {

// The scanner family's products and their plans (scannermarket.h). Each product's truth, list
// prices and promotions come from its own streams, so they do not depend on how many products
// there are.

std::vector<ScannerProduct> makeScannerProducts(const ScannerConfig& config);
// The product's regular price from its entry week on: its first list price, then a few changes
// (mostly increases; dense products more and larger ones) at weeks inside the history.
std::vector<ListPriceChange> makeListPrices(const ScannerConfig& config,
                                            const ScannerProduct& product, int p);
// Promotions of 1-4 weeks inside the product's selling weeks, a week apart at least; depths in 5%
// steps from 10% to the config's cap, mostly 10-40% (dense products: evenly over the whole range).
std::vector<ScannerPromotion> makePromotions(const ScannerConfig& config,
                                             const ScannerProduct& product, int p);

} // namespace fp::synth
