#!/usr/bin/env bash
# The NPLM authors' 1D benchmark against their published numbers (issue 19, docs/math.md §5.12):
# null toys → fitted χ²_k (against the authors' χ²₁₃), signal toys (N(S) = 10 at x = 6.4, σ = 0.16)
# → median t and Z; fast mode, 1-4-1, W = 9; appends to bench/results/nplm.md. Each toy is logged
# as it finishes; -Dnplm.fromLog=FILE summarises a log's toys (e.g. of an interrupted run). Usage:
#   bench/nplm-published.sh [-Dnplm.nullToys=100 -Dnplm.signalToys=20 -Dnplm.referenceSize=200000
#                            -Dnplm.expected=2000 -Dnplm.threads=2 -Dnplm.log=FILE]
#   bench/nplm-published.sh -Dnplm.fromLog=FILE
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 1 4g org.sbi4j.bench.NplmPublishedBenchmark "$@" --
