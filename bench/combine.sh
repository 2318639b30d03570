#!/usr/bin/env bash
# Streaming benchmark of `sbi4j combine` (issue 16): shuffles an event file of about GB gigabytes
# with a 1 GB heap, so the file is never held in memory.
#
#   bench/combine.sh [GB] [DIR]     (defaults: 2 GB, /tmp/sbi4j-combine-bench)
#
# Builds the input without a large heap either: `simulate` writes 500 000 interference-2d events
# (3 observables, 6 benchmarks: 80 bytes per event, ~40 MB), and `combine` concatenates copies of
# that file into big.h5 (~GB gigabytes, itself streamed). The measured run is
#   SBI4J_JAVA_OPTS=-Xmx1g bin/sbi4j combine --events big.h5 --out shuffled.h5
# with GNU time's wall clock and peak resident set size. Needs ~2 × GB + 1 GB of free disk.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gb="${1:-2}"
dir="${2:-/tmp/sbi4j-combine-bench}"
mkdir -p "$dir"
cd "$here"
sbi4j="$here/bin/sbi4j"
small="$dir/small.h5"
[ -f "$small" ] || "$sbi4j" simulate --process interference-2d --events 500000 --out "$small"
size=$(stat -c %s "$small")
copies=$(python3 -c "import math; print(max(1, math.ceil($gb * 1e9 / $size)))")
args=()
for _ in $(seq "$copies"); do args+=(--events "$small"); done
echo "input: $copies copies of $small ($size bytes each)"
SBI4J_JAVA_OPTS=-Xmx1g "$sbi4j" combine "${args[@]}" --out "$dir/big.h5" --seed 1 --quiet
ls -l "$dir/big.h5"
echo "measured: combine --events big.h5 with -Xmx1g"
SBI4J_JAVA_OPTS=-Xmx1g /usr/bin/time -f "wall %e s, peak RSS %M KB" \
  "$sbi4j" combine --events "$dir/big.h5" --out "$dir/shuffled.h5" --seed 2 --quiet --json -
ls -l "$dir/shuffled.h5"
rm -f "$dir/big.h5" "$dir/shuffled.h5"
