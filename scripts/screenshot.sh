#!/usr/bin/env bash
# Renders the web page on the bundled example pair to docs/screenshot.png with headless
# Chromium (Debian's `chromium`), through `retold serve --compare`.
# Usage: scripts/screenshot.sh [OUTPUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-docs/screenshot.png}"
WORK="$(mktemp -d)"
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT

swift build -c release --product retold >/dev/null
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/release/retold serve --db "$WORK/index.db" --port "$PORT" \
    --compare examples/000_1fa55ddf9ed85ec1.txt examples/001_b3d10f58ee285008.txt 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$WORK/profile" \
    --window-size=1400,1500 --virtual-time-budget=15000 --screenshot="$PWD/$OUT" "http://127.0.0.1:$PORT/" 2>/dev/null
echo "wrote $OUT"
