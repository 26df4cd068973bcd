#!/usr/bin/env python3
"""Side-by-side timing of musalaha and NetworkX, python-igraph, rustworkx and NetworKit on
the same generated mediation graphs; writes docs/performance.md.

Not part of CI or `cargo test` (no timing is ever asserted): run it by hand on a quiet machine.

    python3 scripts/perf_compare.py                    # 10^2, 10^3, 10^4, 2·10^4 actors
    python3 scripts/perf_compare.py --big              # and musalaha alone at 10^5 (exponent)
    python3 scripts/perf_compare.py --sizes 100,1000 --repeats 1
    python3 scripts/perf_compare.py --sampling-only    # rewrite the sampling section only

What it does:
  1. builds the musalaha binary and the `generate` and `kernel_time` examples (release);
  2. creates a virtual environment (target/perf-venv) and pip-installs networkx, scipy,
     igraph, networkit, rustworkx into it;
  3. generates each graph with `examples/generate.rs` (seed 1, as many agreements as actors)
     into target/synthetic/N/ and reads its edges.csv (the projected ties; a pair's rows add up);
  4. times betweenness, closeness (unweighted), PageRank and eigenvector (weighted) in each
     library, each run in a fresh process (median of --repeats; peak memory from the kernel's
     rusage), the measure call alone; for musalaha through the library (`kernel_time`) and,
     separately, the whole `musalaha centrality --edges` command (process start, reading,
     output); checks that every peer's values agree with musalaha's (peers normalised to
     NetworkX's conventions);
  5. times one breadth-first search from every node on one thread (the floor of exact
     betweenness) and fits the exponent of betweenness time against V·E;
  6. times every command on the embedded dataset, process start included;
  7. measures the error of sampled betweenness (--sample K, --epsilon E) against the exact
     values on the largest graph.
"""
import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "target")
RELEASE = os.path.join(TARGET, "release")
MEASURES = ["betweenness", "closeness", "pagerank", "eigenvector"]
PEERS = ["networkx", "igraph", "rustworkx", "networkit"]
PACKAGES = ["networkx", "scipy", "igraph", "networkit", "rustworkx"]

