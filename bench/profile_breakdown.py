#!/usr/bin/python3
"""Where a server's CPU samples go, by stage of a request: reads async-profiler's collapsed stacks
(with thread names: `threads`) or a JFR recording's execution samples (jfr print --json --events
jdk.ExecutionSample) and gives each sample the stage of the
frame nearest its leaf that names one (a frame of Jackson called by the journal is the journal's;
one called by Spring's message converter is JSON). Samples of the request log's writer thread are
the writer's (the database's when a JDBC driver frame is on the stack).

  bench/profile_breakdown.py --collapsed a.collapsed [--top 30]
  jfr print --json --events jdk.ExecutionSample rec.jfr | bench/profile_breakdown.py
"""
import json
import re
import sys
from collections import Counter

# (stage, pattern on "class.method"), checked from the leaf of each stack to its root
STAGES = [
    ("HTTP I/O (Tomcat)", r"^(org\.apache\.(tomcat|coyote)|sun\.nio\.ch|java\.net)"),
    ("journal (encode, append)", r"server\.requestlog\."),
    ("capture (request record)", r"server\.web\.capture\."),
    ("model walk", r"^com\.diamondpricing\.model\."),
    ("intervals and warnings", r"^com\.diamondpricing\.interval\.|server\.prediction\.(PriceAnswer|StoneWarnings|TrainingProfile)"),
    ("limits", r"server\.prediction\.Pricing(Budgets|Client)|bucket4j"),
    ("pricing (choice, leases, ledger)", r"server\.(prediction|ledger)\."),
    ("similar", r"server\.similar\."),
    ("JSON parse", r"MessageConverter\w*\.read|readWithMessageConverters"),
    ("JSON write", r"MessageConverter\w*\.write|writeWithMessageConverters"),
    ("validation", r"hibernate\.validator|jakarta\.validation|MethodValidat"),
    ("security and firewall", r"springframework\.security"),
    ("other filters (request id, body limits)", r"server\.web\."),
    ("metrics and observation", r"micrometer|Observation"),
    ("Spring MVC dispatch", r"springframework\.web"),
    ("servlet container", r"org\.apache\.catalina"),
]
DATABASE = re.compile(r"org\.sqlite|org\.postgresql|com\.zaxxer|springframework\.jdbc")
COMPILED = [(name, re.compile(p)) for name, p in STAGES]


def frame_name(frame):
    method = frame.get("method", {})
    # JFR names classes the JVM's way, with slashes (com/diamondpricing/...)
    return method.get("type", {}).get("name", "?").replace("/", ".") + "." + method.get("name", "?")


def stage(event):
    thread = (event.get("values", event).get("sampledThread") or {}).get("javaName") or ""
    frames = [frame_name(f) for f in (event.get("values", event).get("stackTrace") or {}).get("frames", [])]
    return stage_of(thread, frames)


def stage_of(thread, frames):
    """The stage of a sample: its thread's name and its frames, leaf first."""
    if "request-log" in thread:
        return "writer: database (JDBC)" if any(DATABASE.search(f) for f in frames) else "writer: other"
    if not thread.startswith("http-nio"):
        return "other threads (" + re.sub(r"[-#]?\d+$", "", thread or "?") + ")"
    for f in frames:
        for name, pattern in COMPILED:
            if pattern.search(f):
                return name
    return "other (JDK, unattributed)"


def collapsed(path):
    """(thread, frames leaf first, count) of each line of async-profiler's collapsed output."""
    for line in open(path):
        stack, _, n = line.rstrip("\n").rpartition(" ")
        frames = stack.split(";")
        thread = ""
        if frames and frames[0].startswith("["):
            thread = re.sub(r"\s+tid=\d+\]$", "", frames[0][1:]).rstrip("]")
            frames = frames[1:]
        names = [f.replace("/", ".").removesuffix("_[j]").removesuffix("_[i]").removesuffix("_[k]")
                 for f in reversed(frames)]
        yield thread, names, int(n)


def main():
    counts = Counter()
    leaves = Counter()
    if "--collapsed" in sys.argv:
        for thread, frames, n in collapsed(sys.argv[sys.argv.index("--collapsed") + 1]):
            counts[stage_of(thread, frames)] += n
            leaves[frames[0] if frames else "?"] += n
    else:
        doc = json.load(sys.stdin)
        for e in doc["recording"]["events"]:
            counts[stage(e)] += 1
    total = sum(counts.values())
    print(f"{total} samples")
    print("| stage | samples | share |")
    print("| --- | ---: | ---: |")
    for name, n in counts.most_common():
        print(f"| {name} | {n} | {100.0 * n / total:.1f}% |")
    if "--top" in sys.argv and leaves:
        print()
        print("| leaf frame | samples | share |")
        print("| --- | ---: | ---: |")
        for name, n in leaves.most_common(int(sys.argv[sys.argv.index("--top") + 1])):
            print(f"| `{name}` | {n} | {100.0 * n / total:.1f}% |")


if __name__ == "__main__":
    main()
