#!/usr/bin/env bash
# The corpus evaluations: Retold measured on the labelled corpora kept outside the repository
# (MSRP, PAN-13, QAGS, the wire-story clusters; see their README for sources and licences).
# Runs the test suites that need them (their floors are the figures the README reports), then
# prints the relationship, cluster and change tables the README quotes.
# Usage: scripts/evaluate.sh [CORPORA]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."

corpora="${1:-../shared/data}"
if [ ! -d "$corpora/wire-clusters-dev" ]; then
    echo "evaluate: $corpora has no wire-clusters-dev folder: give the folder of the labelled corpora" >&2
    exit 1
fi
corpora=$(cd "$corpora" && pwd)

# The same build as scripts/test.sh, so that running both builds once.
# RETOLD_BUILT=1: the caller (CI) has built everything this needs; each other build command
# would make SwiftPM plan the build again.
[ "${RETOLD_BUILT:-}" = 1 ] || swift build --build-tests --traits PostgreSQL
RETOLD_CORPORA="$corpora" swift test --skip-build --traits PostgreSQL --filter CorpusTests --skip PlantedCorpusTests

retold=.build/debug/retold
echo
echo "== retold eval relationship (leave-one-story-out)"
"$retold" eval relationship "$corpora/wire-clusters-dev"
echo
echo "== retold eval clusters"
"$retold" eval clusters "$corpora/wire-clusters-dev"
echo
echo "== retold eval changes"
"$retold" eval changes "$corpora/wire-clusters-dev"
echo
echo "== retold eval qags"
"$retold" eval qags "$corpora/qags-xsum/mturk_xsum.jsonl"

