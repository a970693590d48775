#!/usr/bin/env bash
# Times the XGBoost tuning of both sides on this machine, one after the other, and checks the bar:
#   each Java model's wall time <= 0.5 x Python's wall time  AND  its test MAE <= Python's
#   (and <= 339.0 on the bundled data/diamonds.csv, the notebook's figure)
# Python: the notebook's pipeline (bench/notebook_reference.py, Debian's /usr/bin/python3); for
#   xgboost-log the same pipeline with --log-target (log(price), monotone in carat), run too.
# Java:   bin/diamonds evaluate --data FILE --model TYPE --trials N --json, once per model type
# Each side's wall time is measured around the whole process with `date +%s.%N`, and its peak RSS
# with GNU time when /usr/bin/time is there; the metrics come from the JSON object on the last
# stdout line of each. Logs go to a temporary directory (printed at the end) unless --keep-logs DIR.
#
# Usage: bench/compare_tuning.sh [--data FILE] [--models xgboost,xgboost-log] [--trials N]
#                                [--keep-logs DIR] [--no-python]
#   --no-python  Java side only (for sizes where Python would take hours); no bar is checked
# Exit status: 0 PASS, 1 FAIL, 2 bad arguments or a side failed.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
py=/usr/bin/python3
trials=100
logs=""
data=""
models=xgboost
python=yes

while [ $# -gt 0 ]; do
  case "$1" in
    --trials) trials="${2:?--trials needs a value}"; shift 2 ;;
    --trials=*) trials="${1#--trials=}"; shift ;;
    --keep-logs) logs="${2:?--keep-logs needs a directory}"; shift 2 ;;
    --data) data="${2:?--data needs a file}"; shift 2 ;;
    --models) models="${2:?--models needs model types}"; shift 2 ;;
    --no-python) python=no; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$trials" in ''|*[!0-9]*|0) echo "--trials must be a positive integer" >&2; exit 2 ;; esac

if [ -z "$logs" ]; then logs=$(mktemp -d "${TMPDIR:-/tmp}/compare_tuning.XXXXXX"); fi
mkdir -p "$logs"
bundled="$root/data/diamonds.csv"
data=$(readlink -f "${data:-$bundled}")
[ -f "$data" ] || { echo "no such file: $data" >&2; exit 2; }
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
  local timed=()
  if [ -x /usr/bin/time ]; then timed=(/usr/bin/time -f '%M' -o "$logs/$name.rss"); fi
  t0=$(now)
  (cd "$root" && "${timed[@]}" "$@") >"$logs/$name.out" 2>"$logs/$name.err" || rc=$?
  t1=$(now)
  if [ "$rc" -ne 0 ]; then
    echo "$name failed with exit status $rc; last lines of $logs/$name.err:" >&2
    tail -n 20 "$logs/$name.err" >&2
    exit 2
  fi
  printf -v "wall_$name" '%s' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')"
  printf -v "json_$name" '%s' "$(tail -n 1 "$logs/$name.out")"
  printf -v "rss_$name" '%s' "$( [ -f "$logs/$name.rss" ] && awk '{ printf "%.0f", $1 / 1024 }' "$logs/$name.rss" || echo -)"
  local w="wall_$name"
  echo "   $name done in ${!w} s" >&2
}

# field JSON KEY: one value from a JSON object (numbers printed as-is)
field() {
  "$py" -c 'import json, sys
v = json.loads(sys.argv[1]).get(sys.argv[2])
print("" if v is None else v)' "$1" "$2"
}

IFS=, read -r -a types <<<"$models"
# the Python side each Java model type is held against
python_side() { if [ "$1" = xgboost-log ]; then echo python_log; else echo python; fi; }
if [ "$python" = yes ]; then
  for side in $(for t in "${types[@]}"; do python_side "$t"; done | sort -u); do
    if [ "$side" = python_log ]; then
      run_side python_log "$py" "$root/bench/notebook_reference.py" "$data" --trials "$trials" --log-target
    else
      run_side python "$py" "$root/bench/notebook_reference.py" "$data" --trials "$trials"
    fi
  done
fi

[ -x "$launcher" ] || { echo "$launcher does not exist" >&2; exit 2; }
# the launcher builds the jars when they are stale: do that first, outside the timing
(cd "$root" && "$launcher" --help) >"$logs/java-build.log" 2>&1 || {
  echo "bin/diamonds --help failed; see $logs/java-build.log" >&2; exit 2; }
for t in "${types[@]}"; do
  run_side "java_${t//-/_}" "$launcher" evaluate --data "$data" --model "$t" --trials "$trials" --json
done

rows=$(($(wc -l <"$data") - 1))
echo
echo "XGBoost tuning, $trials trials, $(nproc) cores, $(basename "$data") ($rows data lines)"
printf '%-12s %10s %12s %10s %10s %8s\n' side "wall s" "test MAE" "test R2" "peak MiB" ratio
row() { # side wall json rss ratio
  printf '%-12s %10.2f %12.2f %10.4f %10s %8s\n' "$1" "$2" "$(field "$3" mae)" "$(field "$3" r2)" "$4" "$5"
}
if [ "$python" = yes ]; then
  for side in python python_log; do
    w="wall_$side"; [ -n "${!w:-}" ] || continue
    j="json_$side"; r="rss_$side"
    row "$side" "${!w}" "${!j}" "${!r}" 1
    echo "  ($side: tuning $(field "${!j}" tuning_seconds) s, in-process $(field "${!j}" seconds) s, best validation MAE $(field "${!j}" best_validation_mae))"
  done
fi
pass=yes
for t in "${types[@]}"; do
  n="java_${t//-/_}"; w="wall_$n"; j="json_$n"; r="rss_$n"
  ratio=-
  ps=$(python_side "$t"); pw="wall_$ps"; pj="json_$ps"
  [ "$python" = yes ] && ratio=$(awk -v j="${!w}" -v p="${!pw}" 'BEGIN { printf "%.3f", j / p }')
  row "$t" "${!w}" "${!j}" "${!r}" "$ratio"
  if [ "$python" = yes ]; then
    mae=$(field "${!j}" mae)
    bar=$(field "${!pj}" mae)
    [ "$data" = "$bundled" ] && bar=$(awk -v b="$bar" 'BEGIN { print (b < 339.0 ? b : 339.0) }')
    if awk -v r="$ratio" -v m="$mae" -v b="$bar" 'BEGIN { exit !(r <= 0.5 && m <= b) }'; then
      echo "  PASS $t: wall time $ratio x $ps's (<= 0.5), test MAE $mae (<= $bar)"
    else
      echo "  FAIL $t: bar is wall time <= 0.5 x $ps's (got $ratio) and test MAE <= $bar (got $mae)"
      pass=no
    fi
  fi
done
echo "logs: $logs"
[ "$python" = no ] && exit 0
[ "$pass" = yes ]
