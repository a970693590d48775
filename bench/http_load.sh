#!/usr/bin/env bash
# HTTP throughput and latency of the service with the request log on and off, on SQLite and on
# PostgreSQL: POST /api/v1/predictions (bench/predict.lua) and GET /api/v1/diamonds/similar, with
# `wrk -t2 -c32 --latency`, against the xgboost champion trained by the service's bootstrap on the
# bundled data. For each database, two servers run side by side (log on, log off), both warmed
# up, then measured in alternation, round after round, so that a drift of the machine's speed
# hits both alike; the table gives each one's median over the rounds. See bench/README.md.
#
#   bench/http_load.sh                      # SQLite and PostgreSQL, 3 rounds of 15 s
#   bench/http_load.sh --skip-postgres      # SQLite only
#   bench/http_load.sh --rounds 5 --duration 20s --warmup 150s --trials 20 --keep-logs /tmp/hl
#   bench/http_load.sh --baseline OLD.jar   # this build against another, both logging (before/after)
#   bench/http_load.sh --endpoints predict  # one endpoint only (predict or similar)
#   bench/http_load.sh --ceiling CEILING.jar # also the bare endpoint of ../shared/tools/ceiling,
#                                            # alternated with the others: throughput as a ratio
#   bench/http_load.sh --champion xgboost    # the type that must answer (default xgboost-log)
#   bench/http_load.sh --profile DIR         # also async-profiler on each server over the rounds
#                                            # (bench/profiler.sh; DIR/<db>-<variant>.collapsed)
#                                            # and where its CPU samples went, by stage
#
# Needs wrk (apt-get install -y wrk), curl, python3; psql and PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust auth) for the PostgreSQL rows (fresh databases, dropped afterwards).
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
duration=15s
warmup=150s # the JIT compiles for about 110 s of load (bench/README.md, "Warm-up")
rounds=3
threads=2
connections=32
trials=
postgres=1
keep=
pg_host=${DIAMONDS_BENCH_PG_HOST:-127.0.0.1}
pg_port=${DIAMONDS_BENCH_PG_PORT:-5432}
pg_user=${DIAMONDS_BENCH_PG_USER:-postgres}

baseline=
ceiling=
champion_type=xgboost-log
profile=
endpoints=(predict similar)
usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --trials) trials=$2; shift 2 ;;
    --skip-postgres) postgres=0; shift ;;
    --keep-logs) keep=$2; shift 2 ;;
    --baseline) baseline=$(readlink -f "$2"); shift 2 ;;
    --ceiling) ceiling=$(readlink -f "$2"); shift 2 ;;
    --champion) champion_type=$2; shift 2 ;;
    --profile) profile=$(mkdir -p "$2" && readlink -f "$2"); shift 2 ;;
    --endpoints) IFS=, read -r -a endpoints <<<"$2"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
done

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "http_load.sh: $tool is required" >&2; exit 2; }
done
if [ -n "$profile" ]; then
  command -v jcmd >/dev/null || { echo "http_load.sh: --profile needs a JDK's jcmd" >&2; exit 2; }
  # shellcheck source=bench/profiler.sh
  . "$root/bench/profiler.sh"
  profiler_setup "$profile"
fi
if [ "$postgres" = 1 ] && ! command -v psql >/dev/null; then
  echo "http_load.sh: psql is required for the PostgreSQL rows (or --skip-postgres)" >&2; exit 2
fi

work=$(mktemp -d /tmp/http-load.XXXXXX)
pids=()
pg_dbs=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  for db in "${pg_dbs[@]}"; do
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qc "drop database if exists $db" postgres \
      >/dev/null 2>&1 || true
  done
  if [ -n "$keep" ]; then
    mkdir -p "$keep" && cp -r "$work"/. "$keep"/ && echo "logs kept in $keep" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# build once (bin/diamonds rebuilds stale jars), outside of any measurement, and run a copy of the
# jar: editing the sources during the run must not rebuild it under the servers' feet
"$root/bin/diamonds" --version >/dev/null
cp "$root/pricing-server/target/pricing-server.jar" "$work/pricing-server.jar"
# the two servers compared: this build with the request log on and off, or this build and a
# baseline jar, both logging
if [ -n "$baseline" ]; then
  cp "$baseline" "$work/baseline.jar"
  variants=(new baseline)
else
  variants=(on off)
