#!/usr/bin/env bash
# A full disk during `retold index add`: the index lives on a small tmpfs (6 MB by default)
# that a generated corpus overflows. The add must stop with one clear line and a non-zero
# exit; the index must pass SQLite's integrity check with every stored document complete (no
# orphan posting, no text stored twice); and, moved to a disk with room, the same command must
# add exactly the documents that are missing. Mounting needs root (or sudo).
# Usage: scripts/full-disk.sh [DOCUMENTS] [SIZE]   (default 3000 documents, 6m)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-3000}"
SIZE="${2:-6m}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-full.XXXXXX")
mkdir "$WORK/small"
$SUDO mount -t tmpfs -o "size=$SIZE,mode=1777" tmpfs "$WORK/small"
trap '$SUDO umount "$WORK/small" 2>/dev/null || true; rm -rf "$WORK"' EXIT
# The same build configuration as scripts/test.sh, so after it this builds nothing.
# RETOLD_BUILT=1: the caller (CI) has built everything this needs; each other build command
# would make SwiftPM plan the build again.
[ "${RETOLD_BUILT:-}" = 1 ] || swift build --traits PostgreSQL --product retold >/dev/null
RETOLD=.build/debug/retold
"$RETOLD" eval planted generate --documents "$DOCS" --seed 7 --out "$WORK/corpus" >/dev/null

check() {  # prints the document count; fails on any inconsistency
    python3 - "$1" <<'PY'
import sqlite3, sys
sys.path.insert(0, "scripts")
from sqlite_postings import postings
db = sqlite3.connect(sys.argv[1])
problems = []
if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    problems.append("integrity check failed")
documents = db.execute("SELECT count(*) FROM document").fetchone()[0]
if db.execute("SELECT count(DISTINCT content_hash) FROM document").fetchone()[0] != documents:
    problems.append("a text stored twice")
ids = {row[0] for row in db.execute("SELECT id FROM document")}
banded = set()
for kind in ("band", "anchor", "passage"):
    held = {document for _, document in postings(db, kind)}
    orphans = len(held - ids)
    if orphans:
        problems.append(f"{orphans} orphan {kind} postings")
    if kind == "band":
        banded = held
bare = len(ids - banded)
if bare:
    problems.append(f"{bare} documents without their postings")
if problems:
    sys.exit("full-disk: " + "; ".join(problems))
print(documents)
PY
}

status=0
"$RETOLD" index add "$WORK/corpus/corpus.jsonl" --db "$WORK/small/index.db" --batch-size 256 > /dev/null 2> "$WORK/error" || status=$?
message=$(grep -v '^\s*$' "$WORK/error" || true)
echo "index add on a $SIZE disk: exit $status: $message"
[ "$status" -ne 0 ] || { echo "full-disk: the add did not fail; make the disk smaller or the corpus larger" >&2; exit 1; }
[ "$(printf '%s\n' "$message" | wc -l)" -eq 1 ] || { echo "full-disk: expected one line of error" >&2; exit 1; }
case "$message" in *"disk is full"*) ;; *) echo "full-disk: the error does not say the disk is full" >&2; exit 1 ;; esac
before=$(check "$WORK/small/index.db")
echo "the index on the full disk is consistent, with $before of $DOCS documents"

mkdir "$WORK/big"
cp "$WORK/small"/index.db* "$WORK/big/"
summary=$("$RETOLD" index add "$WORK/corpus/corpus.jsonl" --db "$WORK/big/index.db" --format json)
added=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["added"])' "$summary")
after=$(check "$WORK/big/index.db")
[ "$after" -eq "$DOCS" ] || { echo "full-disk: $after documents after the re-run, not $DOCS" >&2; exit 1; }
[ "$added" -eq $((DOCS - before)) ] || { echo "full-disk: the re-run added $added, $((DOCS - before)) were missing" >&2; exit 1; }
echo "moved to a disk with room, the same command added the $added missing documents; every check passed"
