#pragma once

#include "review/backtest.h"

#include <string>

namespace fp::store {
class Store;
}

namespace fp::review {

// The project's active model backtested on the `events` latest events of its history, their names
// filled in, and stored in the project (replacing the previous backtest, in one transaction;
// a history without an event to backtest leaves it).
// Throws FlashPlanError without sales or a model, Cancelled (the project unchanged).
BacktestResult backtestProject(store::Store& store, int events, int threads,
                               const ProgressFn& progress = {});

// The latest backtest stored in the project, or an empty result (no events) when none was run.
// Its rows' `product` is the project's product id (the panel's index is not kept).
BacktestResult loadBacktest(store::Store& store);

// One row per event day and product: event,date,sku,price,forecast,lower,upper,actual,stock,
// sold_out (docs/review.md). Written to a temporary name and renamed.
void writeBacktestCsv(const BacktestResult& result, const std::string& path);

} // namespace fp::review
