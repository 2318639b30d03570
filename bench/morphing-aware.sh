#!/usr/bin/env bash
# Recipes for the linear morphing-aware ALICES on interference-1d (issue 15, docs/math.md §3.9):
# E[(log r̂ − log r)²] on MorphingAwareAccuracyIT's 20 000 test pairs, split into θ-bins, and the
# x-bins of the outer θ-bins. Usage (see MorphingAwareBenchmark):
#   bench/morphing-aware.sh ROWS EPOCHS ALPHA SEED BASIS FIX ENSEMBLE [LR] [CLIP] [FORM]
# e.g. the default recipe on the IT's seeds:
#   bench/morphing-aware.sh 20000 12 0 0 0,1,-1 yes 1 3e-3 5 SQUARE_PLUS_EXP
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 1 2g org.sbi4j.bench.MorphingAwareBenchmark -- "$@"
