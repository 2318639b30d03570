#!/usr/bin/env bash
# Proto-model builder benchmark (issue 20): K evaluations per second on the toy database, walker
# steps per second and a small global p-value; appends a section to bench/results/protomodels.md.
# Usage: bench/protomodels.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_surefire ProtomodelsBenchmark
