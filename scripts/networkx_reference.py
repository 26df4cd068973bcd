#!/usr/bin/env python3
"""Regenerate the NetworkX reference values that musalaha's measures are tested against.

Writes tests/fixtures/reference/*.json, one file per graph:
  {"name", "source", "networkx",
   "nodes": [...], "groups": {node: group},
   "edges": [[u, v, weight], ...]          # the undirected weighted simple graph
   "arcs":  [[u, v, weight], ...]          # the same ties as directed arcs
   "measures": {"<measure>[/<variant>]": {node: value or null}}}

Variants: "" (undirected, weights = agreement counts), "weighted" (shortest paths with
distance 1/weight), "directed" (on the arcs). Brokerage has no NetworkX implementation:
`brokerage()` below is an independent implementation of Gould & Fernandez (1989).

"betweenness/weighted-exact[/directed]" is weighted betweenness computed in exact rational
arithmetic (`exact_betweenness()` below, Brandes with fractions.Fraction distances): NetworkX
compares floating-point path lengths exactly, so paths whose lengths tie mathematically but
differ in the last bit (1/2 + 1/3 + 1/6 against 1) are dropped and its weighted betweenness is
off wherever such ties occur (on the embedded dataset and on Zachary's karate club). musalaha is
tested against the exact values; the NetworkX ones stay in the file for comparison.

Graphs:
  - the real dataset's actor graph (default relations), whole and for Eastern Ghouta,
    read from `musalaha edges` and `musalaha actors` (built with cargo);
  - Zachary's karate club with its interaction counts as weights (nx.karate_club_graph());
  - seeded random graphs: G(n, p) with integer weights, random directions and groups; some
    mostly one-way (directed), some in several components (disconnected), some with weights
    1, 2, 3, 6 whose inverse lengths tie (weighted).

Usage:  pip install networkx scipy && python3 scripts/networkx_reference.py
Run it again whenever graph-data/ changes: tests/it/reference.rs checks that the stored
real-data graphs still match the dataset and says so when they do not.
"""
import json
import os
import random
import subprocess
import sys

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "reference")
# Must match src/analysis/centrality.rs.
EIGEN_MAX_ITER, EIGEN_TOL = 10_000, 1e-12
PAGERANK_ALPHA, PAGERANK_MAX_ITER, PAGERANK_TOL = 0.85, 10_000, 1e-12
DEFAULT_RELATIONS = {"signing", "negotiating", "guaranteeing", "mediating", "hosting"}
DIRECTED_RELATIONS = {"guaranteeing", "mediating", "hosting"}
# The roles that make a two-mode link under the default relations: signatory (signing),
# negotiator (negotiating), guarantor (guaranteeing), mediator, sponsor and convener
# (mediating), host (hosting).
# Written here from docs/codebook.md, independently of src/graph/two_mode.rs.
TWO_MODE_ROLES = {"signatory", "negotiator", "guarantor", "mediator", "sponsor", "convener", "host"}


def brokerage(arcs, groups):
    """Gould-Fernandez roles on open two-paths a->b->c (a != c, no arc a->c)."""
    out_ = {}
    in_ = {}
    arcset = set()
    for u, v, _ in arcs:
        if u != v:
            arcset.add((u, v))
    for u, v in arcset:
        out_.setdefault(u, set()).add(v)
        in_.setdefault(v, set()).add(u)
    nodes = set(groups)
    roles = {r: {n: 0.0 for n in nodes} for r in
             ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]}
    for b in nodes:
        for a in in_.get(b, ()):
            for c in out_.get(b, ()):
                if a == c or (a, c) in arcset:
                    continue
                ga, gb, gc = groups[a], groups[b], groups[c]
                if ga == gb == gc:
                    r = "coordinator"
                elif ga == gc:
                    r = "itinerant"
                elif ga == gb:
                    r = "representative"
                elif gb == gc:
                    r = "gatekeeper"
                else:
                    r = "liaison"
                roles[r][b] += 1.0
    result = {"brokerage": {n: sum(roles[r][n] for r in roles) for n in nodes}}
    for r, vals in roles.items():
        result["brokerage-" + r] = vals
    return result


