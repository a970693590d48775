#!/usr/bin/env bash
# HTTP throughput and latency of the service with the request log on and off, on SQLite and on
# PostgreSQL: POST /api/v1/predictions (bench/predict.lua) and GET /api/v1/diamonds/similar, each
# measured with `wrk -t2 -c32 -d30s --latency` after a 10 s warm-up, against the xgboost champion
# trained by the service's bootstrap on the bundled data. Prints one table. See bench/README.md.
#
#   bench/http_load.sh                      # all four configurations
#   bench/http_load.sh --skip-postgres      # SQLite only
#   bench/http_load.sh --duration 10s --warmup 3s --trials 20 --keep-logs /tmp/hl
#
# Needs wrk (apt-get install -y wrk), curl, python3; psql and PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust auth) for the PostgreSQL rows (a fresh database per run, dropped afterwards).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
duration=30s
warmup=10s
threads=2
connections=32
trials=
postgres=1
keep=
pg_host=${DIAMONDS_BENCH_PG_HOST:-127.0.0.1}
pg_port=${DIAMONDS_BENCH_PG_PORT:-5432}
pg_user=${DIAMONDS_BENCH_PG_USER:-postgres}

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --trials) trials=$2; shift 2 ;;
    --skip-postgres) postgres=0; shift ;;
    --keep-logs) keep=$2; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "http_load.sh: $tool is required" >&2; exit 2; }
done
if [ "$postgres" = 1 ] && ! command -v psql >/dev/null; then
  echo "http_load.sh: psql is required for the PostgreSQL rows (or --skip-postgres)" >&2; exit 2
fi

work=$(mktemp -d /tmp/http-load.XXXXXX)
server_pid=
pg_db=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$pg_db" ]; then
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qc "drop database if exists $pg_db" postgres \
      >/dev/null 2>&1 || true
  fi
  if [ -n "$keep" ]; then
    mkdir -p "$keep" && cp -r "$work"/. "$keep"/ && echo "logs kept in $keep" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# build once (bin/diamonds rebuilds stale jars), outside of any measurement
"$root/bin/diamonds" --version >/dev/null

# json EXPR: evaluates EXPR on the JSON document on stdin (as d); prints nothing when it cannot
json() {
  python3 -c "import json,sys
try:
    d=json.load(sys.stdin); print($1)
except Exception:
    pass" 2>/dev/null
}

# start SERVER: db logging; sets base, home, token, server_pid
start_server() {
  local db=$1 logging=$2 name="$1-log-$2"
  home="$work/$name"
  mkdir -p "$home"
  local port; port=$(free_port)
  base="http://127.0.0.1:$port"
  local -a env=(DIAMONDS_HOME="$home" SERVER_PORT="$port" DIAMONDS_REQUEST_LOG_ENABLED="$logging")
  if [ "$db" = postgresql ]; then
    pg_db="diamonds_bench_$(date +%s)_$RANDOM"
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qc "create database $pg_db" postgres >/dev/null
    env+=(DIAMONDS_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$pg_db" DIAMONDS_DB_USER="$pg_user")
  else
    env+=(DIAMONDS_DB_URL=)
  fi
  local -a args=(serve "--diamonds.request-log.enabled=$logging")
  if [ -n "$trials" ]; then args+=("--diamonds.training.trials=$trials"); fi
  env "${env[@]}" "$root/bin/diamonds" "${args[@]}" >"$home/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 240); do
    kill -0 "$server_pid" 2>/dev/null || { tail -30 "$home/server.log" >&2; echo "the server died" >&2; exit 1; }
    curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "$base/actuator/health/readiness" >/dev/null || { echo "the server is not ready" >&2; exit 1; }
  token=$(cat "$home/admin-token")
  # the bootstrap trains xgboost in the background; it becomes the champion when it beats linear
  local champion=
  for _ in $(seq 1 900); do
    champion=$(curl -sf "$base/api/v1/models" | json '",".join(m["type"] for m in d if m["champion"])')
    [ "$champion" = xgboost ] && break
    local running
    running=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/training-runs?limit=5" \
      | json 'sum(1 for r in d if r["status"] in ("queued","running"))')
    if [ "$running" = 0 ]; then
      local best
      best=$(curl -sf "$base/api/v1/models" \
        | json 'min((m for m in d if m["type"]=="xgboost"), key=lambda m: m["test"]["mae"])["id"]')
      curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"reason":"bench/http_load.sh"}' "$base/api/v1/models/$best/promote" >/dev/null
    fi
    sleep 1
  done
  [ "$champion" = xgboost ] || { echo "no xgboost champion after 15 minutes" >&2; exit 1; }
  # the champion poller loads it: wait until predictions come from it
  for _ in $(seq 1 60); do
    local served
    served=$(curl -sf -X POST -H 'Content-Type: application/json' \
      -d '{"carat":1.1,"cut":"Ideal","color":"H","clarity":"SI2"}' "$base/api/v1/predictions" \
      | json 'd["model"]["type"]' || true)
    [ "$served" = xgboost ] && break
    sleep 1
  done
  sleep 5 # let the training threads wind down
}

stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=
  if [ -n "$pg_db" ]; then
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qc "drop database if exists $pg_db" postgres >/dev/null
    pg_db=
  fi
}

# run_wrk NAME URL [SCRIPT]: warm-up, then the measured run; appends a row to the results
results="$work/results.tsv"
: >"$results"
run_wrk() {
  local name=$1 url=$2 script=${3:-}
  local -a s=()
  [ -n "$script" ] && s=(-s "$script")
  wrk -t"$threads" -c"$connections" -d"$warmup" "${s[@]}" "$url" >/dev/null
  local out="$home/wrk-$name.txt"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "${s[@]}" "$url" >"$out"
  local rps p50 p99 total errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1=="50%" {print $2}' "$out")
  p99=$(awk '$1=="99%" {print $2}' "$out")
  total=$(awk '/requests in/ {print $1}' "$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$config" "$name" "$rps" "$p50" "$p99" "$total" "${errors:-0}" >>"$results"
  printf '  %-9s %10s req/s  p50 %-9s p99 %-9s (%s requests, %s non-2xx)\n' \
    "$name" "$rps" "$p50" "$p99" "$total" "${errors:-0}" >&2
}

dbs=(sqlite)
[ "$postgres" = 1 ] && dbs+=(postgresql)
summary="$work/summary.tsv"
: >"$summary"
for db in "${dbs[@]}"; do
  for logging in true false; do
    config="$db log=$([ "$logging" = true ] && echo on || echo off)"
    echo "== $config: starting the server, waiting for the xgboost champion" >&2
    start_server "$db" "$logging"
    echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    run_wrk predict "$base/api/v1/predictions" "$root/bench/predict.lua"
    run_wrk similar "$base/api/v1/diamonds/similar?carat=1.1&cut=Ideal&color=H&clarity=SI2&n=5"
    metrics=$(curl -sf "$base/actuator/prometheus" | grep -E '^diamonds_requestlog_' || true)
    logged=$(echo "$metrics" | awk '$1=="diamonds_requestlog_logged_total" {printf "%d", $2}')
    spilled=$(echo "$metrics" | awk '$1=="diamonds_requestlog_spilled_total" {printf "%d", $2}')
    dropped=$(echo "$metrics" | awk '$1=="diamonds_requestlog_dropped_total" {printf "%d", $2}')
    printf '%s\t%s\t%s\t%s\n' "$config" "${logged:--}" "${spilled:--}" "${dropped:--}" >>"$summary"
    stop_server
  done
done

echo
echo "wrk -t$threads -c$connections -d$duration --latency (after a $warmup warm-up); $(nproc) cores, wrk on the same machine"
echo
printf '| %-18s | %-8s | %11s | %9s | %9s | %9s | %7s |\n' configuration endpoint 'requests/s' p50 p99 requests non-2xx
printf '| %-18s | %-8s | %11s | %9s | %9s | %9s | %7s |\n' --- --- ---: ---: ---: ---: ---:
while IFS=$'\t' read -r cfg name rps p50 p99 total errors; do
  printf '| %-18s | %-8s | %11s | %9s | %9s | %9s | %7s |\n' "$cfg" "$name" "$rps" "$p50" "$p99" "$total" "$errors"
done <"$results"
echo
echo "request log while the server ran (warm-ups and waits included):"
printf '| %-18s | %12s | %8s | %8s |\n' configuration 'rows written' spilled dropped
printf '| %-18s | %12s | %8s | %8s |\n' --- ---: ---: ---:
while IFS=$'\t' read -r cfg logged spilled dropped; do
  printf '| %-18s | %12s | %8s | %8s |\n' "$cfg" "$logged" "$spilled" "$dropped"
done <"$summary"
