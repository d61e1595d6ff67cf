#!/usr/bin/python3
"""Scores a forecast against the generator's truth and the actual units (bench/model_bench.sh).

    score_forecast.py --forecast fc.csv --truth truth_test.csv --actual test_actual.csv [--json]

fc.csv: date,sku,forecast[,lower,upper]. truth_test.csv: date,sku,expected (true expected demand
at the price charged, not capped by stock). test_actual.csv: date,sku,units[,stock].
Every (date, sku) of the truth must have exactly one forecast (else exit 2). Prints one line:
  wape_truth bias_truth wape_actual bias_actual coverage wape_truth_event wape_truth_regular rows
where WAPE = sum|f - x| / sum x, bias = sum(f - x) / sum x, coverage = share of test rows whose
actual units lie in [lower, upper] ("nan" without interval columns); the event/regular split is
WAPE vs truth on flash-sale days and on the other days (from --prices, when given).
"""

import argparse
import json
import sys

import numpy as np
import pandas as pd


def load(path, cols):
    df = pd.read_csv(path, dtype={"sku": str, "date": str, "event": str}, keep_default_na=False,
                     low_memory=False)
    df.columns = [c.strip().lower() for c in df.columns]
    missing = [c for c in cols if c not in df.columns]
    if missing:
        sys.exit(f"score_forecast: {path} lacks column(s) {', '.join(missing)}")
    for c in ["forecast", "lower", "upper", "expected", "units"]:
        if c in df:
            df[c] = pd.to_numeric(df[c], errors="coerce")  # an empty or bad cell counts as missing
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--forecast", required=True)
    ap.add_argument("--truth", required=True)
    ap.add_argument("--actual", required=True)
    ap.add_argument("--prices", help="test_prices.csv, to split event days from the others")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    fc = load(args.forecast, ["date", "sku", "forecast"])
    truth = load(args.truth, ["date", "sku", "expected"])
    actual = load(args.actual, ["date", "sku", "units"])
    if fc.duplicated(["date", "sku"]).any():
        print(f"score_forecast: {args.forecast} has duplicate (date, sku) rows", file=sys.stderr)
        sys.exit(2)
    df = truth.merge(actual[["date", "sku", "units"]], on=["date", "sku"], how="inner",
                     validate="one_to_one")
    if len(df) != len(truth):
        print(f"score_forecast: {len(truth) - len(df)} truth rows have no actual units", file=sys.stderr)
        sys.exit(2)
    df = df.merge(fc, on=["date", "sku"], how="left", validate="one_to_one")
    missing = int(df["forecast"].isna().sum())
    if missing:
        print(f"score_forecast: {args.forecast} misses {missing} of {len(df)} (date, sku) rows, "
              f"e.g. {df.loc[df['forecast'].isna(), ['date', 'sku']].iloc[0].tolist()}", file=sys.stderr)
        sys.exit(2)

    f = df["forecast"].to_numpy(float)
    x = df["expected"].to_numpy(float)
    u = df["units"].to_numpy(float)
    res = {
        "wape_truth": np.abs(f - x).sum() / x.sum(),
        "bias_truth": (f - x).sum() / x.sum(),
        "wape_actual": np.abs(f - u).sum() / u.sum(),
        "bias_actual": (f - u).sum() / u.sum(),
        "coverage": float("nan"),
        "wape_truth_event": float("nan"),
        "wape_truth_regular": float("nan"),
        "rows": len(df),
    }
    if "lower" in df and "upper" in df:
        lo = df["lower"].to_numpy(float)
        hi = df["upper"].to_numpy(float)
        res["coverage"] = float(np.mean((u >= lo) & (u <= hi)))
    if args.prices:
        pr = load(args.prices, ["date", "sku", "event"])
        ev = df[["date", "sku"]].merge(pr[["date", "sku", "event"]], on=["date", "sku"], how="left")
        is_event = ev["event"].fillna("").astype(str).str.strip().ne("").to_numpy()
        if is_event.any():
            res["wape_truth_event"] = np.abs(f - x)[is_event].sum() / x[is_event].sum()
        if (~is_event).any():
            res["wape_truth_regular"] = np.abs(f - x)[~is_event].sum() / x[~is_event].sum()
    if args.json:
        print(json.dumps(res))
    else:
        print(" ".join(f"{res[k]:.4f}" if isinstance(res[k], float) else str(res[k]) for k in
                       ["wape_truth", "bias_truth", "wape_actual", "bias_actual", "coverage",
                        "wape_truth_event", "wape_truth_regular", "rows"]))


if __name__ == "__main__":
    main()
