#!/usr/bin/env bash
# Runs every test of ClaimLens: formatting and lints, native unit and integration tests, the
# accuracy ratchet on the release CLI, the wasm bindings in headless Chromium, and the page
# end to end in headless Chromium. Installs missing tools first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n\033[1;34m[test]\033[0m %s\n' "$*"; }

step "setting up tools (reused when present)"
scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native and wasm32), warnings are errors"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --lib --tests --target wasm32-unknown-unknown --no-default-features --locked -- -D warnings

step "native tests"
cargo test --locked

step "accuracy ratchet on the release CLI (../shared/eval/score.py) and the huge inputs (tests/limits.rs)"
cargo test --release --locked --test accuracy --test limits -- --nocapture

step "wasm bindings in headless Chromium (wasm-bindgen-test)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --no-default-features --lib --test wasm_bindings

step "building the page (trunk, offline), and the comment stripper its hook runs"
node --test bench/size-strip-comments.test.mjs
trunk build --release --offline

step "the page end to end in headless Chromium (playwright-core)"
node --test tests/e2e/
