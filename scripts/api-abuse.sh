#!/usr/bin/env bash
# The HTTP API under abuse (scripts/api-abuse.py): slow and stalled clients, many idle
# connections, oversized and malformed heads, deep, huge and mistyped JSON, invalid UTF-8, wrong
# content types, SQL injection in filters, writes without the token, and a flood of 64 clients,
# against `retold serve` (the debug build scripts/test.sh makes) on a fresh index of the
# examples. Fails on any server error, any connection a slow client keeps, or a server that
# stops answering or loses a document.
# Usage: scripts/api-abuse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-abuse.XXXXXX")
# The same build configuration as scripts/test.sh, so after it this builds nothing.
# RETOLD_BUILT=1: the caller (CI) has built everything this needs; each other build command
# would make SwiftPM plan the build again.
[ "${RETOLD_BUILT:-}" = 1 ] || swift build --traits PostgreSQL --product retold >/dev/null
.build/debug/retold index add examples --db "$WORK/index.db" >/dev/null
PORT=$((20000 + RANDOM % 20000))
TOKEN="abuse-$RANDOM$RANDOM"
IDLE=3
BODY_TIMEOUT=5
MAX_BODY=1000000
RETOLD_TOKEN="$TOKEN" .build/debug/retold serve --db "$WORK/index.db" --port "$PORT" --idle-timeout "$IDLE" --body-timeout "$BODY_TIMEOUT" \
    --max-body "$MAX_BODY" --log-level warning > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "localhost:$PORT/healthz" >/dev/null && break; sleep 0.2; done
status=0
python3 scripts/api-abuse.py 127.0.0.1 "$PORT" "$TOKEN" "$IDLE" "$BODY_TIMEOUT" "$MAX_BODY" || status=$?
if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "api-abuse: the server exited; its log:" >&2
    cat "$WORK/serve.log" >&2
    exit 1
fi
if grep -q "$TOKEN" "$WORK/serve.log"; then
    echo "api-abuse: the token appears in the server's log" >&2
    exit 1
fi
exit "$status"
