#!/usr/bin/env python3
"""Regenerate the NetworkX reference values that musalaha's measures are tested against.

Writes tests/fixtures/reference/*.json, one file per graph:
  {"name", "source", "networkx", "nodes": [...], "edges": [[u, v, weight], ...],
   "measures": {"degree": {node: value}, "strength": ..., "betweenness": ..., "closeness": ...}}

Graphs:
  - the real dataset's actor graph (default relations), whole and for Eastern Ghouta,
    read from `musalaha edges --simple --format json` (built with cargo);
  - seeded random graphs (G(n, p) with integer weights, some disconnected).

Usage:  pip install networkx && python3 scripts/networkx_reference.py
Run it again whenever graph-data/ changes: tests/it/reference.rs checks that the stored
real-data edge lists still match the dataset and says so when they do not.
"""
import json
import os
import random
import subprocess
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "reference")


def measures(g):
    n = g.number_of_nodes()
    return {
        "degree": nx.degree_centrality(g) if n > 1 else {v: 0.0 for v in g},
        "strength": {v: float(d) for v, d in g.degree(weight="weight")},
        "betweenness": nx.betweenness_centrality(g, normalized=True),
        "closeness": nx.closeness_centrality(g, wf_improved=True),
    }


def write(name, source, nodes, edges):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for u, v, w in edges:
        g.add_edge(u, v, weight=w)
    doc = {
        "name": name,
        "source": source,
        "networkx": nx.__version__,
        "nodes": sorted(nodes),
        "edges": sorted([list(e) for e in edges]),
        "measures": {m: {k: vals[k] for k in sorted(vals)} for m, vals in measures(g).items()},
    }
    path = os.path.join(OUT, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(nodes)} nodes, {len(edges)} edges")


def dataset_graph(extra_args):
    cmd = ["cargo", "run", "--quiet", "--", "edges", "--simple", "--format", "json"] + extra_args
    rows = json.loads(subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    nodes = sorted({r["source"] for r in rows} | {r["target"] for r in rows})
    edges = [(r["source"], r["target"], r["weight"]) for r in rows]
    return nodes, edges


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, args in [("dataset-all", []), ("dataset-eastern-ghouta", ["--region", "eastern-ghouta"])]:
        nodes, edges = dataset_graph(args)
        write(name, "musalaha edges --simple " + " ".join(args), nodes, edges)
    for seed, n, p in [(1, 12, 0.25), (2, 30, 0.08), (3, 40, 0.15), (4, 25, 0.05)]:
        rng = random.Random(seed)
        nodes = [f"v{i:02}" for i in range(n)]
        edges = []
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < p:
                    edges.append((nodes[i], nodes[j], rng.randint(1, 4)))
        # Keep isolated nodes out: musalaha's graph has only actors with ties.
        used = sorted({u for u, _, _ in edges} | {v for _, v, _ in edges})
        write(f"random-{seed}", f"seeded G(n={n}, p={p}), seed {seed}", used, edges)


if __name__ == "__main__":
    sys.exit(main())
