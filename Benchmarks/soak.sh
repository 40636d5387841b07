#!/usr/bin/env bash
# A soak: MINUTES (default 30) of mixed traffic against one `retold serve` on the planted index
# (Benchmarks/planted-index.sh's corpus, links built): searches, comparisons, documents added in
# small batches with the links rebuilt after each, and cluster listings, all at once. Every 10 s
# the server's resident memory and open file descriptors are sampled (from /proc), and its
# /metrics scraped. Fails on any error or unanswered request, on memory at the end more than 10%
# above its level after the first minute, or on descriptors that keep growing.
# Usage: Benchmarks/soak.sh [MINUTES] [DOCUMENTS]   (30 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-30}"
DOCS="${2:-100000}"
WORK="${TMPDIR:-/tmp}/retold-planted-bench"
CORPUS="$WORK/planted-$DOCS"
LINKED="$WORK/mixed-$DOCS-linked.db"
DB="$WORK/soak-$DOCS.db"
EXTRA="$WORK/mixed-extra"
mkdir -p "$WORK"

swift build -c release --product retold >/dev/null
RETOLD=.build/release/retold
. Benchmarks/server-load.sh
# The same linked index mixed-load.sh uses, built once and kept.
prepare_linked_copy "$RETOLD" "$DOCS" "$CORPUS" "$LINKED" "$EXTRA" "$DB"
start_server "$RETOLD" "$DB" "$WORK/soak-server.log"

python3 - "$URL" "$SERVER" "$MINUTES" "$CORPUS/corpus.jsonl" "$EXTRA/corpus.jsonl" examples <<'PY'
import json, os, random, sys, threading, time, urllib.error, urllib.request
url, pid, minutes, corpus, extra, examples = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
random.seed(11)
queries = [json.loads(line)["text"] for _, line in zip(range(2000), open(corpus))]
additions = [json.loads(line) for line in open(extra)]
pair = [open(os.path.join(examples, name)).read() for name in sorted(os.listdir(examples))[:2]]
end = time.monotonic() + minutes * 60
lock = threading.Lock()
counts, errors, samples = {}, [], []

def call(kind, method, path, body=None, timeout=600):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            answer = reply.read()
            with lock:
                counts[kind] = counts.get(kind, 0) + 1
            return json.loads(answer) if answer[:1] in (b"{", b"[") else answer
    except (urllib.error.URLError, OSError, ValueError) as error:
        with lock:
            errors.append(f"{kind}: {error}")
        return None

def searcher():
    while time.monotonic() < end:
        call("search", "POST", "/v1/search", {"text": random.choice(queries), "limit": 10})

def comparer():
    while time.monotonic() < end:
        call("compare", "POST", "/v1/compare", {"a": {"text": pair[0]}, "b": {"text": pair[1]}})

def writer():
    position = 0
    while time.monotonic() < end and position < len(additions):
        batch = [{"id": d["id"], "text": d["text"]} for d in additions[position:position + 20]]
        position += 20
        call("add", "POST", "/v1/documents", batch)
        call("links", "POST", "/v1/links", {})
        time.sleep(10)

def lister():
    while time.monotonic() < end:
        call("clusters", "GET", "/v1/clusters?min_coverage=0.5")
        time.sleep(30)

def sampler():
    start = time.monotonic()
    while time.monotonic() < end:
        status = open(f"/proc/{pid}/status").read()
        rss = int(next(line for line in status.splitlines() if line.startswith("VmRSS:")).split()[1]) // 1024
        fds = len(os.listdir(f"/proc/{pid}/fd"))
        samples.append((round(time.monotonic() - start), rss, fds))
        time.sleep(10)

threads = [threading.Thread(target=f) for f in [searcher] * 4 + [comparer] * 2 + [writer, lister, sampler]]
for t in threads: t.start()
for t in threads: t.join()
metrics = call("metrics", "GET", "/metrics")
server_errors = 0
if isinstance(metrics, bytes):
    for line in metrics.decode().splitlines():
        if line.startswith("retold_http_requests_total") and 'status="5' in line:
            server_errors += int(float(line.rsplit(" ", 1)[1]))

print(f"{minutes:g} minutes: " + ", ".join(f"{counts.get(k, 0)} {k}" for k in ["search", "compare", "add", "links", "clusters"])
      + f"; {len(errors)} errors; {server_errors} 5xx counted by /metrics")
for e in errors[:10]: print("  error:", e)
print("   s   RSS MB   open fds")
for i, (s, rss, fds) in enumerate(samples):
    if i % 6 == 0 or i == len(samples) - 1: print(f"{s:5d}   {rss:6d}   {fds:8d}")
after_first_minute = next((rss for s, rss, _ in samples if s >= 60), samples[0][1])
final_rss, peak_rss = samples[-1][1], max(rss for _, rss, _ in samples)
late_fds = [fds for s, _, fds in samples if s >= 60]
growth = (final_rss - after_first_minute) / after_first_minute
print(f"memory: {after_first_minute} MB after the first minute, {final_rss} MB at the end ({growth:+.1%}), peak {peak_rss} MB")
print(f"open descriptors after the first minute: {min(late_fds)} to {max(late_fds)}")
failed = bool(errors) or server_errors > 0 or growth > 0.10 or (late_fds and late_fds[-1] > min(late_fds) + 16)
print("soak:", "FAILED" if failed else "passed (memory within 10%, descriptors flat, no error)")
sys.exit(1 if failed else 0)
PY