DRIVER = r'''
import csv, json, sys, time
tool, measure, path, out = sys.argv[1:5]
pairs = {}
with open(path, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        a, b = sorted((r["source"], r["target"]))
        pairs[(a, b)] = pairs.get((a, b), 0.0) + float(r["weight"])
names = sorted({x for p in pairs for x in p})
idx = {v: i for i, v in enumerate(names)}
edges = [(idx[a], idx[b], w) for (a, b), w in pairs.items()]
n = len(names)
weighted = measure in ("pagerank", "eigenvector")

def unit(v):
    s = sum(x * x for x in v) ** 0.5
    return [x / s for x in v]

if tool == "networkx":
    import networkx as nx
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    t = time.perf_counter()
    if measure == "betweenness":
        r = nx.betweenness_centrality(G)
    elif measure == "closeness":
        r = nx.closeness_centrality(G)
    elif measure == "pagerank":
        r = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight="weight")
    else:
        r = nx.eigenvector_centrality(G, max_iter=10000, tol=1e-12, weight="weight")
    secs = time.perf_counter() - t
    vals = [r[i] for i in range(n)]
elif tool == "igraph":
    import igraph as ig
    G = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
    G.es["weight"] = [w for _, _, w in edges]
    t = time.perf_counter()
    if measure == "betweenness":
        v = G.betweenness(directed=False)
    elif measure == "closeness":
        v = G.closeness()
    elif measure == "pagerank":
        v = G.pagerank(weights="weight", damping=0.85)
    else:
        v = G.eigenvector_centrality(weights="weight")
    secs = time.perf_counter() - t
    if measure == "betweenness":
        vals = [x / ((n - 1) * (n - 2) / 2) for x in v]
    elif measure == "closeness":
        # igraph: (r - 1)/Σd over the r reachable nodes; Wasserman-Faust scales by (r - 1)/(n - 1).
        size = {}
        memb = G.connected_components().membership
        for c in memb:
            size[c] = size.get(c, 0) + 1
        vals = [(0.0 if x != x else x) * (size[memb[i]] - 1) / (n - 1) for i, x in enumerate(v)]
    elif measure == "eigenvector":
        vals = unit(v)
    else:
        vals = list(v)
elif tool == "rustworkx":
    import rustworkx as rx
    if measure == "pagerank":
        G = rx.PyDiGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from([(a, b, w) for a, b, w in edges] + [(b, a, w) for a, b, w in edges])
    else:
        G = rx.PyGraph()
        G.add_nodes_from(range(n))
        G.add_edges_from(edges)
    t = time.perf_counter()
    if measure == "betweenness":
        r = rx.betweenness_centrality(G, normalized=True)
    elif measure == "closeness":
        r = rx.closeness_centrality(G, wf_improved=True)
    elif measure == "pagerank":
        r = rx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10000, weight_fn=lambda w: w)
    else:
        r = rx.eigenvector_centrality(G, weight_fn=lambda w: w, max_iter=10000, tol=1e-12)
    secs = time.perf_counter() - t
    vals = [r[i] for i in range(n)]
else:
    import networkit as nk
    nk.setNumberOfThreads(2)
    G = nk.Graph(n, weighted=weighted)
    for a, b, w in edges:
        G.addEdge(a, b, w) if weighted else G.addEdge(a, b)
    t = time.perf_counter()
    if measure == "betweenness":
        c = nk.centrality.Betweenness(G, normalized=False)
    elif measure == "closeness":
        c = nk.centrality.Closeness(G, True, nk.centrality.ClosenessVariant.GENERALIZED)
    elif measure == "pagerank":
        c = nk.centrality.PageRank(G, damp=0.85, tol=1e-12)
    else:
        c = nk.centrality.EigenvectorCentrality(G, tol=1e-12)
    c.run()
    v = c.scores()
    secs = time.perf_counter() - t
    if measure == "betweenness":
        # NetworKit counts each unordered pair twice for undirected graphs.
        vals = [x / ((n - 1) * (n - 2)) for x in v]
    elif measure == "pagerank":
        s = sum(v)
        vals = [x / s for x in v]
    elif measure == "eigenvector":
        vals = unit(v)
    else:
        vals = list(v)
json.dump({"seconds": secs, "values": dict(zip(names, vals))}, open(out, "w"))
'''


TIME = "/usr/bin/time"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def run_peak(cmd):
    """Runs a command in a fresh process; returns (stdout, wall s, peak RSS MB).

    The peak is the child's own maximum resident set, measured by GNU time (`/usr/bin/time -f
    %M`, in KiB), not os.wait4: Linux carries the resident set a process had before exec into
    its maximum, so a child forked from this Python (whose own resident set grows as results
    pile up) reported at least Python's size (every small command showed 131 MB)."""
    import tempfile
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(mode="r", suffix=".rss") as rss:
        t = time.perf_counter()
        p = subprocess.run([TIME, "-f", "%M", "-o", rss.name] + cmd, stdout=out, stderr=err)
        wall = time.perf_counter() - t
        out.seek(0)
        err.seek(0)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed: {err.read().decode()}")
        kib = int(open(rss.name).read().split()[-1])
        return out.read().decode(), wall, kib / 1024.0


