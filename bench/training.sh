#!/usr/bin/env bash
# Training throughput (issue 4): rows/s of ALICES, RASCAL, CARL, SALLY (3 x 100 tanh, batch 128)
# and a plain DL4J MultiLayerNetwork floor. Usage: bench/training.sh [rows] [epochs] [out.md]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_run 1 4g org.sbi4j.bench.TrainingBenchmark -- "${1:-30000}" "${2:-3}" ${3:+"$3"}
