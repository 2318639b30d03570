#!/usr/bin/env bash
# Cost of the provenance's input hashing (issue 16): every command hashes its declared inputs
# (SHA-256, streamed) before it starts. Writes a file of GB gigabytes of random bytes (default 2),
# reads it once so it sits in the page cache (as an input just written or read does), then runs the
# harness org.sbi4j.bench.HashBenchmark (Sha256.file beside an 8 KiB stream and a 1 MiB buffer:
# thread CPU time, wall time, MB/s) and coreutils' sha256sum for reference.
#
#   bench/hash.sh [GB] [DIR]        (defaults: 2 GB, /tmp/sbi4j-hash-bench; needs GB of disk)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
gb="${1:-2}"
dir="${2:-/tmp/sbi4j-hash-bench}"
mkdir -p "$dir"
big="$dir/big.bin"
trap 'rm -f "$big"' EXIT
head -c "$((gb * 1000000000))" /dev/urandom >"$big"
ls -l "$big"
cat "$big" >/dev/null
/usr/bin/time -f "sha256sum: wall %e s, user %U s, sys %S s" sha256sum "$big"
(bench_run 1 512m org.sbi4j.bench.HashBenchmark -- "$big" 2)
