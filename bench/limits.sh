#!/usr/bin/env bash
# Limits grid-evaluation throughput (issue 5): event·θ evaluations per second of the extended
# likelihood over a 1-parameter grid, 3 × 100 and 2 × 8 tanh ALICES networks, through each grid
# kernel. Usage: bench/limits.sh [events] [grid points] [out.md]   (defaults: 10000 101)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -pl inference -am test-compile dependency:build-classpath \
  -Dmdep.outputFile='${project.build.directory}/bench-classpath.txt' -Dmdep.includeScope=test
export OMP_NUM_THREADS=2
exec java --add-modules jdk.incubator.vector -Xmx6g \
  -cp "inference/target/test-classes:inference/target/classes:$(cat inference/target/bench-classpath.txt)" \
  org.sbi4j.inference.bench.LimitsBenchmark "${1:-10000}" "${2:-101}" ${3:+"$3"}
