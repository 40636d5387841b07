#!/usr/bin/env bash
# Builds the DocC archive of RetoldCore and fails on any warning (an unresolved symbol link, an
# undocumented parameter the catalog refers to): RetoldCore's public symbol graph is extracted
# from its compiled module, then `docc convert` runs on the catalog; the same archive
# `swift package generate-documentation --target RetoldCore` makes, without the plugin building
# the whole package a second time.
# With --modules DIR (a build's Modules folder, as CI passes after its own build), the module
# already compiled there is read and nothing is built; otherwise only RetoldCore is compiled, in
# a build folder of its own.
# Usage: scripts/docs.sh [--modules DIR] [OUTPUT]   (default .build-docs/RetoldCore.doccarchive)
set -euo pipefail
cd "$(dirname "$0")/.."
MODULES=""
if [ "${1:-}" = "--modules" ]; then
    MODULES="$2"
    shift 2
fi
OUT="${1:-.build-docs/RetoldCore.doccarchive}"
GRAPHS=.build-docs/symbol-graphs
rm -rf "$GRAPHS"
mkdir -p "$GRAPHS"
if [ -z "$MODULES" ]; then
    swift build --target RetoldCore --build-path .build-docs >/dev/null
    MODULES="$(swift build --build-path .build-docs --show-bin-path)/Modules"
fi
[ -e "$MODULES/RetoldCore.swiftmodule" ] || { echo "docs: $MODULES has no compiled RetoldCore module" >&2; exit 1; }
BIN="$(dirname "$(command -v swift)")"
TRIPLE=$(swiftc -print-target-info | sed -n 's/.*"triple": "\(.*\)",*/\1/p' | head -1)
"$BIN/swift-symbolgraph-extract" -module-name RetoldCore -I "$MODULES" -target "$TRIPLE" \
    -minimum-access-level public -output-dir "$GRAPHS"
DOCC=$(command -v docc || echo "$BIN/docc")
log=$(mktemp)
"$DOCC" convert Sources/RetoldCore/RetoldCore.docc --additional-symbol-graph-dir "$GRAPHS" \
    --fallback-display-name RetoldCore --fallback-bundle-identifier RetoldCore \
    --output-path "$OUT" 2>&1 | tee "$log" | tail -2
if grep -q "warning:" "$log"; then
    echo "docs: the documentation build printed warnings:" >&2
    grep "warning:" "$log" >&2
    exit 1
fi
echo "docs: $OUT"
