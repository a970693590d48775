#!/usr/bin/env bash
# A full disk, as issue 22 met it: DIAMONDS_HOME (database, journal, models) on a small tmpfs, then
# 10,000-item batches until nothing more fits. Prints how many batches were answered 200 and 503
# storage-full, how many hung (no answer in 30 s: expected 0), whether every 200 has its request-log
# row and its 10,000 predictions and no 503 has either, how long readiness said DOWN, and how long
# the service took to answer again once a ballast file was deleted.
#
# Usage: bench/full_disk.sh [--size 160m] [--jar pricing-server/target/pricing-server.jar]
# Needs root (mount -t tmpfs), curl, python3.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
size=160m
jar="$root/pricing-server/target/pricing-server.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
for tool in curl python3 mount; do
  command -v "$tool" >/dev/null || { echo "full_disk.sh: $tool is required" >&2; exit 2; }
done
home=$(mktemp -d "${TMPDIR:-/tmp}/full_disk.XXXXXX")
mount -t tmpfs -o "size=$size" tmpfs "$home" || { echo "full_disk.sh: cannot mount a tmpfs (root?)" >&2; exit 2; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pid=
log=$(mktemp)
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  umount -l "$home" || true
  rmdir "$home" 2>/dev/null || true
}
trap cleanup EXIT
echo "full_disk.sh: DIAMONDS_HOME on a $size tmpfs ($home); server log $log"
DIAMONDS_HOME="$home" SERVER_PORT="$port" java -jar "$jar" serve --diamonds.training.trials=5 \
  --diamonds.request-log.segment-size=4MB --diamonds.limits.enabled=false >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 900); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped; see $log" >&2; exit 1; }
  sleep 1
done
python3 "$root/bench/full_disk.py" "$port" "$home"
grep -E "StorageGate|InternalError" "$log" | cut -c1-260 || true
