#!/usr/bin/env bash
# Runs one fuzz target for a number of executions, one process, at the lowest priority:
#   fuzz/run.sh analyze 10000000
#   fuzz/run.sh jsonl 10000000
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On stable Rust, RUSTC_BOOTSTRAP=1 lets the stable
# compiler accept the nightly-only flags cargo-fuzz passes (-Zsanitizer, -Cpasses=sancov-module).
# No sanitizer (`-s none`): the engine is safe Rust, so AddressSanitizer would only slow it down;
# debug assertions and overflow checks stay on (cargo-fuzz's default). The generated corpus goes to
# fuzz/corpus/TARGET (not committed); the hand-written seeds in fuzz/seeds/TARGET are read too.
# Crashes land in fuzz/artifacts/TARGET; reproduce one with `fuzz/run.sh TARGET 1 ARTIFACT`.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?target: analyze or jsonl}
runs=${2:-10000000}
mkdir -p "corpus/$target" "logs"
export RUSTC_BOOTSTRAP=1
if [ -n "${3:-}" ]; then
  exec cargo fuzz run -s none "$target" "$3"
fi
log="logs/$target-$(date -u +%Y%m%dT%H%M%S).log"
echo "fuzzing $target for $runs executions; log in fuzz/$log"
nice -n 19 cargo fuzz run -s none "$target" "corpus/$target" "seeds/$target" -- \
  -jobs=1 -workers=1 -runs="$runs" -max_len="${MAX_LEN:-4096}" -print_final_stats=1 >"$log" 2>&1 || {
  echo "fuzzing $target failed: see fuzz/$log and fuzz-0.log"; exit 1; }
mv fuzz-0.log "logs/$target-worker-$(date -u +%Y%m%dT%H%M%S).log" 2>/dev/null || true
grep -h -E "^(Done|stat::number_of_executed_units)" logs/"$target"-worker-*.log | tail -2
