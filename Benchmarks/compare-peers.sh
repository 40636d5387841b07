#!/usr/bin/env bash
# Times `retold compare --pairs` against a peer measured in the same run, on the same pairs:
# Python's difflib.SequenceMatcher over word lists, keeping matching blocks of 5+ words
# (what a quick "what did B take from A" script does, without rewrites or sentence structure).
# Pairs: the example articles (paraphrase), each QAGS BBC article against the next (unrelated)
# and against itself with every third sentence dropped (edited copy). Prints pairs/s and the ratio.
# Usage: Benchmarks/compare-peers.sh [ROUNDS]   (run from the repository root; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product retold >/dev/null
python3 - "$work/pairs.jsonl" <<'PY'
import json, sys
articles = [json.loads(line)["article"] for line in open("../shared/data/qags-xsum/mturk_xsum.jsonl")]
a = open("examples/000_1fa55ddf9ed85ec1.txt").read(); b = open("examples/001_b3d10f58ee285008.txt").read()
with open(sys.argv[1], "w") as out:
    n = 0
    for _ in range(100):
        out.write(json.dumps({"id": n, "a": a, "b": b}) + "\n"); n += 1
    for i, text in enumerate(articles):
        out.write(json.dumps({"id": n, "a": text, "b": articles[(i + 1) % len(articles)]}) + "\n"); n += 1
        sentences = text.split(". ")
        edited = ". ".join(s for k, s in enumerate(sentences) if k % 3 != 2)
        out.write(json.dumps({"id": n, "a": text, "b": edited}) + "\n"); n += 1
PY
pairs=$(wc -l < "$work/pairs.jsonl")
bytes=$(python3 -c "import json,sys; print(sum(len(o['a'].encode())+len(o['b'].encode()) for o in map(json.loads, open(sys.argv[1]))))" "$work/pairs.jsonl")

cat > "$work/difflib_peer.py" <<'PY'
import difflib, json, re, sys
word = re.compile(r"\w+(?:'\w+)?")
for line in open(sys.argv[1]):
    pair = json.loads(line)
    a = word.findall(pair["a"].lower()); b = word.findall(pair["b"].lower())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size >= 5]
    covered_b = sum(m.size for m in blocks) / max(1, len(b))
    print(json.dumps({"id": pair["id"], "b_from_a": round(covered_b, 4), "blocks": len(blocks)}))
PY

best() { sort -n | head -1; }
retold_times=(); peer_times=()
for _ in $(seq "$rounds"); do
    start=$(date +%s.%N); .build/release/retold compare --pairs "$work/pairs.jsonl" > "$work/retold.out" 2>/dev/null; end=$(date +%s.%N)
    retold_times+=("$(python3 -c "print($end - $start)")")
    start=$(date +%s.%N); python3 "$work/difflib_peer.py" "$work/pairs.jsonl" > "$work/peer.out"; end=$(date +%s.%N)
    peer_times+=("$(python3 -c "print($end - $start)")")
done
retold=$(printf '%s\n' "${retold_times[@]}" | best)
peer=$(printf '%s\n' "${peer_times[@]}" | best)
python3 - "$pairs" "$bytes" "$retold" "$peer" <<'PY'
import sys
pairs, size, retold, peer = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print(f"{pairs} pairs, {size / 1e6:.2f} MB of text; best of the rounds, whole process each")
print(f"{'tool':<34}{'seconds':>9}{'pairs/s':>10}{'MB/s':>8}")
for name, t in (("retold compare --pairs", retold), ("difflib word blocks (Python)", peer)):
    print(f"{name:<34}{t:>9.2f}{pairs / t:>10.0f}{size / 1e6 / t:>8.2f}")
print(f"retold is {peer / retold:.1f}x the peer's speed, while also aligning rewrites and classifying")
PY
