#!/usr/bin/env bash
# Times a full bootstrap: `serve` on an empty state folder until the linear champion serves
# (readiness) and until the background xgboost run (run 2) has ended; prints the models.
# Usage: bench/bootstrap_time.sh [JAR]   (default: pricing-server/target/pricing-server.jar)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/pricing-server/target/pricing-server.jar}
home=$(mktemp -d)
port=${PORT:-8123}
start=$(date +%s.%N)
DIAMONDS_HOME=$home SERVER_PORT=$port java -jar "$jar" serve --diamonds.inbox.enabled=false \
  > "$home/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true' EXIT
until curl -fs "localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "server died; see $home/server.log" >&2; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
until curl -fs "localhost:$port/api/v1/training-runs/2" 2>/dev/null | grep -q '"status":"\(succeeded\|failed\)"'; do
  sleep 0.5
done
finished=$(date +%s.%N)
rss=$(awk '/^VmHWM:/ {print int($2/1024)}' /proc/$pid/status)
curl -s "localhost:$port/api/v1/models" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
for m in (d if isinstance(d, list) else d.get("models", [])):
    print(m["id"], m["type"], "v%d" % m["version"], "test MAE %.2f" % m["test"]["mae"], "champion" if m["champion"] else "")'
echo "ready (linear champion serving): $(echo "$ready - $start" | bc) s"
echo "full bootstrap (ingest, linear, xgboost): $(echo "$finished - $start" | bc) s"
echo "peak RSS of the server so far: ${rss} MB"
