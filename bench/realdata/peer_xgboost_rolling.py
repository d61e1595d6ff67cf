#!/usr/bin/python3
"""The XGBoost peer of the rolling-origin benchmark (bench/realdata/rolling_origin.sh), for weekly
(and daily) data at any horizon: pandas + XGBoost as a competent data scientist would forecast
`horizon` periods ahead at known prices.

    peer_xgboost_rolling.py --history history.csv --test test_prices.csv --period-days 7
                            --horizon 12 --out peer.csv [--threads 2] [--seed 11]

history.csv: sales rows before the origin (date, sku, units, price; optional list_price, event).
test_prices.csv: date, sku, price[, list_price], event of the rows to forecast. Writes
date,sku,forecast (expected units; no interval).

Design (bench/peer_xgboost.py is the daily peer of bench/model_bench.sh; this one differs where
weekly scanner data and a free horizon need it):
- A products x periods grid from the first history period to the last test period. Periods absent
  from the file are unknown, not 0 (a scanner file's missing week is not a week without sales):
  they are neither fitted nor averaged into lags.
- Features: product (integer code); log price; log(price / the product's median history price);
  log(price / list_price) when the file has list_price; event flag; season as Fourier terms of the
  week (day) of the year, 2 harmonics, plus the weekday for daily data; lags that exist at the
  forecast horizon H for every test period: units H and H+1 periods ago, mean units over 4/13/52
  weeks (7/28/91/364 days) ending H periods ago, mean units of non-event periods over the 13 weeks
  (91 days) ending H periods ago.
- Objective count:poisson, hist trees, eta 0.05, depth 4, min_child_weight 5, subsample and
  colsample 0.8. Each product's mean history units is the offset (base_margin, log scale), so the
  trees model ratios to a product's level (levels differ 100-fold between products).
- Early stopping (50 rounds, at most 2000 trees) on the last H history periods with rows, the
  rest fitted; then refitted on the whole history with the best number of trees.
These settings were fixed before any test block was scored and are not tuned on them.
"""

import argparse
import os
import sys
import time

# Idle OpenMP threads must not spin on a shared machine (20x slower under load); set before
# XGBoost loads the OpenMP runtime. Results do not depend on it.
os.environ.setdefault("OMP_WAIT_POLICY", "passive")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import xgboost as xgb  # noqa: E402

from salesfile import is_event, read_sales, write_forecast  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from peer_xgboost import shifted, window_mean  # noqa: E402  (the daily peer's grid helpers)


