#!/usr/bin/env bash
# Limits grid-evaluation throughput (issue 5): event·θ evaluations per second of the extended
# likelihood over a 1-parameter grid, 3 × 100 and 2 × 8 tanh ALICES networks, through each grid
# kernel. Usage: bench/limits.sh [events] [grid points] [out.md]   (defaults: 10000 101)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 2 6g org.sbi4j.bench.LimitsBenchmark -- "${1:-10000}" "${2:-101}" ${3:+"$3"}
