#!/usr/bin/env bash
# CPU per request of a running server under load: wrk -t2 -c32 on POST /api/v1/predictions
# (bench/predict.lua) for DURATION, then the CPU the server's process, its request-log writer
# thread and (with --postgres) PostgreSQL's processes used, in µs per answered request, from
# /proc/PID/stat and /proc/PID/task/*/stat. Steadier than requests/s on a machine whose speed
# drifts (see bench/README.md, "Recording predictions"). Warm the server up first (a minute of
# load); run it three times and read the spread.
#
#   bench/cpu_per_request.sh --pid PID --url http://127.0.0.1:8080 [--duration 30s] [--postgres]
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
pid= url= duration=30s postgres=0
while [ $# -gt 0 ]; do
  case "$1" in
    --pid) pid=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --postgres) postgres=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$pid" ] && [ -n "$url" ] || { echo "--pid and --url are required" >&2; exit 2; }
[ -r "/proc/$pid/stat" ] || { echo "no process $pid" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is required (apt-get install -y wrk)" >&2; exit 2; }

tick=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "$1" 2>/dev/null || echo 0; }
process() { ticks "/proc/$pid/stat"; }
writer() {
  for t in /proc/"$pid"/task/*; do
    case "$(cat "$t/comm")" in diamonds-reques*) ticks "$t/stat"; return ;; esac
  done
  echo 0
}
database() {
  local sum=0
  if [ "$postgres" = 1 ]; then
    for p in $(pgrep -u postgres || true); do sum=$((sum + $(ticks "/proc/$p/stat"))); done
  fi
  echo "$sum"
}

p0=$(process); w0=$(writer); d0=$(database)
out=$(wrk -t2 -c32 -d"$duration" -s "$root/bench/predict.lua" "$url/api/v1/predictions")
p1=$(process); w1=$(writer); d1=$(database)
n=$(echo "$out" | awk '/requests in/ {print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
python3 - "$n" "$tick" "$rps" "$((p1 - p0))" "$((w1 - w0))" "$((d1 - d0))" "$postgres" <<'PY'
import sys
n, tick, rps, p, w, d, pg = sys.argv[1:]
n, tick = int(n), int(tick)
us = lambda t: int(t) / tick * 1e6 / n
line = "requests/s %s  server %.1f µs/request  writer %.1f µs/request" % (rps, us(p), us(w))
if pg == "1":
    line += "  PostgreSQL %.1f µs/request" % us(d)
print(line)
PY
