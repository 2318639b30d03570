#!/usr/bin/env bash
# Two-parameter accuracy (interference-2d): MSE of log r̂ of histograms and of ALICES against the
# exact log r over 10 000 test pairs. Usage (see TwoParameterBenchmark):
#   bench/two-parameter.sh TRAIN_EVENTS ROWS THETA_POINTS EPOCHS HIDDEN(a,b,…) LEARNING_RATE
#                          BINS(a,b,…) [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 1 4g org.sbi4j.bench.TwoParameterBenchmark -- "$@"
