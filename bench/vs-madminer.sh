#!/usr/bin/env bash
# sbi4j side by side with MadMiner (issue 21) on one machine, one data set, one test set.
#
#   bench/vs-madminer.sh [OUT.md]
#
# 1. sbi4j simulates interference-1d ($EVENTS events) and augments a ratio sample (θ0 ~ U(−1, 1)
#    at $RATIO_THETAS points, θ1 = 0) and a SALLY sample (θ_ref = 0), $ROWS rows each;
#    bench/madminer_train.py converts both to MadMiner's .npy arrays (r_xz = exp(log_r_xz)).
# 2. Every method of $METHODS is trained by `bin/sbi4j train --threads N` for each N of $SBI4J_THREADS
#    (default "1 $(nproc)"; the weights are the same on any N; wall time with JVM start)
#    and by MadMiner's trainer at each torch thread count of $TORCH_THREADS (n_workers=0; wall time
#    with interpreter start), same settings: 3 × 100 tanh, batch 128, Adam 1e−3 → 1e−4, $EPOCHS
#    epochs, 25 % validation, early stopping, alpha 1, no gradientClip set (sbi4j: the method's
#    default, 10 for rolr and rascal; MadMiner: none).
# 3. Every model is evaluated on ONE test set of $TEST rows, x ~ p(x|θ = 0) and θ0 ~ U(−1, 1),
#    against the exact interference-1d log r(x|θ0, 0) and score t(x|0) (closed form, checked by
#    quadrature in the driver): MSE.
# 4. `limits` (ALICES model, grid −1:1:$GRID, θ_true = 0) against MadMiner's AsymptoticLimits
#    (its ALICES model, same grid, mode "ml"), and mining: `mine` on the whole event file, `augment
#    --method ratio` ($MINE_ROWS rows, $MINE_THETAS θ0 points) against MadMiner's SampleAugmenter
#    .sample_train_ratio with the same numbers; each $REPEATS times as separate processes (median).
# 5. One table on stdout (and in OUT.md when given).
#
# Environment: MADMINER_SRC (a folder holding madminer/; default: the package extracted from the
# git mirror $MADMINER_GIT, default /work/.mirror/madminer-tool+madminer/repo), PYTHON (default
# /usr/bin/python3, Debian's, which has python3-torch 1.13), WORK (scratch folder, default a
# new temp dir), EVENTS (400000), ROWS (100000), EPOCHS (20), TEST (20000), METHODS ("alices
# sally"; any of sally carl rolr alice rascal alices cascal), TORCH_THREADS ("1 2"), SBI4J_THREADS
# ("1 $(nproc)"), REPEATS (5),
# GRID (101), RATIO_THETAS (1000), MINE_ROWS (20000), MINE_THETAS (20).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out_md="${1:-}"
EVENTS="${EVENTS:-400000}" ROWS="${ROWS:-100000}" EPOCHS="${EPOCHS:-20}" TEST="${TEST:-20000}"
METHODS="${METHODS:-alices sally}" TORCH_THREADS="${TORCH_THREADS:-1 2}" REPEATS="${REPEATS:-5}"
SBI4J_THREADS="${SBI4J_THREADS:-$( [ "$(nproc)" -gt 1 ] && echo "1 $(nproc)" || echo 1)}"
GRID="${GRID:-101}" RATIO_THETAS="${RATIO_THETAS:-1000}" MINE_ROWS="${MINE_ROWS:-20000}" MINE_THETAS="${MINE_THETAS:-20}"
PYTHON="${PYTHON:-/usr/bin/python3}"
work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/vs-madminer.XXXXXX")}"
mkdir -p "$work/eval" "$work/models" "$work/logs"
driver=(env PYTHONPATH="$here/bench" "$PYTHON" "$here/bench/madminer_train.py")
step() { echo "[vs-madminer $(date -u +%H:%M:%S)] $*" >&2; }

