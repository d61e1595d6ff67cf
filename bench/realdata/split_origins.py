#!/usr/bin/python3
"""Rolling-origin splits of a sales file (bench/realdata/rolling_origin.sh).

    split_origins.py --sales sales.csv --period-days 7 --horizon 12 --origins 4 --out DIR
                     [--blocks present|calendar]

--blocks present (default): the test block of an origin is `horizon` consecutive dates *present
in the file* (any product has a row on them); the last origin's block is the file's last
`horizon` dates and each earlier one ends where the next begins. Where dates are absent (tuna's
gaps) a block spans more than `horizon` periods of the calendar; the forecast window then covers
the whole span and only the rows present are scored.
--blocks calendar: a block is `horizon` calendar periods (the last ending on the file's last
date, each earlier one `horizon` periods before), holding the rows present in it; a block without
rows is an error. Both readings agree on a file without absent dates.
origin = the block's first date; history = every row before it; test = the rows in the block.

Writes DIR/o<k>/ for k = 1 (earliest) .. K (last): history.csv (all columns, text as in the file),
test_prices.csv (date,sku,price[,list_price],event[,unit_cost]: the real prices of the test rows,
no units, no stock: a demand forecast at known prices), test_actual.csv (date,sku,units) and
meta.json; DIR/origins.tsv lists them. Fails when the file is too short for K blocks plus a
history of at least 2 blocks, or when --period-days 7 and a product's dates are not 7 days apart.
"""

import argparse
import json
import os

import pandas as pd

from salesfile import fail, read_sales


def check_period(df, period):
    gaps = df.sort_values(["sku", "day"]).groupby("sku")["day"].diff().dt.days.dropna()
    if (gaps <= 0).any():
        fail("the file has two rows for one (sku, date); the CLI refuses that by default")
    if period == 7 and (gaps % 7 != 0).any():
        fail("--horizon-weeks needs weekly data (each product's dates 7 days apart); "
             "use --horizon-days for daily data")
    if period == 1 and len(gaps) and (gaps % 7 == 0).all():
        fail("the data are weekly; use --horizon-weeks")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sales", required=True)
    ap.add_argument("--period-days", type=int, choices=[1, 7], required=True)
    ap.add_argument("--horizon", type=int, required=True, help="periods per test block")
    ap.add_argument("--origins", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--blocks", choices=["present", "calendar"], default="present")
    args = ap.parse_args()

    df = read_sales(args.sales, numbers=False)
    check_period(df, args.period_days)
    dates = pd.DatetimeIndex(sorted(df["day"].unique()))
    H, K = args.horizon, args.origins
    if len(dates) < (K + 2) * H:
        fail(f"{len(dates)} dates in the file: too few for {K} test blocks of {H} and a history "
             f"of at least {2 * H}")
    cols = [c for c in df.columns if c != "day"]
    price_cols = ["date", "sku", "price"] + [c for c in ["list_price", "event", "unit_cost"]
                                             if c in df.columns]
    rows = []
    for k in range(1, K + 1):
        back = K - k  # blocks after this one
        if args.blocks == "present":
            block = dates[len(dates) - (back + 1) * H: len(dates) - back * H]
            origin, last = block[0], block[-1]
        else:
            last = dates[-1] - pd.Timedelta(days=back * H * args.period_days)
            origin = last - pd.Timedelta(days=(H - 1) * args.period_days)
            block = dates[(dates >= origin) & (dates <= last)]
            if len(block) == 0:
                fail(f"no rows in the calendar block {origin.date()} .. {last.date()}; "
                     "use fewer --origins")
        hist = df[df["day"] < origin]
        test = df[(df["day"] >= origin) & (df["day"] <= last)]
        d = os.path.join(args.out, f"o{k}")
        os.makedirs(d, exist_ok=True)
        hist[cols].to_csv(os.path.join(d, "history.csv"), index=False)
        test[price_cols].to_csv(os.path.join(d, "test_prices.csv"), index=False)
        test[["date", "sku", "units"]].to_csv(os.path.join(d, "test_actual.csv"), index=False)
        new = sorted(set(test["sku"]) - set(hist["sku"]))
        meta = {
            "origin": origin.strftime("%Y-%m-%d"), "last": last.strftime("%Y-%m-%d"),
            "days": int((last - origin).days) + args.period_days, "test_dates": len(block),
            "history_rows": len(hist), "history_dates": int(hist["day"].nunique()),
            "history_first": hist["day"].min().strftime("%Y-%m-%d"),
            "test_rows": len(test), "test_products": int(test["sku"].nunique()),
            "new_products": new,
        }
        with open(os.path.join(d, "meta.json"), "w") as f:
            json.dump(meta, f, indent=1)
        rows.append(f"o{k}\t{meta['origin']}\t{meta['last']}\t{meta['days']}\t{len(block)}\t"
                    f"{len(test)}\t{meta['test_products']}\t{len(new)}")
    with open(os.path.join(args.out, "origins.tsv"), "w") as f:
        f.write("origin\tstart\tlast\tdays\ttest_dates\ttest_rows\tproducts\tnew_products\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
