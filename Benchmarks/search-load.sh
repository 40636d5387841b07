# Sourced by load-server.sh and mixed-load.sh: writes the wrk script for POST /v1/search and
# its 500 query bodies (documents of the planted corpus, fixed seed) into a work folder.
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
