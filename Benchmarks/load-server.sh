#!/usr/bin/env bash
# Load on `retold serve` with wrk (Debian's `wrk`), 64 connections on this machine's cores:
# POST /v1/compare on the example pair, then POST /v1/search on an index of the planted corpus
# (Benchmarks/planted-index.sh), drawing queries from 500 of its documents, while the server's
# resident memory is sampled every 10 seconds.
# Usage: Benchmarks/load-server.sh [DOCUMENTS] [COMPARE_SECONDS] [SEARCH_SECONDS]   (100000 60 300)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-100000}"
COMPARE_SECONDS="${2:-60}"
SEARCH_SECONDS="${3:-300}"
WORK="${TMPDIR:-/tmp}/retold-planted-bench"
CORPUS="$WORK/planted-$DOCS"
DB="$CORPUS/index.db"
mkdir -p "$WORK"

swift build -c release --product retold >/dev/null
RETOLD=.build/release/retold
[ -f "$CORPUS/truth.tsv" ] || "$RETOLD" eval planted generate --documents "$DOCS" --out "$CORPUS"
[ -f "$DB" ] || "$RETOLD" index add "$CORPUS/corpus.jsonl" --db "$DB"

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
a = open("examples/000_1fa55ddf9ed85ec1.txt").read()
b = open("examples/001_b3d10f58ee285008.txt").read()
open(work + "/compare.json", "w").write(json.dumps({"a": {"text": a}, "b": {"text": b}}))
PY
. Benchmarks/server-load.sh
write_search_load "$CORPUS/corpus.jsonl" "$WORK"
cat > "$WORK/compare.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open(os.getenv("RETOLD_BODY"))
wrk.body = file:read("*a")
file:close()
LUA

start_server "$RETOLD" "$DB" "$WORK/server.log"

echo "== POST /v1/compare, example pair, 64 connections, ${COMPARE_SECONDS}s"
RETOLD_BODY="$WORK/compare.json" wrk -t2 -c64 -d"${COMPARE_SECONDS}s" --latency -s "$WORK/compare.lua" "$URL/v1/compare"

echo "== POST /v1/search, $DOCS-document index, 64 connections, ${SEARCH_SECONDS}s; server RSS every 10 s:"
( while kill -0 "$SERVER" 2>/dev/null; do ps -o rss= -p "$SERVER" | awk '{printf "%d MB ", $1 / 1024}'; sleep 10; done ) &
SAMPLER=$!
RETOLD_BODIES="$WORK/search-bodies.jsonl" wrk -t2 -c64 -d"${SEARCH_SECONDS}s" --latency --timeout 10s -s "$WORK/search.lua" "$URL/v1/search"
kill "$SAMPLER" 2>/dev/null || true
echo
