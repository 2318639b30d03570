#!/usr/bin/env bash
# NPLM benchmark (issue 6): seconds per toy and per epoch of the NPLM fits (ND4J/SameDiff, fused
# kernel, fast mode), or K stacked toys against one at a time (batch), or fast mode against Adam
# (compare); appends a section to bench/results/nplm.md. Usage:
#   bench/nplm.sh [speed|batch|compare] [-Dnplm.toys=N -Dnplm.epochs=N -Dnplm.referenceSize=N
#                 -Dnplm.expected=N -Dnplm.skipNd4j=true -Dnplm.log=FILE …]   (default: speed)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
mode="${1:-speed}"
shift || true
bench_run 1 4g org.sbi4j.bench.NplmBenchmark -Dnplm.bench="$mode" "$@" --
