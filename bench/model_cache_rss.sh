#!/usr/bin/env bash
# Resident memory of a server that is asked for many different models by ?modelId=: it trains
# MODELS xgboost models (2 tuning trials each, on the bundled data), then prices one diamond with
# each of them, and prints VmRSS (and VmHWM) of the server before and after, for the loaded-model
# cache at its default (8) and, for comparison, at 1,000 (about every model kept, as before the
# cache was bounded). See bench/README.md.
#
#   bench/model_cache_rss.sh            # 50 models
#   bench/model_cache_rss.sh --models 20
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
models=50
while [ $# -gt 0 ]; do
  case "$1" in
    --models) models=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in curl python3 jcmd; do
  command -v "$tool" >/dev/null || { echo "model_cache_rss.sh: $tool is required" >&2; exit 2; }
done

"$root/bin/diamonds" --version >/dev/null
work=$(mktemp -d /tmp/model-cache.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp "$root/pricing-server/target/pricing-server.jar" "$work/server.jar"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
home="$work/home"
mkdir -p "$home"
diamond='{"carat":1.1,"cut":"Ideal","color":"H","clarity":"SI2","depth":62.0,"table":55.0,"x":6.61,"y":6.65,"z":4.11}'

rss() { awk '/^(VmRSS|VmHWM)/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$pid/status"; echo; }

# after a full collection: the heap in use and the resident size (what the models keep)
kept() {
  jcmd "$pid" GC.run >/dev/null
  sleep 2
  heap=$(jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ {for (i=1;i<=NF;i++) if ($i=="used") print $(i+1)}')
  printf 'after a full GC: heap used %s, ' "$heap"
  awk '/^VmRSS/ {printf "VmRSS %d MB\n", $2/1024}' "/proc/$pid/status"
}

serve() { # serve MAX_LOADED
  DIAMONDS_HOME="$home" SERVER_PORT="$port" java -jar "$work/server.jar" serve \
    --diamonds.serving.max-loaded-models="$1" --diamonds.training.trials=2 \
    --diamonds.inbox.enabled=false >"$work/server-$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && return
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/server-$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not become ready" >&2; exit 1
}

ids() { curl -sf "$base/api/v1/models" | python3 -c 'import json,sys; print(" ".join(str(m["id"]) for m in json.load(sys.stdin)))'; }

serve 8
token=$(cat "$home/admin-token")
echo "== training $models xgboost models (2 trials each)" >&2
for i in $(seq 1 "$models"); do
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d '{"models":["xgboost"],"trials":2}' \
      "$base/api/v1/training-runs")
    [ "$code" = 202 ] && break
    sleep 1 # 429: the queue is full
  done
done
while [ "$(curl -sf -H "Authorization: Bearer $token" "$base/api/v1/training-runs?limit=500" \
  | python3 -c 'import json,sys; print(sum(1 for r in json.load(sys.stdin) if r["status"] in ("queued","running")))')" != 0 ]; do
  sleep 2
done
all=$(ids)
echo "models registered: $(echo "$all" | wc -w)"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
for max in 8 1000; do
  serve "$max" # a fresh process for each: the training above grew the heap
  sleep 3
  printf 'max-loaded-models=%-5s before: ' "$max"; rss
  n=0
  for id in $all; do
    curl -sf -X POST -H 'Content-Type: application/json' -d "$diamond" \
      "$base/api/v1/predictions?modelId=$id" >/dev/null
    n=$((n + 1))
    [ "$n" -ge "$models" ] && break
  done
  sleep 2
  printf 'max-loaded-models=%-5s after asking for %d models: ' "$max" "$n"; rss
  printf 'max-loaded-models=%-5s ' "$max"; kept
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