# --- prerequisites: Debian's torch and h5py, MadMiner's source with an empty package __init__ ---
if ! "$PYTHON" -c 'import torch, h5py, scipy' 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing python3-torch python3-h5py python3-scipy with apt-get"
    apt-get install -y -q python3-torch python3-h5py python3-scipy >&2
  else
    echo "vs-madminer.sh: $PYTHON lacks torch/h5py/scipy; install python3-torch python3-h5py python3-scipy (Debian) or set PYTHON" >&2
    exit 2
  fi
fi
mm="$work/madminer-src"
mkdir -p "$mm"
if [ -n "${MADMINER_SRC:-}" ]; then
  [ -d "$MADMINER_SRC/madminer" ] || {
    echo "vs-madminer.sh: MADMINER_SRC=$MADMINER_SRC holds no madminer/ package folder" >&2
    exit 2
  }
  cp -r "$MADMINER_SRC/madminer" "$mm/"
else
  git_dir="${MADMINER_GIT:-/work/.mirror/madminer-tool+madminer/repo}"
  [ -d "$git_dir" ] || {
    echo "vs-madminer.sh: no MadMiner source: set MADMINER_SRC to a checkout of madminer-tool/madminer, or MADMINER_GIT to its git directory" >&2
    exit 2
  }
  # (git may report objects of other folders missing from a partial mirror; the check below decides)
  git --git-dir="$git_dir" archive HEAD madminer 2>/dev/null | tar -x -C "$mm" || true
fi
[ -f "$mm/madminer/ml/score.py" ] || {
  echo "vs-madminer.sh: $mm/madminer is not MadMiner's package (no ml/score.py)" >&2
  exit 2
}
: >"$mm/madminer/__init__.py" # its imports pull in optional plotting and LHE dependencies
export MADMINER_SRC="$mm"

# --- timing: one line per process into timings.tsv -------------------------------------------
timings="$work/timings.tsv"
: >"$timings"
# timed TASK IMPLEMENTATION WHAT THREADS -- command …: runs the command (output to logs/), appends
# wall, user and sys seconds (bash's time: the process and its children).
timed() {
  local task="$1" impl="$2" what="$3" threads="$4"
  shift 5
  local log="$work/logs/$task-$impl-$what-$threads.log" t
  t="$({ TIMEFORMAT='%R %U %S'; time "$@" >>"$log" 2>&1; } 2>&1)" || {
    echo "vs-madminer.sh: failed: $* (log: $log)" >&2
    tail -20 "$log" >&2
    exit 1
  }
  printf '%s\t%s\t%s\t%s\t%s\n' "$task" "$impl" "$what" "$threads" "${t// /$'\t'}" >>"$timings"
  step "$task $impl $what (threads $threads): ${t%% *} s"
}

step "building sbi4j (not timed); scratch folder $work"
bin/sbi4j --version >/dev/null

step "data: $EVENTS events, $ROWS-row ratio and SALLY samples, $TEST-row test set"
bin/sbi4j simulate --process interference-1d --events "$EVENTS" --out "$work/events.h5" --seed 1 >/dev/null
step "data: events written; ratio sample at $RATIO_THETAS θ0 points"
bin/sbi4j augment --events "$work/events.h5" --method ratio --theta0-prior uniform:-1:1 \
  --thetas "$RATIO_THETAS" --theta1 0 --samples "$ROWS" --out "$work/ratio.h5" --seed 2 >/dev/null
step "data: SALLY sample"
bin/sbi4j augment --events "$work/events.h5" --method sally --theta-ref 0 --samples "$ROWS" \
  --out "$work/sally.h5" --seed 3 >/dev/null
step "data: MadMiner's arrays and the test set"
"${driver[@]}" convert "$work/npy" "$work/ratio.h5" "$work/sally.h5"
"${driver[@]}" testset "$work/test.h5" "$work/exact.npz" "$TEST" 4

