#!/usr/bin/python3
"""The Python peer of the model benchmark (bench/model_bench.sh): pandas + XGBoost, as a competent
data scientist would forecast daily demand at known prices 28 days ahead.

    peer_xgboost.py --train train.csv --test test_prices.csv --out peer.csv [--threads 2]
                    [--trees 600] [--depth 6] [--eta 0.08] [--refit]

train.csv: the sales-history format (date, sku, units, price; optional list_price, category,
event; other columns ignored). test_prices.csv: date, sku, price, list_price, event for the days
to forecast (no units, no stock). Writes date,sku,forecast (expected units).

Design
- Objective count:poisson (daily units are counts with many zeros), hist trees, 2 threads.
- Early stopping on the last 28 days of train (validation), the rest of train is fitted. The
  early-stopped model forecasts the test days; its lag features come from all of train, so the
  latest history still drives the forecast. --refit then refits on all of train with the best
  number of trees (about twice the time).
- Features, all computed on a products x days grid (train days then test days):
  product (integer code), category (integer code), log list price; day of week, month, day of
  year as Fourier terms (2 harmonics), trend (day index); shopping holidays (11.11, Black Friday,
  Cyber Monday, 12.12, Christmas, New Year, 6.18) as the signed distance in days to each, clipped
  to +-7; discount depth 1 - price/list_price, log price ratio, ordinary-discount flag; flash-sale
  event flag, day within the event, days since the product's last event day and that event's
  discount (the post-event dip); lag features that exist at forecast time for a 28-day horizon:
  units 28 and 35 days ago, mean units over the 7/28/91 days ending 28 days ago, mean units on
  regular-price days (no discount, no event) over the 91 and 364 days ending 28 days ago,
  same-weekday mean of the 4 weeks ending 28 days ago, and last year's mean over the 4 weeks
  around the same date (days t-378..t-350).
- Missing days inside a product's range count as 0 units (data-format.md). Sold-out days are
  kept as they are (a plain count model has no censored likelihood).
Prints timings (read, features, fit, predict) and the number of trees to stderr.
"""

import argparse
import sys
import time
import warnings

import numpy as np
import pandas as pd
import xgboost as xgb

HORIZON = 28


def log(msg):
    print(f"peer: {msg}", file=sys.stderr, flush=True)


def read_csv(path, need_units):
    """The columns the peer uses; text columns as pandas categoricals (compact, fast)."""
    head = pd.read_csv(path, nrows=0)
    cols = {c.strip().lower(): c for c in head.columns}
    want = ["date", "sku", "price", "list_price", "event", "category"]
    if need_units:
        want.append("units")
    use = [cols[c] for c in want if c in cols]
    dtypes = {cols[c]: t for c, t in [("date", "category"), ("sku", "category"),
                                       ("event", "category"), ("category", "category"),
                                       ("price", "float64"), ("list_price", "float64"),
                                       ("units", "float32")] if c in cols}
    df = pd.read_csv(path, usecols=use, dtype=dtypes, keep_default_na=False,
                     na_values={cols[c]: [""] for c in ["price", "list_price", "units"] if c in cols})
    df.columns = [c.strip().lower() for c in df.columns]
    for c in ["event", "category"]:
        if c not in df:
            df[c] = pd.Categorical([""] * len(df))
    if "list_price" not in df:
        df["list_price"] = np.nan
    return df


def positions(index, column):
    """Position in `index` of each value of a categorical column (-1 when absent)."""
    return index.get_indexer(column.cat.categories)[column.cat.codes.to_numpy()]


def day_numbers(column, first):
    """Days since `first` of each value of a categorical date column."""
    dates = pd.to_datetime(column.cat.categories, format="%Y-%m-%d")
    return (dates - first).days.to_numpy()[column.cat.codes.to_numpy()]


