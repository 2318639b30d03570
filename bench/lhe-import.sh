#!/usr/bin/env bash
# Speed of `sbi4j import lhe` (issue 16): generates a MadGraph-style LHE file of N events (two
# leptons, two jets, a neutrino, six reweighting weights and two scale variations; gzip-compressed
# when GZ=1), then imports it with the example config's expressions, cuts, efficiency, smearing and
# nuisances, and prints events/s (wall time of the command, JVM start included).
# Usage: bench/lhe-import.sh [events] [out.md]      (default 200000 events; GZ=1 for .lhe.gz)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp configs/setup.yaml "$work/setup.yaml"
ext=lhe
[ "${GZ:-0}" = 1 ] && ext=lhe.gz
sed -e "s/run_sm.lhe.gz/run_sm.$ext/" -e '/run_w.lhe.gz/d' configs/lhe-import.yaml >"$work/import.yaml"
python3 - "$n" "$work/run_sm.$ext" <<'PY'
import gzip, math, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
ids = ["rwgt_w", "rwgt_neg_w", "rwgt_ww", "rwgt_neg_ww", "rwgt_mixed", "mu_up", "mu_down"]
rnd = random.Random(1)
out = gzip.open(path, "wt") if path.endswith(".gz") else open(path, "w")
out.write('<LesHouchesEvents version="3.0">\n<header>\n<initrwgt>\n<weightgroup name="rw">\n')
out.writelines('<weight id="%s"> x </weight>\n' % i for i in ids)
out.write("</weightgroup>\n</initrwgt>\n</header>\n<init>\n2212 2212 6.5e3 6.5e3 0 0 247000 247000 -4 1\n"
          "1.0e-01 1.0e-03 1.0e-01 1\n</init>\n")
def line(pdg, st, px, py, pz, m=0.0):
    e = math.sqrt(px * px + py * py + pz * pz + m * m)
    return "%d %d 1 2 0 0 %.10e %.10e %.10e %.10e %.4e 0.0 9.0\n" % (pdg, st, px, py, pz, e, m)
for _ in range(n):
    ps = [line(21, -1, 0, 0, 300), line(21, -1, 0, 0, -200)]
    for pdg in (11, -11, 21, 2, 12):
        pt, phi = rnd.uniform(10, 120), rnd.uniform(-math.pi, math.pi)
        ps.append(line(pdg, 1, pt * math.cos(phi), pt * math.sin(phi), rnd.uniform(-200, 200)))
    out.write("<event>\n %d 1 1.0e-01 9.1e1 7.5e-03 1.3e-01\n" % len(ps))
    out.writelines(ps)
    out.write("<rwgt>\n")
    out.writelines("<wgt id='%s'> %.6e </wgt>\n" % (i, 0.1 * rnd.uniform(0.8, 1.2)) for i in ids)
    out.write("</rwgt>\n</event>\n")
out.write("</LesHouchesEvents>\n")
out.close()
PY
bin/sbi4j import lhe --config "$work/import.yaml" --out "$work/events.h5" --quiet --json - >/dev/null  # warm-up, builds the jar
start=$(date +%s.%N)
bin/sbi4j import lhe --config "$work/import.yaml" --out "$work/events.h5" --quiet --json "$work/r.json" >/dev/null
end=$(date +%s.%N)
rate=$(python3 -c "import json,sys; r=json.load(open('$work/r.json')); print('%d events read, %d written, %.0f events/s' % (r['eventsRead'], r['eventsPassed'], r['eventsRead']/($end-$start)))")
bytes=$(stat -c %s "$work/run_sm.$ext")
row="| $(date -u +%F) | $(nproc) cores, $(uname -m) | $n | $ext ($bytes bytes) | $rate |"
echo "$row"
if [ -n "${2:-}" ]; then
  [ -f "$2" ] || printf '| date | machine | events | file | result |\n|---|---|---|---|---|\n' >"$2"
  echo "$row" >>"$2"
fi
