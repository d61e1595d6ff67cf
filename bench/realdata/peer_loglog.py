#!/usr/bin/python3
"""Per-product log-log peers of the rolling-origin benchmark (bench/realdata/rolling_origin.sh).

    peer_loglog.py --history history.csv --test test_prices.csv --horizon H --out-dir DIR

One regression per product, fitted on the product's history rows with units > 0:
    log(units) = a + b log(price) + c event
(event: the row has an event id). A regressor that does not vary in a product's history is left
out (its coefficient is 0). Writes three forecasts (date,sku,forecast,lower,upper) for the test
rows into DIR:
  loglog.csv        plain exp(a + b log p + c e): the headline (a median forecast).
  loglog_smear.csv  the same times Duan's smearing factor, the product's mean exp(residual).
  loglog_clamped.csv  plain, but a test price outside the range of prices the product was
                    fitted on is moved to the nearest end of that range: no extrapolation of the
                    price term. Where a product's prices barely moved, the plain slope is noise
                    (bayesm cheese C79 before 1996-09-23: std of log price 0.0002, slope -1473)
                    and one product's forecast can be 10^13 times its sales.
  loglog_ridge.csv  b ridge-shrunk toward the pooled slope b0: per product, minimize
                    RSS + lambda (b - b0)^2 (a and c free), b0 the common slope of the
                    within-product (fixed effects) regression of log units on log price and the
                    event flag over all products. A product with more varied prices keeps more
                    of its own slope. One lambda for all products, chosen on the history alone
                    by an inner rolling origin: the last 3 blocks of `horizon` dates of the
                    history (those with at least `horizon` dates before them), each forecast
                    from the rows before it; lambda minimizes the summed |forecast - units| over
                    them (plain exp), from {0, 10^-3, 10^-2.5, ..., 10^4, infinity}.
80% interval: exp(prediction -+ t(0.9, n - k) s sqrt(1 + x0'(X'X + lambda D)^-1 x0)), s the
product's residual standard error. A product with fewer than 4 history rows with units > 0 (a new
product) takes the pooled regression over all products, a + b log p + c e with one intercept.
Prints the chosen lambda, b0 and the fallback count to stderr.
"""

import argparse
import sys

import numpy as np
import pandas as pd
from scipy import stats

from salesfile import is_event, read_sales, write_forecast

LAMBDAS = [0.0] + list(10.0 ** np.arange(-3, 4.01, 0.5)) + [np.inf]
MIN_ROWS = 4


def design(df):
    return np.column_stack([np.ones(len(df)), np.log(df["price"].to_numpy(float)),
                            is_event(df).astype(float)])


