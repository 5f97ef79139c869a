#!/usr/bin/env bash
# Sets up everything that is missing, builds the page and serves it on http://127.0.0.1:8080/
# with the example cluster loaded. Ctrl-C stops it. PORT=9000 scripts/dev.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
scripts/setup.sh
trunk build --release --offline
# A plain static server: the page's Content Security Policy forbids trunk serve's inline reload script.
echo "[dev] serving ClaimLens on http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops; rerun to rebuild)"
exec python3 -m http.server --directory dist --bind 127.0.0.1 "${PORT:-8080}"
