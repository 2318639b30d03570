#!/usr/bin/env bash
# Single null toys of the authors' 1D benchmark with either optimiser (issue 19, docs/math.md
# §5.12): the seeds of bench/nplm-published.sh, Adam (300 000 epochs, t every 10 000) and/or the
# fast mode, each toy logged as it finishes with t, its data tail and the fitted parameters. Usage:
#   bench/nplm-toys.sh -Dnplm.mode=adam|fast|both [-Dnplm.toys=5,25 | -Dnplm.count=40]
#                      [-Dnplm.referenceSize=200000 -Dnplm.expected=2000 -Dnplm.epochs=300000
#                       -Dnplm.threads=1 -Dnplm.precision=float64|float32 -Dnplm.log=FILE]
#   bench/nplm-toys.sh -Dnplm.mode=summary -Dnplm.params=LOG [-Dnplm.plot=PREFIX]
#     (χ²_k of each optimiser over the toys both finished, KS p against χ²₁₃, histograms)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 1 4g org.sbi4j.bench.NplmToyDiagnosis "$@" --