def venv():
    path = os.path.join(TARGET, "perf-venv")
    py = os.path.join(path, "bin", "python")
    if not os.path.exists(py):
        sh([sys.executable, "-m", "venv", path])
    probe = subprocess.run([py, "-c", "import networkx, scipy, igraph, networkit, rustworkx"],
                           capture_output=True)
    if probe.returncode != 0:
        sh([py, "-m", "pip", "install", "-q"] + PACKAGES)
    versions = subprocess.run(
        [py, "-c", "import networkx, igraph, networkit, rustworkx;"
                   "print(networkx.__version__, igraph.__version__, networkit.__version__, rustworkx.__version__)"],
        capture_output=True, text=True, check=True).stdout.split()
    return py, dict(zip(PEERS, versions))


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}; {rustc}; Python {platform.python_version()}"


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def graph_size(edges):
    pairs, nodes = set(), set()
    import csv
    with open(edges, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, b = sorted((r["source"], r["target"]))
            pairs.add((a, b))
            nodes.update((a, b))
    return len(nodes), len(pairs)


def agree(a, b):
    """Largest absolute difference between two {id: value} maps."""
    return max((abs(a[k] - b[k]) for k in a if k in b and a[k] == a[k] and b[k] == b[k]), default=0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000,10000,20000")
    ap.add_argument("--big", action="store_true", help="also 10^5 actors, musalaha only")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--networkx-max", type=int, default=1000,
                    help="largest size for NetworkX betweenness and closeness")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "performance.md"))
    ap.add_argument("--sampling-only", action="store_true",
                    help="only (re)write the section on sampled betweenness")
    ap.add_argument("--dataset-only", action="store_true",
                    help="only (re)write the sections on the embedded dataset's commands and on "
                         "reading a 1,000,000-row edge list")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.sampling_only:
        sh(["cargo", "build", "--release", "--quiet", "--bin", "musalaha",
            "--example", "generate", "--example", "kernel_time"], cwd=ROOT)
        sampling(args.out, max(sizes))
        mb, secs, peak = million_rows()
        replace_section(args.out, "## Reading a 1,000,000-row edge list", reading_lines(mb, secs, peak))
        return
    if args.dataset_only:
        sh(["cargo", "build", "--release", "--quiet", "--bin", "musalaha",
            "--example", "generate", "--example", "kernel_time"], cwd=ROOT)
        mb, secs, peak = million_rows()
        replace_section(args.out, "## Reading a 1,000,000-row edge list", reading_lines(mb, secs, peak))
        replace_section(args.out, "## Commands on the embedded dataset",
                        dataset_lines(dataset_commands(os.path.join(RELEASE, "musalaha"))))
        return
    load_before = load()
    sh(["cargo", "build", "--release", "--quiet", "--bin", "musalaha",
        "--example", "generate", "--example", "kernel_time"], cwd=ROOT)
    py, versions = venv()
    work = os.path.join(TARGET, "perf")
    os.makedirs(work, exist_ok=True)
    driver = os.path.join(work, "driver.py")
    with open(driver, "w") as f:
        f.write(DRIVER)
    gen = os.path.join(RELEASE, "examples", "generate")
    kt = os.path.join(RELEASE, "examples", "kernel_time")
    binary = os.path.join(RELEASE, "musalaha")
    results = {}  # (size, measure, tool) -> dict
    shapes = {}
    floor = {}
    all_sizes = sizes + ([100000] if args.big else [])
    for size in all_sizes:
        d = os.path.join(TARGET, "synthetic", str(size))
        sh([gen, "--actors", str(size), "--seed", "1", "--out", d], stderr=subprocess.DEVNULL)
        edges = os.path.join(d, "edges.csv")
        shapes[size] = graph_size(edges)
        print(f"{size} actors: {shapes[size][0]} nodes, {shapes[size][1]} edges (load {load()})", flush=True)
        out, _, peak = run_peak([kt, edges, "bfs"])
        floor[size] = json.loads(out)["seconds"]
        big = size not in sizes
        for m in MEASURES:
            if big and m != "betweenness":
                continue
            reps = 1 if big else args.repeats
            mine = os.path.join(work, f"musalaha-{size}-{m}.json")
            secs, peaks = [], []
            for _ in range(reps):
                out, _, peak = run_peak([kt, edges, m, "--out", mine])
                secs.append(json.loads(out)["seconds"])
                peaks.append(peak)
            results[(size, m, "musalaha")] = {"s": statistics.median(secs), "mb": max(peaks)}
            walls, peaks = [], []
            for _ in range(reps):
                _, wall, peak = run_peak([binary, "centrality", "--edges", edges, "--measure", m,
                                          "--format", "csv"])
                walls.append(wall)
                peaks.append(peak)
            results[(size, m, "musalaha command")] = {"s": statistics.median(walls), "mb": max(peaks)}
            values = json.load(open(mine))
            print(f"  {m}: musalaha {results[(size, m, 'musalaha')]['s']:.4f} s", flush=True)
            if big:
                continue
            for tool in PEERS:
                if tool == "networkx" and m in ("betweenness", "closeness") and size > args.networkx_max:
                    continue
                theirs = os.path.join(work, f"{tool}-{size}-{m}.json")
                secs, peaks = [], []
                for _ in range(reps):
                    _, _, peak = run_peak([py, driver, tool, m, edges, theirs])
                    secs.append(json.load(open(theirs))["seconds"])
                    peaks.append(peak)
                diff = agree(values, json.load(open(theirs))["values"])
                results[(size, m, tool)] = {"s": statistics.median(secs), "mb": max(peaks), "diff": diff}
                print(f"  {m}: {tool} {statistics.median(secs):.4f} s, max |diff| {diff:.2e}", flush=True)
    dataset = dataset_commands(binary)
    reading = million_rows() if args.big else None
    write(args.out, sizes, all_sizes, shapes, results, floor, dataset, versions, load_before, args,
          reading)
    sampling(args.out, max(sizes))


