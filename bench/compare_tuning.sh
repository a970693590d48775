#!/usr/bin/env bash
# Times the XGBoost tuning of both sides on this machine, one after the other, and checks the bar:
#   Java wall time <= 0.5 x Python wall time  AND  Java test MAE <= 339.0
# Python: the notebook's pipeline (bench/notebook_reference.py, Debian's /usr/bin/python3).
# Java:   bin/diamonds evaluate --data data/diamonds.csv --model xgboost --trials N --json
# Each side's wall time is measured around the whole process with `date +%s.%N`; the metrics come
# from the JSON object on the last stdout line of each. Logs go to a temporary directory
# (printed at the end) unless --keep-logs DIR is given.
#
# Usage: bench/compare_tuning.sh [--trials N] [--keep-logs DIR]
# Exit status: 0 PASS, 1 FAIL, 2 bad arguments or a side failed.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
py=/usr/bin/python3
trials=100
logs=""

while [ $# -gt 0 ]; do
  case "$1" in
    --trials) trials="${2:?--trials needs a value}"; shift 2 ;;
    --trials=*) trials="${1#--trials=}"; shift ;;
    --keep-logs) logs="${2:?--keep-logs needs a directory}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$trials" in ''|*[!0-9]*|0) echo "--trials must be a positive integer" >&2; exit 2 ;; esac

if [ -z "$logs" ]; then logs=$(mktemp -d "${TMPDIR:-/tmp}/compare_tuning.XXXXXX"); fi
mkdir -p "$logs"
data="$root/data/diamonds.csv"
# DIAMONDS_LAUNCHER: another command with the same interface (e.g. a wrapper around a built jar)
launcher="${DIAMONDS_LAUNCHER:-$root/bin/diamonds}"
# `evaluate` needs no database; keep whatever the launcher writes out of the working tree
diamonds_home=$(mktemp -d "${TMPDIR:-/tmp}/compare_tuning_home.XXXXXX")
trap 'rm -rf "$diamonds_home"' EXIT
export DIAMONDS_HOME="$diamonds_home"

now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# run_side NAME CMD...: runs CMD from the repo root, stdout/stderr to $logs/NAME.{out,err};
# sets wall_NAME and json_NAME (the last stdout line)
run_side() {
  local name=$1; shift
  echo "== $name: $* (load average before: $(load))" >&2
  local t0 t1 rc=0
  t0=$(now)
  (cd "$root" && "$@") >"$logs/$name.out" 2>"$logs/$name.err" || rc=$?
  t1=$(now)
  if [ "$rc" -ne 0 ]; then
    echo "$name failed with exit status $rc; last lines of $logs/$name.err:" >&2
    tail -n 20 "$logs/$name.err" >&2
    exit 2
  fi
  printf -v "wall_$name" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
  printf -v "json_$name" '%s' "$(tail -n 1 "$logs/$name.out")"
  local w="wall_$name"
  echo "   $name done in ${!w} s" >&2
}

# field JSON KEY: one value from a JSON object (numbers printed as-is)
field() {
  "$py" -c 'import json, sys
v = json.loads(sys.argv[1]).get(sys.argv[2])
print("" if v is None else v)' "$1" "$2"
}

run_side python "$py" "$root/bench/notebook_reference.py" "$data" --trials "$trials"

java_ran=no
if [ -x "$launcher" ]; then
  # the launcher builds the jars when they are stale: do that first, outside the timing
  (cd "$root" && "$launcher" --help) >"$logs/java-build.log" 2>&1 || {
    echo "bin/diamonds --help failed; see $logs/java-build.log" >&2; exit 2; }
  run_side java "$launcher" evaluate \
    --data "$data" --model xgboost --trials "$trials" --json
  java_ran=yes
else
  echo "== java: $launcher does not exist yet; Python side only" >&2
fi

echo
echo "XGBoost tuning, $trials trials, $(nproc) cores, data/diamonds.csv"
printf '%-8s %12s %12s %10s\n' side "wall s" "test MAE" "test R2"
row() { # side wall json
  printf '%-8s %12.2f %12.2f %10.4f\n' "$1" "$2" "$(field "$3" mae)" "$(field "$3" r2)"
}
row python "$wall_python" "$json_python"
echo "  (python: tuning $(field "$json_python" tuning_seconds) s, in-process $(field "$json_python" seconds) s, best validation MAE $(field "$json_python" best_validation_mae))"
if [ "$java_ran" = yes ]; then
  row java "$wall_java" "$json_java"
  echo "  (java: in-process $(field "$json_java" seconds) s)"
  ratio=$(awk -v j="$wall_java" -v p="$wall_python" 'BEGIN { printf "%.3f", j / p }')
  java_mae=$(field "$json_java" mae)
  echo "ratio java/python wall time: $ratio"
  echo "logs: $logs"
  if awk -v r="$ratio" -v m="$java_mae" 'BEGIN { exit !(r <= 0.5 && m <= 339.0) }'; then
    echo "PASS: Java wall time $ratio x Python's (<= 0.5) and Java test MAE $java_mae (<= 339.0)"
    exit 0
  else
    echo "FAIL: bar is Java wall time <= 0.5 x Python's (got $ratio) and Java test MAE <= 339.0 (got $java_mae)"
    exit 1
  fi
else
  echo "logs: $logs"
  echo "FAIL: no Java side to compare (bin/diamonds missing)"
  exit 1
fi
