#!/usr/bin/python3
"""Compares the ways of calibrating price ranges that docs/intervals.md weighs, on one dataset.

The model is the reference recipe (XGBoost on log(price),
grades as ordered integers, monotone in carat, 600 rounds, depth 6, learning rate 0.03, subsample
and colsample 0.8), on the notebook's split (80/20, seed 42). Every design is calibrated on the
training part only, from 5-fold out-of-fold log residuals (KFold(5, shuffle, seed 42)) of the same
recipe, and applied to the fit on the whole training part (what the service serves is that recipe
refitted on every row, calibrated the same way). For each design it reports:

  - test: coverage of the 998 test rows at 80% and 90%, and the median 90% half-width (log dollars);
  - oof: coverage of the training rows, each ranged by a calibration fitted on the other four
    fifths of the residuals (cross-validated), overall and in the worst segments with >= 50 rows
    (each cut, colour, clarity and carat band <0.5, 0.5-1, 1-1.5, 1.5-2, >=2).

Designs: pooled (one quantile of |log residual| for every stone: the split-conformal range the
service served before), groups (the largest of the pooled and each of the stone's segments'
quantiles), norm-lin (scores divided by a log-linear residual scale over the four Cs, the scale
cross-fitted), norm-lin+groups (what the service does), norm-xgb / norm-xgb+groups (the scale a
small XGBoost on |log residual|), and cv-plus (CV+ proper: the range of each test stone from the
five fold models' predictions +- the residuals, not centred on the refit; pooled).

Usage (Debian's python3 with python3-xgboost, python3-sklearn, python3-pandas):
    /usr/bin/python3 bench/interval_designs.py [CSV] [--features all|four-cs]
"""
import argparse
import json
import os

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import KFold, train_test_split

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CUT = ["Fair", "Good", "Very Good", "Premium", "Ideal"]
COLOR = ["J", "I", "H", "G", "F", "E", "D"]
CLARITY = ["I1", "SI2", "SI1", "VS2", "VS1", "VVS2", "VVS1", "IF"]
ALL = ["carat", "cut_r", "color_r", "clarity_r", "depth", "table", "x", "y", "z"]
FOUR_CS = ["carat", "cut_r", "color_r", "clarity_r"]
LEVELS = (0.8, 0.9)
K = 5


def load(path):
    d = pd.read_csv(path)
    d = d[(d.x * d.y * d.z != 0) & (d.price > 0)].reset_index(drop=True)
    d["cut_r"] = d.cut.map(CUT.index)
    d["color_r"] = d.color.map(COLOR.index)
    d["clarity_r"] = d.clarity.map(CLARITY.index)
    return d


def fit(d, cols):
    monotone = "(" + ",".join("1" if c == "carat" else "0" for c in cols) + ")"
    params = dict(objective="reg:squarederror", tree_method="hist", eta=0.03, max_depth=6,
                  subsample=0.8, colsample_bytree=0.8, seed=42, nthread=2,
                  monotone_constraints=monotone)
    return xgb.train(params, xgb.DMatrix(d[cols].values.astype(np.float32),
                                         label=np.log(d.price.values)), 600)


def log_pred(model, d, cols):
    return model.predict(xgb.DMatrix(d[cols].values.astype(np.float32)))


def band(carat):
    return np.digitize(carat, [0.5, 1, 1.5, 2])


def segments(d):
    return {"cut": d.cut.values, "color": d.color.values, "clarity": d.clarity.values,
            "carat": band(d.carat.values)}


def conformal(scores, level):
    s = np.sort(scores)
    k = int(np.ceil((len(s) + 1) * level))
    return s[min(k, len(s)) - 1]


def scale_lin(rows, r):
    def features(dd):
        f = [np.ones(len(dd)), np.log(dd.carat.values)]
        for col, levels in (("cut", CUT), ("color", COLOR), ("clarity", CLARITY)):
            for level in levels[1:]:
                f.append((dd[col].values == level).astype(float))
        b = band(dd.carat.values)
        for j in range(1, 5):
            f.append((b == j).astype(float))
        return np.column_stack(f)
    a = features(rows)
    beta = np.linalg.solve(a.T @ a + np.diag([1e-9] + [1.0] * (a.shape[1] - 1)),
                           a.T @ np.log(r + 0.01))
    return lambda dd: np.exp(features(dd) @ beta)


def scale_xgb(cols):
    def fit_scale(rows, r):
        m = xgb.train(dict(objective="reg:squarederror", max_depth=3, eta=0.05, seed=42,
                           subsample=0.8, nthread=2),
                      xgb.DMatrix(rows[cols].values.astype(np.float32), label=r), 200)
        return lambda dd: np.maximum(m.predict(xgb.DMatrix(dd[cols].values.astype(np.float32))),
                                     1e-3)
    return fit_scale


