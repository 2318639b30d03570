#!/usr/bin/env bash
# Accuracy of the estimators on interference-1d at full size (issue 4; too slow for CI):
# E[(log r̂ − log r)²] of ALICES, RASCAL, CARL, ALICE and SALLY's score correlation; prints a
# Markdown table. Usage (see AccuracyBenchmark):
#   bench/accuracy.sh ROWS EPOCHS [out.md] [methods] [learning rate] [alpha] [seed] [ensemble]
#                     [gradient clip]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 1 4g org.sbi4j.bench.AccuracyBenchmark -- "$@"
