#!/usr/bin/env bash
# The whole test suite, on both index backends: builds Retold with its PostgreSQL support,
# starts a throwaway PostgreSQL cluster on loopback, runs every test, and stops the cluster.
# A cluster that cannot start fails the run: the PostgreSQL tests are never skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
# Hermetic: nothing beside the clone is read. The suites that measure Retold on the labelled
# corpora run with scripts/evaluate.sh instead.
unset RETOLD_CORPORA

cluster=$(mktemp -d "${TMPDIR:-/tmp}/retold-test-postgres.XXXXXX")
trap 'bash scripts/postgres-cluster.sh stop "$cluster"' EXIT
# Test databases are thrown away: durability settings off for speed.
RETOLD_TEST_POSTGRES=$(bash scripts/postgres-cluster.sh start "$cluster" fsync=off synchronous_commit=off full_page_writes=off)
export RETOLD_TEST_POSTGRES

# RETOLD_BUILT=1: the caller (CI) has built everything this needs; each other build command
# would make SwiftPM plan the build again.
[ "${RETOLD_BUILT:-}" = 1 ] || swift build --build-tests --traits PostgreSQL
swift test --skip-build --traits PostgreSQL "$@"
