#!/usr/bin/env bash
# Null calibration of the quickstart's NPLM toys (issue 19): t per toy with the quickstart's
# reference size and a larger one; appends to bench/results/nplm.md. Usage:
#   bench/nplm-calibration.sh [-Dnplm.references=2000,20000 -Dnplm.toys=20]
#   bench/nplm-calibration.sh -Dnplm.clips=1,3,6,9,12 -Dnplm.references=2000   (clip scan)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_surefire NplmCalibrationBenchmark "$@"