def dataset_commands(binary):
    """The embedded dataset: every command, process start included: (command, median wall s,
    largest peak MB) over 10 runs."""
    commands = [
        ["actors"], ["places"], ["periods"], ["agreements"], ["centrality"],
        ["centrality", "--measure", "all"], ["centrality", "--measure", "all", "--weighted", "--directed"],
        ["centrality", "--measure", "betweenness", "--over", "year"], ["centrality", "--two-mode", "--measure", "betweenness"],
        ["partners", "hmeimim-centre"], ["path", "jaish-al-islam", "russia"], ["ego", "hmeimim-centre", "--radius", "2"],
        ["timeline", "russia"], ["explain", "hmeimim-centre", "russia"], ["stats"], ["stats", "--over", "year"],
        ["edges"], ["export", "dot"], ["validate"], ["codebook"],
    ]
    dataset = []
    for c in commands:
        walls, peaks = [], []
        for _ in range(10):
            _, wall, peak = run_peak([binary] + c + (["--format", "csv"] if c[0] not in ("export", "validate", "codebook") else []))
            walls.append(wall)
            peaks.append(peak)
        dataset.append((" ".join(c), statistics.median(walls), max(peaks)))
    return dataset


def dataset_lines(dataset):
    L = ["## Commands on the embedded dataset\n",
         "Wall time of the whole process (start, loading and validating the embedded data, "
         "the query, CSV output), median of 10 runs; peak memory: the largest maximum resident "
         "set of the 10 (GNU time, the process alone).\n",
         "| command | median | peak MiB |", "|---|---|---|"]
    for c, s, mb in dataset:
        L.append(f"| `musalaha {c}` | {fmt(s)} | {mb:.1f} |")
    L.append("")
    return L


def reading_lines(mb, secs, peak):
    return ["## Reading a 1,000,000-row edge list\n",
            f"`--edges` on a {mb:.1f} MiB file of 1,000,000 rows (the first rows of a generated "
            f"330,000-actor graph): read, checked and built into the compact graph in "
            f"{fmt(secs)} (median of 3, `kernel_time FILE degree`), peak memory of the whole "
            f"process {peak:.1f} MiB = {peak / mb:.2f}× the file (target: under 1 s and under 2×). "
            "Peak memory is the maximum resident set GNU time reports for the process alone.\n"]


def replace_section(path, title, lines):
    """Replaces (or appends) the section that starts with `title` in the file at `path`."""
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Performance\n\n"
    start = text.find(title)
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + text[end + 1:] if end >= 0 else text[:start]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n")


def million_rows():
    """Reads a 1,000,000-row edge list (the first rows of a generated 330,000-actor graph) into
    the compact graph: (file MB, median load s, peak MB)."""
    d = os.path.join(TARGET, "synthetic", "330000")
    sh([os.path.join(RELEASE, "examples", "generate"), "--actors", "330000", "--seed", "1", "--out", d],
       stderr=subprocess.DEVNULL)
    os.makedirs(os.path.join(TARGET, "perf"), exist_ok=True)
    path = os.path.join(TARGET, "perf", "edges-1m.csv")
    with open(os.path.join(d, "edges.csv"), encoding="utf-8") as f, open(path, "w", encoding="utf-8") as g:
        for i, line in enumerate(f):
            if i > 1_000_000:
                break
            g.write(line)
    loads, peaks = [], []
    for _ in range(3):
        out, _, peak = run_peak([os.path.join(RELEASE, "examples", "kernel_time"), path, "degree"])
        loads.append(json.loads(out)["load"])
        peaks.append(peak)
    return os.path.getsize(path) / 2**20, statistics.median(loads), max(peaks)