for m in $METHODS; do
  config="$work/train-$m.yaml"
  {
    echo "hiddenLayers: [100, 100, 100]"
    echo "activation: TANH"
    echo "optimizer: ADAM"
    echo "learningRate: 1.0e-3"
    echo "finalLearningRate: 1.0e-4"
    echo "batchSize: 128"
    echo "epochs: $EPOCHS"
    echo "validationSplit: 0.25"
    echo "earlyStopping: true"
    case "$m" in alices | rascal | cascal) echo "alpha: 1.0" ;; esac
  } >"$config"
  data="$work/ratio.h5"
  [ "$m" = sally ] && data="$work/sally.h5"
  for st in $SBI4J_THREADS; do
    timed train sbi4j "$m" "$st" -- bin/sbi4j train --method "$m" --data "$data" --config "$config" \
      --out "$work/models/sbi4j-$m-$st" --seed 5 --threads "$st"
    bin/sbi4j evaluate --model "$work/models/sbi4j-$m-$st" --events "$work/test.h5" \
      --out "$work/eval/sbi4j-$m-$st.h5" >>"$work/logs/evaluate.log" 2>&1
  done
  for t in $TORCH_THREADS; do
    timed train madminer "$m" "$t" -- env OMP_NUM_THREADS="$t" MKL_NUM_THREADS="$t" \
      "${driver[@]}" train "$m" "$work/npy" "$work/models/madminer-$m-$t" "$t" "$EPOCHS" 5
    "${driver[@]}" evaluate "$m" "$work/models/madminer-$m-$t" "$work/test.h5" \
      "$work/eval/madminer-$m-$t.npy" >>"$work/logs/evaluate.log" 2>&1
  done
done

if [[ " $METHODS " == *" alices "* ]]; then
  first_t="${TORCH_THREADS%% *}"
  for _ in $(seq "$REPEATS"); do
    timed limits sbi4j "alices grid $GRID" 1 -- bin/sbi4j limits --model "$work/models/sbi4j-alices-${SBI4J_THREADS##* }" \
      --events "$work/events.h5" --theta-true 0 --luminosity 100 --grid "-1:1:$GRID" \
      --plot "$work/limits"
    timed limits madminer "alices grid $GRID" "$first_t" -- env OMP_NUM_THREADS="$first_t" \
      "${driver[@]}" limits "$work/events.h5" "$work/models/madminer-alices-$first_t" 100 "$GRID"
  done
fi
for _ in $(seq "$REPEATS"); do
  timed mine sbi4j "mine $EVENTS events" 1 -- bin/sbi4j mine --events "$work/events.h5" \
    --theta0 0.5 --theta1 0 --out "$work/mined.h5"
  timed mine sbi4j "augment ratio $MINE_ROWS rows, $MINE_THETAS θ0" 1 -- bin/sbi4j augment \
    --events "$work/events.h5" --method ratio --theta0-prior uniform:-1:1 --thetas "$MINE_THETAS" \
    --theta1 0 --samples "$MINE_ROWS" --out "$work/mine-ratio.h5" --seed 6
  timed mine madminer "augment ratio $MINE_ROWS rows, $MINE_THETAS θ0" 1 -- env OMP_NUM_THREADS=1 \
    "${driver[@]}" augment "$work/events.h5" "$work/mm-augment" "$MINE_ROWS" "$MINE_THETAS" 6
done

report="$work/report.md"
{
  echo "## vs-madminer, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "EVENTS=$EVENTS ROWS=$ROWS EPOCHS=$EPOCHS TEST=$TEST METHODS=\"$METHODS\" TORCH_THREADS=\"$TORCH_THREADS\" SBI4J_THREADS=\"$SBI4J_THREADS\" REPEATS=$REPEATS GRID=$GRID RATIO_THETAS=$RATIO_THETAS MINE_ROWS=$MINE_ROWS MINE_THETAS=$MINE_THETAS;"
  echo "$(java -version 2>&1 | head -1); torch $("$PYTHON" -c 'import torch; print(torch.__version__)'); MadMiner $(git --git-dir="${MADMINER_GIT:-/work/.mirror/madminer-tool+madminer/repo}" rev-parse --short HEAD 2>/dev/null || echo "from $MADMINER_SRC")"
  echo
  "${driver[@]}" report "$timings" "$work/exact.npz" "$ROWS" 0.25 "$EPOCHS" "$work/eval"
} >"$report"
cat "$report"
if [ -n "$out_md" ]; then
  cp "$report" "$out_md"
fi
step "done; everything is in $work"
