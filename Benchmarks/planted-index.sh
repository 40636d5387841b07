#!/usr/bin/env bash
# The index benchmark: a synthetic news corpus with planted copies (verbatim, edited, and
# rewrites with 20-40% of words substituted), indexed into SQLite and searched with 1,000
# queries; then rensa's MinHash LSH (the fastest Python near-duplicate index) on the same corpus
# and the same queries, in the same run.
# Usage: Benchmarks/planted-index.sh [DOCUMENTS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-100000}"
WORK="${TMPDIR:-/tmp}/retold-planted-bench"
CORPUS="$WORK/planted-$DOCS"
DB="$CORPUS/index.db"
VENV="$WORK/venv"
mkdir -p "$WORK"

swift build -c release --product retold >/dev/null
RETOLD=.build/release/retold

if [ ! -f "$CORPUS/truth.tsv" ]; then
    "$RETOLD" eval planted generate --documents "$DOCS" --out "$CORPUS"
fi

# A fresh index every run: build time, peak memory and size are the point.
rm -f "$DB" "$DB-wal" "$DB-shm"
/usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$RETOLD" index add "$CORPUS/corpus.jsonl" --db "$DB"
read -r SECONDS_TAKEN PEAK_KB < "$WORK/time.txt"
DB_BYTES=$(du -cb "$DB"* | tail -1 | cut -f1)
TEXT_BYTES=$(stat -c %s "$CORPUS/corpus.jsonl")
printf 'retold index add: %s documents in %s s (%.0f docs/s), peak memory %.0f MB, index %.0f MB (corpus file %.0f MB)\n' \
    "$DOCS" "$SECONDS_TAKEN" "$(echo "$DOCS / $SECONDS_TAKEN" | bc -l)" "$(echo "$PEAK_KB / 1024" | bc -l)" \
    "$(echo "$DB_BYTES / 1000000" | bc -l)" "$(echo "$TEXT_BYTES / 1000000" | bc -l)"

"$RETOLD" eval planted search --corpus "$CORPUS" --db "$DB" --format json > "$WORK/report.json"
"$RETOLD" eval planted search --corpus "$CORPUS" --db "$DB"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q rensa
fi
"$VENV/bin/python" - "$CORPUS" "$WORK/report.json" "$SECONDS_TAKEN" <<'PY'
import json, re, sys, time
import rensa

corpus, report_path, retold_seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
report = json.load(open(report_path))
truth = {}
for line in open(corpus + "/truth.tsv").read().splitlines()[1:]:
    id_, family, kind, changed = line.split("\t")
    truth[id_] = (int(family), kind, float(changed))
originals = {family: id_ for id_, (family, kind, _) in truth.items() if kind == "original"}
token = re.compile(r"\w+")

def signature(text):
    words = token.findall(text.lower())
    m = rensa.RMinHash(num_perm=128, seed=1)
    m.update([" ".join(words[i:i + 5]) for i in range(len(words) - 4)])
    return m

# The usual near-duplicate setup: 128 permutations, 32 bands of 4 rows (an S-curve centred
# near Jaccard 0.42), candidates kept when their estimated Jaccard is at least 0.5.
start = time.perf_counter()
ids, signatures, texts = [], [], {}
wanted = set(report["queryIDs"])
lsh = rensa.RMinHashLSH(threshold=0.5, num_perm=128, num_bands=32)
for line in open(corpus + "/corpus.jsonl"):
    document = json.loads(line)
    m = signature(document["text"])
    lsh.insert(len(ids), m)
    ids.append(document["id"])
    signatures.append(m)
    if document["id"] in wanted:
        texts[document["id"]] = document["text"]
build = time.perf_counter() - start
position = {id_: i for i, id_ in enumerate(ids)}

groups, times, hits, false_hits = {}, [], 0, 0
for query in report["queryIDs"]:
    family, kind, changed = truth[query]
    group = {"original": "unrelated", "rewrite": "rewrite 20-30%" if changed < 0.3 else "rewrite 30-40%"}.get(kind, kind)
    g = groups.setdefault(group, [0, 0])
    began = time.perf_counter()
    q = signature(texts[query])
    found = [ids[k] for k in lsh.query(q) if ids[k] != query and q.jaccard(signatures[k]) >= 0.5]
    times.append((time.perf_counter() - began) * 1000)
    g[0] += 1
    hits += len(found)
    false_hits += sum(truth[f][0] != family for f in found)
    if kind != "original" and originals[family] in found:
        g[1] += 1
times.sort()
print(f"rensa MinHash LSH (32x4, Jaccard >= 0.5), same corpus and queries:")
print(f"  build {build:.1f} s, in memory (retold index add: {retold_seconds:.1f} s, {retold_seconds / build:.1f}x rensa's time, "
      f"for three feature kinds, the stored text and a database on disk)")
for group in ["verbatim", "edited", "rewrite 20-30%", "rewrite 30-40%"]:
    queries, found = groups.get(group, [0, 0])
    retold = next((g for g in report["groups"] if g["name"] == group), None)
    ours = f"{retold['originalFound'] / retold['queries']:.3f}" if retold and retold["queries"] else "-"
    print(f"  {group:15} recall {found / max(1, queries):.3f}   (retold {ours})")
print(f"  precision {1 - false_hits / max(1, hits):.4f} ({false_hits} of {hits} hits outside the family)   (retold {report['precision']:.4f})")
print(f"  query p50 {times[len(times) // 2]:.2f} ms, p99 {times[min(len(times) - 1, int(len(times) * 0.99))]:.2f} ms "
      f"(text to candidates; retold p50 {report['p50Milliseconds']:.1f} ms, p99 {report['p99Milliseconds']:.1f} ms, text to verified hits)")
PY
