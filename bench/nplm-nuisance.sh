#!/usr/bin/env bash
# NPLM with nuisances (issue 19, docs/math.md §5.11): t = τ − Δ and the plain t on null toys at the
# nominal ν and at a 1σ shift of a scale and a normalisation nuisance (the authors' 1D toy);
# appends to bench/results/nplm-nuisance.md. Usage:
#   bench/nplm-nuisance.sh [-Dnplm.toys=30 -Dnplm.referenceSize=200000 -Dnplm.expected=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_surefire NplmNuisanceBenchmark "$@"
