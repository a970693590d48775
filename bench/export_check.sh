#!/usr/bin/env bash
# Checks that an XGBoost model exported by Java predicts the same in Python's xgboost 1.7:
#   1. bin/diamonds train --data CSV --models linear,xgboost --trials N   (a throwaway DIAMONDS_HOME)
#   2. bin/diamonds models export ID xgboost.json                          (the xgboost model)
#   3. bin/diamonds models predict ID --data CSV --json                    (Java's predictions)
#   4. /usr/bin/python3 bench/export_check.py                              (load, predict, compare)
# PASS when Python loads the model and max |Java - Python| < 1e-3 dollars over the CSV's rows.
#
# Usage: bench/export_check.sh [--trials N] [--data CSV] [--keep DIR]
# Exit status: 0 PASS, 1 FAIL, 2 bad arguments or a step failed.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
py=/usr/bin/python3
trials=5
data="$root/data/diamonds.csv"
keep=""

while [ $# -gt 0 ]; do
  case "$1" in
    --trials) trials="${2:?--trials needs a value}"; shift 2 ;;
    --trials=*) trials="${1#--trials=}"; shift ;;
    --data) data="${2:?--data needs a file}"; shift 2 ;;
    --data=*) data="${1#--data=}"; shift ;;
    --keep) keep="${2:?--keep needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$trials" in ''|*[!0-9]*|0) echo "--trials must be a positive integer" >&2; exit 2 ;; esac
[ -f "$data" ] || { echo "no such file: $data" >&2; exit 2; }
data=$(readlink -f "$data")

# DIAMONDS_LAUNCHER: another command with the same interface (e.g. a wrapper around a built jar)
launcher="${DIAMONDS_LAUNCHER:-$root/bin/diamonds}"
work=${keep:-$(mktemp -d "${TMPDIR:-/tmp}/export_check.XXXXXX")}
mkdir -p "$work"
export DIAMONDS_HOME="$work/home"
if [ -z "$keep" ]; then trap 'rm -rf "$work"' EXIT; fi

step() { echo "== $*" >&2; }
fail() { echo "$1; last lines of $2:" >&2; tail -n 20 "$2" >&2; exit 2; }

step "train linear,xgboost ($trials trials) on $data into $DIAMONDS_HOME"
"$launcher" train --data "$data" --models linear,xgboost --trials "$trials" --json \
  >"$work/train.out" 2>"$work/train.err" || fail "train failed" "$work/train.err"
model_id=$(tail -n 1 "$work/train.out" | "$py" -c '
import json, sys
run = json.load(sys.stdin)
print(next(m["modelId"] for m in run["models"] if m["type"] == "xgboost"))')
tail -n 1 "$work/train.out" | "$py" -c '
import json, sys
run = json.load(sys.stdin)
for m in run["models"]:
    print("   model %s: %s v%s, test MAE %.2f, R2 %.4f" % (m["modelId"], m["type"], m["version"], m["testMae"], m["testR2"]))' >&2

step "export model $model_id"
"$launcher" models export "$model_id" "$work/xgboost.json" >"$work/export.out" 2>"$work/export.err" \
  || fail "export failed" "$work/export.err"
cat "$work/export.out" >&2

step "Java's predictions with model $model_id"
"$launcher" models predict "$model_id" --data "$data" --json >"$work/java.json" 2>"$work/predict.err" \
  || fail "predict failed" "$work/predict.err"

step "Python xgboost: load and compare"
rc=0
"$py" "$root/bench/export_check.py" --model "$work/xgboost.json" --java "$work/java.json" \
  --data "$data" || rc=$?
if [ -n "$keep" ]; then echo "files kept in $work" >&2; fi
exit "$rc"
