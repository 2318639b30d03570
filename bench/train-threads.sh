#!/usr/bin/env bash
# The fused engine's data parallelism inside one network (issue 21): `bin/sbi4j train` of one
# ALICES network (3 × 100 tanh, batch 128, configs/train.yaml but the epochs) on --threads 1 and
# --threads 2, on an interference-1d ratio sample of ROWS rows (25 % validation). Each setting runs
# with LOW and HIGH epochs; the differences between the two runs cancel the JVM start, the load, the
# JIT warm-up and the export, leaving the epochs (training and validation passes):
#   epoch CPU s = Δ(user + sys) / Δepochs   (all threads of the process: the work, spinning included)
#   epoch wall s = Δ(train --timings epochs + validation) / Δepochs
#   rows/s = training rows / epoch wall s   (the epoch loop's rate)
# The weights are the same on any thread count (ChunkedFitTest); the script checks it on the two
# HIGH-epoch models. Then bench/FusedThreads.java times the epoch loop alone in one JVM (synthetic
# ALICES rows, 75 % of ROWS for training, 25 % for validation), with the CPU time of exactly the
# threads that ran it (ThreadMXBean): the JVM start, JIT and other processes do not enter it.
#
# Usage: bench/train-threads.sh [rows=20000] [low=3] [high=13] [out.md] [work dir]
set -euo pipefail
cd "$(dirname "$0")/.."
here="$(pwd)"
rows="${1:-20000}"
low="${2:-3}"
high="${3:-13}"
out="${4:-}"
work="${5:-/tmp/sbi4j-train-threads}"
sbi4j="$here/bin/sbi4j"
mkdir -p "$work"
cd "$work"
if [ ! -f "ratio-$rows.h5" ]; then
  "$sbi4j" simulate --process interference-1d --events $((4 * rows)) --out "events-$rows.h5" \
    --seed 1 >&2
  "$sbi4j" augment --events "events-$rows.h5" --method ratio --theta0-prior uniform:-1:1 \
    --thetas 5000 --theta1 0 --samples "$rows" --out "ratio-$rows.h5" --seed 3 >&2
fi
for e in "$low" "$high"; do
  sed "s/^epochs: .*/epochs: $e/" "$here/configs/train.yaml" >"threads-$e.yaml"
done
# warm-up: builds the jar if needed, fills the OS file cache
"$sbi4j" train --method alices --data "ratio-$rows.h5" --config "threads-$low.yaml" \
  --out warmup >/dev/null 2>&1 || true
rm -rf warmup

measure() { # threads epochs -> "cpu wall_epochs"
  local t="$1" e="$2"
  rm -rf "model-$t-$e"
  /usr/bin/time -f "%U %S" -o "time-$t-$e.txt" "$sbi4j" train --method alices \
    --data "ratio-$rows.h5" --config "threads-$e.yaml" --out "model-$t-$e" --threads "$t" \
    --timings --json "timings-$t-$e.json" >/dev/null
  python3 - "time-$t-$e.txt" "timings-$t-$e.json" <<'PY'
import json, sys
u, s = open(sys.argv[1]).read().split()[-2:]
t = json.load(open(sys.argv[2]))["timings"]
print(float(u) + float(s), t["epochs"] + t["validation"])
PY
}
report="$(mktemp)"
{
  echo "# Fused engine on 1 and 2 threads (bench/train-threads.sh $rows $low $high)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(uname -m)), load average before:" \
    "$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
  echo
  echo "| threads | epoch CPU s | epoch wall s | epoch-loop rows/s (wall) | rows/s per CPU s |"
  echo "|---|---|---|---|---|"
} >"$report"
train_rows=$((rows - (rows + 2) / 4))
for t in 1 2; do
  read -r c1 w1 < <(measure "$t" "$low")
  read -r c2 w2 < <(measure "$t" "$high")
  python3 - "$t" "$c1" "$w1" "$c2" "$w2" "$((high - low))" "$train_rows" >>"$report" <<'PY'
import sys
t, c1, w1, c2, w2, de, n = sys.argv[1:]
cpu = (float(c2) - float(c1)) / int(de)
wall = (float(w2) - float(w1)) / int(de)
print(f"| {t} | {cpu:.3f} | {wall:.3f} | {int(n) / wall:.0f} | {int(n) / cpu:.0f} |")
PY
done
same=$(cmp -s "model-1-$high/weights.json" "model-2-$high/weights.json" && echo yes || echo NO)
{
  echo
  echo "Per epoch (training and validation passes), from the difference of $low- and $high-epoch"
  echo "runs; CPU: user + sys of all the process's threads. Same model on 1 and 2 threads: $same."
  echo
  echo "The epoch loop alone (bench/FusedThreads.java $train_rows $((high - low)) 2: timed epochs"
  echo "after 2 untimed ones; CPU of the caller and the chunk workers; each setting twice):"
  echo
  java --add-modules jdk.incubator.vector -cp "$here/cli/target/sbi4j-cli.jar:$here/cli/target/lib/*" \
    "$here/bench/FusedThreads.java" "$train_rows" "$((high - low))" 2 2>/dev/null
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
} >>"$report"
cat "$report"
if [ -n "$out" ]; then
  cp "$report" "$here/$out"
fi