fi
if [ -n "$ceiling" ]; then
  cp "$ceiling" "$work/ceiling.jar"
  variants+=(ceiling)
fi
# jar_of VARIANT, logging_of VARIANT
jar_of() { if [ "$1" = baseline ]; then echo "$work/baseline.jar"; else echo "$work/pricing-server.jar"; fi; }
logging_of() { if [ "$1" = off ]; then echo false; else echo true; fi; }

# json EXPR: evaluates EXPR on the JSON document on stdin (as d); prints nothing when it cannot
json() {
  python3 -c "import json,sys
try:
    d=json.load(sys.stdin); print($1)
except Exception:
    pass" 2>/dev/null
}

# start NAME DB VARIANT: starts a server in the background; its base URL goes to $work/NAME/base
start() {
  local name=$1 db=$2 variant=$3
  if [ "$variant" = ceiling ]; then
    mkdir -p "$work/$name"
    local cport; cport=$(free_port)
    echo "http://127.0.0.1:$cport" >"$work/$name/base"
    # shellcheck disable=SC2086 # DIAMONDS_JAVA_OPTS holds several options
    java ${DIAMONDS_JAVA_OPTS:-} -jar "$work/ceiling.jar" --server.port="$cport" \
      >"$work/$name/server.log" 2>&1 &
    pids+=($!)
    echo $! >"$work/$name/pid"
    return
  fi
  local logging; logging=$(logging_of "$variant")
  local home="$work/$name"
  mkdir -p "$home"
  local port; port=$(free_port)
  echo "http://127.0.0.1:$port" >"$home/base"
  local -a env=(DIAMONDS_HOME="$home" SERVER_PORT="$port")
  if [ "$db" = postgresql ]; then
    local pg_db="diamonds_bench_$(date +%s)_$RANDOM"
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qc "create database $pg_db" postgres >/dev/null
    pg_dbs+=("$pg_db")
    env+=(DIAMONDS_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$pg_db" DIAMONDS_DB_USER="$pg_user")
  else
    env+=(DIAMONDS_DB_URL=)
  fi
  # one client address sends every request: its budget (diamonds.limits) is set out of reach, so
  # that the limiter is on the path and measured but refuses nothing
  local -a args=(serve "--diamonds.request-log.enabled=$logging"
    --diamonds.limits.anonymous-items-per-minute=2000000000)
  if [ -n "$trials" ]; then args+=("--diamonds.training.trials=$trials"); fi
  # shellcheck disable=SC2086 # DIAMONDS_JAVA_OPTS holds several options
  env "${env[@]}" java ${DIAMONDS_JAVA_OPTS:-} -jar "$(jar_of "$variant")" "${args[@]}" \
    >"$home/server.log" 2>&1 &
  pids+=($!)
  echo $! >"$home/pid"
}

# await NAME: waits for readiness and for predictions from the champion of $champion_type (the
# ceiling: for its port)
await() {
  local home="$work/$1" base; base=$(cat "$work/$1/base")
  local pid; pid=$(cat "$home/pid")
  if [[ "$1" == *-ceiling ]]; then
    for _ in $(seq 1 120); do
      curl -sf -X POST -H 'Content-Type: application/json' \
        -d '{"carat":1.1,"cut":"Ideal","color":"H","clarity":"SI2","depth":62.0,"table":55.0,"x":6.61,"y":6.65,"z":4.11}' \
        "$base/api/v1/predictions" >/dev/null 2>&1 && return
      sleep 0.5
    done
    echo "$1: the ceiling does not answer" >&2; exit 1
  fi
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$home/server.log" >&2; echo "$1: the server died" >&2; exit 1; }
    curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "$base/actuator/health/readiness" >/dev/null || { echo "$1: the server is not ready" >&2; exit 1; }
  local token; token=$(cat "$home/admin-token")
  # the bootstrap trains every model type in the background; once no run is queued or running,
  # the best $champion_type model of every feature is made the champion if another type won
  # (builds before feature sets list no featureSet: every model learned from every feature)
  local every='m.get("featureSet","all")=="all"'
  local champion=
  for _ in $(seq 1 1800); do
    local running
    running=$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/training-runs?limit=5" \
      | json 'sum(1 for r in d if r["status"] in ("queued","running"))')
    if [ "$running" = 0 ]; then
      champion=$(curl -sf "$base/api/v1/models" | json '",".join(m["type"] for m in d if m["champion"] and '"$every"')')
      [ "$champion" = "$champion_type" ] && break
      local best
      best=$(curl -sf "$base/api/v1/models" \
        | json 'min((m for m in d if m["type"]=="'"$champion_type"'" and '"$every"'), key=lambda m: m["test"]["mae"])["id"]')
      [ -n "$best" ] && curl -sf -X POST -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{"reason":"bench/http_load.sh"}' \
        "$base/api/v1/models/$best/promote" >/dev/null
    fi
    sleep 1
  done
  [ "$champion" = "$champion_type" ] || { echo "$1: no $champion_type champion after 30 minutes" >&2; exit 1; }
  for _ in $(seq 1 60); do
    local served
    served=$(curl -sf -X POST -H 'Content-Type: application/json' \
      -d '{"carat":1.1,"cut":"Ideal","color":"H","clarity":"SI2","depth":62.0,"table":55.0,"x":6.61,"y":6.65,"z":4.11}' \
      "$base/api/v1/predictions" | json 'd["model"]["type"]' || true)
    [ "$served" = "$champion_type" ] && return
    sleep 1
  done
  echo "$1: predictions do not come from the $champion_type champion" >&2; exit 1
}

stop_all() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  for db in "${pg_dbs[@]}"; do
    psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -qc "drop database if exists $db" postgres >/dev/null
  done
  pg_dbs=()
}

