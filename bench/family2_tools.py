#!/usr/bin/python3
"""Data and scores for the second synthetic family's benchmark (bench/family2_bench.sh).

    family2_tools.py split --sales all.csv --truth all_truth.csv --start DATE --weeks H
                           [--no-list-price] --out DIR
        Splits a generated market (flashplan-gensales --family scanner, with list_price) at DATE:
        DIR/history.csv = every row before it (without the list_price column when asked);
        the next H weeks' rows of products with history: DIR/test_prices.csv
        (date,sku,price[,list_price],event), DIR/test_actual.csv (date,sku,units),
        DIR/truth_test.csv (date,sku,expected); DIR/test_prices_all.csv = the same prices with
        the products that first sell in those weeks; DIR/list_prices.csv = date,sku,list_price of
        the test weeks (the truth's regular prices, for fixed-discount scenarios).
    family2_tools.py at-discount --list-prices list_prices.csv --discount D [--no-list-price]
                                 --out P.csv
        Every product and test week at D off its list price, featured (event AD-<date>).
    family2_tools.py established --sales history.csv --origins K --horizon H --out FILE
        The rows of the products that sell before the first of K rolling origins of H dates
        (bench/realdata/split_origins.py's blocks), for a rolling origin that today's forecast
        does not refuse: it refuses a whole prices file naming a product without history.
    family2_tools.py real --forecast fc.csv --truth truth.csv --prices test_prices.csv
                          --actual test_actual.csv
        The forecast at the real prices of the test weeks against the true expected demand
        (date,sku,expected): WAPE = sum|f - x| / sum x and bias = sum(f - x) / sum x, overall, on
        featured (event) rows and on the others; coverage = share of rows whose actual units lie
        in the 80% interval [lower, upper].
    family2_tools.py ratio --forecast fc.csv --truth truth_at.csv
        The forecast at a fixed discount against the truth there: per product, the forecast summed
        over the weeks divided by the truth summed; median, mean, 10th and 90th percentile over
        products and the share of products within 0.5-1.5x.
    family2_tools.py plan-prices --recommended recommended.csv --date DATE --event ID --out P.csv
        A recommended plan (flashplan-cli plan's CSV) as a prices file for flashplan-gensales
        --truth-at: date,sku,price,list_price,event,stock, price = list_price * (1 - discount).
    family2_tools.py oracle-prices --campaign campaign.csv --date DATE --event ID [--step S]
                                   [--allow-below-cost] --out P.csv
        Every discount the planner may choose for each campaign product, as a prices file for
        flashplan-gensales --truth-at (date,sku,price,list_price,event,stock,discount): its ladder
        (plan::discountLadder: min_discount..max_discount in steps of S, default 0.05, both ends
        included) without the steps that sell below unit_cost (flashplan-cli plan's default; all
        of them with --allow-below-cost), the shallowest kept when every step does, as the
        optimizer does.
    family2_tools.py oracle --prices P.csv --truth truth_at.csv --out oracle.csv
        The oracle under those constraints: per product the step with the most true expected
        revenue, list_price * (1 - discount) * E[min(D, stock)], ties to the shallower;
        oracle.csv as flashplan-gensales --oracle writes it (sku,discount,expected_units,
        expected_revenue).
    family2_tools.py plan --recommended recommended.csv --truth truth_at.csv --oracle oracle.csv
                          [--unconstrained-oracle oracle_free.csv]
        The plan's true expected revenue, sum of list_price * (1 - discount) * E[min(D, stock)]
        under the truth (the expected_sales of --truth-at), divided by the oracle's; with
        --unconstrained-oracle also divided by that one's (unconstrained_ratio).
    family2_tools.py steps --campaign campaign.csv --out-dir DIR
        The campaign at each fixed discount 0, 5%, ... 90% (min = max = the step), for
        bench/family2_shape.sh: DIR/step_KK.csv with the campaign's stock, DIR/step_KK_free.csv
        without (unlimited).
    family2_tools.py shape --campaign campaign.csv --dir DIR
        bench/family2_shape.sh's table (markdown): from DIR/rec_step_KK[_free].csv (the model's
        plan rows at each step) and DIR/truth_step_KK.csv (the truth there), each product's plan
        chosen again from four demand curves under the campaign's constraints, never below cost.
Each command prints one JSON object, except shape.
"""

