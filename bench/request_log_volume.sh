#!/usr/bin/env bash
# What the request log costs in PostgreSQL per priced request: starts the service on a fresh
# PostgreSQL database, prices diamonds with wrk for a while (bench/predict.lua: POST
# /api/v1/predictions), waits until the writer has stored every record, then prints the rows and
# the on-disk size (table + indexes + TOAST) of `request_log` and `prediction`, and the bytes per
# request. docs/scaling.md turns that into volume per day at a request rate.
#
# With --batch N it sends batches of N diamonds (POST /api/v1/predictions/batch, one after the
# other, for the same duration) instead: one log row a batch, N predictions. Either way the last
# line is the bytes both tables hold per priced diamond.
#
# Usage: bench/request_log_volume.sh [--duration 20s] [--batch N] [--jar pricing-server/target/pricing-server.jar]
# Needs wrk, curl, psql and PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
duration=20s
batch=0
jar="$root/pricing-server/target/pricing-server.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
for tool in wrk curl psql; do
  command -v "$tool" >/dev/null || { echo "request_log_volume.sh: $tool is required" >&2; exit 2; }
done
pg=(psql -h 127.0.0.1 -p 5432 -U postgres -qtA)
db="diamonds_volume_$(date +%s)"
home=$(mktemp -d "${TMPDIR:-/tmp}/request_log_volume.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"${pg[@]}" -c "create database $db" postgres >/dev/null
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
  "${pg[@]}" -c "drop database if exists $db" postgres >/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
DIAMONDS_HOME="$home" SERVER_PORT="$port" DIAMONDS_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
  DIAMONDS_DB_USER=postgres java -jar "$jar" serve --diamonds.training.trials=5 \
  --diamonds.limits.anonymous-items-per-minute=2000000000 \
  >"$home/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -20 "$home/server.log" >&2; exit 1; }
  sleep 0.5
done
# let the bootstrap's background runs finish first, so that they do not share the machine
sleep 20
if [ "$batch" -gt 0 ]; then
  python3 - "$root/data/diamonds.csv" "$batch" >"$home/batch.json" <<'PY'
import csv, json, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))
        if min(float(r["x"]), float(r["y"]), float(r["z"])) > 0]
n = int(sys.argv[2])
keys = ("carat", "cut", "color", "clarity", "depth", "table", "x", "y", "z")
print(json.dumps({"diamonds": [
    {k: (rows[(i * 7919) % len(rows)][k] if k in ("cut", "color", "clarity")
         else float(rows[(i * 7919) % len(rows)][k])) for k in keys} for i in range(n)]}))
PY
  end=$((SECONDS + ${duration%s})) sent=0
  while [ "$SECONDS" -lt "$end" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
      --data-binary "@$home/batch.json" "$base/api/v1/predictions/batch")
    [ "$code" = 200 ] || { echo "a batch answered $code" >&2; exit 1; }
    sent=$((sent + 1))
  done
  echo "$sent batches of $batch diamonds"
else
  wrk -t2 -c16 -d "$duration" -s "$root/bench/predict.lua" "$base/api/v1/predictions" | grep -E "Requests/sec|requests in"
fi
count() { "${pg[@]}" -d "$db" -c "select count(*) from $1"; }
last=-1
for _ in $(seq 1 120); do
  now=$(count request_log)
  [ "$now" = "$last" ] && break
  last=$now; sleep 1
done
"${pg[@]}" -d "$db" -c "vacuum analyze request_log" -c "vacuum analyze prediction" >/dev/null
total=0
for table in request_log prediction; do
  rows=$(count $table)
  bytes=$("${pg[@]}" -d "$db" -c "select pg_total_relation_size('$table')")
  total=$((total + bytes))
  awk -v t="$table" -v r="$rows" -v b="$bytes" \
    'BEGIN { printf "%-12s %10d rows %12d bytes  %7.1f bytes a row\n", t, r, b, b / r }'
done
awk -v b="$total" -v n="$(count prediction)" \
  'BEGIN { printf "both tables: %.1f bytes a priced diamond\n", b / n }'