def sink_only_burt(H, esize, cons):
    """In a directed graph NetworkX returns NaN for a node with in-arcs but no out-arcs
    (it tests G[v], the successors, for isolation), although Burt's measures use in- and
    out-neighbours. For those nodes, apply NetworkX's own formula pieces directly."""
    if not H.is_directed():
        return
    nmw = nx.algorithms.structuralholes.normalized_mutual_weight
    for v in H:
        nbrs = set(nx.all_neighbors(H, v)) - {v}
        if len(H[v]) == 0 and nbrs:
            esize[v] = sum(
                1 - sum(nmw(H, v, w, weight="weight") * nmw(H, u, w, norm=max, weight="weight")
                        for w in set(nx.all_neighbors(H, v)))
                for u in nbrs)
            cons[v] = sum(nx.local_constraint(H, v, u, weight="weight") for u in nbrs)


def exact_betweenness(nodes, arcs):
    """Normalised weighted betweenness (distance 1/weight) in exact rational arithmetic:
    Brandes (2001) with Fraction distances, so ties are decided exactly. `arcs` are directed
    (give undirected edges both ways). Normalised by (n-1)(n-2) over ordered pairs, which is
    NetworkX's normalisation for directed and undirected graphs alike."""
    from fractions import Fraction
    import heapq
    out = {v: [] for v in nodes}
    for u, v, w in arcs:
        out[u].append((v, Fraction(1) / Fraction(w)))
    order_of = {v: i for i, v in enumerate(nodes)}
    bc = {v: Fraction(0) for v in nodes}
    for s in nodes:
        dist, sigma, preds, order, done = {s: Fraction(0)}, {s: 1}, {s: []}, [], set()
        heap = [(Fraction(0), order_of[s], s)]
        while heap:
            d, _, v = heapq.heappop(heap)
            if v in done:
                continue
            done.add(v)
            order.append(v)
            for w, length in out[v]:
                nd = d + length
                if w not in dist or nd < dist[w]:
                    dist[w], sigma[w], preds[w] = nd, sigma[v], [v]
                    heapq.heappush(heap, (nd, order_of[w], w))
                elif nd == dist[w] and w not in done:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = {v: Fraction(0) for v in order}
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
    n = len(nodes)
    scale = Fraction(1, (n - 1) * (n - 2)) if n > 2 else Fraction(0)
    return {v: float(bc[v] * scale) for v in nodes}


def clean(d):
    out = {}
    for k in sorted(d):
        v = d[k]
        out[k] = None if v != v else float(v)  # NaN -> null
    return out


def measures(G, D, groups):
    def with_dist(H):
        H = H.copy()
        for u, v, data in H.edges(data=True):
            data["dist"] = 1.0 / data["weight"]
        return H

    def eig(H):
        try:
            return nx.eigenvector_centrality(H, max_iter=EIGEN_MAX_ITER, tol=EIGEN_TOL, weight="weight")
        except nx.PowerIterationFailedConvergence:
            return {v: float("nan") for v in H}

    def pr(H):
        return nx.pagerank(H, alpha=PAGERANK_ALPHA, max_iter=PAGERANK_MAX_ITER, tol=PAGERANK_TOL, weight="weight")

    res = {}
    for suffix, H in [("", G), ("/directed", D)]:
        Hd = with_dist(H)
        n = H.number_of_nodes()
        res["degree" + suffix] = nx.degree_centrality(H) if n > 1 else {v: 0.0 for v in H}
        res["strength" + suffix] = {v: float(d) for v, d in H.degree(weight="weight")}
        res["betweenness" + suffix] = nx.betweenness_centrality(H, normalized=True)
        res["closeness" + suffix] = nx.closeness_centrality(H, wf_improved=True)
        res["eigenvector" + suffix] = eig(H)
        res["pagerank" + suffix] = pr(H)
        # nodes=list(H) selects NetworkX's iterative code path: its sparse-matrix path
        # normalises by the wrong axis for weighted or directed graphs (networkx PR #8906).
        res["effective-size" + suffix] = nx.effective_size(H, nodes=list(H), weight="weight")
        res["constraint" + suffix] = nx.constraint(H, nodes=list(H), weight="weight")
        sink_only_burt(H, res["effective-size" + suffix], res["constraint" + suffix])
        res["betweenness/weighted" + suffix] = nx.betweenness_centrality(Hd, normalized=True, weight="dist")
        res["closeness/weighted" + suffix] = nx.closeness_centrality(Hd, distance="dist", wf_improved=True)
        res["harmonic" + suffix] = nx.harmonic_centrality(H)
        res["harmonic/weighted" + suffix] = nx.harmonic_centrality(Hd, distance="dist")
        arcs = [(u, v, d["weight"]) for u, v, d in H.edges(data=True)]
        if not H.is_directed():
            arcs += [(v, u, w) for u, v, w in arcs]
        res["betweenness/weighted-exact" + suffix] = exact_betweenness(sorted(H), arcs)
    res.update(brokerage([(u, v, 1) for u, v in D.edges()], groups))
    return {k: clean(v) for k, v in res.items()}


