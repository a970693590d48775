"""Fills the disk under a running server with 10,000-item batches; see full_disk.sh."""
import json, os, sqlite3, sys, time, urllib.request, urllib.error

port, home = int(sys.argv[1]), sys.argv[2]
base = f"http://127.0.0.1:{port}"
batch = json.dumps({"diamonds": [
    {"carat": round(0.3 + (i % 200) * 0.01, 2), "cut": "Ideal", "color": "G", "clarity": "VS1",
     "depth": 61.5, "table": 56.0, "x": 4.3, "y": 4.3, "z": 2.6} for i in range(10_000)]}).encode()

def call(path, body=None, timeout=30):
    req = urllib.request.Request(base + path, data=body, method="POST" if body else "GET",
                                 headers={"Content-Type": "application/json"})
    if body:
        req.add_header("X-Request-Id", f"full-{call.n}")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception as e:  # no answer in time: a hang
        return None, str(e).encode()
call.n = 0

ballast = os.path.join(home, "ballast")
with open(ballast, "wb") as f:
    f.write(b"\0" * (24 << 20))
answered, refused, hung, other = [], [], 0, 0
down_since = None
start = time.time()
while len(refused) < 20 and time.time() - start < 900:
    call.n += 1
    status, body = call("/api/v1/predictions/batch", batch)
    if status == 200:
        answered.append(f"full-{call.n}")
    elif status == 503 and b"storage-full" in body:
        refused.append(f"full-{call.n}")
        if down_since is None:
            down_since = time.time()
    elif status is None:
        hung += 1
    else:
        other += 1
        print("unexpected", status, body[:200])
readiness_full = call("/actuator/health/readiness")[0]
print(f"batches: {len(answered)} answered 200, {len(refused)} answered 503 storage-full, "
      f"{hung} hung, {other} other; readiness while full: {readiness_full}")
os.remove(ballast)
freed = time.time()
while call("/actuator/health/readiness")[0] != 200 and time.time() - freed < 120:
    time.sleep(0.2)
ready = time.time() - freed
call.n += 1
status, _ = call("/api/v1/predictions/batch", batch)
answered.append(f"full-{call.n}") if status == 200 else None
print(f"space freed: readiness UP after {ready:.1f} s; next batch {status}")
# every record reaches the database once the writer catches up
db = sqlite3.connect(os.path.join(home, "diamonds.db"), timeout=30)
deadline = time.time() + 120
def logged(rid):
    return db.execute("select count(*) from request_log where request_id = ?", (rid,)).fetchone()[0]
while time.time() < deadline and not all(logged(r) == 1 for r in answered):
    time.sleep(1)
missing = [r for r in answered if logged(r) != 1]
short = [r for r in answered
         if db.execute("select count(*) from prediction where request_id = ?", (r,)).fetchone()[0] != 10_000]
ghosts = [r for r in refused if logged(r) or
          db.execute("select count(*) from prediction where request_id = ?", (r,)).fetchone()[0]]
print(f"200 answers without their record: {len(missing)}; without their 10,000 predictions: "
      f"{len(short)}; 503 answers with a record or predictions: {len(ghosts)}")