import argparse
import json
import sys

import numpy as np
import pandas as pd


def load(path):
    df = pd.read_csv(path, dtype={"date": str, "sku": str, "event": str}, keep_default_na=False)
    df.columns = [c.strip().lower() for c in df.columns]
    for c in ["forecast", "lower", "upper", "units", "expected", "expected_sales", "discount",
              "list_price", "stock", "expected_revenue"]:
        if c in df:
            df[c] = pd.to_numeric(df[c], errors="coerce")
    return df


def joined(forecast, truth):
    df = truth.merge(forecast, on=["date", "sku"], how="left", validate="one_to_one")
    missing = df["forecast"].isna()
    if missing.any():
        first = df.loc[missing, ["date", "sku"]].iloc[0].tolist()
        sys.exit(f"family2_tools: the forecast misses {int(missing.sum())} of {len(df)} rows, "
                 f"e.g. {first}")
    return df


def wape_bias(f, x):
    if not len(x) or x.sum() <= 0:
        return None, None
    return float(np.abs(f - x).sum() / x.sum()), float((f - x).sum() / x.sum())


def split(args):
    sales = load(args.sales)
    truth = load(args.truth)
    end = (pd.Timestamp(args.start) + pd.Timedelta(weeks=args.weeks)).strftime("%Y-%m-%d")
    history = sales[sales["date"] < args.start]
    test = sales[(sales["date"] >= args.start) & (sales["date"] < end)]
    known = test["sku"].isin(set(history["sku"]))
    columns = ["date", "sku", "price"] + ([] if args.no_list_price else ["list_price"]) + ["event"]
    history.drop(columns=["list_price"] if args.no_list_price else []).to_csv(
        f"{args.out}/history.csv", index=False, float_format="%.2f")
    test[columns].to_csv(f"{args.out}/test_prices_all.csv", index=False, float_format="%.2f")
    test.loc[known, columns].to_csv(f"{args.out}/test_prices.csv", index=False, float_format="%.2f")
    test.loc[known, ["date", "sku", "units"]].to_csv(f"{args.out}/test_actual.csv", index=False)
    test.loc[known, ["date", "sku", "list_price"]].to_csv(f"{args.out}/list_prices.csv",
                                                          index=False, float_format="%.2f")
    truth.merge(test.loc[known, ["date", "sku"]], on=["date", "sku"], validate="one_to_one").to_csv(
        f"{args.out}/truth_test.csv", index=False, float_format="%.7g")
    return {"history_rows": len(history), "history_products": int(history["sku"].nunique()),
            "test_rows": int(known.sum()), "test_products": int(test.loc[known, "sku"].nunique()),
            "new_products": int(test.loc[~known, "sku"].nunique()),
            "new_product_rows": int((~known).sum()), "end": end}


def at_discount(args):
    lp = load(args.list_prices)
    out = pd.DataFrame({"date": lp["date"], "sku": lp["sku"],
                        "price": (lp["list_price"] * (1 - args.discount)).round(2)})
    if not args.no_list_price:
        out["list_price"] = lp["list_price"]
    out["event"] = "AD-" + lp["date"]
    out.to_csv(args.out, index=False, float_format="%.2f")
    return {"rows": len(out)}


def established(args):
    sales = load(args.sales)
    dates = sorted(sales["date"].unique())
    origin = dates[-args.origins * args.horizon]
    first = sales.groupby("sku")["date"].min()
    keep = set(first[first < origin].index)
    sales[sales["sku"].isin(keep)].to_csv(args.out, index=False, float_format="%.2f")
    return {"first_origin": origin, "products_kept": len(keep),
            "products_dropped": int(len(first) - len(keep))}


