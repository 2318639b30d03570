"""The tables of bench/vs-madminer.sh (called as `madminer_train.py report ...`).

TIMINGS.tsv has one line per timed process: task, implementation, method, threads, wall, user,
sys (seconds; user and sys of the process and its children, from bash's `time`). EVAL_DIR holds
one prediction file per trained model, IMPLEMENTATION-METHOD-THREADS.npy (MadMiner) or .h5
(sbi4j's `evaluate` output: log_r_hat, t_hat), all on the rows of EXACT.npz.
"""

import glob
import os
import statistics
from collections import defaultdict

import h5py
import numpy as np


def _predictions(path, method):
    if path.endswith(".npy"):
        return np.load(path)
    with h5py.File(path, "r") as f:
        return f["t_hat"][()][:, 0] if method == "sally" else f["log_r_hat"][()]


def _mse(path, method, exact):
    truth = exact["score"] if method == "sally" else exact["log_r"]
    return float(np.mean((_predictions(path, method) - truth) ** 2))


def report(timings, exact_npz, rows, validation, epochs, eval_dir):
    exact = np.load(exact_npz)
    passes = (int(rows) - round(int(rows) * float(validation))) * int(epochs)
    runs = defaultdict(list)
    with open(timings) as f:
        for line in f:
            task, impl, method, threads, wall, user, sys_ = line.split("\t")
            runs[(task, impl, method, threads)].append((float(wall), float(user) + float(sys_)))

    print(f"### Training: {passes // int(epochs)} training rows x {epochs} epochs, accuracy on "
          f"{len(exact['x'])} test rows")
    print()
    print("| method | implementation | threads | wall s | CPU s | rows/s | sbi4j speed-up "
          "| MSE vs exact |")
    print("|---|---|---|---|---|---|---|---|")
    methods = sorted({k[2] for k in runs if k[0] == "train"}, key=lambda m: (m == "sally", m))
    for method in methods:
        sbi4j = [k for k in runs if k[0] == "train" and k[1] == "sbi4j" and k[2] == method]
        # speed-ups against sbi4j's fastest thread setting, as MadMiner's rows are read at its best
        sbi4j_wall = min(runs[k][0][0] for k in sbi4j) if sbi4j else None
        keys = sorted(
            (k for k in runs if k[0] == "train" and k[2] == method),
            key=lambda k: (k[1] != "sbi4j", int(k[3])),
        )
        for key in keys:
            wall, cpu = runs[key][0]
            files = glob.glob(os.path.join(eval_dir, f"{key[1]}-{method}-{key[3]}.*"))
            mse = f"{_mse(files[0], method, exact):.5f}" if files else "n/a"
            speedup = "" if key[1] == "sbi4j" or not sbi4j_wall else f"{wall / sbi4j_wall:.1f}x"
            print(f"| {method} | {key[1]} | {key[3]} | {wall:.1f} | {cpu:.1f} | "
                  f"{passes / wall:,.0f} | {speedup} | {mse} |")
    others = [k for k in runs if k[0] != "train"]
    if others:
        print()
        print("### Limits and mining (median of the runs; every run in brackets)")
        print()
        print("| task | implementation | what | median wall s | runs (wall s) | CPU s (median) |")
        print("|---|---|---|---|---|---|")
        for key in sorted(others):
            walls = [w for w, _ in runs[key]]
            cpus = [c for _, c in runs[key]]
            print(f"| {key[0]} | {key[1]} | {key[2]} | {statistics.median(walls):.2f} | "
                  f"{', '.join(f'{w:.2f}' for w in walls)} | {statistics.median(cpus):.2f} |")
