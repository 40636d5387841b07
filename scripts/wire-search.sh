#!/usr/bin/env bash
# Search on real wire stories: indexes every document of a wire-cluster folder (the wire texts,
# their copies, independent reports and unrelated items), then searches with each copy of a
# given label and counts how often its cluster's wire text comes back as reuse, with and
# without --semantic, and the time each took. Uses the debug build (swift build).
# Usage: scripts/wire-search.sh [DIR] [LABEL]   (default ../shared/data/wire-clusters-dev paraphrase)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-../shared/data/wire-clusters-dev}"
label="${2:-paraphrase}"
retold="$PWD/.build/debug/retold"
work=$(mktemp -d "${TMPDIR:-/tmp}/retold-wire-search.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$dir" "$label" "$retold" "$work" <<'PY'
import glob, json, os, subprocess, sys, time
folder, label, retold, work = sys.argv[1:5]
documents, queries, wire = [], [], {}
for path in sorted(glob.glob(os.path.join(folder, "cluster-*.json"))):
    for d in json.load(open(path))["documents"]:
        documents.append({"id": d["id"], "text": d["text"]})
        if d["label"] == "wire-original": wire[path] = d["id"]
        if d["label"] == label: queries.append((path, d))
with open(os.path.join(work, "all.jsonl"), "w") as out:
    for d in documents: out.write(json.dumps(d) + "\n")
db = os.path.join(work, "index.db")
subprocess.run([retold, "index", "add", os.path.join(work, "all.jsonl"), "--db", db], check=True, capture_output=True)
query = os.path.join(work, "query.txt")
for semantic in (False, True):
    found, start = 0, time.time()
    for path, d in queries:
        open(query, "w").write(d["text"])
        run = subprocess.run([retold, "search", query, "--db", db, "--format", "json", "-k", "50"] + (["--semantic"] if semantic else []),
                             capture_output=True, text=True)
        if run.returncode != 0: sys.exit(run.stderr.strip())
        if wire.get(path) in [r["document"]["source_id"] for r in json.loads(run.stdout)["results"]]: found += 1
    seconds = time.time() - start
    print(f"{'--semantic' if semantic else 'lexical':10}  wire text found as reuse for {found} of {len(queries)} {label} copies; "
          f"{seconds / max(1, len(queries)):.2f} s per search")
PY
