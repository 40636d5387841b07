#!/usr/bin/env bash
# The shared-index benchmark: one planted corpus (see planted-index.sh) indexed by 1, 2 and 4
# concurrent `retold index add` workers into PostgreSQL, against the single SQLite writer, in
# the same run on the same machine; then 1,000 planted-copy searches on the last PostgreSQL
# index and on the SQLite one (recall, precision, p50 and p99).
#
# Usage: Benchmarks/postgres-index.sh [DOCUMENTS] [WORKERS...]   (default 100000, workers 1 2 4)
#        SQLITE=0 Benchmarks/postgres-index.sh 1000000 2              (PostgreSQL only)
# Needs a PostgreSQL server installed (15 or later); a throwaway cluster is started and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${1:-100000}"
[ $# -gt 0 ] && shift
if [ $# -gt 0 ]; then WORKER_COUNTS=("$@"); else WORKER_COUNTS=(1 2 4); fi
WORK="${TMPDIR:-/tmp}/retold-postgres-bench"
CORPUS="$WORK/planted-$DOCS"
mkdir -p "$WORK"

swift build -c release --traits PostgreSQL --product retold >/dev/null
RETOLD=.build/release/retold

if [ ! -f "$CORPUS/truth.tsv" ]; then
    "$RETOLD" eval planted generate --documents "$DOCS" --out "$CORPUS"
fi

# The server: memory sized for a 24 GB machine; WAL kept large so that checkpoints do not
# interrupt ingest; commits wait for the WAL write but not its flush (like SQLite's
# synchronous=NORMAL: durable against a killed process, not against power loss).
CLUSTER="$WORK/cluster"
bash scripts/postgres-cluster.sh stop "$CLUSTER"
SERVER=$(bash scripts/postgres-cluster.sh start "$CLUSTER" shared_buffers=4GB effective_cache_size=12GB \
    maintenance_work_mem=1GB max_wal_size=16GB checkpoint_timeout=30min synchronous_commit=off wal_compression=on)
trap 'bash scripts/postgres-cluster.sh stop "$CLUSTER"' EXIT
PSQL="psql -qAt -h 127.0.0.1 -p $(cat "$CLUSTER/port") -U postgres"

# The single SQLite writer.
DB="$WORK/index-$DOCS.db"
if [ "${SQLITE:-1}" = 1 ]; then
rm -f "$DB" "$DB-wal" "$DB-shm"
/usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$RETOLD" index add --db "$DB" "$CORPUS/corpus.jsonl" 2>/dev/null || true
read -r SQLITE_SECONDS SQLITE_KB < "$WORK/time.txt"
printf 'sqlite      1 writer : %s documents in %7.1f s = %6.0f docs/s, peak %4.0f MB, index %5.0f MB\n' "$DOCS" "$SQLITE_SECONDS" \
    "$(echo "$DOCS / $SQLITE_SECONDS" | bc -l)" "$(echo "$SQLITE_KB / 1024" | bc -l)" "$(echo "$(du -cb "$DB"* | tail -1 | cut -f1) / 1000000" | bc -l)"
else
SQLITE_SECONDS=0
fi

# The corpus cut into disjoint parts, one per worker: the same documents, the same total work.
for WORKERS in "${WORKER_COUNTS[@]}"; do
    NAME="retold_bench_$WORKERS"
    $PSQL -d postgres -c "DROP DATABASE IF EXISTS $NAME" -c "CREATE DATABASE $NAME"
    URL="${SERVER%/postgres?*}/$NAME?sslmode=disable"
    "$RETOLD" index migrate --db "$URL" >/dev/null
    rm -f "$WORK"/part-*
    split -n "l/$WORKERS" -d "$CORPUS/corpus.jsonl" "$WORK/part-"
    START=$(date +%s.%N)
    PIDS=()
    for PART in "$WORK"/part-*; do
        /usr/bin/time -f "%M" -o "$PART.mem" "$RETOLD" index add --db "$URL" "$PART" 2>/dev/null &
        PIDS+=($!)
    done
    for PID in "${PIDS[@]}"; do wait "$PID"; done
    END=$(date +%s.%N)
    SECONDS_TAKEN=$(echo "$END - $START" | bc -l)
    STORED=$($PSQL -d "$NAME" -c "SELECT count(*) FROM document")
    PEAK_KB=$(sort -n "$WORK"/part-*.mem | tail -1)
    DB_BYTES=$($PSQL -d "$NAME" -c "SELECT pg_database_size('$NAME')")
    RATIO=0
    [ "$SQLITE_SECONDS" != 0 ] && RATIO=$(echo "$SQLITE_SECONDS / $SECONDS_TAKEN" | bc -l)
printf 'postgresql %2s writers: %s documents in %7.1f s = %6.0f docs/s (%.2fx the SQLite writer), peak %4.0f MB per worker, database %5.0f MB\n' \
        "$WORKERS" "$STORED" "$SECONDS_TAKEN" "$(echo "$STORED / $SECONDS_TAKEN" | bc -l)" \
        "$RATIO" "$(echo "$PEAK_KB / 1024" | bc -l)" "$(echo "$DB_BYTES / 1000000" | bc -l)"
    LAST_URL="$URL"
    LAST_NAME="$NAME"
done

$PSQL -d "$LAST_NAME" -c "VACUUM ANALYZE"
echo "search, PostgreSQL ($LAST_NAME):"
"$RETOLD" eval planted search --corpus "$CORPUS" --db "$LAST_URL"
if [ "${SQLITE:-1}" = 1 ]; then
    echo "search, SQLite:"
    "$RETOLD" eval planted search --corpus "$CORPUS" --db "$DB"
fi
