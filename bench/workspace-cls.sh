#!/usr/bin/env bash
# Workspace CLs benchmark (issue 14): asymptotic CLs of a generated 100-bin workspace with 50
# nuisance modifiers (normsys, histosys, staterror, shapesys), cold JVM and warm (median of 5),
# and toys per second on 1 and 2 local threads. Prints the machine, the load average and a
# Markdown section; appends it to the file given. Usage:
#   bench/workspace-cls.sh [toys per hypothesis] [out.md]   (defaults: 20, print only)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); nproc: $(nproc);" \
  "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//');" \
  "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_run 2 2g org.sbi4j.bench.WorkspaceClsBenchmark -- "${1:-20}" ${2:+"$2"}
