#!/usr/bin/python3
"""Checks that an exported XGBoost model predicts in Python's xgboost what Java predicted.

Loads the artifact written by `bin/diamonds models export ID FILE` with Python's xgboost (Debian's
1.7.4), prices the rows of the CSV the notebook's way (drop x*y*z == 0 and price <= 0, cut / color
/ clarity as pandas categoricals in the notebook's orders), and compares the predictions with
Java's (`bin/diamonds models predict ID --data CSV --json`, same rows in file order).

PASS when Python reads the model, the rows line up (same count, same prices) and the largest
absolute difference is below the tolerance (default 1e-3 dollars; both sides compute in float32).
The last stdout line is one JSON object with the figures. Exit status: 0 PASS, 1 FAIL.

Usage: /usr/bin/python3 bench/export_check.py --model MODEL.json --java PREDICTIONS.json [--data CSV]
"""
import argparse
import json
import os
import sys

import numpy as np
import pandas as pd
import xgboost

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CSV = os.path.join(REPO_ROOT, "data", "diamonds.csv")

FEATURES = ["carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z"]
CUT_ORDER = ["Fair", "Good", "Very Good", "Ideal", "Premium"]
COLOR_ORDER = ["D", "E", "F", "G", "H", "I", "J"]
CLARITY_ORDER = ["IF", "VVS1", "VVS2", "VS1", "VS2", "SI1", "SI2", "I1"]
PROVENANCE_ATTRIBUTE = "diamond_pricing_provenance"


def load(path):
    df = pd.read_csv(path)
    df = df[(df["x"] * df["y"] * df["z"] != 0) & (df["price"] > 0)].copy()
    df["cut"] = pd.Categorical(df["cut"], categories=CUT_ORDER, ordered=True)
    df["color"] = pd.Categorical(df["color"], categories=COLOR_ORDER, ordered=True)
    df["clarity"] = pd.Categorical(df["clarity"], categories=CLARITY_ORDER, ordered=True)
    return df


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", required=True, help="the exported XGBoost JSON")
    ap.add_argument("--java", required=True, help="output of `models predict ID --data CSV --json`")
    ap.add_argument("--data", default=DEFAULT_CSV, help="the CSV Java priced (default data/diamonds.csv)")
    ap.add_argument("--tolerance", type=float, default=1e-3, help="max abs difference (default 1e-3)")
    args = ap.parse_args(argv)

    problems = []
    with open(args.model, encoding="utf-8") as f:
        text = f.read()
    if '"base_score":"[' in text:
        problems.append('the artifact writes base_score as a vector ("[...]"), which xgboost < 3.1 misreads')

    booster = xgboost.Booster()
    booster.load_model(args.model)
    config = json.loads(booster.save_config())
    base_score = config["learner"]["learner_model_param"]["base_score"]
    provenance = booster.attr(PROVENANCE_ATTRIBUTE)
    if provenance is None:
        problems.append(f"the model has no {PROVENANCE_ATTRIBUTE} attribute")
    if list(booster.feature_names or []) != FEATURES:
        problems.append(f"feature names {booster.feature_names} are not {FEATURES}")

    with open(args.java, encoding="utf-8") as f:
        java = json.load(f)
    java_pred = np.asarray(java["predictions"], dtype=np.float64)
    java_prices = np.asarray(java["prices"], dtype=np.float64)

    df = load(args.data)
    dmatrix = xgboost.DMatrix(df[FEATURES], enable_categorical=True)
    py_pred = booster.predict(dmatrix).astype(np.float64)
    py_inplace = booster.inplace_predict(df[FEATURES]).astype(np.float64)

    result = {
        "xgboost": xgboost.__version__,
        "model": os.path.basename(args.model),
        "java_model_id": java.get("modelId"),
        "base_score": base_score,
        "provenance_attribute": provenance is not None,
        "rows_java": int(len(java_pred)),
        "rows_python": int(len(py_pred)),
        "tolerance": args.tolerance,
    }
    if len(java_pred) != len(py_pred):
        problems.append(f"row counts differ: Java {len(java_pred)}, Python {len(py_pred)}")
    else:
        if not np.array_equal(java_prices, df["price"].to_numpy(dtype=np.float64)):
            problems.append("the rows do not line up: Java's prices differ from the CSV's")
        diff = np.abs(java_pred - py_pred)
        result["max_abs_diff"] = float(diff.max()) if len(diff) else 0.0
        result["mean_abs_diff"] = float(diff.mean()) if len(diff) else 0.0
        result["rows_differing"] = int(np.count_nonzero(diff))
        result["max_abs_diff_inplace"] = float(np.abs(java_pred - py_inplace).max()) if len(diff) else 0.0
        result["max_rel_diff"] = float((diff / np.maximum(np.abs(py_pred), 1e-9)).max()) if len(diff) else 0.0
        result["mean_prediction"] = float(py_pred.mean()) if len(diff) else 0.0
        if result["max_abs_diff"] >= args.tolerance:
            problems.append(f"max abs difference {result['max_abs_diff']:.6g} >= {args.tolerance}")
        if result["max_abs_diff_inplace"] >= args.tolerance:
            problems.append(
                f"max abs difference with inplace_predict {result['max_abs_diff_inplace']:.6g} >= {args.tolerance}")

    result["problems"] = problems
    result["result"] = "FAIL" if problems else "PASS"
    print(f"Python xgboost {xgboost.__version__} read {args.model} (base_score {base_score},"
          f" provenance attribute {'present' if provenance is not None else 'MISSING'})")
    print(f"rows: Java {result['rows_java']}, Python {result['rows_python']}")
    if "max_abs_diff" in result:
        print(f"max |Java - Python| = {result['max_abs_diff']:.6g} dollars"
              f" (mean {result['mean_abs_diff']:.3g}, {result['rows_differing']} rows differ at all;"
              f" inplace_predict max {result['max_abs_diff_inplace']:.6g}; tolerance {args.tolerance})")
    for p in problems:
        print("problem: " + p)
    print(result["result"])
    print(json.dumps(result))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
