#!/usr/bin/env bash
# Slow clients against a running service, as issue 22 met them: N connections that send their
# headers and stop, and N that send headers promising a 100,000-byte body and then one byte, from
# many loopback addresses (127.0.x.y: a client each, 16 connections per address). Meanwhile one
# other client asks for prices; prints its p50/p99/max latency and failures, then how the slow
# connections were answered (503 server-busy at once, held, closed) and how long the server took to
# close the ones it held.
#
# Usage: bench/slow_clients.sh [--connections 1000] [--probes 500] [--jar pricing-server/target/pricing-server.jar]
# Needs curl, python3; Linux (the whole 127.0.0.0/8 is loopback).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
connections=1000
probes=500
jar="$root/pricing-server/target/pricing-server.jar"
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --probes) probes=$2; shift 2 ;;
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
home=$(mktemp -d "${TMPDIR:-/tmp}/slow_clients.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$home"
}
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true
DIAMONDS_HOME="$home" SERVER_PORT="$port" java -jar "$jar" serve --diamonds.training.trials=5 \
  >"$home/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 900); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "the server stopped; see $home/server.log" >&2; exit 1; }
  sleep 1
done
# a quiet server: the bootstrap's second run (the tree models) done
for _ in $(seq 1 1800); do
  grep -q "Training run 2 succeeded" "$home/server.log" && break
  sleep 1
done
python3 - "$port" "$connections" "$probes" <<'PY'
import socket, sys, time
port, n, probes = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def open_from(addr):
    s = socket.socket(); s.bind((addr, 0)); s.connect(("127.0.0.1", port)); return s
heads, bodies = [], []
for i in range(n):
    s = open_from(f"127.0.2.{1 + i // 16}" if i // 16 < 254 else f"127.0.3.{1 + i // 16 - 254}")
    s.sendall(b"POST /api/v1/predictions HTTP/1.1\r\nHost: x\r\n"); heads.append(s)
for i in range(n):
    s = open_from(f"127.0.1.{1 + i // 16}" if i // 16 < 254 else f"127.0.4.{1 + i // 16 - 254}")
    s.sendall(b"POST /api/v1/predictions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Content-Length: 100000\r\n\r\n{"); bodies.append(s)
opened = time.time()
time.sleep(2)
body = b'{"carat": 0.7, "cut": "Ideal", "color": "G", "clarity": "VS1", "x": 5.7}'
req = (b"POST /api/v1/predictions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
       b"Content-Type: application/json\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
times, failures = [], 0
for _ in range(probes):
    if times and sum(times) > 300_000:
        break  # five minutes of probes: enough to tell
    start = time.perf_counter()
    try:
        s = open_from("127.0.0.2"); s.settimeout(10); s.sendall(req)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
        s.close()
        if not answer.startswith(b"HTTP/1.1 200"):
            failures += 1
    except OSError:
        failures += 1
    times.append((time.perf_counter() - start) * 1000)
times.sort()
pct = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"{n} connections in their headers + {n} slow bodies open; {len(times)} probes: "
      f"p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, max {times[-1]:.1f} ms, {failures} failed")
busy = held = closed = 0
for s in bodies:
    s.settimeout(0.05)
    try:
        got = s.recv(12)
        if got.startswith(b"HTTP/1.1 503"): busy += 1
        elif not got: closed += 1
        else: held += 1
    except socket.timeout:
        held += 1
    except OSError:
        closed += 1
print(f"slow bodies: {busy} answered 503 server-busy at once, {held} held by the server, {closed} closed")
deadline = time.time() + 120
open_left = 0
for s in bodies:
    s.settimeout(max(0.01, deadline - time.time()))
    try:
        while s.recv(65536): pass
    except socket.timeout:
        open_left += 1
    except OSError:
        pass
print(f"slow bodies still open 120 s later: {open_left} of {n} "
      f"({time.time() - opened:.0f} s after they were opened)")
alive = 0
for s in heads:
    s.settimeout(0.01)
    try:
        if s.recv(1) == b"": continue
    except socket.timeout:
        alive += 1
    except OSError:
        pass
print(f"connections in their headers still open after that: {alive} of {n}")
PY
