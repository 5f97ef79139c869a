#!/usr/bin/env python3
"""Median wall-clock and CPU time of a command reading a file on standard input, and the
throughput they give for that many bytes of article text. Finer than /usr/bin/time's 10 ms
(`bench/cli-bench.sh`), which runs that take 40–80 ms need.

    python3 bench/cli-walltime.py RUNS INPUT BYTES COMMAND...
    python3 bench/cli-walltime.py 10 basil.jsonl 834410 target/release/claimlens analyze --jsonl --jobs 1

CPU time is user + system of the command (all its threads); see BENCHMARKS.md.
"""
import resource
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 5:
    sys.exit(__doc__)
runs, path, nbytes, cmd = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4:]
walls, cpus = [], []
for _ in range(runs):
    with open(path, "rb") as stdin:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
wall, cpu = statistics.median(walls), statistics.median(cpus)
print(
    f"{' '.join(cmd)} < {path}: wall median {wall * 1000:.1f} ms = {nbytes / 1e6 / wall:.1f} MB/s "
    f"(min {min(walls) * 1000:.1f} ms); CPU median {cpu * 1000:.1f} ms = {nbytes / 1e6 / cpu:.1f} MB/s ({runs} runs)"
)
