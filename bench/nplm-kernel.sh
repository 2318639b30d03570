#!/usr/bin/env bash
# Kernel NPLM benchmark (issue 19): seconds per toy and null t of the Nyström kernel model on the 1D
# benchmark; appends to bench/results/nplm-kernel.md. Usage:
#   bench/nplm-kernel.sh [-Dnplm.centers=100,200 -Dnplm.toys=10 -Dnplm.sigma=NaN -Dnplm.lambda=1e-6
#                         -Dnplm.referenceSize=200000 -Dnplm.expected=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_surefire KernelNplmBenchmark "$@"
