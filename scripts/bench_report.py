#!/usr/bin/env python3
"""Write docs/benchmarks.md from criterion's results in target/criterion (run `cargo bench` first)."""
import json
import os
import platform
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRIT = os.path.join(ROOT, "target", "criterion")


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


rows = []
for root, _, files in os.walk(CRIT):
    if os.path.basename(root) != "new" or "estimates.json" not in files:
        continue
    e = json.load(open(os.path.join(root, "estimates.json")))
    name = os.path.relpath(os.path.dirname(root), CRIT)
    meta = os.path.join(root, "benchmark.json")
    if os.path.exists(meta):
        name = json.load(open(meta)).get("full_id", name)
    m = e["mean"]
    rows.append((name, fmt(m["point_estimate"]), fmt(m["confidence_interval"]["lower_bound"]),
                 fmt(m["confidence_interval"]["upper_bound"])))
rows.sort()

cpu = "unknown"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w") as f:
    f.write("# Benchmarks\n\n")
    f.write("Produced by `cargo bench --bench measures` (criterion, benches/measures.rs) and "
            "`python3 scripts/bench_report.py`. Tests never assert timings; these numbers are for "
            "orientation only.\n\n")
    f.write(f"Machine: {os.cpu_count()} cores, {cpu}; {rustc}; {platform.system()}; load average "
            f"when the report was written: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (on a "
            "shared machine the parallel kernels lose most, as in docs/performance.md).\n\n")
    f.write("The dataset graph is the whole embedded dataset under the default relations; the "
            "synthetic graphs come from `musalaha::generate` (seed 1) with the number of actors "
            "given after the slash; 'a 10^4-actor edge list' is the one written for 10⁴ actors, read back "
            "with `--edges` (`network::read_with`) and exported from `View::from_network`. "
            "docs/performance.md compares musalaha with other libraries.\n\n")
    f.write("| benchmark | mean | 95% interval |\n|---|---|---|\n")
    for name, mean, lo, hi in rows:
        f.write(f"| {name} | {mean} | {lo} – {hi} |\n")
print(f"wrote docs/benchmarks.md ({len(rows)} benchmarks)")