def sampling(path, size):
    """Error of sampled betweenness against exact values on the generated graph of `size`
    actors; replaces the section in `path`."""
    d = os.path.join(TARGET, "synthetic", str(size))
    gen = os.path.join(RELEASE, "examples", "generate")
    sh([gen, "--actors", str(size), "--seed", "1", "--out", d], stderr=subprocess.DEVNULL)
    edges = os.path.join(d, "edges.csv")
    work = os.path.join(TARGET, "perf")
    os.makedirs(work, exist_ok=True)
    exact_file = os.path.join(work, f"musalaha-{size}-betweenness.json")
    _, exact_wall, _ = run_peak([os.path.join(RELEASE, "examples", "kernel_time"), edges, "betweenness",
                                 "--out", exact_file])
    exact = json.load(open(exact_file))
    binary = os.path.join(RELEASE, "musalaha")
    n = len(exact)
    rows = []
    for flags in (["--sample", "100"], ["--sample", "1000"], ["--epsilon", "0.05"],
                  ["--epsilon", "0.02"], ["--epsilon", "0.01"]):
        errs, walls = [], []
        for seed in (1, 2, 3):
            out, wall, _ = run_peak([binary, "centrality", "--edges", edges, "--measure", "betweenness",
                                     "--format", "json", "--seed", str(seed)] + flags)
            got = {r["actor"]: r["score"] for r in json.loads(out)}
            errs.append(max(abs(got[k] - exact[k]) for k in exact))
            walls.append(wall)
        rows.append((" ".join(flags), statistics.median(walls), max(errs)))
    L = ["## Sampled betweenness\n",
         f"On the {size}-actor graph ({n} nodes): the largest absolute error over all nodes against "
         "exact betweenness (on the (n − 1)(n − 2) scale), worst of seeds 1, 2, 3, and the median "
         f"wall time of the whole command. Exact: {fmt(exact_wall)} (library, all cores). For "
         "`--epsilon E` the guarantee (probability 0.9) is E·n/(n − 2).\n",
         "| flags | median wall | max abs error | bound |", "|---|---|---|---|"]
    for flags, wall, err in rows:
        bound = ""
        if flags.startswith("--epsilon"):
            e = float(flags.split()[1])
            bound = f"{e * n / (n - 2):.4f}"
        L.append(f"| `{flags}` | {fmt(wall)} | {err:.5f} | {bound} |")
    L.append("")
    replace_section(path, "## Sampled betweenness", L)
    print(f"wrote the sampling section of {os.path.relpath(path, ROOT)}")


def fmt(s):
    if s is None:
        return "–"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} µs"