def real(args):
    df = joined(load(args.forecast), load(args.truth))
    df = df.merge(load(args.prices)[["date", "sku", "event"]], on=["date", "sku"], how="left")
    df = df.merge(load(args.actual)[["date", "sku", "units"]], on=["date", "sku"], how="left")
    f = df["forecast"].to_numpy(float)
    x = df["expected"].to_numpy(float)
    event = df["event"].fillna("").str.strip().ne("").to_numpy()
    res = {"rows": len(df), "event_rows": int(event.sum())}
    res["wape"], res["bias"] = wape_bias(f, x)
    res["wape_event"], res["bias_event"] = wape_bias(f[event], x[event])
    res["wape_regular"], res["bias_regular"] = wape_bias(f[~event], x[~event])
    res["coverage"] = None
    if "lower" in df and "upper" in df:
        u = df["units"].to_numpy(float)
        res["coverage"] = float(np.mean((u >= df["lower"].to_numpy(float)) &
                                        (u <= df["upper"].to_numpy(float))))
    return res


def ratio(args):
    df = joined(load(args.forecast), load(args.truth))
    sums = df.groupby("sku")[["forecast", "expected"]].sum()
    r = (sums["forecast"] / sums["expected"]).to_numpy(float)
    return {"products": len(r), "median": float(np.median(r)), "mean": float(np.mean(r)),
            "p10": float(np.percentile(r, 10)), "p90": float(np.percentile(r, 90)),
            "within_0.5_1.5": float(np.mean((r >= 0.5) & (r <= 1.5)))}


def plan_prices(args):
    rec = load(args.recommended)
    out = pd.DataFrame({"date": args.date, "sku": rec["sku"],
                        "price": rec["list_price"] * (1 - rec["discount"]),
                        "list_price": rec["list_price"], "event": args.event})
    if "stock" in rec and rec["stock"].notna().all():
        out["stock"] = rec["stock"]
    out.to_csv(args.out, index=False, float_format="%.10g")
    return {"products": len(out)}


def ladder(low, high, step):
    """plan::discountLadder: low..high in steps, both ends included."""
    steps = []
    k = 0
    while low + k * step <= high - 1e-9:
        steps.append(round((low + k * step) * 1e6) / 1e6)
        k += 1
    if not steps or high - steps[-1] > 1e-9:
        steps.append(high)
    return steps


def oracle_prices(args):
    campaign = load(args.campaign)
    for c in ["unit_cost", "min_discount", "max_discount"]:
        campaign[c] = pd.to_numeric(campaign[c], errors="coerce")
    rows = []
    for _, c in campaign.iterrows():
        steps = ladder(c["min_discount"], c["max_discount"], args.step)
        if not args.allow_below_cost and not np.isnan(c["unit_cost"]):
            allowed = [d for d in steps if c["list_price"] * (1 - d) >= c["unit_cost"] - 1e-9]
            steps = allowed or steps[:1]
        for d in steps:
            rows.append({"date": args.date, "sku": c["sku"], "price": c["list_price"] * (1 - d),
                         "list_price": c["list_price"], "event": args.event, "stock": c["stock"],
                         "discount": d})
    out = pd.DataFrame(rows)
    if out["stock"].isna().any():
        out = out.drop(columns=["stock"])
    out.to_csv(args.out, index=False, float_format="%.10g")
    return {"products": len(campaign), "rows": len(out)}


