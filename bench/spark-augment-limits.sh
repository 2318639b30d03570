#!/usr/bin/env bash
# augment (sally) and limits (CARL, 401 grid points) in one thread, on 2 local threads and on
# Spark local[2]; appends to bench/results/spark.md. Usage: bench/spark-augment-limits.sh [events]
# (default 2200000; augment makes events / 11 rows)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_surefire SparkAugmentLimitsBenchmark -Dspark.bench.events="${1:-2200000}"
