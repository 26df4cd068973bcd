#!/usr/bin/env python3
"""Read musalaha's interchange files back with the real readers and report what they saw.

Used by tests/it/interchange.rs (which runs it with the Python of the virtual environment
that .ci/run makes: pip install -r scripts/requirements-interchange.txt). Reads a JSON plan
on stdin:

  {"files": [{"path": "net.graphml", "format": "graphml", "node": "jaish-al-islam",
              "edge": ["hmeimim-centre", "jaish-al-islam"]}, ...]}

format is graphml (NetworkX read_graphml and igraph Graph.Read_GraphML), gexf (NetworkX
read_gexf), json (NetworkX node_link_graph, key "edges"), json-links (the same with
edges="links") or cyjs (NetworkX cytoscape_graph). Writes a JSON report on stdout: per
file and reader the node and edge counts, whether the graph is directed or a multigraph,
the Python types of every node and edge attribute, and the attributes of the node and
the edge asked for (values as the reader gives them; lists as lists, None as null).
"""
import json
import math
import sys

import igraph
import networkx as nx


def type_name(v):
    return type(v).__name__


def clean(v):
    """A value as JSON can carry it (NaN as null, tuples as lists)."""
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, dict):
        return {str(k): clean(x) for k, x in v.items()}
    return v


def types(items):
    out = {}
    for data in items:
        for k, v in data.items():
            out.setdefault(k, set()).add(type_name(v))
    return {k: sorted(v) for k, v in sorted(out.items())}


def networkx_report(g, node, edge):
    r = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "node_types": types(d for _, d in g.nodes(data=True)),
        "edge_types": types(d for _, _, d in g.edges(data=True)),
        "graph": clean(dict(g.graph)),
    }
    if node is not None and node in g:
        r["node"] = clean(dict(g.nodes[node]))
    if edge is not None and g.has_edge(*edge):
        data = g.get_edge_data(*edge)
        if g.is_multigraph():
            data = next(iter(data.values()))
        r["edge"] = clean(dict(data))
    return r


def igraph_report(g, node, edge):
    r = {
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "directed": g.is_directed(),
        "node_types": {
            a: sorted({type_name(v) for v in g.vs[a]}) for a in sorted(g.vs.attributes())
        },
        "edge_types": {
            a: sorted({type_name(v) for v in g.es[a]}) for a in sorted(g.es.attributes())
        },
    }
    ids = g.vs["id"] if "id" in g.vs.attributes() else []
    if node in ids:
        r["node"] = clean(g.vs[ids.index(node)].attributes())
    if edge is not None and edge[0] in ids and edge[1] in ids:
        eid = g.get_eid(ids.index(edge[0]), ids.index(edge[1]), error=False)
        if eid >= 0:
            r["edge"] = clean(g.es[eid].attributes())
    return r


def main():
    plan = json.load(sys.stdin)
    out = {"versions": {"networkx": nx.__version__, "igraph": igraph.__version__}, "files": []}
    for f in plan["files"]:
        path, fmt = f["path"], f["format"]
        node = f.get("node")
        edge = tuple(f["edge"]) if f.get("edge") else None
        rep = {"path": path, "format": fmt}
        if fmt == "graphml":
            rep["networkx"] = networkx_report(nx.read_graphml(path), node, edge)
            rep["igraph"] = igraph_report(igraph.Graph.Read_GraphML(path), node, edge)
        elif fmt == "gexf":
            rep["networkx"] = networkx_report(nx.read_gexf(path), node, edge)
        elif fmt in ("json", "json-links"):
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            key = "links" if fmt == "json-links" else "edges"
            rep["networkx"] = networkx_report(nx.node_link_graph(data, edges=key), node, edge)
        elif fmt == "cyjs":
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            rep["networkx"] = networkx_report(nx.cytoscape_graph(data), node, edge)
        else:
            raise SystemExit(f"unknown format {fmt}")
        out["files"].append(rep)
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
