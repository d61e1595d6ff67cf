"""Reading sales files in FlashPlan's contract (data-format.md section 1) for the rolling-origin
benchmark's Python helpers: canonical column names and their synonyms, `,` `;` or tab, quoted
fields, dates as YYYY-MM-DD. Text columns stay text (a sku "007" stays "007")."""

import sys

import numpy as np
import pandas as pd

SYNONYMS = {
    "date": ["day", "order_date"],
    "sku": ["product_id", "item_id", "upc"],
    "units": ["qty", "quantity", "sales_units"],
    "price": ["unit_price", "sale_price"],
    "list_price": ["base_price", "regular_price", "msrp"],
    "name": ["product_name", "title"],
    "category": ["product_category", "dept"],
    "unit_cost": ["cost"],
    "stock": ["inventory", "on_hand"],
    "views": ["visits", "sessions"],
    "event": ["promo", "campaign"],
}
NUMERIC = ["units", "price", "list_price", "unit_cost", "stock", "views"]
CANONICAL = {alias: name for name, aliases in SYNONYMS.items() for alias in [name] + aliases}


def fail(message):
    sys.exit(f"realdata: {message}")


def separator(path):
    with open(path, encoding="utf-8-sig") as f:
        header = f.readline()
    return max([",", ";", "\t"], key=header.count)


def read_sales(path, required=("date", "sku", "units", "price"), numbers=True):
    """The file with canonical column names; numbers as floats (as the file's text when
    `numbers` is False), the rest as text; `day` holds the date as a pandas Timestamp."""
    df = pd.read_csv(path, sep=separator(path), dtype=str, keep_default_na=False,
                     encoding="utf-8-sig")
    names = {}
    for col in df.columns:
        canon = CANONICAL.get(col.strip().lower())
        if canon and canon not in names.values():
            names[col] = canon
    df = df[list(names)].rename(columns=names)
    missing = [c for c in required if c not in df.columns]
    if missing:
        fail(f"{path} lacks column(s) {', '.join(missing)}")
    for c in df.columns:
        df[c] = df[c].str.strip()
    for c in NUMERIC if numbers else []:
        if c in df:
            df[c] = pd.to_numeric(df[c].replace("", np.nan), errors="raise")
    if "event" not in df:
        df["event"] = ""
    df["day"] = pd.to_datetime(df["date"], format="%Y-%m-%d")
    df["date"] = df["day"].dt.strftime("%Y-%m-%d")
    return df


def is_event(df):
    return df["event"].fillna("").astype(str).str.strip().ne("").to_numpy()


def write_forecast(path, test, forecast, lower=None, upper=None):
    out = pd.DataFrame({"date": test["date"].to_numpy(), "sku": test["sku"].to_numpy(),
                        "forecast": np.round(forecast, 4)})
    if lower is not None:
        out["lower"] = np.round(lower, 4)
        out["upper"] = np.round(upper, 4)
    out.to_csv(path, index=False)
