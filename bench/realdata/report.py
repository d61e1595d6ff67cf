#!/usr/bin/python3
"""Markdown tables of a rolling-origin run (bench/realdata/rolling_origin.sh).

    report.py RUN_DIR

RUN_DIR/results.jsonl: one JSON object per dataset, origin and method (written by
rolling_origin.sh), RUN_DIR/<dataset>/origins.tsv: the origins. Prints, per dataset, a table of
origin x method and the mean over origins, then one summary table (dataset x method).
"""

import json
import os
import sys

import pandas as pd

METHODS = ["flashplan auto", "flashplan baseline", "flashplan structured", "flashplan neural",
           "log-log", "log-log + smearing", "log-log clamped", "log-log ridge", "xgboost"]


def num(v, fmt):
    if v is None or pd.isna(v):
        return "-"
    return format(v, fmt) if abs(v) < 1000 else f"{v:.1e}"  # an exploded forecast stays short


def pct(v):
    return num(100 * v, "+.1f") + "%" if v is not None and not pd.isna(v) else "-"


def order(methods):
    known = [m for m in METHODS if m in methods]
    return known + sorted(set(methods) - set(known))


def main():
    run = sys.argv[1]
    rows = [json.loads(line) for line in open(os.path.join(run, "results.jsonl"))]
    df = pd.DataFrame(rows)
    summary = []
    for dataset in dict.fromkeys(df["dataset"]):
        d = df[df["dataset"] == dataset]
        origins = pd.read_csv(os.path.join(run, dataset, "origins.tsv"), sep="\t")
        meta = d.iloc[0]
        unit = "weeks" if meta["period_days"] == 7 else "days"
        plural = "s" if len(origins) > 1 else ""
        print(f"### {dataset}: horizon {meta['horizon']} {unit}, {len(origins)} origin{plural}\n")
        print("| origin | test dates (span) | method | WAPE | bias | 80% hit | WAPE event / "
              "non-event | products | test rows |")
        print("|---|---|---|---|---|---|---|---|---|")
        for _, o in origins.iterrows():
            span = o["days"] // meta["period_days"]
            where = f"{o['start']} .. {o['last']} ({o['test_dates']} {unit} in {span})"
            for m in order(d["method"].unique()):
                r = d[(d["origin"] == o["origin"]) & (d["method"] == m)]
                if r.empty:
                    continue
                r = r.iloc[0]
                label = m + (f" ({r['choice']})" if isinstance(r.get("choice"), str) else "")
                if r["status"] != "ok":
                    print(f"| {o['origin']} | {where} | {label} | failed: {r['reason']} "
                          f"| | | | | {o['test_rows']} |")
                    continue
                print(f"| {o['origin']} | {where} | {label} | {num(r['wape'], '.3f')} | "
                      f"{pct(r['bias'])} | {num(r['hit'], '.3f')} | "
                      f"{num(r['wape_event'], '.3f')} / {num(r['wape_regular'], '.3f')} | "
                      f"{r['products']} | {r['rows']} |")
                where = ""
        for m in order(d["method"].unique()):
            ok = d[(d["method"] == m) & (d["status"] == "ok")]
            n = d[d["method"] == m]["origin"].nunique()
            if ok.empty:
                print(f"| mean | | {m} | failed at every origin | | | | | |")
                summary.append((dataset, m, None, None, None, f"0 of {n}"))
                continue
            count = f"{len(ok)} of {n}"
            mean = ok[["wape", "bias", "hit", "wape_event", "wape_regular"]].mean()
            print(f"| mean | {count} origins | {m} | {num(mean['wape'], '.3f')} | "
                  f"{pct(mean['bias'])} | {num(mean['hit'], '.3f')} | "
                  f"{num(mean['wape_event'], '.3f')} / {num(mean['wape_regular'], '.3f')} | "
                  f"{num(ok['products'].mean(), '.0f')} | {int(ok['rows'].sum())} |")
            summary.append((dataset, m, mean["wape"], mean["bias"], mean["hit"], count))
        print()
    print("### Summary: means over origins\n")
    print("| dataset | method | mean WAPE | mean bias | mean 80% hit | origins scored |")
    print("|---|---|---|---|---|---|")
    for dataset, m, w, b, h, count in summary:
        print(f"| {dataset} | {m} | {num(w, '.3f')} | {pct(b)} | {num(h, '.3f')} | {count} |")


if __name__ == "__main__":
    main()
