#!/usr/bin/env bash
# Article extraction against peers, in one run on the same pages: retold versus trafilatura and
# readability-lxml (installed from PyPI into a virtual environment this script creates), scored
# the benchmark's way (word 4-gram shingles, see Sources/RetoldEvaluation/ExtractionScore.swift).
# Prints F1 / precision / recall and pages per second for each, and the speed ratios.
#
# Usage: Benchmarks/compare-extraction.sh [DATA_DIR]   (default ../shared/data/article-extraction)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/article-extraction}"
venv="${RETOLD_BENCH_VENV:-${TMPDIR:-/tmp}/retold-extraction-venv}"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet trafilatura readability-lxml
fi
swift build -c release --product retold >/dev/null

echo "== retold"
.build/release/retold eval extraction "$data"

"$venv/bin/python" - "$data" <<'PY'
import gzip, json, os, re, sys, time
data = sys.argv[1]
truth = json.load(open(os.path.join(data, "ground-truth.json")))
ids = sorted(truth)
pages = {i: gzip.open(os.path.join(data, "html", i + ".html.gz")).read().decode("utf-8", "replace") for i in ids}
size = sum(len(p.encode()) for p in pages.values())

def shingles(text):
    words = re.findall(r"\w+", text)
    if not words: return []
    if len(words) < 4: return [tuple(words)]
    return [tuple(words[k:k + 4]) for k in range(len(words) - 3)]

def score(predictions):
    precisions, recalls = [], []
    for i in ids:
        from collections import Counter
        gold, pred = Counter(shingles(truth[i]["articleBody"])), Counter(shingles(predictions.get(i) or ""))
        tp = sum((gold & pred).values()); fp = sum(pred.values()) - tp; fn = sum(gold.values()) - tp
        if tp + fp > 0: precisions.append(tp / (tp + fp))
        recalls.append(tp / (tp + fn) if tp + fn else 0)
    p = sum(precisions) / len(precisions); r = sum(recalls) / len(recalls)
    return 2 * p * r / (p + r), p, r

def run(name, extract):
    start = time.perf_counter()
    out = {i: extract(pages[i]) for i in ids}
    seconds = time.perf_counter() - start
    f1, p, r = score(out)
    print(f"== {name}\npages {len(ids)}  F1 {f1:.3f}  precision {p:.3f}  recall {r:.3f}")
    print(f"extraction time {seconds:.2f} s: {len(ids) / seconds:.0f} pages/s, {size / 1e6 / seconds:.1f} MB/s of HTML on one core")

import trafilatura
run("trafilatura " + trafilatura.__version__, lambda html: trafilatura.extract(html, include_comments=False))
from readability import Document
import lxml.html
run("readability-lxml", lambda html: lxml.html.fromstring(Document(html).summary()).text_content() if html.strip() else "")
PY