class LogLog:
    """Per-product fits on one history; predict() for any lambda."""

    def __init__(self, hist):
        pos = hist[hist["units"] > 0]
        self.skus = pd.Index(sorted(pos["sku"].unique()))
        X = design(pos)
        y = np.log(pos["units"].to_numpy(float))
        p = self.skus.get_indexer(pos["sku"])
        P = len(self.skus)
        self.n = np.bincount(p, minlength=P)
        self.xtx = np.zeros((P, 3, 3))
        self.xty = np.zeros((P, 3))
        np.add.at(self.xtx, p, X[:, :, None] * X[:, None, :])
        np.add.at(self.xty, p, X * y[:, None])
        self.yy = np.bincount(p, weights=y * y, minlength=P)
        self.rows = (X, y, p)
        # The range of log prices each product was fitted on (for the clamped variant).
        self.lo = np.full(P, np.inf)
        self.hi = np.full(P, -np.inf)
        np.minimum.at(self.lo, p, X[:, 1])
        np.maximum.at(self.hi, p, X[:, 1])
        # Regressors without variation in a product's history are left out (coefficient 0).
        mean = self.xtx[:, 0, 1:] / np.maximum(self.n, 1)[:, None]
        var = np.stack([self.xtx[:, j, j] for j in (1, 2)], axis=1) / np.maximum(self.n, 1)[:, None]
        self.varies = np.column_stack([np.ones(P, bool), var - mean ** 2 > 1e-9])
        # Pooled within-product slope b0 (and a common event effect), and the fallback fit.
        xm = X[:, 1:] - (np.stack([np.bincount(p, X[:, j], P) for j in (1, 2)], 1) /
                         np.maximum(self.n, 1)[:, None])[p]
        ym = y - (np.bincount(p, y, P) / np.maximum(self.n, 1))[p]
        coef = np.linalg.lstsq(xm, ym, rcond=None)[0]
        self.b0 = float(coef[0])
        self.pooled, res = np.linalg.lstsq(X, y, rcond=None)[:2]
        self.pooled_xtx_inv = np.linalg.pinv(X.T @ X)
        self.pooled_df = max(len(y) - 3, 1)
        self.pooled_s = float(np.sqrt(np.sum((y - X @ self.pooled) ** 2) / self.pooled_df))

    def coefficients(self, lam):
        """Per product (P, 3) coefficients, the inverse of the penalized X'X, and the rank."""
        A = self.xtx.copy()
        b = self.xty.copy()
        k = self.varies.sum(axis=1)
        for j in (1, 2):
            off = ~self.varies[:, j]
            if j == 1 and lam > 0:
                off[:] = False  # the penalty (or b0) sets the slope even without price variation
            A[off, j, :] = 0
            A[off, :, j] = 0
            A[off, j, j] = 1
            b[off, j] = 0
        if np.isinf(lam):  # the slope is b0: solve for a and c with b fixed
            b = b - A[:, :, 1] * self.b0
            A[:, 1, :] = 0
            A[:, :, 1] = 0
            A[:, 1, 1] = 1
            b[:, 1] = self.b0
        elif lam > 0:
            A[:, 1, 1] += lam
            b[:, 1] += lam * self.b0
        coef = np.linalg.solve(A, b[:, :, None])[:, :, 0]
        return coef, np.linalg.inv(A), k

    def predict(self, test, lam, smear=False, clamp=False):
        X = design(test)
        p = self.skus.get_indexer(test["sku"])
        if clamp:
            known = p >= 0
            X[known, 1] = np.clip(X[known, 1], self.lo[p[known]], self.hi[p[known]])
        coef, ainv, k = self.coefficients(lam)
        Xh, yh, ph = self.rows
        resid = yh - np.einsum("ij,ij->i", Xh, coef[ph])
        P = len(self.skus)
        dof = np.maximum(self.n - k, 1)
        s = np.sqrt(np.bincount(ph, resid ** 2, P) / dof)
        smear_f = np.bincount(ph, np.exp(resid), P) / np.maximum(self.n, 1)
        own = (p >= 0) & (self.n[np.maximum(p, 0)] >= MIN_ROWS)
        q = np.maximum(p, 0)
        mu = np.where(own, np.einsum("ij,ij->i", X, coef[q]), X @ self.pooled)
        lev = np.where(own, np.einsum("ij,ijk,ik->i", X, ainv[q], X),
                       np.einsum("ij,jk,ik->i", X, self.pooled_xtx_inv, X))
        sd = np.where(own, s[q], self.pooled_s) * np.sqrt(1 + np.maximum(lev, 0))
        t = stats.t.ppf(0.9, np.where(own, dof[q], self.pooled_df))
        f = np.exp(mu)
        if smear:
            pooled_smear = np.mean(np.exp(yh - Xh @ self.pooled))
            f = f * np.where(own, smear_f[q], pooled_smear)
        return f, np.exp(mu - t * sd), np.exp(mu + t * sd), int((~own).sum())


def choose_lambda(hist, horizon):
    dates = np.array(sorted(hist["day"].unique()))
    err = np.zeros(len(LAMBDAS))
    used = 0
    for j in range(1, 4):
        lo = len(dates) - j * horizon
        if lo < horizon:
            break
        inner_train = hist[hist["day"] < dates[lo]]
        inner_test = hist[(hist["day"] >= dates[lo]) & (hist["day"] <= dates[lo + horizon - 1])]
        model = LogLog(inner_train)
        u = inner_test["units"].to_numpy(float)
        for i, lam in enumerate(LAMBDAS):
            err[i] += np.abs(model.predict(inner_test, lam)[0] - u).sum()
        used += 1
    if used == 0:
        return 0.0, 0, err
    return LAMBDAS[int(np.argmin(err))], used, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--history", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--horizon", type=int, required=True)
    ap.add_argument("--out-dir", required=True)
    args = ap.parse_args()

    hist = read_sales(args.history)
    test = read_sales(args.test, required=("date", "sku", "price"))
    model = LogLog(hist)
    for name, smear, clamp in [("loglog", False, False), ("loglog_smear", True, False),
                               ("loglog_clamped", False, True)]:
        f, lo, hi, fallback = model.predict(test, 0.0, smear, clamp)
        write_forecast(f"{args.out_dir}/{name}.csv", test, f, lo, hi)
    lam, used, err = choose_lambda(hist, args.horizon)
    f, lo, hi, fallback = model.predict(test, lam)
    write_forecast(f"{args.out_dir}/loglog_ridge.csv", test, f, lo, hi)
    rel = ", ".join(f"{v / err.min():.3f}" for v in err) if used else "-"
    print(f"loglog: pooled slope b0 {model.b0:.3f}; ridge lambda {lam:g} chosen on {used} inner "
          f"origin(s) (summed abs error relative to the best, lambda {LAMBDAS[0]:g}..inf: {rel}); "
          f"{fallback} test rows of products with < {MIN_ROWS} positive history rows took the "
          f"pooled fit", file=sys.stderr)


if __name__ == "__main__":
    main()
