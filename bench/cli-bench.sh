#!/usr/bin/env bash
# The release CLI end to end (read, analyse, write JSON), timed with /usr/bin/time -v: throughput
# in MB/s of article text and peak resident memory. Inputs: the BASIL and AllSides event clusters
# (../shared/corpora, converted to the CLI's JSON Lines in a temporary folder, never copied into the
# repository), the seed cluster, and generated clusters of 1, 10, 100 and 1,000 articles.
#
#   cargo build --release --bin claimlens --bin gen-articles && bench/cli-bench.sh [RUNS]
#
# Each figure is the median of RUNS runs (default 5). See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
CLI=target/release/claimlens
GEN=target/release/gen-articles
SHARED=${CLAIMLENS_SHARED:-../shared}
for bin in "$CLI" "$GEN"; do
  [ -x "$bin" ] || { echo "$bin is missing: cargo build --release --bin claimlens --bin gen-articles" >&2; exit 1; }
done
# CLAIMLENS_BENCH_INPUTS=DIR keeps the JSON Lines inputs (basil.jsonl, allsides.jsonl) in DIR for
# other commands (callgrind, bench/cli-walltime.py); by default they go with the temporary folder.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${CLAIMLENS_BENCH_INPUTS:-}" ]; then
  mkdir -p "$CLAIMLENS_BENCH_INPUTS"
  trap 'cp "$work"/*.jsonl "$work"/*.jsonl.bytes "$CLAIMLENS_BENCH_INPUTS"/ 2>/dev/null; rm -rf "$work"' EXIT
fi

# One measurement: median wall seconds and the largest peak RSS over RUNS runs of "$@" (reading
# the file $STDIN, if set, on standard input).
measure() {
  local label=$1 bytes=$2; shift 2
  local times=() cpus=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -v -o "$work/time" "$@" < "${STDIN:-/dev/null}" > "$work/out"
    times+=("$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time")")
    cpus+=("$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$work/time")")
    local r; r=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  local median cpu
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  # Wall time suffers from other jobs on a shared machine; CPU time (user + system) much less.
  awk -v l="$label" -v b="$bytes" -v t="$median" -v c="$cpu" -v r="$rss" -v n="$RUNS" \
    'BEGIN{printf "%-34s %6.0f KB  wall %7.2f s %6.2f MB/s  cpu %7.2f s %6.2f MB/s  peak RSS %6.1f MB  (median of %d)\n", l, b/1000, t, (t>0? b/1e6/t : 0), c, (c>0? b/1e6/c : 0), r/1024, n}'
}

if [ -d "$SHARED/corpora" ]; then
  python3 - "$SHARED" "$work" <<'PY'
import json, sys, os
shared, work = sys.argv[1], sys.argv[2]
for corpus, out in [("basil_event_clusters", "basil.jsonl"), ("allsides_event_clusters", "allsides.jsonl")]:
    n = 0
    with open(os.path.join(shared, "corpora", corpus, "dev.jsonl")) as f, open(os.path.join(work, out), "w") as w:
        for line in f:
            c = json.loads(line)
            docs = [{"name": f"article-{i}", "text": a["text"]} for i, a in enumerate(c["articles"]) if a.get("text", "").strip()]
            if docs:
                w.write(json.dumps({"id": c["cluster_id"], "documents": docs}) + "\n")
                n += sum(len(d["text"].encode()) for d in docs)
    open(os.path.join(work, out + ".bytes"), "w").write(str(n))
PY
  for c in basil allsides; do
    # All cores (the default), then one: the CPU time is the engine's, the wall time what a user waits.
    STDIN="$work/$c.jsonl" measure "$c (--jsonl, all dev clusters)" "$(cat "$work/$c.jsonl.bytes")" "$CLI" analyze --jsonl
    STDIN="$work/$c.jsonl" measure "$c (--jsonl --jobs 1)" "$(cat "$work/$c.jsonl.bytes")" "$CLI" analyze --jsonl --jobs 1
  done
  measure "seeds (5 files)" "$(cat "$SHARED"/seeds/*.txt | wc -c)" "$CLI" analyze "$SHARED"/seeds/*.txt
elif [ "${CI:-}" = true ]; then
  echo "$SHARED/corpora is missing: the CLI bench needs the shared corpora (CLAIMLENS_SHARED=...)" >&2; exit 1
else
  echo "skipping the corpus inputs: $SHARED/corpora is missing" >&2
fi

for n in 1 10 100 1000; do
  "$GEN" --articles "$n" --seed 42 --out "$work/gen$n" 2>/dev/null
  measure "generated $n (files)" "$(cat "$work/gen$n"/*.txt | wc -c)" "$CLI" analyze "$work/gen$n"/*.txt
done