def write(name, source, nodes, groups, edges, arcs):
    G = nx.Graph()
    G.add_nodes_from(nodes)
    for u, v, w in edges:
        G.add_edge(u, v, weight=w)
    D = nx.DiGraph()
    D.add_nodes_from(nodes)
    for u, v, w in arcs:
        D.add_edge(u, v, weight=w)
    doc = {
        "name": name,
        "source": source,
        "networkx": nx.__version__,
        "nodes": sorted(nodes),
        "groups": {n: groups[n] for n in sorted(nodes)},
        "edges": sorted([list(e) for e in edges]),
        "arcs": sorted([list(e) for e in arcs]),
        "measures": measures(G, D, groups),
    }
    path = os.path.join(OUT, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(nodes)} nodes, {len(edges)} edges, {len(arcs)} arcs")


def musalaha(args):
    cmd = ["cargo", "run", "--quiet", "--"] + args + ["--format", "json"]
    return json.loads(subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def dataset_graph(extra_args):
    """Rebuilds the simple graph from the ties, independently of musalaha's own projection code."""
    ties = musalaha(["edges", "--relation", "all"] + extra_args)
    alignment = {a["id"]: a["alignment"] for a in musalaha(["actors"])}
    pairs, directed = {}, {}
    for t in ties:
        if t["relation"] not in DEFAULT_RELATIONS:
            continue
        a, b = t["source"], t["target"]
        pairs.setdefault(tuple(sorted((a, b))), set()).update(t["agreements"])
        directed.setdefault((a, b), set()).update(t["agreements"])
        if t["relation"] not in DIRECTED_RELATIONS:
            directed.setdefault((b, a), set()).update(t["agreements"])
    nodes = sorted({x for p in pairs for x in p})
    edges = [(a, b, len(ags)) for (a, b), ags in pairs.items()]
    arcs = [(a, b, len(ags)) for (a, b), ags in directed.items()]
    return nodes, {n: alignment[n] for n in nodes}, edges, arcs


def write_two_mode(name, source, actors, agreements, pairs):
    """Bipartite measures of an actor x agreement graph (agreement nodes as 'agreement:<id>')."""
    B = nx.Graph()
    top = sorted(actors)
    bottom = ["agreement:" + g for g in sorted(agreements)]
    B.add_nodes_from(top + bottom)
    B.add_edges_from((a, "agreement:" + g) for a, g in pairs)
    doc = {
        "name": name,
        "source": source,
        "networkx": nx.__version__,
        "actors": top,
        "agreements": sorted(agreements),
        "pairs": sorted([list(p) for p in set(pairs)]),
        "measures": {
            "degree": clean(nx.bipartite.degree_centrality(B, top)),
            "strength": clean(dict(B.degree())),
            "betweenness": clean(nx.bipartite.betweenness_centrality(B, top)),
            "closeness": clean(nx.bipartite.closeness_centrality(B, top, normalized=True)),
        },
    }
    path = os.path.join(OUT, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)}: {len(top)} actors, {len(bottom)} agreements, {len(set(pairs))} edges")


