#!/usr/bin/env bash
# Accuracy of the doubly parameterised ALICES estimator on interference-1d (issue 15; about 200 s
# on an idle 2-core machine, too slow for CI): E[(log r̂ − log r)²] over θ0, θ1 ~ U(−1, 1)
# against the exact likelihood (DoublyParameterizedAccuracyBenchmark). Usage: bench/doubly-accuracy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 2 4g org.sbi4j.bench.DoublyParameterizedAccuracyBenchmark --
