#!/usr/bin/env bash
# The HTTP API against its own OpenAPI document: schemathesis (PyPI, in a venv under
# ${TMPDIR:-/tmp}) generates requests from schemas/openapi.json, valid and not, and checks that
# no response is a server error and that every status code, content type and body is one the
# document declares. Runs the server (the debug build scripts/test.sh makes) on a fresh index of
# the examples.
# Usage: scripts/api-conformance.sh [EXAMPLES_PER_OPERATION]   (default 150)
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES="${1:-150}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/retold-api.XXXXXX")
VENV="${TMPDIR:-/tmp}/retold-schemathesis-venv"
[ -x "$VENV/bin/schemathesis" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q schemathesis; }

# The same build configuration as scripts/test.sh, so after it this builds nothing.
# RETOLD_BUILT=1: the caller (CI) has built everything this needs; each other build command
# would make SwiftPM plan the build again.
[ "${RETOLD_BUILT:-}" = 1 ] || swift build --traits PostgreSQL --product retold >/dev/null
.build/debug/retold index add examples --db "$WORK/index.db" >/dev/null
PORT=$((20000 + RANDOM % 20000))
.build/debug/retold serve --db "$WORK/index.db" --port "$PORT" > "$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do curl -sf "localhost:$PORT/healthz" >/dev/null && break; sleep 0.2; done

"$VENV/bin/schemathesis" run "http://localhost:$PORT/openapi.json" --url "http://localhost:$PORT" \
    -n "$EXAMPLES" --request-timeout 120 --seed 20261201 \
    -c not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance
