#!/usr/bin/env bash
# Builds the DocC archive of RetoldCore and fails on any warning (an unresolved symbol link, an
# undocumented parameter the catalog refers to). Only RetoldCore is compiled, with its public
# symbol graph, in a build folder of its own, then `docc convert` runs on the catalog: the same
# archive `swift package generate-documentation --target RetoldCore` makes, without the plugin
# building the whole package a second time.
# Usage: scripts/docs.sh [OUTPUT]   (default .build-docs/RetoldCore.doccarchive)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-.build-docs/RetoldCore.doccarchive}"
GRAPHS=.build-docs/symbol-graphs
rm -rf "$GRAPHS"
mkdir -p "$GRAPHS"
swift build --target RetoldCore --build-path .build-docs \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$GRAPHS" \
    -Xswiftc -symbol-graph-minimum-access-level -Xswiftc public >/dev/null
DOCC=$(command -v docc || echo "$(dirname "$(command -v swift)")/docc")
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
