#!/usr/bin/env bash
# CPU per priced item, explained and not, as the server spends it: starts the service on a fresh
# SQLite state folder (default training: 100 TPE trials; the bootstrap trains every type, a few
# minutes on 2 cores), waits until no training run is left, then sends batches of the bundled
# diamonds to POST /api/v1/predictions/batch?model=xgboost-log[&explain=true] one after the other
# and reads the CPU the whole server process used (/proc/PID/stat: every thread, the request log's
# writer and the garbage collector included) over each set of batches. Prints, per case, the CPU
# milliseconds a batch took and the microseconds an item; diamonds.limits.* take their numbers
# from it (docs/scaling.md, "What one request may cost"). The batches carry the admin token, so
# the anonymous limits do not refuse them.
#
#   bench/batch_cost.sh [--jar pricing-server/target/pricing-server.jar] [--trials 100]
#                       [--keep DIR]   (reuse or keep the trained state folder in DIR)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
jar="$root/pricing-server/target/pricing-server.jar"
trials=100 keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    --trials) trials=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
command -v curl >/dev/null || { echo "batch_cost.sh: curl is required" >&2; exit 2; }
if [ -n "$keep" ]; then
  mkdir -p "$keep"; home=$(readlink -f "$keep")
else
  home=$(mktemp -d "${TMPDIR:-/tmp}/batch_cost.XXXXXX")
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
  [ -n "$keep" ] || rm -rf "$home"
}
trap cleanup EXIT
DIAMONDS_HOME="$home" SERVER_PORT="$port" java -jar "$jar" serve \
  --diamonds.training.trials="$trials" >>"$home/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -20 "$home/server.log" >&2; exit 1; }
  sleep 0.5
done
echo "waiting for the bootstrap's training runs to end ..." >&2
for _ in $(seq 1 1800); do
  busy=$(curl -sf "$base/api/v1/training-runs" | grep -cE '"status" *: *"(queued|running)"' || true)
  [ "$busy" = 0 ] && break
  sleep 2
done
token=$(cat "$home/admin-token")
bodies="$home/bodies"
mkdir -p "$bodies"
python3 - "$root/data/diamonds.csv" "$bodies" <<'PY'
import csv, json, sys
# the rows the service takes: measured stones (the bundled file has a few with x, y or z = 0)
rows = [r for r in csv.DictReader(open(sys.argv[1]))
        if min(float(r["x"]), float(r["y"]), float(r["z"])) > 0]
for n in (100, 1000, 10000):
    items = []
    for i in range(n):
        r = rows[(i * 7919) % len(rows)]
        items.append({k: (r[k] if k in ("cut", "color", "clarity") else float(r[k]))
                      for k in ("carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z")})
    json.dump({"diamonds": items}, open("%s/%d.json" % (sys.argv[2], n), "w"))
PY
tick=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
send() {
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "@$bodies/$2.json" \
    "$base/api/v1/predictions/batch?model=xgboost-log&explain=$1"
}
send_body() {
  curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "@$bodies/$2.json" "$base/api/v1/predictions/batch?model=xgboost-log&explain=$1" |
    head -c 600
}
# explain, items, batches measured (after two to warm up)
printf '%-8s %6s %8s %14s %12s\n' explain items batches "ms CPU/batch" "µs CPU/item"
cases=("false 1000 20" "false 10000 8" "true 100 20" "true 1000 4")
# warm-up: every case a few times first, so that the JIT compiles the code of each before any is
# timed (its compiler threads are part of the process's CPU)
for c in "${cases[@]}"; do
  set -- $c
  for _ in 1 2 3; do send "$1" "$2" >/dev/null; done
done
for c in "${cases[@]}"; do
  set -- $c
  send "$1" "$2" >/dev/null
  sleep 2 # the writer stores the warm-up's records
  t0=$(ticks)
  for _ in $(seq 1 "$3"); do
    code=$(send "$1" "$2")
    [ "$code" = 200 ] || { echo "batch answered $code:" >&2; send_body "$1" "$2" >&2; exit 1; }
  done
  sleep 2 # and the measured ones' (counted: recording is part of the cost)
  t1=$(ticks)
  awk -v e="$1" -v n="$2" -v b="$3" -v t=$((t1 - t0)) -v hz="$tick" 'BEGIN {
    ms = t / hz * 1000 / b; printf "%-8s %6d %8d %14.1f %12.1f\n", e, n, b, ms, ms * 1000 / n }'
done