def oracle(args):
    prices = load(args.prices)
    truth = load(args.truth)
    if len(prices) != len(truth) or (prices["sku"].to_numpy() != truth["sku"].to_numpy()).any():
        sys.exit("family2_tools: the truth rows do not follow the prices rows")
    df = prices[["sku", "list_price", "discount"]].copy()
    df["expected_units"] = truth["expected_sales"].to_numpy(float)
    df["expected_revenue"] = df["list_price"] * (1 - df["discount"]) * df["expected_units"]
    # Ties go to the shallower discount: the first of each product's ascending steps.
    best = df.loc[df.groupby("sku", sort=False)["expected_revenue"].idxmax()]
    best[["sku", "discount", "expected_units", "expected_revenue"]].to_csv(
        args.out, index=False, float_format="%.10g")
    return {"products": len(best), "expected_revenue": float(best["expected_revenue"].sum())}


def plan(args):
    rec = load(args.recommended)
    truth = load(args.truth)
    oracle = load(args.oracle)
    if len(rec) != len(truth) or (rec["sku"].to_numpy() != truth["sku"].to_numpy()).any():
        sys.exit("family2_tools: the truth rows do not follow the recommended rows")
    df = rec[["sku", "list_price", "discount"]].merge(
        oracle.rename(columns={"discount": "oracle_discount"}), on="sku", how="left",
        validate="one_to_one")
    if df["expected_revenue"].isna().any():
        sys.exit("family2_tools: a recommended product has no oracle row")
    revenue = (df["list_price"] * (1 - df["discount"])).to_numpy() * \
        truth["expected_sales"].to_numpy(float)
    gap = (df["discount"] - df["oracle_discount"]).to_numpy(float)
    res = {"products": len(df), "revenue": float(revenue.sum()),
            "oracle": float(df["expected_revenue"].sum()),
            "ratio": float(revenue.sum() / df["expected_revenue"].sum()),
            "mean_abs_discount_gap": float(np.abs(gap).mean()),
            "deeper_than_oracle": int((gap > 1e-9).sum()),
            "beyond_0.7": int((df["discount"] > 0.7 + 1e-9).sum()),
            "oracle_beyond_0.7": int((df["oracle_discount"] > 0.7 + 1e-9).sum())}
    if args.unconstrained_oracle:
        free = load(args.unconstrained_oracle)
        free = df[["sku"]].merge(free, on="sku", how="left", validate="one_to_one")
        if free["expected_revenue"].isna().any():
            sys.exit("family2_tools: a recommended product has no unconstrained oracle row")
        res["unconstrained_oracle"] = float(free["expected_revenue"].sum())
        res["unconstrained_ratio"] = float(revenue.sum() / free["expected_revenue"].sum())
    return res


def steps(args):
    campaign = load(args.campaign)
    for k in range(19):
        c = campaign.copy()
        c["min_discount"] = c["max_discount"] = k * 0.05
        c.to_csv(f"{args.out_dir}/step_{k:02d}.csv", index=False, float_format="%.2f")
        c["stock"] = ""
        c.to_csv(f"{args.out_dir}/step_{k:02d}_free.csv", index=False, float_format="%.2f")
    return {"steps": 19}


