#!/usr/bin/env bash
# Mining throughput benchmark (issue 3): event·benchmarks per second of `GoldMiner.mine` streaming
# an event file from disk, and the peak heap, with a 2 GB heap.
#
#   bench/mining.sh [EVENTS] [FILE]     (defaults: 10000000 events, /tmp/sbi4j-mining-bench.h5)
#
# The setup groups are written by sbi4j (MiningBenchmark setup); the EVENTS × 20 weights are appended
# by Debian's h5py in chunks of 1 M events (jhdf writes whole files at close, which would need
# ~8 GB of heap for 10 M × 20), with dσ_e(θ) = c_e (1 + θ1 u_e + θ2 v_e)^4.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-10000000}"
file="${2:-/tmp/sbi4j-mining-bench.h5}"
cd "$here"
. bench/lib.sh
bench_classpath
java -cp "$cp" org.sbi4j.bench.MiningBenchmark "$events" "$file" setup 2>/dev/null
/usr/bin/python3 - "$file" "$events" <<'PY'
import sys, h5py, numpy as np
path, n = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(7)
with h5py.File(path, 'a') as f:
    basis = f['benchmarks/values'][()]
    nb = basis.shape[0]
    f.create_dataset('observables/names', data=[b'u', b'v'], dtype='S256')
    f.create_dataset('observables/definitions', data=[b'u', b'v'], dtype='S256')
    obs = f.create_dataset('samples/observations', (n, 2), dtype='f8')
    w = f.create_dataset('samples/weights', (n, nb), dtype='f8')
    f.create_dataset('samples/sampling_benchmarks', data=np.full(n, -1, dtype='i8'))
    f.create_dataset('sample_summary/signal_events', data=np.zeros(nb, dtype='i8'))
    f.create_dataset('sample_summary/background_events', data=np.int64(n))
    step = 1_000_000
    for a in range(0, n, step):
        m = min(step, n - a)
        u = rng.random(m) - 0.5
        v = rng.random(m) - 0.5
        c = rng.random(m) / n
        obs[a:a + m] = np.stack([u, v], axis=1)
        amp = 1 + np.outer(u, basis[:, 0]) + np.outer(v, basis[:, 1])
        w[a:a + m] = c[:, None] * amp ** 4
PY
for run in 1 2 3; do
  java -Xmx2g -cp "$cp" org.sbi4j.bench.MiningBenchmark "$events" "$file" mine 2>/dev/null
  java -Xmx2g -cp "$cp" org.sbi4j.bench.MiningBenchmark "$events" "$file" tasks2 2>/dev/null
done
