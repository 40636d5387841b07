# Sourced by load-server.sh, mixed-load.sh and soak.sh.

# Writes the wrk script for POST /v1/search and its 500 query bodies (documents of the planted
# corpus, fixed seed) into a work folder.
# Usage: write_search_load CORPUS_JSONL WORK
write_search_load() {
    python3 - "$1" "$2" <<'PY'
import json, random, sys
corpus, work = sys.argv[1], sys.argv[2]
random.seed(7)
lines = [line for i, line in enumerate(open(corpus)) if i < 100000]
with open(work + "/search-bodies.jsonl", "w") as out:
    for line in random.sample(lines, 500):
        out.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
PY
    cat > "$2/search.lua" <<'LUA'
local bodies = {}
for line in io.lines(os.getenv("RETOLD_BODIES")) do bodies[#bodies + 1] = line end
local headers = { ["Content-Type"] = "application/json" }
request = function() return wrk.format("POST", "/v1/search", headers, bodies[math.random(#bodies)]) end
LUA
}

# Starts `retold serve` on a free loopback port over an index and waits until it answers;
# sets SERVER (its pid, killed on exit) and URL.
# Usage: start_server RETOLD DB LOG
start_server() {
    local port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$1" serve --db "$2" --port "$port" 2>"$3" &
    SERVER=$!
    trap 'kill "$SERVER" 2>/dev/null || true' EXIT
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
    URL="http://127.0.0.1:$port"
}

# The planted index with its links built, made once and kept (linking 100,000 documents takes
# minutes), another planted corpus to add documents from, and a fresh copy of the linked index
# for this run.
# Usage: prepare_linked_copy RETOLD DOCUMENTS CORPUS LINKED EXTRA DB
prepare_linked_copy() {
    local retold=$1 documents=$2 corpus=$3 linked=$4 extra=$5 db=$6 suffix
    [ -f "$corpus/truth.tsv" ] || "$retold" eval planted generate --documents "$documents" --out "$corpus"
    if [ ! -f "$linked" ]; then
        rm -f "$linked.tmp"*
        "$retold" index add "$corpus/corpus.jsonl" --db "$linked.tmp"
        "$retold" clusters --db "$linked.tmp" >/dev/null
        for suffix in "" -wal -shm; do [ -e "$linked.tmp$suffix" ] && mv "$linked.tmp$suffix" "$linked$suffix"; done
    fi
    # Documents to add: another planted corpus (another seed), so copies of its own arrive too.
    [ -f "$extra/corpus.jsonl" ] || "$retold" eval planted generate --documents 5000 --seed 7 --out "$extra" >/dev/null
    rm -f "$db" "$db-wal" "$db-shm"
    for suffix in "" -wal -shm; do [ -e "$linked$suffix" ] && cp "$linked$suffix" "$db$suffix"; done
    return 0
}
