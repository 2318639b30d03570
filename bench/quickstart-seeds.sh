#!/usr/bin/env bash
# Seed robustness of the quickstart's ALICES limits (issue 21): for each root seed and training
# offset, the quickstart's events and ratio sample, ALICES trained with CONFIG, and its expected
# limits next to the exact ones (QuickstartSeeds, cli test sources): one line for the quickstart's
# ALICES (normalised per θ) and one for the same model unnormalised. One JVM per run, one thread.
# Usage: bench/quickstart-seeds.sh DIR CONFIG "SEED:OFFSET ..." [PRIOR THETA_POINTS ROWS [MODEL]]
#   MODEL: plain (default), linear or quadratic (morphing-aware, docs/math.md §3.9)
#   e.g. bench/quickstart-seeds.sh /tmp/qs cli-alices.yaml "1:0 1:1 1:2 2:0 3:0"
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$1" config="$2" runs="$3"
shift 3
mvn -o -q -pl cli -am test-compile dependency:build-classpath \
  -Dmdep.outputFile='${project.build.directory}/bench-classpath.txt' -Dmdep.includeScope=test
cp="cli/target/test-classes:cli/target/classes:$(cat cli/target/bench-classpath.txt)"
export OMP_NUM_THREADS=1
for run in $runs; do
  java --add-modules jdk.incubator.vector -XX:ActiveProcessorCount=1 -Xmx3g \
    -Dorg.bytedeco.javacpp.logger.debug=false -Djava.awt.headless=true -cp "$cp" \
    org.sbi4j.cli.quickstart.QuickstartSeeds "$dir" "${run%%:*}" "${run##*:}" "$config" "$@" |
    grep '^seed'
done
