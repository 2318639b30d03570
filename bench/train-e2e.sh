#!/usr/bin/env bash
# End-to-end `bin/sbi4j train` (issue 21): the wall time a user sees (JVM start included) and the
# phases of `train --timings`, for every method on interference-1d samples of ROWS rows (3 × 100
# tanh, batch 128, Adam 1e-3 → 1e-4, EPOCHS epochs, 25 % validation, early stopping; the defaults
# of configs/train.yaml but the epochs) and for a 2-member ALICES ensemble (members in parallel
# over the cores). rows/s is ROWS × EPOCHS / wall, the issue's convention.
#
# Usage: bench/train-e2e.sh [rows=100000] [epochs=20] [out.md] [work dir]
# The samples are made once in the work dir (default /tmp/sbi4j-train-e2e) and reused; each
# training runs once after one untimed warm-up run (which also builds the jar when needed).
set -euo pipefail
cd "$(dirname "$0")/.."
here="$(pwd)"
rows="${1:-100000}"
epochs="${2:-20}"
out="${3:-}"
work="${4:-/tmp/sbi4j-train-e2e}"
sbi4j="$here/bin/sbi4j"
mkdir -p "$work"
cd "$work"

if [ ! -f "ratio-$rows.h5" ] || [ ! -f "sally-$rows.h5" ]; then
  "$sbi4j" simulate --process interference-1d --events $((4 * rows)) --out "events-$rows.h5" \
    --seed 1 >&2
  "$sbi4j" augment --events "events-$rows.h5" --method sally --theta-ref 0 --samples "$rows" \
    --out "sally-$rows.h5" --seed 2 >&2
  "$sbi4j" augment --events "events-$rows.h5" --method ratio --theta0-prior uniform:-1:1 \
    --thetas 5000 --theta1 0 --samples "$rows" --out "ratio-$rows.h5" --seed 3 >&2
fi
sed "s/^epochs: .*/epochs: $epochs/" "$here/configs/train.yaml" >"e2e-$epochs.yaml"
sed "s/^ensembleSize: .*/ensembleSize: 2/" "e2e-$epochs.yaml" >"e2e-$epochs-ensemble.yaml"

# warm-up: builds the jar if needed, fills the OS file cache
"$sbi4j" train --method carl --data "ratio-$rows.h5" --config "e2e-$epochs.yaml" \
  --out warmup >/dev/null 2>&1 || true

now() { date +%s.%N; }
report="$(mktemp)"
{
  echo "# End-to-end train (bench/train-e2e.sh $rows $epochs)"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(uname -m)), load average before:" \
    "$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
  echo
  echo "| method | wall s | rows/s | startup | load | epochs | validation | export | non-epoch |"
  echo "|---|---|---|---|---|---|---|---|---|"
} >"$report"
run() {
  local label="$1" method="$2" data="$3" config="$4"
  local t0 t1
  t0="$(now)"
  "$sbi4j" train --method "$method" --data "$data" --config "$config" --out "model-$label" \
    --timings --json "timings-$label.json" >/dev/null
  t1="$(now)"
  python3 - "$label" "$t0" "$t1" "timings-$label.json" "$rows" "$epochs" >>"$report" <<'EOF'
import json, sys
label, t0, t1, f, rows, epochs = sys.argv[1:]
wall = float(t1) - float(t0)
t = json.load(open(f))["timings"]
non_epoch = wall - t["epochs"]
print(f"| {label} | {wall:.1f} | {int(rows) * int(epochs) / wall:.0f} | {t['startup']:.2f} | "
      f"{t['load']:.2f} | {t['epochs']:.2f} | {t['validation']:.2f} | {t['export']:.2f} | "
      f"{non_epoch:.2f} |")
EOF
}
for m in alices rascal cascal carl alice rolr; do
  run "$m" "$m" "ratio-$rows.h5" "e2e-$epochs.yaml"
done
run sally sally "sally-$rows.h5" "e2e-$epochs.yaml"
run alices-x2-ensemble alices "ratio-$rows.h5" "e2e-$epochs-ensemble.yaml"
{
  echo
  echo "wall: the whole bin/sbi4j process (launcher and JVM start included); the phases are"
  echo "train --timings (seconds); non-epoch = wall − epochs. Load average after:" \
    "$(cut -d' ' -f1-3 /proc/loadavg)."
} >>"$report"
cat "$report"
if [ -n "$out" ]; then
  cp "$report" "$here/$out"
fi
rm -f "$report"