def holiday_days(years):
    """Day numbers (pandas Timestamps) of each shopping holiday in the given years."""
    out = {"h1111": [], "hbf": [], "hcm": [], "h1212": [], "hxmas": [], "hny": [], "h618": []}
    for y in years:
        nov1 = pd.Timestamp(y, 11, 1)
        thanksgiving = nov1 + pd.Timedelta(days=(3 - nov1.weekday()) % 7 + 21)
        out["h1111"].append(pd.Timestamp(y, 11, 11))
        out["hbf"].append(thanksgiving + pd.Timedelta(days=1))
        out["hcm"].append(thanksgiving + pd.Timedelta(days=4))
        out["h1212"].append(pd.Timestamp(y, 12, 12))
        out["hxmas"].append(pd.Timestamp(y, 12, 25))
        out["hny"].append(pd.Timestamp(y, 1, 1))
        out["h618"].append(pd.Timestamp(y, 6, 18))
    return out


def window_mean(values, valid, end_lag, width):
    """Per cell (p, t): mean of values[p, t-end_lag-width+1 .. t-end_lag] over valid cells."""
    P, D = values.shape
    v = np.where(valid, values, 0.0)
    cs = np.zeros((P, D + 1))
    cn = np.zeros((P, D + 1))
    np.cumsum(v, axis=1, out=cs[:, 1:])
    np.cumsum(valid, axis=1, out=cn[:, 1:])
    t = np.arange(D)
    hi = np.clip(t - end_lag + 1, 0, D)          # exclusive end index into cs
    lo = np.clip(t - end_lag - width + 1, 0, D)
    s = cs[:, hi] - cs[:, lo]
    n = cn[:, hi] - cn[:, lo]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(n > 0, s / n, np.nan)
    return out.astype(np.float32)


