#!/usr/bin/env bash
# Accuracy of the doubly parameterised ALICES estimator on interference-1d (issue 15):
# E[(log r̂ − log r)²] ± its Monte Carlo error over θ0, θ1 ~ U(−1, 1) against the exact likelihood
# (DoublyParameterizedAccuracyBenchmark), per seed; the default recipe (configs/train-gold.yaml,
# difference form with swapped pairs) unless -D options pick a variant (docs/math.md §3.8's table).
# Usage: bench/doubly-accuracy.sh [-Drows=N -Depochs=E -Dmembers=K -DswapPairs=false
#   -Dantisymmetric=false -Dwidth=W -Dlayers=L -DlearningRate=LR -DfinalLearningRate=LR
#   -DbatchSize=B -DearlyStopping=false -Dbreakdown=true …] [SEED …]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
opts=()
while [ $# -gt 0 ] && [ "${1#-D}" != "$1" ]; do
  opts+=("$1")
  shift
done
bench_run 1 4g org.sbi4j.bench.DoublyParameterizedAccuracyBenchmark "${opts[@]}" -- "$@"
