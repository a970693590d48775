#!/usr/bin/env bash
# CPU per logged prediction of two builds, on the same trained state: copies a state folder (a
# DIAMONDS_HOME whose registry is trained, SQLite) for each build, starts both, warms each up, then
# measures them in alternation, round after round: wrk -t2 -c32 on POST /api/v1/predictions for
# DURATION, and the CPU the server process used (every thread, /proc/PID/stat) per answered
# request. Steadier than requests/s for a small difference: no retraining per run, the same models
# and data for both, and CPU per request does not care how fast the machine is this minute.
#
#   bench/cpu_ab.sh --home TRAINED_HOME --a A.jar --b B.jar [--rounds 6] [--duration 20s] [--warmup 150s]
#                   [--profile DIR]  (async-profiler over the rounds, bench/profiler.sh:
#                                     DIR/<a|b>.collapsed, and the samples by stage)
#
# TRAINED_HOME: e.g. DIAMONDS_HOME=/tmp/h bin/diamonds serve --diamonds.training.trials=20, stopped
# once its runs are done. Both builds must read its database (no migration between them).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
home= a= b= rounds=6 duration=20s warmup=150s profile=
while [ $# -gt 0 ]; do
  case "$1" in
    --home) home=$(readlink -f "$2"); shift 2 ;;
    --a) a=$(readlink -f "$2"); shift 2 ;;
    --b) b=$(readlink -f "$2"); shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --profile) profile=$(mkdir -p "$2" && readlink -f "$2"); shift 2 ;;
    *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
[ -n "$home" ] && [ -n "$a" ] && [ -n "$b" ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
command -v wrk >/dev/null || { echo "cpu_ab.sh: wrk is required" >&2; exit 2; }
work=$(mktemp -d /tmp/cpu-ab.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
for v in a b; do
  jar=$a; [ "$v" = b ] && jar=$b
  cp -r "$home" "$work/$v"
  rm -f "$work/$v"/owners/*.lock 2>/dev/null || true
  port=$(free_port)
  echo "http://127.0.0.1:$port" >"$work/$v.base"
  DIAMONDS_HOME="$work/$v" SERVER_PORT="$port" DIAMONDS_DB_URL= java -jar "$jar" serve \
    --diamonds.bootstrap=false --diamonds.inbox.enabled=false \
    --diamonds.limits.anonymous-items-per-minute=2000000000 >"$work/$v.log" 2>&1 &
  pids+=($!)
  echo $! >"$work/$v.pid"
done
for v in a b; do
  base=$(cat "$work/$v.base")
  for _ in $(seq 1 240); do
    curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "$base/actuator/health/readiness" >/dev/null || { tail -20 "$work/$v.log" >&2; echo "$v is not ready" >&2; exit 1; }
  curl -sf -X POST -H 'Content-Type: application/json' \
    -d '{"carat":1.1,"cut":"Ideal","color":"H","clarity":"SI2","depth":62.0,"table":55.0,"x":6.61,"y":6.65,"z":4.11}' \
    "$base/api/v1/predictions" | python3 -c 'import json,sys; m=json.load(sys.stdin)["model"]; print("'$v' answers with", m["type"], "model", m["id"])' >&2
done
for v in a b; do
  wrk -t2 -c32 -d"$warmup" -s "$root/bench/predict.lua" "$(cat "$work/$v.base")/api/v1/predictions" >/dev/null
done
if [ -n "$profile" ]; then
  # shellcheck source=bench/profiler.sh
  . "$root/bench/profiler.sh"
  profiler_setup "$profile"
  for v in a b; do profiler_start "$(cat "$work/$v.pid")"; done
fi
printf 'round  build  requests/s  µs CPU per request\n'
for r in $(seq 1 "$rounds"); do
  for v in a b; do
    pid=$(cat "$work/$v.pid")
    before=$(ticks "$pid")
    out=$(wrk -t2 -c32 -d"$duration" -s "$root/bench/predict.lua" "$(cat "$work/$v.base")/api/v1/predictions")
    after=$(ticks "$pid")
    total=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
    us=$(python3 -c "print(round(($after - $before) / $hz * 1e6 / $total, 1))")
    printf '%5s  %5s  %10s  %18s\n' "$r" "$v" "$rps" "$us"
    echo "$v $us $rps" >>"$work/results"
  done
done
if [ -n "$profile" ]; then
  for v in a b; do
    profiler_stop "$(cat "$work/$v.pid")" "$profile/$v.collapsed"
    echo "== $v: CPU samples by stage ($profile/$v.collapsed)"
    python3 "$root/bench/profile_breakdown.py" --collapsed "$profile/$v.collapsed" --top 20
  done
fi
python3 - "$work/results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = {v: statistics.median(float(us) for b, us, _ in rows if b == v) for v in ("a", "b")}
rps = {v: statistics.median(float(r) for b, _, r in rows if b == v) for v in ("a", "b")}
print(f"median µs CPU per request: a {med['a']:.1f}, b {med['b']:.1f} (a/b {med['a'] / med['b']:.3f})")
print(f"median requests/s: a {rps['a']:.0f}, b {rps['b']:.0f}")
PY
