#!/usr/bin/env bash
# Search under write load: `retold serve` on the planted index (Benchmarks/planted-index.sh's
# corpus, links built), 64 wrk connections of POST /v1/search first alone, then while a writer
# adds documents in batches (POST /v1/documents) and rebuilds the links after each batch
# (POST /v1/links). Prints both latency distributions, the p99 ratio (target: within 2x),
# every error either side saw, and whether any request was cut off.
# Usage: Benchmarks/mixed-load.sh [DOCUMENTS] [SECONDS]   (100000 60)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-100000}"
SECONDS_EACH="${2:-60}"
WORK="${TMPDIR:-/tmp}/retold-planted-bench"
CORPUS="$WORK/planted-$DOCS"
LINKED="$WORK/mixed-$DOCS-linked.db"
DB="$WORK/mixed-$DOCS.db"
EXTRA="$WORK/mixed-extra"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "mixed-load: needs wrk (apt-get install wrk)" >&2; exit 1; }

swift build -c release --product retold >/dev/null
RETOLD=.build/release/retold
. Benchmarks/server-load.sh
prepare_linked_copy "$RETOLD" "$DOCS" "$CORPUS" "$LINKED" "$EXTRA" "$DB"
write_search_load "$CORPUS/corpus.jsonl" "$WORK"
start_server "$RETOLD" "$DB" "$WORK/mixed-server.log"
search() {
    RETOLD_BODIES="$WORK/search-bodies.jsonl" wrk -t2 -c64 -d"${SECONDS_EACH}s" --latency --timeout 30s \
        -s "$WORK/search.lua" "$URL/v1/search"
}

echo "== POST /v1/search alone, $DOCS documents, 64 connections, ${SECONDS_EACH}s"
search | tee "$WORK/mixed-alone.txt"

echo "== the same while documents are added in batches of 50 and the links rebuilt after each"
rm -f "$WORK/mixed-writer.json.stop"
python3 - "$URL" "$EXTRA/corpus.jsonl" "$WORK/mixed-writer.json" <<'PY' &
import json, os, sys, time, urllib.request, urllib.error
url, corpus, report = sys.argv[1], sys.argv[2], sys.argv[3]
documents = [json.loads(line) for line in open(corpus)]
stats = {"batches": 0, "added": 0, "link_builds": 0, "linked": 0, "errors": [], "add_seconds": [], "link_seconds": []}
def post(path, body):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.status, json.loads(response.read())
start = time.time()
for first in range(0, len(documents), 50):
    batch = [{"id": d["id"], "text": d["text"]} for d in documents[first:first + 50]]
    try:
        began = time.time()
        status, answer = post("/v1/documents", batch)
        stats["add_seconds"].append(round(time.time() - began, 3))
        stats["batches"] += 1
        stats["added"] += answer.get("added", 0)
        began = time.time()
        status, answer = post("/v1/links", {})
        stats["link_seconds"].append(round(time.time() - began, 3))
        stats["link_builds"] += 1
        stats["linked"] += answer.get("checked", 0)
    except (urllib.error.URLError, OSError, ValueError) as error:
        stats["errors"].append(str(error))
    if os.path.exists(report + ".stop"):  # the loaded search phase is over
        break
stats["seconds"] = round(time.time() - start, 1)
json.dump(stats, open(report, "w"))
PY
WRITER=$!
sleep 2
search | tee "$WORK/mixed-loaded.txt"
echo stop > "$WORK/mixed-writer.json.stop"
wait "$WRITER"
rm -f "$WORK/mixed-writer.json.stop"

python3 - "$WORK" <<'PY'
import json, re, sys
work = sys.argv[1]
def read(name):
    text = open(f"{work}/{name}").read()
    def ms(label):
        m = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {"p50": ms("50"), "p99": ms("99"), "requests": requests,
            "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": sum(map(int, socket.groups())) if socket else 0}
alone, loaded = read("mixed-alone.txt"), read("mixed-loaded.txt")
writer = json.load(open(f"{work}/mixed-writer.json"))
print(f"search alone:  {alone['requests']} requests, p50 {alone['p50']:.1f} ms, p99 {alone['p99']:.1f} ms, "
      f"{alone['non2xx']} non-2xx, {alone['socket_errors']} socket errors")
print(f"search loaded: {loaded['requests']} requests, p50 {loaded['p50']:.1f} ms, p99 {loaded['p99']:.1f} ms, "
      f"{loaded['non2xx']} non-2xx, {loaded['socket_errors']} socket errors")
print(f"writer: {writer['batches']} batches, {writer['added']} documents added, {writer['link_builds']} link builds "
      f"({writer['linked']} documents linked), {len(writer['errors'])} errors")
if writer["add_seconds"]:
    adds, links = sorted(writer["add_seconds"]), sorted(writer["link_seconds"])
    print(f"  add a batch: median {adds[len(adds) // 2]:.2f} s; rebuild links: median {links[len(links) // 2]:.2f} s, max {links[-1]:.2f} s")
ratio = loaded["p99"] / alone["p99"]
print(f"p99 under write load / alone: {ratio:.2f}x (target: within 2x)")
failed = alone["non2xx"] + alone["socket_errors"] + loaded["non2xx"] + loaded["socket_errors"] + len(writer["errors"])
print("errors or cut-off requests:", failed)
sys.exit(1 if failed else 0)
PY
