#!/usr/bin/env bash
# Sets up everything that is missing, builds the page and serves it on http://127.0.0.1:8080/
# with the example cluster loaded. Ctrl-C stops it. PORT=9000 scripts/dev.sh picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
scripts/setup.sh
echo "[dev] serving ClaimLens on http://127.0.0.1:${PORT:-8080}/ (rebuilds on change; Ctrl-C stops)"
exec trunk serve --offline --release --address 127.0.0.1 --port "${PORT:-8080}"