def log(msg):
    print(f"peer_xgboost: {msg}", file=sys.stderr, flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--history", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--period-days", type=int, choices=[1, 7], required=True)
    ap.add_argument("--horizon", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    t0 = time.perf_counter()
    H, period = args.horizon, args.period_days

    hist = read_sales(args.history)
    test = read_sales(args.test, required=("date", "sku", "price"))
    first = hist["day"].min()
    skus = pd.Index(sorted(set(hist["sku"]) | set(test["sku"])))
    hp, tp = skus.get_indexer(hist["sku"]), skus.get_indexer(test["sku"])
    ht = ((hist["day"] - first).dt.days // period).to_numpy()
    tt = ((test["day"] - first).dt.days // period).to_numpy()
    P, T = len(skus), int(max(ht.max(), tt.max())) + 1

    units = np.full((P, T), np.nan, dtype=np.float32)
    units[hp, ht] = hist["units"].to_numpy(np.float32)
    valid = ~np.isnan(units)
    logp = np.full((P, T), np.nan, dtype=np.float32)
    logp[hp, ht] = np.log(hist["price"].to_numpy(float))
    logp[tp, tt] = np.log(test["price"].to_numpy(float))
    event = np.zeros((P, T), dtype=bool)
    event[hp, ht] = is_event(hist)
    event[tp, tt] = is_event(test)
    median_logp = np.full(P, np.nan)
    med = hist.groupby("sku")["price"].median()
    median_logp[skus.get_indexer(med.index)] = np.log(med.to_numpy(float))
    median_logp = np.where(np.isnan(median_logp), np.nanmedian(median_logp), median_logp)
    has_list = "list_price" in hist and "list_price" in test
    if has_list:
        lp = np.full((P, T), np.nan, dtype=np.float32)
        lp[hp, ht] = np.log(hist["price"] / hist["list_price"]).to_numpy(float)
        lp[tp, tt] = np.log(test["price"] / test["list_price"]).to_numpy(float)
    level = hist.groupby("sku")["units"].mean()
    offset = np.full(P, np.nan)
    offset[skus.get_indexer(level.index)] = np.log(np.maximum(level.to_numpy(float), 1e-3))
    offset = np.where(np.isnan(offset), np.nanmean(offset), offset)  # products new in the test

    windows = [4, 13, 52] if period == 7 else [7, 28, 91, 364]
    mid = windows[1] if period == 7 else windows[2]
    grids = {f"lag{H}": shifted(units, H), f"lag{H + 1}": shifted(units, H + 1)}
    for w in windows:
        grids[f"mean{w}_l{H}"] = window_mean(units, valid, H, w)
    grids[f"regular{mid}_l{H}"] = window_mean(units, valid & ~event, H, mid)
    dates = first + pd.to_timedelta(np.arange(T) * period, unit="D")
    doy = (dates.dayofyear.to_numpy() - 1) / 365.25
    cal = {"sin1": np.sin(2 * np.pi * doy), "cos1": np.cos(2 * np.pi * doy),
           "sin2": np.sin(4 * np.pi * doy), "cos2": np.cos(4 * np.pi * doy)}
    if period == 1:
        cal["weekday"] = dates.dayofweek.to_numpy()

    def matrix(p, t):
        cols = {"product": p, "log_price": logp[p, t],
                "log_price_rel_median": logp[p, t] - median_logp[p], "event": event[p, t]}
        if has_list:
            cols["log_price_rel_list"] = lp[p, t]
        cols.update({k: g[p, t] for k, g in grids.items()})
        cols.update({k: c[t] for k, c in cal.items()})
        return np.column_stack(list(cols.values())).astype(np.float32), list(cols)

    hist_periods = np.unique(ht)
    val_from = hist_periods[max(len(hist_periods) - H, 0)]
    pp, ttt = np.nonzero(valid)
    X, names = matrix(pp, ttt)
    y = units[pp, ttt]
    fit = ttt < val_from
    params = {"objective": "count:poisson", "eval_metric": "poisson-nloglik",
              "tree_method": "hist", "nthread": args.threads, "seed": args.seed, "eta": 0.05,
              "max_depth": 4, "min_child_weight": 5, "subsample": 0.8, "colsample_bytree": 0.8,
              "lambda": 1.0}

    def dmatrix(rows):
        d = xgb.DMatrix(X[rows], y[rows], feature_names=names, nthread=args.threads)
        d.set_base_margin(offset[pp[rows]])
        return d

    trees = 2000
    if fit.any() and (~fit).any():
        booster = xgb.train(params, dmatrix(fit), num_boost_round=2000,
                            evals=[(dmatrix(~fit), "valid")], early_stopping_rounds=50,
                            verbose_eval=False)
        trees = booster.best_iteration + 1
        log(f"early stopping: {trees} trees on {int(fit.sum())} rows, "
            f"validated on {int((~fit).sum())}")
    else:
        trees = 300
        log("history too short to validate: 300 trees")
    booster = xgb.train(params, dmatrix(np.ones(len(y), bool)), num_boost_round=trees,
                        verbose_eval=False)
    Xt, _ = matrix(tp, tt)
    dt = xgb.DMatrix(Xt, feature_names=names, nthread=args.threads)
    dt.set_base_margin(offset[tp])
    write_forecast(args.out, test, booster.predict(dt))
    log(f"{len(y)} history rows x {len(names)} features, {P} products, "
        f"{len(test)} test rows, {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
