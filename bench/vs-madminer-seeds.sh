#!/usr/bin/env bash
# Accuracy of sbi4j and MadMiner over training seeds (issue 21, ROLR and RASCAL), on the data of a
# finished bench/vs-madminer.sh run: one data set, one test set, the seed varied for both tools.
#
#   WORK=/tmp/vs-madminer.XXXXXX bench/vs-madminer-seeds.sh [OUT.md]
#
# WORK is vs-madminer.sh's scratch folder (ratio.h5, npy/, test.h5, exact.npz, madminer-src/).
# For every method of $METHODS ("rolr rascal") and seed of $SEEDS ("5 6 7 8 9") it trains sbi4j
# (`bin/sbi4j train --seed S --threads 1`, vs-madminer.sh's config; once per line of $SBI4J_EXTRA,
# default one empty line = the defaults, e.g. SBI4J_EXTRA=$'\ngradientClip: .inf' adds an unclipped
# run) and MadMiner (bench/madminer_train.py train … 1 $EPOCHS S, torch on 1 thread), evaluates
# both on the test set and prints E[(log r̂ − log r)²] against the exact likelihood, one row per
# seed, with the mean over seeds. Runs at nice 10; accuracies do not depend on the machine's load.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out_md="${1:-}"
work="${WORK:?set WORK to a finished bench/vs-madminer.sh scratch folder}"
METHODS="${METHODS:-rolr rascal}" SEEDS="${SEEDS:-5 6 7 8 9}" EPOCHS="${EPOCHS:-20}"
SBI4J_EXTRA="${SBI4J_EXTRA-}"
PYTHON="${PYTHON:-/usr/bin/python3}"
for f in ratio.h5 npy test.h5 exact.npz madminer-src/madminer; do
  [ -e "$work/$f" ] || {
    echo "vs-madminer-seeds.sh: $work/$f is missing; run bench/vs-madminer.sh with WORK=$work first" >&2
    exit 2
  }
done
export MADMINER_SRC="$work/madminer-src"
driver=(env PYTHONPATH="$here/bench" OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 nice -n 10 "$PYTHON" "$here/bench/madminer_train.py")
seeds_dir="$work/seeds"
mkdir -p "$seeds_dir"
bin/sbi4j --version >/dev/null
mse() { # mse FILE METHOD
  (cd "$here/bench" && "$PYTHON" -c "
import sys, numpy as np
from madminer_report import _mse
print('%.5f' % _mse(sys.argv[1], sys.argv[2], np.load(sys.argv[3])))" "$1" "$2" "$work/exact.npz")
}
table="$seeds_dir/table.tsv"
: >"$table"
for m in $METHODS; do
  for s in $SEEDS; do
    v=0
    while IFS= read -r extra; do
      v=$((v + 1))
      cfg="$seeds_dir/train-$m-$v.yaml"
      {
        printf 'hiddenLayers: [100, 100, 100]\nactivation: TANH\noptimizer: ADAM\n'
        printf 'learningRate: 1.0e-3\nfinalLearningRate: 1.0e-4\nbatchSize: 128\n'
        printf 'epochs: %s\nvalidationSplit: 0.25\nearlyStopping: true\n' "$EPOCHS"
        case "$m" in alices | rascal | cascal) echo "alpha: 1.0" ;; esac
        [ -n "$extra" ] && echo "$extra"
      } >"$cfg"
      model="$seeds_dir/sbi4j-$m-$v-$s"
      rm -rf "$model"
      nice -n 10 bin/sbi4j train --method "$m" --data "$work/ratio.h5" --config "$cfg" \
        --out "$model" --seed "$s" --threads 1 >"$model.log" 2>&1
      nice -n 10 bin/sbi4j evaluate --model "$model" --events "$work/test.h5" --out "$model.h5" \
        >>"$model.log" 2>&1
      printf '%s\tsbi4j %s\t%s\t%s\n' "$m" "${extra:-defaults}" "$s" "$(mse "$model.h5" "$m")" >>"$table"
    done <<<"$SBI4J_EXTRA"
    model="$seeds_dir/madminer-$m-$s"
    "${driver[@]}" train "$m" "$work/npy" "$model" 1 "$EPOCHS" "$s" >"$model.log" 2>&1
    "${driver[@]}" evaluate "$m" "$model" "$work/test.h5" "$model.npy" >>"$model.log" 2>&1
    printf '%s\tmadminer\t%s\t%s\n' "$m" "$s" "$(mse "$model.npy" "$m")" >>"$table"
    echo "[vs-madminer-seeds $(date -u +%H:%M:%S)] $m seed $s done" >&2
  done
done
report="$("$PYTHON" - "$table" <<'PY'
import sys
from collections import defaultdict
rows = defaultdict(dict)
for line in open(sys.argv[1]):
    m, impl, s, v = line.rstrip("\n").split("\t")
    rows[(m, impl)][s] = float(v)
seeds = sorted({s for d in rows.values() for s in d}, key=int)
print("| method | implementation | " + " | ".join(f"seed {s}" for s in seeds) + " | mean |")
print("|---|---|" + "---|" * (len(seeds) + 1))
for (m, impl), d in sorted(rows.items()):
    vals = [d.get(s) for s in seeds]
    mean = sum(v for v in vals if v is not None) / max(1, sum(v is not None for v in vals))
    cells = " | ".join("" if v is None else f"{v:.5f}" for v in vals)
    print(f"| {m} | {impl} | {cells} | {mean:.5f} |")
PY
)"
echo "$report"
[ -n "$out_md" ] && echo "$report" >"$out_md"
exit 0
