#!/usr/bin/env bash
# NPLM toys on the local runner and on Spark local[2], and Spark's fixed cost per task; appends
# to bench/results/spark.md. Usage: bench/spark.sh [toys] [reference rows]   (defaults: 6 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_surefire SparkBenchmark -Dspark.bench.toys="${1:-6}" -Dspark.bench.reference="${2:-200000}"