similar_path="/api/v1/diamonds/similar?carat=1.1&cut=Ideal&color=H&clarity=SI2&n=5"

# wrk_run NAME ENDPOINT DURATION [--latency]: prints the wrk report
wrk_run() {
  local base; base=$(cat "$work/$1/base")
  if [ "$2" = predict ]; then
    wrk -t"$threads" -c"$connections" -d"$3" ${4:-} -s "$root/bench/predict.lua" "$base/api/v1/predictions"
  else
    wrk -t"$threads" -c"$connections" -d"$3" ${4:-} "$base$similar_path"
  fi
}

results="$work/results.tsv" # config endpoint round rps p50 p99 requests non2xx
: >"$results"
summary="$work/summary.tsv"
: >"$summary"
dbs=(sqlite)
[ "$postgres" = 1 ] && dbs+=(postgresql)
for db in "${dbs[@]}"; do
  echo "== $db: starting two servers (${variants[*]}), waiting for their xgboost champions" >&2
  for v in "${variants[@]}"; do start "$db-$v" "$db" "$v"; done
  for v in "${variants[@]}"; do await "$db-$v"; done
  sleep 5 # let the training threads wind down
  echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  for v in "${variants[@]}"; do
    for endpoint in "${endpoints[@]}"; do
      [ "$v" = ceiling ] && [ "$endpoint" != predict ] && continue
      wrk_run "$db-$v" "$endpoint" "$warmup" >/dev/null
    done
  done
  if [ -n "$profile" ]; then
    for v in "${variants[@]}"; do
      [ "$v" = ceiling ] && continue
      profiler_start "$(cat "$work/$db-$v/pid")"
    done
  fi
  for round in $(seq 1 "$rounds"); do
    for endpoint in "${endpoints[@]}"; do
      for v in "${variants[@]}"; do
        [ "$v" = ceiling ] && [ "$endpoint" != predict ] && continue
        name="$db-$v"
        out="$work/$name/wrk-$endpoint-$round.txt"
        wrk_run "$name" "$endpoint" "$duration" --latency >"$out"
        rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
        p50=$(awk '$1=="50%" {print $2}' "$out")
        p99=$(awk '$1=="99%" {print $2}' "$out")
        total=$(awk '/requests in/ {print $1}' "$out")
        errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$out")
        config="$db $v"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$config" "$endpoint" "$round" "$rps" "$p50" "$p99" "$total" "${errors:-0}" >>"$results"
        printf '  round %s %-18s %-8s %10s req/s  p50 %-9s p99 %-9s (%s non-2xx)\n' \
          "$round" "$config" "$endpoint" "$rps" "$p50" "$p99" "${errors:-0}" >&2
      done
    done
  done
  if [ -n "$profile" ]; then
    for v in "${variants[@]}"; do
      [ "$v" = ceiling ] && continue
      profiler_stop "$(cat "$work/$db-$v/pid")" "$profile/$db-$v.collapsed"
      echo "== CPU samples of $db-$v over the rounds, by stage ($profile/$db-$v.collapsed)" \
        >"$profile/$db-$v.txt"
      python3 "$root/bench/profile_breakdown.py" --collapsed "$profile/$db-$v.collapsed" --top 20 \
        >>"$profile/$db-$v.txt"
    done
  fi
  for v in "${variants[@]}"; do
    [ "$v" = ceiling ] && continue
    name="$db-$v"
    base=$(cat "$work/$name/base")
    metrics=$(curl -sf "$base/actuator/prometheus" | grep -E '^diamonds_requestlog_' || true)
    logged=$(echo "$metrics" | awk '$1=="diamonds_requestlog_logged_total" {printf "%d", $2}')
    spilled=$(echo "$metrics" | awk '$1=="diamonds_requestlog_spilled_total" {printf "%d", $2}')
    dropped=$(echo "$metrics" | awk '$1=="diamonds_requestlog_dropped_total" {printf "%d", $2}')
    printf '%s\t%s\t%s\t%s\n' "$db $v" "${logged:--}" "${spilled:--}" "${dropped:--}" >>"$summary"
  done
  stop_all
