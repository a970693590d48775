#!/usr/bin/env bash
# Runs a command and prints its wall time and the peak resident memory of its process tree,
# sampled every 200 ms from /proc. Usage: bench/peak_rss.sh COMMAND [ARGS...]
set -euo pipefail
start=$(date +%s.%N)
"$@" &
pid=$!
peak=0
tree() { echo "$1"; for c in $(pgrep -P "$1" 2>/dev/null); do tree "$c"; done; }
while kill -0 "$pid" 2>/dev/null; do
  total=0
  for p in $(tree "$pid"); do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  [ "$total" -gt "$peak" ] && peak=$total
  sleep 0.2
done
status=0
wait "$pid" || status=$?
end=$(date +%s.%N)
printf 'wall %.1f s, peak RSS %.0f MB, exit %d\n' "$(echo "$end - $start" | bc)" "$(echo "$peak / 1024" | bc)" "$status" >&2
exit "$status"