def shifted(grid, lag):
    out = np.full(grid.shape, np.nan, dtype=np.float32)
    out[:, lag:] = grid[:, :-lag]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--trees", type=int, default=600)
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--eta", type=float, default=0.08)
    ap.add_argument("--refit", action="store_true",
                    help="refit on all of train with the early-stopped number of trees")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()

    t0 = time.perf_counter()
    train = read_csv(args.train, need_units=True)
    test = read_csv(args.test, need_units=False)
    t_read = time.perf_counter() - t0

    # --- the products x days grid -------------------------------------------------------------
    t1 = time.perf_counter()
    tr_dates = pd.to_datetime(train["date"].cat.categories, format="%Y-%m-%d")
    te_dates = pd.to_datetime(test["date"].cat.categories, format="%Y-%m-%d")
    first = tr_dates.min()
    last_train = tr_dates.max()
    last = max(last_train, te_dates.max())
    D = (last - first).days + 1
    n_train_days = (last_train - first).days + 1
    skus = pd.Index(train["sku"].cat.categories).union(pd.Index(test["sku"].cat.categories))
    P = len(skus)
    tr_p = positions(skus, train["sku"])
    tr_t = day_numbers(train["date"], first)
    te_p = positions(skus, test["sku"])
    te_t = day_numbers(test["date"], first)

    # Regular price per product: the list price when given, else its most common high price.
    price_tr = train["price"].to_numpy()
    if train["list_price"].notna().any():
        lp_train = train["list_price"].fillna(train["price"]).to_numpy()
    else:
        lp_train = pd.Series(price_tr).groupby(tr_p).transform(lambda v: v.quantile(0.9)).to_numpy()
    list_of_sku = pd.Series(lp_train).groupby(tr_p).median()
    list_price = np.full(P, np.nan)
    list_price[list_of_sku.index.to_numpy()] = list_of_sku.to_numpy()
    lp_test = test["list_price"].to_numpy(dtype=float)
    lp_test = np.where(np.isnan(lp_test), list_price[te_p], lp_test)
    lp_test = np.where(np.isnan(lp_test), test["price"].to_numpy(), lp_test)

    cats = pd.Series(train["category"].cat.codes.to_numpy()).groupby(tr_p).first()
    cat_codes = np.full(P, -1, dtype=np.float32)
    cat_codes[cats.index.to_numpy()] = cats.to_numpy()

    units = np.full((P, D), np.nan, dtype=np.float32)
    present = np.zeros((P, D), dtype=bool)   # a row exists (train or test)
    ratio = np.ones((P, D), dtype=np.float32)  # price / list price
    event_id = np.full((P, D), -1, dtype=np.int32)
    events = pd.Index(train["event"].cat.categories).union(pd.Index(test["event"].cat.categories))
    events = events[events.str.strip() != ""]

    units[tr_p, tr_t] = train["units"].to_numpy(dtype=np.float32)
    present[tr_p, tr_t] = True
    present[te_p, te_t] = True
    ratio[tr_p, tr_t] = price_tr / lp_train
    ratio[te_p, te_t] = test["price"].to_numpy() / lp_test
    event_id[tr_p, tr_t] = positions(events, train["event"])
    event_id[te_p, te_t] = positions(events, test["event"])
    del train, price_tr, lp_train
    event = event_id >= 0
    # Missing days inside a product's train range are 0 units.
    first_day = np.where(present[:, :n_train_days].any(axis=1),
                         present[:, :n_train_days].argmax(axis=1), n_train_days)
    in_range = (np.arange(D)[None, :] >= first_day[:, None]) & (np.arange(D)[None, :] < n_train_days)
    units = np.where(in_range & np.isnan(units), 0.0, units).astype(np.float32)
    valid = ~np.isnan(units)
    disc = (1.0 - ratio).astype(np.float32)

    # Event day index and the post-event state, one pass over the days.
    day_in_event = np.full((P, D), np.nan, dtype=np.float32)
    since_event = np.full((P, D), np.nan, dtype=np.float32)
    last_event_disc = np.full((P, D), np.nan, dtype=np.float32)
    run = np.full(P, -1.0)
    last_day = np.full(P, np.nan)
    last_disc = np.full(P, np.nan)
    for t in range(D):
        ev = event[:, t]
        same = ev & (event_id[:, t] == event_id[:, t - 1]) if t > 0 else np.zeros(P, bool)
        run = np.where(ev, np.where(same, run + 1, 0), -1)
        day_in_event[:, t] = np.where(ev, run, np.nan)
        since_event[:, t] = np.minimum(t - last_day, 60)
        last_event_disc[:, t] = last_disc
        last_day = np.where(ev, t, last_day)
        last_disc = np.where(ev, disc[:, t], last_disc)
    since_event = np.where(np.isnan(since_event), 61, since_event).astype(np.float32)

    regular = valid & (disc < 0.01) & ~event
    feats = {
        "lag28": shifted(units, 28),
        "lag35": shifted(units, 35),
        "mean7_l28": window_mean(units, valid, 28, 7),
        "mean28_l28": window_mean(units, valid, 28, 28),
        "mean91_l28": window_mean(units, valid, 28, 91),
        "reg91_l28": window_mean(units, regular, 28, 91),
        "reg364_l28": window_mean(units, regular, 28, 364),
        "lastyear28": window_mean(units, valid, 350, 29),
    }
    wk = [shifted(units, lag) for lag in (28, 35, 42, 49)]
    with warnings.catch_warnings():  # all four weeks missing at the start: NaN, as meant
        warnings.simplefilter("ignore", RuntimeWarning)
        feats["sameweekday4_l28"] = np.nanmean(np.stack(wk), axis=0).astype(np.float32)
    del wk

    # Calendar, per day.
    dates = pd.date_range(first, periods=D, freq="D")
    doy = dates.dayofyear.to_numpy() / 365.25
    cal = {
        "dow": dates.dayofweek.to_numpy(),
        "month": dates.month.to_numpy(),
        "trend": np.arange(D),
        "sin1": np.sin(2 * np.pi * doy), "cos1": np.cos(2 * np.pi * doy),
        "sin2": np.sin(4 * np.pi * doy), "cos2": np.cos(4 * np.pi * doy),
    }
    day_num = (dates - first).days.to_numpy()
    for name, days in holiday_days(range(first.year - 1, last.year + 2)).items():
        offs = np.array([(d - first).days for d in days])
        diff = day_num[:, None] - offs[None, :]
        nearest = diff[np.arange(D), np.abs(diff).argmin(axis=1)]
        cal[name] = np.where(np.abs(nearest) <= 7, nearest, 8)

    def matrix(p, t):
        cols = [lambda: p, lambda: cat_codes[p], lambda: np.log(list_price[p]),
                lambda: disc[p, t], lambda: np.log(ratio[p, t]),
                lambda: (disc[p, t] >= 0.01) & ~event[p, t], lambda: event[p, t],
                lambda: day_in_event[p, t], lambda: since_event[p, t],
                lambda: last_event_disc[p, t]]
        cols += [lambda g=g: g[p, t] for g in feats.values()]
        cols += [lambda c=c: c[t] for c in cal.values()]
        X = np.empty((len(p), len(cols)), dtype=np.float32)
        for j, col in enumerate(cols):  # one column at a time: no second copy of the matrix
            X[:, j] = col()
        return X

    names = (["product", "category", "log_list_price", "discount", "log_price_ratio", "promo",
              "event", "day_in_event", "days_since_event", "last_event_discount"]
             + list(feats) + list(cal))

    # Train rows: every valid train cell once the 28-day lags exist; the last 28 days validate.
    pp, tt = np.nonzero(valid[:, :n_train_days])
    keep = tt >= HORIZON
    pp, tt = pp[keep], tt[keep]
    fit = tt < n_train_days - HORIZON
    X_fit, y_fit = matrix(pp[fit], tt[fit]), units[pp[fit], tt[fit]]
    X_val, y_val = matrix(pp[~fit], tt[~fit]), units[pp[~fit], tt[~fit]]
    X_test = matrix(te_p, te_t)
    t_feat = time.perf_counter() - t1

    # --- XGBoost -------------------------------------------------------------------------------
    t2 = time.perf_counter()
    params = {
        "objective": "count:poisson", "eval_metric": "poisson-nloglik",
        "tree_method": "hist", "nthread": args.threads, "seed": args.seed,
        "eta": args.eta, "max_depth": args.depth, "min_child_weight": 5,
        "subsample": 0.8, "colsample_bytree": 0.8, "lambda": 1.0, "max_bin": 256,
    }
    dfit = xgb.QuantileDMatrix(X_fit, y_fit, feature_names=names, nthread=args.threads)
    dval = xgb.QuantileDMatrix(X_val, y_val, feature_names=names, ref=dfit, nthread=args.threads)
    if not args.refit:
        del X_fit, X_val  # the quantized matrices hold what training needs
    booster = xgb.train(params, dfit, num_boost_round=args.trees, evals=[(dval, "valid")],
                        early_stopping_rounds=30, verbose_eval=False)
    best = booster.best_iteration + 1
    log(f"early stopping: {best} trees, valid poisson-nloglik {booster.best_score:.4f}")
    del dfit, dval
    if args.refit:
        dall = xgb.QuantileDMatrix(np.concatenate([X_fit, X_val]), np.concatenate([y_fit, y_val]),
                                   feature_names=names, nthread=args.threads)
        del X_fit, X_val
        booster = xgb.train(params, dall, num_boost_round=best, verbose_eval=False)
        del dall
    n_fit, n_val = len(y_fit), len(y_val)
    t_fit = time.perf_counter() - t2

    t3 = time.perf_counter()
    pred = booster.predict(xgb.DMatrix(X_test, feature_names=names, nthread=args.threads),
                           iteration_range=(0, best))
    out = pd.DataFrame({"date": test["date"], "sku": test["sku"],
                        "forecast": np.round(pred, 5)})
    out.to_csv(args.out, index=False)
    t_pred = time.perf_counter() - t3
    log(f"{n_fit + n_val} train rows x {len(names)} features ({n_fit} fit, {n_val} valid), "
        f"{P} products; read {t_read:.1f} s, features {t_feat:.1f} s, "
        f"fit {t_fit:.1f} s, predict+write {t_pred:.1f} s")


if __name__ == "__main__":
    main()
