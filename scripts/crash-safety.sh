#!/usr/bin/env bash
# Crash safety under kill -9, repeated: RUNS times (default 20), `retold index add` of a
# generated corpus is killed at a random moment, then the index is checked (SQLite's
# integrity_check; every document once, by id and by content hash; no posting or link of a
# document that is not there; every stored document complete: its postings written with it),
# and a re-run must add exactly the documents that are missing. Then link building
# (`retold clusters`) is killed at random moments the same way: after each kill the index is
# checked again, and a last run must finish with every document linked.
# Usage: scripts/crash-safety.sh [RUNS] [DOCUMENTS]   (default 20 runs, 4000 documents)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-20}"
DOCS="${2:-4000}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-crash.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

swift build -c release --product retold >/dev/null
RETOLD=.build/release/retold
"$RETOLD" eval planted generate --documents "$DOCS" --seed 31 --out "$WORK/corpus" >/dev/null
CORPUS="$WORK/corpus/corpus.jsonl"
DB="$WORK/index.db"

check() {  # prints the document count; fails on any inconsistency
    python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
def one(sql): return db.execute(sql).fetchone()[0]
problems = []
if (r := one("PRAGMA integrity_check")) != "ok": problems.append("integrity_check: " + r)
documents = one("SELECT count(*) FROM document")
if one("SELECT count(DISTINCT content_hash) FROM document") != documents: problems.append("a text stored twice")
if one("SELECT count(DISTINCT source_id) FROM document") != documents: problems.append("a source id stored twice")
for table in ("band", "anchor", "passage"):
    if (n := one(f"SELECT count(*) FROM {table} WHERE document NOT IN (SELECT id FROM document)")): problems.append(f"{n} orphan {table} postings")
    if (n := one(f"SELECT count(*) FROM document WHERE id NOT IN (SELECT document FROM {table})")) and table == "band":
        problems.append(f"{n} documents without band postings")
if (n := one("SELECT count(*) FROM link WHERE a NOT IN (SELECT id FROM document) OR b NOT IN (SELECT id FROM document)")): problems.append(f"{n} orphan links")
if problems: sys.exit("crash-safety: " + "; ".join(problems))
print(documents)
PY
}

echo "== kill -9 during index add, $RUNS runs of $DOCS documents"
for run in $(seq "$RUNS"); do
    rm -f "$DB" "$DB-wal" "$DB-shm"
    "$RETOLD" index add "$CORPUS" --db "$DB" --batch-size 256 >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9 + 1))$((RANDOM % 10))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [ -f "$DB" ] || { echo "run $run: killed before the index existed"; continue; }
    before=$(check)
    summary=$("$RETOLD" index add "$CORPUS" --db "$DB" --format json)
    added=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["added"])' "$summary")
    after=$(check)
    [ "$after" -eq "$DOCS" ] || { echo "crash-safety: run $run: $after documents after the re-run, not $DOCS" >&2; exit 1; }
    [ "$added" -eq $((DOCS - before)) ] || { echo "crash-safety: run $run: re-run added $added, missing were $((DOCS - before))" >&2; exit 1; }
    echo "run $run: killed with $before of $DOCS stored; the re-run added $added; consistent"
done

echo "== kill -9 during link building"
for run in $(seq 5); do
    "$RETOLD" clusters --db "$DB" >/dev/null 2>&1 &
    pid=$!
    sleep "$((RANDOM % 3)).$((RANDOM % 10))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pending=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM document WHERE linked = 0").fetchone()[0])' "$DB")
    check >/dev/null
    echo "link run $run: killed with $pending documents not linked yet; consistent"
done
"$RETOLD" clusters --db "$DB" >/dev/null
pending=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM document WHERE linked = 0").fetchone()[0])' "$DB")
check >/dev/null
[ "$pending" -eq 0 ] || { echo "crash-safety: $pending documents still unlinked after a full run" >&2; exit 1; }
echo "links complete after the last run; every check passed"