done

echo
echo "wrk -t$threads -c$connections -d$duration --latency, $rounds rounds in alternation after a $warmup warm-up per endpoint;"
echo "$(nproc) cores, wrk and both servers on the same machine; medians over the rounds"
echo
python3 - "$results" <<'PY'
import sys, statistics, collections
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
def ms(v):
    v = v.strip()
    for unit, f in (('us', 0.001), ('ms', 1.0), ('s', 1000.0)):
        if v.endswith(unit):
            return float(v[:-len(unit)]) * f
    return float('nan')
groups = collections.OrderedDict()
for cfg, ep, rnd, rps, p50, p99, total, err in rows:
    g = groups.setdefault((cfg, ep), {'rps': [], 'p50': [], 'p99': [], 'total': 0, 'err': 0})
    g['rps'].append(float(rps)); g['p50'].append(ms(p50)); g['p99'].append(ms(p99))
    g['total'] += int(total); g['err'] += int(err)
print('| configuration | endpoint | requests/s | p50 | p99 | rounds (requests/s) | non-2xx |')
print('| --- | --- | ---: | ---: | ---: | --- | ---: |')
for (cfg, ep), g in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    print('| %s | %s | %s | %.2f ms | %.2f ms | %s | %d |' % (cfg, ep, format(round(statistics.median(g['rps'])), ','),
          statistics.median(g['p50']), statistics.median(g['p99']),
          ' / '.join(format(round(r), ',') for r in g['rps']), g['err']))
print()
pairs = (('on', 'off', 'cost of the request log (1 - median on / median off):'),
         ('new', 'baseline', 'change against the baseline (median new / median baseline - 1):'))
ceiling = [(cfg, ep) for (cfg, ep) in groups if cfg.split()[1] == 'ceiling']
if ceiling:
    print('requests/s as a share of the bare endpoint (../shared/tools/ceiling), same run:')
    for (cfg, ep), g in groups.items():
        db, variant = cfg.split()
        c = groups.get((db + ' ceiling', 'predict'))
        if c and variant != 'ceiling':
            print('  %-10s %-9s %-8s %5.1f%%' % (db, variant, ep,
                  100 * statistics.median(g['rps']) / statistics.median(c['rps'])))
    print()
for a, b, title in pairs:
    lines = []
    for (cfg, ep), g in groups.items():
        db, variant = cfg.split()
        other = groups.get((db + ' ' + b, ep))
        if variant == a and other:
            ratio = statistics.median(g['rps']) / statistics.median(other['rps'])
            lines.append('  %-10s %-8s %+6.1f%%' % (db, ep, 100 * ((1 - ratio) if a == 'on' else (ratio - 1))))
    if lines:
        print(title)
        print('\n'.join(lines))
PY
echo
echo "request log while the servers ran (warm-ups and waits included):"
printf '| %-18s | %12s | %8s | %8s |\n' configuration 'rows written' spilled dropped
printf '| %-18s | %12s | %8s | %8s |\n' --- ---: ---: ---:
while IFS=$'\t' read -r cfg logged spilled dropped; do
  printf '| %-18s | %12s | %8s | %8s |\n' "$cfg" "$logged" "$spilled" "$dropped"
done <"$summary"
if [ -n "$profile" ]; then
  for f in "$profile"/*.txt; do echo; cat "$f"; done
fi