def main():
    # Set iteration order (and so the last bits of some sums) depends on string hashing:
    # fix it so that a rerun on unchanged data rewrites the fixtures byte for byte.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    os.makedirs(OUT, exist_ok=True)
    ags = musalaha(["agreements"])
    pairs = [(p["actor"], a["id"]) for a in ags for p in a["participants"]
             if p["role"] in TWO_MODE_ROLES]
    write_two_mode("twomode-dataset-all", "musalaha agreements (participants in linking roles)",
                   {a for a, _ in pairs}, {g for _, g in pairs}, pairs)
    for seed, n, m, p in [(11, 15, 8, 0.2), (12, 30, 20, 0.08)]:
        rng = random.Random(seed)
        pairs = [(f"a{i:02}", f"g{j:02}") for i in range(n) for j in range(m) if rng.random() < p]
        write_two_mode(f"twomode-random-{seed}", f"seeded bipartite {n}x{m}, p={p}, seed {seed}",
                       {a for a, _ in pairs}, {g for _, g in pairs}, pairs)
    for name, args in [("dataset-all", []), ("dataset-eastern-ghouta", ["--region", "eastern-ghouta"])]:
        nodes, groups, edges, arcs = dataset_graph(args)
        write(name, "musalaha edges --relation all " + " ".join(args), nodes, groups, edges, arcs)
    K = nx.karate_club_graph()
    names = {v: f"k{v:02}" for v in K}
    edges = [(names[u], names[v], d["weight"]) for u, v, d in K.edges(data=True)]
    arcs = edges + [(v, u, w) for u, v, w in edges]
    groups = {names[v]: K.nodes[v]["club"] for v in K}
    write("karate", "Zachary's karate club (nx.karate_club_graph(), weights = interactions)",
          sorted(groups), groups, edges, arcs)
    # (seed, nodes, p, weights, share of symmetric ties, components)
    for seed, n, p, weights, symmetric, parts in [
            (1, 12, 0.25, [1, 2, 3, 4], 0.5, 1), (2, 30, 0.08, [1, 2, 3, 4], 0.5, 1),
            (3, 40, 0.15, [1, 2, 3, 4], 0.5, 1), (4, 25, 0.05, [1, 2, 3, 4], 0.5, 1),
            # weighted: inverse lengths 1, 1/2, 1/3, 1/6 make floating-point ties
            (5, 60, 0.07, [1, 2, 3, 6], 0.5, 1),
            # directed: mostly one-way arcs
            (6, 50, 0.08, [1, 2, 3, 6], 0.1, 1),
            # disconnected: three separate G(n, p) parts
            (7, 66, 0.15, [1, 2, 3, 4, 6], 0.4, 3)]:
        rng = random.Random(seed)
        names = [f"v{i:02}" for i in range(n)]
        size = n // parts
        edges, arcs = [], []
        for i in range(n):
            for j in range(i + 1, n):
                if i // size != j // size:
                    continue
                if rng.random() < p:
                    # randint keeps the first four graphs as they were before choice()
                    w = rng.randint(1, 4) if weights == [1, 2, 3, 4] else rng.choice(weights)
                    edges.append((names[i], names[j], w))
                    kind = rng.random()
                    if kind < symmetric:  # a symmetric tie
                        arcs += [(names[i], names[j], w), (names[j], names[i], w)]
                    elif kind < symmetric + (1 - symmetric) / 2:
                        arcs.append((names[i], names[j], w))
                    else:
                        arcs.append((names[j], names[i], w))
        # Keep isolated nodes out: musalaha's graph has only actors with ties.
        used = sorted({u for u, _, _ in edges} | {v for _, v, _ in edges})
        groups = {v: rng.choice(["regime", "opposition", "third-party"]) for v in used}
        write(f"random-{seed}", f"seeded G(n={n}, p={p}) in {parts} part(s), weights {weights}, "
              f"{symmetric:.0%} symmetric ties, seed {seed}, random groups",
              used, groups, edges, arcs)


if __name__ == "__main__":
    sys.exit(main())
