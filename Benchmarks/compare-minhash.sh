#!/usr/bin/env bash
# MinHash end to end (text -> tokens -> word 5-grams -> 128-value signature), one core, on one
# synthetic corpus: Retold against datasketch and rensa, measured in the same run.
# Usage: Benchmarks/compare-minhash.sh [DOCUMENTS]   (default 2000 documents of 2,000 words)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-2000}"
WORK="${TMPDIR:-/tmp}/retold-minhash-bench"
VENV="$WORK/venv"
mkdir -p "$WORK"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q datasketch rensa
fi

# One corpus for everyone: fixed seed, Zipf(1.1) over a 50,000-word vocabulary, 2,000 words a document.
"$VENV/bin/python" - "$WORK/corpus.jsonl" "$DOCS" <<'PY'
import json, random, sys
random.seed(20261123)
path, docs = sys.argv[1], int(sys.argv[2])
letters = "etaoinshrdlcumwfgypbvkjxqz"
vocab = set()
while len(vocab) < 50000:
    vocab.add("".join(random.choice(letters) for _ in range(random.randint(2, 10))))
vocab = sorted(vocab)
weights = [1 / (rank ** 1.1) for rank in range(1, len(vocab) + 1)]
with open(path, "w") as f:
    for d in range(docs):
        words = random.choices(vocab, weights=weights, k=2000)
        sentences = [" ".join(words[i:i + 20]).capitalize() + "." for i in range(0, 2000, 20)]
        f.write(json.dumps({"id": f"doc-{d}", "text": " ".join(sentences)}) + "\n")
PY

swift build -c release --product retold >/dev/null
RETOLD=$(.build/release/retold eval fingerprint "$WORK/corpus.jsonl")
echo "$RETOLD"

"$VENV/bin/python" - "$WORK/corpus.jsonl" "$RETOLD" <<'PY'
import json, re, sys, time
from datasketch import MinHash
import rensa
texts = [json.loads(line)["text"] for line in open(sys.argv[1])]
size = sum(len(t.encode()) for t in texts) / 1e6
token = re.compile(r"\w+")

def shingles(text):
    words = token.findall(text.lower())
    return [" ".join(words[i:i + 5]) for i in range(len(words) - 4)]

def datasketch_run():
    for text in texts:
        m = MinHash(num_perm=128, seed=1)
        m.update_batch([s.encode() for s in shingles(text)])

def rensa_run():
    for text in texts:
        m = rensa.RMinHash(num_perm=128, seed=1)
        m.update(shingles(text))

rates = {}
for name, run in [("rensa", rensa_run), ("datasketch", datasketch_run)]:
    best = min(timed for timed in (lambda: [(lambda s: (run(), time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(2)])())
    rates[name] = size / best
    print(f"{name:10s} {len(texts)} docs  {size:.1f} MB  {best:.3f} s  {len(texts) / best:.0f} docs/s  {size / best:.1f} MB/s")
retold = float(re.search(r"([\d.]+) MB/s", sys.argv[2]).group(1))
for name, rate in rates.items():
    print(f"retold / {name}: {retold / rate:.1f}x")
PY