def quantiles(rows, scores, grouped, level):
    """A function of rows: the pooled quantile, or the largest of it and the rows' segments'."""
    pooled = conformal(scores, level)
    seg = segments(rows)
    table = {}
    if grouped:
        for kind, values in seg.items():
            for v in np.unique(values):
                mask = values == v
                if mask.sum() >= 30:
                    table[(kind, v)] = conformal(scores[mask], level)

    def of(dd):
        q = np.full(len(dd), pooled)
        for kind, values in segments(dd).items():
            for i, v in enumerate(values):
                q[i] = max(q[i], table.get((kind, v), 0))
        return q
    return of


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv", nargs="?", default=os.path.join(REPO_ROOT, "data", "diamonds.csv"))
    ap.add_argument("--features", default="all", choices=["all", "four-cs"])
    args = ap.parse_args()
    cols = ALL if args.features == "all" else FOUR_CS
    d = load(args.csv)
    tr_idx, te_idx = train_test_split(np.arange(len(d)), test_size=0.2, random_state=42)
    train, test = d.iloc[tr_idx].reset_index(drop=True), d.iloc[te_idx].reset_index(drop=True)

    folds = list(KFold(K, shuffle=True, random_state=42).split(train))
    oof = np.zeros(len(train))
    fold_of = np.zeros(len(train), int)
    fold_models = []
    for k, (a, b) in enumerate(folds):
        m = fit(train.iloc[a], cols)
        fold_models.append(m)
        oof[b] = log_pred(m, train.iloc[b], cols)
        fold_of[b] = k
    full = fit(train, cols)
    test_log = log_pred(full, test, cols)
    y_train = np.log(train.price.values)
    y_test = np.log(test.price.values)
    r = np.abs(y_train - oof)
    r_test = np.abs(y_test - test_log)
    check = list(KFold(K, shuffle=True, random_state=42).split(train))
    print("test MAE %.2f" % np.mean(np.abs(np.exp(test_log) - test.price.values)))

    designs = {}
    for name, scaler, grouped in (("pooled", None, False), ("groups", None, True),
                                  ("norm-lin", scale_lin, False), ("norm-lin+groups", scale_lin, True),
                                  ("norm-xgb", scale_xgb(cols), False),
                                  ("norm-xgb+groups", scale_xgb(cols), True)):
        sigma = np.ones(len(train))
        scales = []
        for a, b in check:
            if scaler is None:
                scales.append(lambda dd: np.ones(len(dd)))
            else:
                scales.append(scaler(train.iloc[a], r[a]))
            sigma[b] = scales[-1](train.iloc[b])
        s = r / sigma
        final = (lambda dd: np.ones(len(dd))) if scaler is None else scaler(train, r)
        result = {}
        for level in LEVELS:
            inside_oof = np.zeros(len(train), bool)
            for (a, b), scale in zip(check, scales):
                q = quantiles(train.iloc[a], s[a], grouped, level)
                inside_oof[b] = r[b] <= sigma[b] * q(train.iloc[b])
            h_test = final(test) * quantiles(train, s, grouped, level)(test)
            worst = []
            for kind, values in segments(train).items():
                for v in np.unique(values):
                    mask = values == v
                    if mask.sum() >= 50:
                        worst.append((round(float(inside_oof[mask].mean()), 3), kind, str(v),
                                      int(mask.sum())))
            worst.sort()
            result[str(level)] = dict(test=round(float((r_test <= h_test).mean()), 4),
                                      oof=round(float(inside_oof.mean()), 4),
                                      median_half_width=round(float(np.median(h_test)), 4),
                                      worst_segments=worst[:3])
        designs[name] = result

    # CV+ (Barber et al. 2021), pooled: each test stone's range from the fold models' predictions
    fold_test = np.stack([log_pred(m, test, cols) for m in fold_models])
    result = {}
    for level in LEVELS:
        alpha = 1 - level
        lo = np.zeros(len(test))
        hi = np.zeros(len(test))
        for j in range(len(test)):
            lows = fold_test[fold_of, j] - r
            highs = fold_test[fold_of, j] + r
            lo[j] = np.sort(lows)[max(int(np.floor(alpha * (len(r) + 1))) - 1, 0)]
            hi[j] = np.sort(highs)[min(int(np.ceil((1 - alpha) * (len(r) + 1))), len(r)) - 1]
        result[str(level)] = dict(test=round(float(((y_test >= lo) & (y_test <= hi)).mean()), 4),
                                  median_half_width=round(float(np.median((hi - lo) / 2)), 4))
    designs["cv-plus"] = result
    for name, result in designs.items():
        print(name, json.dumps(result))


if __name__ == "__main__":
    main()
