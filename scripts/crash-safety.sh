#!/usr/bin/env bash
# Crash safety under kill -9, repeated: RUNS times (default 20), `retold index add` of a
# generated corpus is killed at a random moment, then the index is checked (SQLite's
# integrity_check; every document once, by id and by content hash; no posting or link of a
# document that is not there; every stored document complete: its postings written with it),
# and a re-run must add exactly the documents that are missing. Then link building
# (`retold clusters`) is killed at random moments the same way: after each kill the index is
# checked again, and a last run must finish with every document linked.
# With --postgres, the same on a throwaway PostgreSQL cluster (the debug build with the
# PostgreSQL trait, as scripts/test.sh makes it): the checks are the stored document count
# against the rows, uniqueness of content hashes and source ids, and orphan postings and links.
# --debug uses the debug build scripts/test.sh makes for SQLite too (as CI does: no second build).
# --drop (with --postgres) also has the database drop every connection of a running index add
# (pg_terminate_backend) three times: the add must end with an error within a minute, and a
# re-run add exactly what is missing.
# Usage: scripts/crash-safety.sh [--postgres] [--debug] [--drop] [RUNS] [DOCUMENTS]   (default 20 runs, 4000 documents)
set -euo pipefail
cd "$(dirname "$0")/.."
BACKEND=sqlite
DEBUG=false
DROP=false
while [ "${1:-}" = "--postgres" ] || [ "${1:-}" = "--debug" ] || [ "${1:-}" = "--drop" ]; do
    case "$1" in --postgres) BACKEND=postgres ;; --debug) DEBUG=true ;; --drop) DROP=true ;; esac
    shift
done
RUNS="${1:-20}"
DOCS="${2:-4000}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-crash.XXXXXX")

if [ "$BACKEND" = postgres ]; then
    [ "${RETOLD_BUILT:-}" = 1 ] || swift build --traits PostgreSQL --product retold >/dev/null
    RETOLD=.build/debug/retold
    # Its own folder, which the server's user owns (WORK is private to this user).
    CLUSTER=$(mktemp -d "${TMPDIR:-/tmp}/retold-crash-postgres.XXXXXX")
    trap 'bash scripts/postgres-cluster.sh stop "$CLUSTER"; rm -rf "$WORK"' EXIT
    SERVER=$(bash scripts/postgres-cluster.sh start "$CLUSTER" fsync=off)
elif [ "$DEBUG" = true ]; then
    [ "${RETOLD_BUILT:-}" = 1 ] || swift build --traits PostgreSQL --product retold >/dev/null
    RETOLD=.build/debug/retold
    trap 'rm -rf "$WORK"' EXIT
else
    swift build -c release --product retold >/dev/null
    RETOLD=.build/release/retold
    trap 'rm -rf "$WORK"' EXIT
fi
"$RETOLD" eval planted generate --documents "$DOCS" --seed 31 --out "$WORK/corpus" >/dev/null
CORPUS="$WORK/corpus/corpus.jsonl"
DB="$WORK/index.db"

check() {  # prints the document count; fails on any inconsistency
    if [ "$BACKEND" = postgres ]; then check_postgres; return; fi
    python3 - "$DB" <<'PY'
import sqlite3, sys
sys.path.insert(0, "scripts")
from sqlite_postings import postings
db = sqlite3.connect(sys.argv[1])
def one(sql): return db.execute(sql).fetchone()[0]
problems = []
if (r := one("PRAGMA integrity_check")) != "ok": problems.append("integrity_check: " + r)
documents = one("SELECT count(*) FROM document")
if one("SELECT count(DISTINCT content_hash) FROM document") != documents: problems.append("a text stored twice")
if one("SELECT count(DISTINCT source_id) FROM document") != documents: problems.append("a source id stored twice")
ids = {row[0] for row in db.execute("SELECT id FROM document")}
for kind in ("band", "anchor", "passage"):
    held = {document for _, document in postings(db, kind)}
    if (n := len(held - ids)): problems.append(f"{n} orphan {kind} postings")
    if (n := len(ids - held)) and kind == "band":
        problems.append(f"{n} documents without band postings")
if (n := one("SELECT count(*) FROM link WHERE a NOT IN (SELECT id FROM document) OR b NOT IN (SELECT id FROM document)")): problems.append(f"{n} orphan links")
if problems: sys.exit("crash-safety: " + "; ".join(problems))
print(documents)
PY
}

sql() { psql "$DB" -v ON_ERROR_STOP=1 -At -c "$1"; }

