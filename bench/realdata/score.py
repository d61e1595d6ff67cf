#!/usr/bin/python3
"""Scores one forecast on the test rows of a rolling origin (bench/realdata/rolling_origin.sh).

    score.py --forecast fc.csv --actual test_actual.csv --prices test_prices.csv

fc.csv: date,sku,forecast[,lower,upper] (extra rows, e.g. FlashPlan's forecasts for weeks absent
from the file, are ignored). Every test row must have a forecast, else exit 2 naming one.
Prints one JSON object: wape = sum|f - a| / sum a, bias = sum(f - a) / sum a, hit = share of
rows with lower <= a <= upper (null without an interval), wape_event / wape_regular = WAPE on the
rows with / without an event id, products, rows.
"""

import argparse
import json
import sys

import numpy as np
import pandas as pd


def load(path):
    df = pd.read_csv(path, dtype={"date": str, "sku": str, "event": str}, keep_default_na=False)
    df.columns = [c.strip().lower() for c in df.columns]
    for c in ["forecast", "lower", "upper", "units"]:
        if c in df:
            df[c] = pd.to_numeric(df[c], errors="coerce")
    return df


def wape(f, a):
    return float(np.abs(f - a).sum() / a.sum()) if len(a) and a.sum() > 0 else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--forecast", required=True)
    ap.add_argument("--actual", required=True)
    ap.add_argument("--prices", required=True)
    args = ap.parse_args()

    fc = load(args.forecast)
    actual = load(args.actual)
    prices = load(args.prices)
    if fc.duplicated(["date", "sku"]).any():
        sys.exit(f"score: {args.forecast} has duplicate (date, sku) rows")
    df = actual.merge(prices[["date", "sku", "event"]], on=["date", "sku"], how="left",
                      validate="one_to_one")
    df = df.merge(fc, on=["date", "sku"], how="left", validate="one_to_one")
    missing = df["forecast"].isna()
    if missing.any():
        first = df.loc[missing, ["date", "sku"]].iloc[0].tolist()
        print(f"score: {args.forecast} misses {int(missing.sum())} of {len(df)} test rows, "
              f"e.g. {first}", file=sys.stderr)
        sys.exit(2)
    f = df["forecast"].to_numpy(float)
    a = df["units"].to_numpy(float)
    event = df["event"].fillna("").str.strip().ne("").to_numpy()
    res = {"wape": wape(f, a), "bias": float((f - a).sum() / a.sum()), "hit": None,
           "wape_event": wape(f[event], a[event]), "wape_regular": wape(f[~event], a[~event]),
           "products": int(df["sku"].nunique()), "rows": len(df)}
    if "lower" in df and "upper" in df and df["lower"].notna().all():
        lo = df["lower"].to_numpy(float)
        hi = df["upper"].to_numpy(float)
        res["hit"] = float(np.mean((lo <= a) & (a <= hi)))
    print(json.dumps(res))


if __name__ == "__main__":
    main()
