#!/usr/bin/env bash
# Cost of the diagnostics (issue 15): `diagnose` (closure, ROC/AUC with its bootstrap, reliability)
# of the exact ratio and of a 3 × 100 tanh ratio network on interference-1d, and the overhead of
# `limits --calibrate` (CARL histograms) over the plain scan of the same network.
# Usage: bench/diagnose.sh [events] [grid points] [out.md]   (defaults: 50000 21)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 2 6g org.sbi4j.bench.DiagnoseBenchmark -- "${1:-50000}" "${2:-21}" ${3:+"$3"}