def write(path, sizes, all_sizes, shapes, results, floor, dataset, versions, load_before, args,
          reading=None):
    L = []
    L.append("# Performance\n")
    L.append("Produced by `python3 scripts/perf_compare.py" + (" --big" if args.big else "") +
             "` (not part of CI; no test asserts a time). Every number is from one run of the script "
             "on the machine below; on a shared machine, times move with what else runs.\n")
    L.append(f"- Machine: {machine()}.")
    L.append(f"- Load average (1, 5, 15 min) before: {load_before}; after: {load()}.")
    L.append("- Peers: " + ", ".join(f"{t} {v}" for t, v in versions.items()) +
             " (pip, in target/perf-venv). igraph runs on one thread; NetworKit on 2 (OpenMP); "
             "rustworkx parallelises betweenness and closeness with rayon; musalaha uses rayon on all cores.")
    L.append(f"- Graphs: `examples/generate.rs --actors N --seed 1` (as many agreements as actors), "
             "the projected ties of the default relations, a pair's rows summed into one weighted edge. "
             "Betweenness and closeness unweighted; PageRank and eigenvector weighted.")
    L.append(f"- Times: median of {args.repeats} runs, each in a fresh process, of the measure call alone "
             "(musalaha: through the library, `examples/kernel_time.rs`; the whole command "
             "`musalaha centrality --edges` is listed apart). Peak memory: the process's maximum "
             "resident set. Agreement: largest |musalaha − peer| over all nodes, peers normalised "
             "to NetworkX's conventions.")
    L.append("- On a machine shared with other sessions (see the load average), parallel code is "
             "hit harder than single-threaded code: musalaha's two threads rarely had two free "
             "cores, while igraph needs one. Ratios from a quiet machine will favour musalaha more.\n")
    L.append("| actors | nodes | edges |")
    L.append("|---|---|---|")
    for s in all_sizes:
        L.append(f"| {s} | {shapes[s][0]} | {shapes[s][1]} |")
    L.append("")
    for m in MEASURES:
        L.append(f"## {m}\n")
        L.append("| actors | tool | median | musalaha / tool | peak MB | max abs diff |")
        L.append("|---|---|---|---|---|---|")
        for s in all_sizes:
            me = results.get((s, m, "musalaha"))
            if not me:
                continue
            for tool in ["musalaha", "musalaha command"] + PEERS:
                r = results.get((s, m, tool))
                if not r:
                    continue
                ratio = "" if tool.startswith("musalaha") else f"{me['s'] / r['s']:.3f}"
                diff = f"{r['diff']:.1e}" if "diff" in r else ""
                L.append(f"| {s} | {tool} | {fmt(r['s'])} | {ratio} | {r['mb']:.0f} | {diff} |")
        L.append("")
    # Targets at the largest compared size.
    t = max(sizes)
    L.append(f"## Targets ({t} actors)\n")
    L.append("| target | musalaha | peer | ratio | met |")
    L.append("|---|---|---|---|---|")
    for m, peer, bound in [("betweenness", "igraph", 0.35), ("closeness", "networkit", 1.0),
                           ("pagerank", "igraph", 1.0), ("eigenvector", "igraph", 1.0)]:
        me, them = results.get((t, m, "musalaha")), results.get((t, m, peer))
        if me and them:
            ratio = me["s"] / them["s"]
            L.append(f"| {m} ≤ {bound}× {peer} | {fmt(me['s'])} | {fmt(them['s'])} | {ratio:.3f} | "
                     f"{'yes' if ratio <= bound else 'no'} |")
    worst = max(dataset, key=lambda x: x[1])
    L.append(f"| every command on the embedded dataset < 20 ms | slowest: `{worst[0]}` {fmt(worst[1])} | | | "
             f"{'yes' if worst[1] < 0.020 else 'no'} |")
    L.append("")
    # Exponent of betweenness time against V·E, and distance from the BFS floor.
    pts = [(shapes[s][0] * shapes[s][1], results[(s, "betweenness", "musalaha")]["s"])
           for s in all_sizes if (s, "betweenness", "musalaha") in results and shapes[s][1] > 0]
    pts = [(x, y) for x, y in pts if y > 0]
    if len(pts) >= 2:
        xs = [math.log(x) for x, _ in pts]
        ys = [math.log(y) for _, y in pts]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        k = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        L.append("## Scaling of exact betweenness\n")
        L.append(f"Least-squares exponent of time against V·E over {len(pts)} sizes: **{k:.2f}** "
                 "(1 is Brandes' bound; small graphs sit above the line because of fixed costs).\n")
        L.append("| actors | V·E | betweenness | BFS from every node (1 thread) | betweenness / BFS floor |")
        L.append("|---|---|---|---|---|")
        for s in all_sizes:
            r = results.get((s, "betweenness", "musalaha"))
            if r:
                L.append(f"| {s} | {shapes[s][0] * shapes[s][1]:.3g} | {fmt(r['s'])} | {fmt(floor[s])} | "
                         f"{r['s'] / floor[s]:.2f} |")
        L.append("\nThe floor is one plain breadth-first search from every node on one thread "
                 "(`kernel_time EDGES bfs`): exact betweenness needs at least that much work, and "
                 "Brandes' forward pass (with path counts) and backward pass (dependencies) each "
                 "read every arc again; musalaha runs the searches on all cores.\n")
    if reading:
        L.extend(reading_lines(*reading))
    L.extend(dataset_lines(dataset))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L))
    print(f"wrote {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