check_postgres() {
    local documents problems=""
    documents=$(sql "SELECT count(*) FROM document")
    [ "$(sql "SELECT documents FROM document_count")" = "$documents" ] || problems+="the stored count is not the rows; "
    [ "$(sql "SELECT count(DISTINCT content_hash) FROM document")" = "$documents" ] || problems+="a text stored twice; "
    [ "$(sql "SELECT count(DISTINCT source_id) FROM document")" = "$documents" ] || problems+="a source id stored twice; "
    for table in band anchor passage; do
        n=$(sql "SELECT count(*) FROM $table t WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = t.document)")
        [ "$n" = 0 ] || problems+="$n orphan $table postings; "
    done
    n=$(sql "SELECT count(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM band b WHERE b.document = d.id)")
    [ "$n" = 0 ] || problems+="$n documents without band postings; "
    n=$(sql "SELECT count(*) FROM link l WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = l.a) OR NOT EXISTS (SELECT 1 FROM document d WHERE d.id = l.b)")
    [ "$n" = 0 ] || problems+="$n orphan links; "
    [ -z "$problems" ] || { echo "crash-safety: $problems" >&2; exit 1; }
    echo "$documents"
}

fresh_index() {
    if [ "$BACKEND" = postgres ]; then
        psql "$SERVER" -q -c "DROP DATABASE IF EXISTS crash" -c "CREATE DATABASE crash"
        DB="${SERVER%/*}/crash"
        "$RETOLD" index migrate --db "$DB" >/dev/null
    else
        rm -f "$DB" "$DB-wal" "$DB-shm"
    fi
}

unlinked() {
    if [ "$BACKEND" = postgres ]; then sql "SELECT count(*) FROM document WHERE NOT linked"
    else python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM document WHERE linked = 0").fetchone()[0])' "$DB"; fi
}

# After an interrupted add: checks the index, runs the same add again, and checks that it added
# exactly the documents that were missing. Sets BEFORE and ADDED; $1 names the run in errors.
resume_and_check() {
    local summary after
    BEFORE=$(check)
    summary=$("$RETOLD" index add "$CORPUS" --db "$DB" --format json)
    ADDED=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["added"])' "$summary")
    after=$(check)
    [ "$after" -eq "$DOCS" ] || { echo "crash-safety: $1: $after documents after the re-run, not $DOCS" >&2; exit 1; }
    [ "$ADDED" -eq $((DOCS - BEFORE)) ] || { echo "crash-safety: $1: re-run added $ADDED, missing were $((DOCS - BEFORE))" >&2; exit 1; }
}

# Kills land anywhere in a build: at a random share of the time one whole build takes here.
fresh_index
started=$(date +%s%N)
"$RETOLD" index add "$CORPUS" --db "$DB" --batch-size 256 >/dev/null 2>&1
FULL=$(( ($(date +%s%N) - started) / 1000000 ))
pause() { python3 -c "import random; print(round(random.uniform(0.05, 1.0) * $FULL / 1000, 3))"; }

echo "== $BACKEND: kill -9 during index add, $RUNS runs of $DOCS documents (a whole build takes $FULL ms)"
for run in $(seq "$RUNS"); do
    fresh_index
    "$RETOLD" index add "$CORPUS" --db "$DB" --batch-size 256 >/dev/null 2>&1 &
    pid=$!
    sleep "$(pause)"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    [ "$BACKEND" = postgres ] || [ -f "$DB" ] || { echo "run $run: killed before the index existed"; continue; }
    resume_and_check "run $run"
    echo "run $run: killed with $BEFORE of $DOCS stored; the re-run added $ADDED; consistent"
done

if [ "$BACKEND" = postgres ] && [ "$DROP" = true ]; then
    echo "== the database drops the connections of index add mid-run"
    for run in 1 2 3; do
        fresh_index
        "$RETOLD" index add "$CORPUS" --db "$DB" --batch-size 256 >/dev/null 2>"$WORK/dropped.err" &
        pid=$!
        sleep "$(pause)"
        psql "$SERVER" -qAt -c "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'crash' AND pid <> pg_backend_pid()" >/dev/null
        # The add must end on its own; a minute after the drop it is taken as hung.
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid"
            echo "crash-safety: dropped run $run: index add still running a minute after its connections were dropped (hung)" >&2
            exit 1
        fi
        status=0
        wait "$pid" || status=$?
        resume_and_check "dropped run $run"
        echo "dropped run $run: exit $status with $BEFORE of $DOCS stored ($(head -c 160 "$WORK/dropped.err" | tr '\n' ' ')); the re-run added $ADDED; consistent"
    done
fi

echo "== kill -9 during link building"
for run in $(seq 5); do
    "$RETOLD" clusters --db "$DB" >/dev/null 2>&1 &
    pid=$!
    sleep "$(pause)"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pending=$(unlinked)
    check >/dev/null
    echo "link run $run: killed with $pending documents not linked yet; consistent"
done
"$RETOLD" clusters --db "$DB" >/dev/null
pending=$(unlinked)
check >/dev/null
[ "$pending" -eq 0 ] || { echo "crash-safety: $pending documents still unlinked after a full run" >&2; exit 1; }
echo "links complete after the last run; every check passed"
