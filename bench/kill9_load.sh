#!/usr/bin/env bash
# kill -9 under load: a server (SQLite, the bootstrap's champion) takes POST /api/v1/predictions
# from wrk; after --after seconds it is killed with SIGKILL while wrk goes on; then it is started
# again on the same state folder (which replays the request log's journal), and every request id
# wrk received an answer for is looked up in request_log. Prints how many answers, how many rows
# before and after the restart, and how many answered requests are missing (expected 0).
#
#   bench/kill9_load.sh                 # 30 s of load, killed after 20 s
#   bench/kill9_load.sh --after 40 --duration 60s --jar OTHER.jar   # e.g. an older build
#
# Needs wrk, curl, sqlite3, python3.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
after=20
duration=30s
jar=
while [ $# -gt 0 ]; do
  case "$1" in
    --after) after=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl sqlite3 python3; do
  command -v "$tool" >/dev/null || { echo "kill9_load.sh: $tool is required" >&2; exit 2; }
done
if [ -z "$jar" ]; then
  "$root/bin/diamonds" --version >/dev/null
  jar="$root/pricing-server/target/pricing-server.jar"
fi
work=$(mktemp -d /tmp/kill9.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp "$jar" "$work/server.jar"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
home="$work/home"

serve() {
  DIAMONDS_HOME="$home" SERVER_PORT="$port" java -jar "$work/server.jar" serve \
    --diamonds.training.trials=20 --diamonds.inbox.enabled=false \
    --diamonds.limits.anonymous-items-per-minute=2000000000 >>"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && return
    kill -0 "$pid" 2>/dev/null || { tail -20 "$work/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not become ready" >&2; exit 1
}

serve
sleep 30 # the bootstrap's background training; then a warm-up
wrk -t2 -c32 -d20s -s "$root/bench/predict.lua" "$base/api/v1/predictions" >/dev/null
mkdir -p "$work/answers"
KILL9_OUT="$work/answers" wrk -t2 -c32 -d"$duration" -s "$root/bench/kill9.lua" \
  "$base/api/v1/predictions" >"$work/wrk.txt" 2>&1 &
load=$!
sleep "$after"
kill -9 "$pid"
killed=$pid
pid=
wait "$killed" 2>/dev/null || true
wait "$load" || true
rows_at_kill=$(sqlite3 "$home/diamonds.db" "select count(*) from request_log where path = '/api/v1/predictions'")
journal_bytes=$(du -sb "$home/request-log" | cut -f1)
serve
sleep 5
cat "$work"/answers/answered-*.txt | sort -u >"$work/answered.txt"
sqlite3 "$home/diamonds.db" "select request_id from request_log where path = '/api/v1/predictions'" \
  | sort -u >"$work/recorded.txt"
answered=$(wc -l <"$work/answered.txt")
rows_after=$(wc -l <"$work/recorded.txt")
missing=$(comm -23 "$work/answered.txt" "$work/recorded.txt" | wc -l)
echo "wrk: $(grep 'Requests/sec' "$work/wrk.txt" || true)"
echo "answers received by wrk:            $answered"
echo "prediction rows at the kill:        $rows_at_kill (journal folder $journal_bytes bytes)"
echo "prediction rows after the restart:  $rows_after"
echo "answered requests missing:          $missing"
