#!/usr/bin/env bash
# Cost of profiling two nuisance parameters (issue 13): one whole expected-limits scan of
# interference-1d with norm and shape profiled against the same scan with them fixed at 0, for the
# exact ratio, a 3 × 100 tanh ratio network and the histogram baseline.
# Usage: bench/profiled-limits.sh [events] [grid points] [out.md]   (defaults: 10000 101)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 2 6g org.sbi4j.bench.ProfiledLimitsBenchmark -- "${1:-10000}" "${2:-101}" ${3:+"$3"}