def shape(args):
    campaign = load(args.campaign)
    parts = []
    for k in range(19):
        rec = load(f"{args.dir}/rec_step_{k:02d}.csv")
        free = load(f"{args.dir}/rec_step_{k:02d}_free.csv")
        truth = load(f"{args.dir}/truth_step_{k:02d}.csv")
        parts.append(pd.DataFrame({
            "sku": rec["sku"], "d": round(k * 0.05, 2), "list_price": rec["list_price"],
            "unit_cost": rec["unit_cost"], "stock": rec["stock"], "m_sales": rec["expected_units"],
            "m_low": rec["units_low"], "m_demand": free["expected_units"],
            "t_demand": truth["expected"].to_numpy(float),
            "t_sales": truth["expected_sales"].to_numpy(float)}))
    c = pd.concat(parts).merge(campaign[["sku", "min_discount", "max_discount"]], on="sku")
    c = c[(c["d"] >= c["min_discount"] - 1e-9) & (c["d"] <= c["max_discount"] + 1e-9) &
          (c["list_price"] * (1 - c["d"]) >= c["unit_cost"] - 1e-9)].copy()
    c["price"] = c["list_price"] * (1 - c["d"])
    c["t_revenue"] = c["price"] * c["t_sales"]
    oracle = c.groupby("sku")["t_revenue"].max().sum()
    tf = c.groupby("sku")["t_demand"].transform("first")
    mf = c.groupby("sku")["m_demand"].transform("first")
    capped = lambda demand: c["price"] * np.minimum(demand, c["stock"])
    curves = [
        ("the model's (E[min(D, stock)])", c["price"] * c["m_sales"]),
        ("the model's (min(E[D], stock))", capped(c["m_demand"])),
        ("the model's level, the true shape", capped(mf * c["t_demand"] / tf)),
        ("the true level, the model's shape", capped(tf * c["m_demand"] / mf)),
        ("the model's, 10% quantile of units", c["price"] * c["m_low"]),
        ("the model's, log lift x 0.8", capped(mf * (c["m_demand"] / mf) ** 0.8)),
        ("the truth (the oracle)", c["t_revenue"]),
    ]
    print("| plan chosen from | revenue / oracle | deeper than oracle | shallower |")
    print("|---|---|---|---|")
    best = c.loc[c.groupby("sku")["t_revenue"].idxmax()].set_index("sku")["d"]
    for name, value in curves:
        c["value"] = value
        chosen = c.loc[c.groupby("sku")["value"].idxmax()].set_index("sku")
        gap = chosen["d"] - best.reindex(chosen.index)
        print(f"| {name} | {chosen['t_revenue'].sum() / oracle:.3f} | {int((gap > 1e-9).sum())} "
              f"| {int((gap < -1e-9).sum())} |")
    return None


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("split")
    for a in ["--sales", "--truth", "--start", "--out"]:
        p.add_argument(a, required=True)
    p.add_argument("--weeks", type=int, required=True)
    p.add_argument("--no-list-price", action="store_true")
    p = sub.add_parser("at-discount")
    for a in ["--list-prices", "--out"]:
        p.add_argument(a, required=True)
    p.add_argument("--discount", type=float, required=True)
    p.add_argument("--no-list-price", action="store_true")
    p = sub.add_parser("established")
    for a in ["--sales", "--out"]:
        p.add_argument(a, required=True)
    for a in ["--origins", "--horizon"]:
        p.add_argument(a, type=int, required=True)
    p = sub.add_parser("real")
    for a in ["--forecast", "--truth", "--prices", "--actual"]:
        p.add_argument(a, required=True)
    p = sub.add_parser("ratio")
    for a in ["--forecast", "--truth"]:
        p.add_argument(a, required=True)
    p = sub.add_parser("plan-prices")
    for a in ["--recommended", "--date", "--event", "--out"]:
        p.add_argument(a, required=True)
    p = sub.add_parser("oracle-prices")
    for a in ["--campaign", "--date", "--event", "--out"]:
        p.add_argument(a, required=True)
    p.add_argument("--step", type=float, default=0.05)
    p.add_argument("--allow-below-cost", action="store_true")
    p = sub.add_parser("oracle")
    for a in ["--prices", "--truth", "--out"]:
        p.add_argument(a, required=True)
    p = sub.add_parser("steps")
    for a in ["--campaign", "--out-dir"]:
        p.add_argument(a, required=True)
    p = sub.add_parser("shape")
    for a in ["--campaign", "--dir"]:
        p.add_argument(a, required=True)
    p = sub.add_parser("plan")
    for a in ["--recommended", "--truth", "--oracle"]:
        p.add_argument(a, required=True)
    p.add_argument("--unconstrained-oracle")
    args = ap.parse_args()
    command = {"split": split, "at-discount": at_discount, "established": established,
               "real": real, "ratio": ratio, "plan-prices": plan_prices,
               "oracle-prices": oracle_prices, "oracle": oracle, "steps": steps,
               "shape": shape, "plan": plan}
    result = command[args.command](args)
    if result is not None:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
