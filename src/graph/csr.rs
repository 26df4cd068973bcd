//! The compact graph core that every measure runs on.
//!
//! A [`CsrGraph`] is a graph of `n` nodes numbered `0..n` (u32) in
//! compressed sparse rows: for each node the sorted list of its
//! out-neighbours, and beside it, in its own array, the weight of each of
//! those arcs. The rows are carried by petgraph's [`Csr`] type (built with
//! `Csr::from_sorted_edges`, which also checks that every row is sorted and
//! free of duplicates). Nothing else lives in it: node labels stay in the
//! [`SimpleGraph`]'s `nodes`, and the provenance of each arc (the agreements
//! behind the tie) is reached through [`CsrGraph::edge_of`], the index of the
//! input edge each arc came from, into `SimpleGraph::edges` or `arcs`.
//!
//! A directed `CsrGraph` also holds the reverse rows (in-neighbours), which
//! closeness (distances *to* a node), eigenvector and PageRank (in-arcs feed
//! a node) read. An undirected one stores each edge in both rows and its
//! in-rows are its out-rows.
//!
//! [`Compact`] is the per-slice cache: the undirected and the directed
//! `CsrGraph` of one [`SimpleGraph`], each built at most once (on first use)
//! and shared by every measure computed on that slice.

use crate::graph::SimpleGraph;
use petgraph::csr::Csr;
use std::sync::OnceLock;

/// Rows of a compact graph: petgraph's compressed sparse rows with u32 node
/// indices and an f64 weight per arc.
pub type Rows = Csr<(), f64, petgraph::Directed, u32>;

/// A graph in compressed sparse rows, ready for the kernels of
/// [`crate::analysis`].
#[derive(Debug, Clone)]
pub struct CsrGraph {
    directed: bool,
    out: Rows,
    /// Reverse rows; `None` for an undirected graph (they equal `out`).
    inc: Option<Rows>,
    /// For each slot of `out`, in row order: the index of the input edge it
    /// came from.
    edge_of: Vec<u32>,
    /// Lengths 1/w of the slots of `out` (and of `inc`), computed on first use.
    out_len: OnceLock<Vec<f64>>,
    inc_len: OnceLock<Vec<f64>>,
}

/// Sorts `(from, to, weight, input index)` arcs into rows with a counting
/// sort by source (stable, so input order is kept within a row) followed by
/// a sort of each row by target; drops repeated arcs (keeping the first).
/// Memory: the (from, to, weight) triples petgraph builds from (16 bytes per
/// arc) and the input index (4 bytes), then petgraph's rows (12 bytes).
fn rows(n: usize, arcs: impl Iterator<Item = (u32, u32, f64, u32)> + Clone) -> (Rows, Vec<u32>) {
    let mut count = vec![0usize; n + 1];
    for (a, _, _, _) in arcs.clone() {
        count[a as usize + 1] += 1;
    }
    for i in 0..n {
        count[i + 1] += count[i];
    }
    let total = count[n];
    let mut triples: Vec<(u32, u32, f64)> = vec![(0, 0, 0.0); total];
    let mut edge_of: Vec<u32> = vec![0; total];
    {
        let mut next = count.clone();
        for (a, b, w, i) in arcs {
            let at = &mut next[a as usize];
            triples[*at] = (a, b, w);
            edge_of[*at] = i;
            *at += 1;
        }
    }
    let mut row: Vec<(u32, f64, u32)> = Vec::new();
    for v in 0..n {
        let (lo, hi) = (count[v], count[v + 1]);
        if triples[lo..hi].windows(2).all(|w| w[0].1 < w[1].1) {
            continue;
        }
        row.clear();
        row.extend((lo..hi).map(|k| (triples[k].1, triples[k].2, edge_of[k])));
        row.sort_by_key(|x| x.0);
        for (k, &(b, w, i)) in (lo..hi).zip(&row) {
            triples[k] = (v as u32, b, w);
            edge_of[k] = i;
        }
    }
    drop(count);
    // Drop repeated arcs in place, keeping the first.
    let mut keep = 0;
    for k in 0..total {
        if keep > 0 && triples[keep - 1].0 == triples[k].0 && triples[keep - 1].1 == triples[k].1 {
            continue;
        }
        triples[keep] = triples[k];
        edge_of[keep] = edge_of[k];
        keep += 1;
    }
    triples.truncate(keep);
    edge_of.truncate(keep);
    edge_of.shrink_to_fit();
    // Sorted and unique by construction; from_sorted_edges checks it again.
    let mut csr = Rows::from_sorted_edges(&triples).unwrap_or_else(|_| Rows::with_nodes(0));
    drop(triples);
    while csr.node_count() < n {
        csr.add_node(());
    }
    (csr, edge_of)
}

impl CsrGraph {
    /// An undirected graph of `n` nodes: each `(a, b, w)` joins a and b with
    /// weight w (stored in both rows). A repeated pair keeps its first weight.
    ///
    /// O(n + m) time and memory.
    ///
    /// ```
    /// use musalaha::graph::csr::CsrGraph;
    /// let g = CsrGraph::undirected(3, &[(0, 1, 2.0), (1, 2, 1.0)]);
    /// assert_eq!(g.out(1), &[0, 2]);
    /// assert_eq!(g.out_weights(1), &[2.0, 1.0]);
    /// assert_eq!(g.arc_count(), 4);
    /// ```
    pub fn undirected(n: usize, edges: &[(u32, u32, f64)]) -> CsrGraph {
        let arcs = edges.iter().enumerate().flat_map(|(i, &(a, b, w))| {
            let both = a != b;
            [(a, b, w, i as u32)]
                .into_iter()
                .chain(both.then_some((b, a, w, i as u32)))
        });
        let (out, edge_of) = rows(n, arcs);
        CsrGraph {
            directed: false,
            out,
            inc: None,
            edge_of,
            out_len: OnceLock::new(),
            inc_len: OnceLock::new(),
        }
    }

    /// A directed graph of `n` nodes with arcs `(from, to, w)`. A repeated
    /// arc keeps its first weight.
    ///
    /// O(n + m) time and memory.
    ///
    /// ```
    /// use musalaha::graph::csr::CsrGraph;
    /// let g = CsrGraph::directed(3, &[(0, 2, 1.0), (1, 2, 3.0)]);
    /// assert_eq!(g.out(0), &[2]);
    /// assert_eq!(g.inc(2), &[0, 1]);
    /// assert_eq!(g.inc_weights(2), &[1.0, 3.0]);
    /// ```
    pub fn directed(n: usize, arcs: &[(u32, u32, f64)]) -> CsrGraph {
        let fwd = arcs
            .iter()
            .enumerate()
            .map(|(i, &(a, b, w))| (a, b, w, i as u32));
        let (out, edge_of) = rows(n, fwd);
        let back = arcs
            .iter()
            .enumerate()
            .map(|(i, &(a, b, w))| (b, a, w, i as u32));
        let (inc, _) = rows(n, back);
        CsrGraph {
            directed: true,
            out,
            inc: Some(inc),
            edge_of,
            out_len: OnceLock::new(),
            inc_len: OnceLock::new(),
        }
    }

    /// A directed graph of the arcs without reverse rows: the out-rows are
    /// all that forward searches read (its [`CsrGraph::inc`] is then the
    /// out-rows too, so use it only where in-rows are not needed).
    pub(crate) fn directed_out_only(n: usize, arcs: &[(u32, u32, f64)]) -> CsrGraph {
        let fwd = arcs
            .iter()
            .enumerate()
            .map(|(i, &(a, b, w))| (a, b, w, i as u32));
        let (out, edge_of) = rows(n, fwd);
        CsrGraph {
            directed: true,
            out,
            inc: None,
            edge_of,
            out_len: OnceLock::new(),
            inc_len: OnceLock::new(),
        }
    }

    /// The undirected graph of a [`SimpleGraph`]'s edges.
    pub fn from_simple_edges(g: &SimpleGraph) -> CsrGraph {
        let edges: Vec<(u32, u32, f64)> = g
            .edges
            .iter()
            .map(|e| (e.a as u32, e.b as u32, e.weight))
            .collect();
        CsrGraph::undirected(g.nodes.len(), &edges)
    }

    /// The directed graph of a [`SimpleGraph`]'s arcs.
    pub fn from_simple_arcs(g: &SimpleGraph) -> CsrGraph {
        let arcs: Vec<(u32, u32, f64)> = g
            .arcs
            .iter()
            .map(|a| (a.from as u32, a.to as u32, a.weight))
            .collect();
        CsrGraph::directed(g.nodes.len(), &arcs)
    }

    /// Number of nodes.
    #[inline]
    pub fn node_count(&self) -> usize {
        self.out.node_count()
    }

    /// Number of stored arcs (an undirected edge counts twice, a self-loop once).
    #[inline]
    pub fn arc_count(&self) -> usize {
        self.edge_of.len()
    }

    /// Whether arcs have a direction.
    #[inline]
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// Out-neighbours of `v` (all neighbours when undirected), ascending.
    #[inline]
    pub fn out(&self, v: u32) -> &[u32] {
        self.out.neighbors_slice(v)
    }

    /// Weights of the arcs of [`CsrGraph::out`], in the same order.
    #[inline]
    pub fn out_weights(&self, v: u32) -> &[f64] {
        self.out.edges_slice(v)
    }

    /// In-neighbours of `v` (all neighbours when undirected), ascending.
    #[inline]
    pub fn inc(&self, v: u32) -> &[u32] {
        self.inc.as_ref().unwrap_or(&self.out).neighbors_slice(v)
    }

    /// Weights of the arcs of [`CsrGraph::inc`], in the same order.
    #[inline]
    pub fn inc_weights(&self, v: u32) -> &[f64] {
        self.inc.as_ref().unwrap_or(&self.out).edges_slice(v)
    }

    /// Which input edge (or arc) each out-slot of `v` came from: an index
    /// into `SimpleGraph::edges` (undirected) or `SimpleGraph::arcs`
    /// (directed), where the agreements behind the tie are.
    pub fn edge_of(&self, v: u32) -> &[u32] {
        let s = slot(&self.out, base(&self.out), v);
        &self.edge_of[s..s + self.out(v).len()]
    }

    /// Lengths 1/w of the out-arcs of every node, row after row (computed
    /// once).
    fn out_lengths(&self) -> &[f64] {
        self.out_len
            .get_or_init(|| lengths(&self.out, self.node_count()))
    }

    fn inc_lengths(&self) -> &[f64] {
        match &self.inc {
            None => self.out_lengths(),
            Some(inc) => self.inc_len.get_or_init(|| lengths(inc, self.node_count())),
        }
    }

    /// A view of the out-rows with lengths 1/w, for weighted shortest paths.
    pub fn out_length_rows(&self) -> LengthRows<'_> {
        LengthRows::new(&self.out, self.out_lengths())
    }

    /// A view of the in-rows with lengths 1/w.
    pub fn inc_length_rows(&self) -> LengthRows<'_> {
        LengthRows::new(self.inc.as_ref().unwrap_or(&self.out), self.inc_lengths())
    }

    /// Plain rows (targets and weights) out of each node.
    pub fn out_rows(&self) -> &Rows {
        &self.out
    }

    /// Plain rows into each node.
    pub fn inc_rows(&self) -> &Rows {
        self.inc.as_ref().unwrap_or(&self.out)
    }
}

fn lengths(rows: &Rows, n: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(rows.edge_count());
    for v in 0..n as u32 {
        out.extend(rows.edges_slice(v).iter().map(|w| 1.0 / w));
    }
    out
}

/// The address of the first row's slice: every row is a subslice of one
/// column array, so a row's position in it (its first slot) is its distance
/// from this address. petgraph keeps its row offsets private.
fn base(rows: &Rows) -> usize {
    if rows.node_count() == 0 {
        0
    } else {
        rows.neighbors_slice(0).as_ptr() as usize
    }
}

/// The first slot of `v`'s row.
#[inline]
fn slot(rows: &Rows, base: usize, v: u32) -> usize {
    (rows.neighbors_slice(v).as_ptr() as usize - base) / std::mem::size_of::<u32>()
}

/// Rows with a length per arc, kept in one flat array beside the rows.
#[derive(Debug, Clone, Copy)]
pub struct LengthRows<'a> {
    rows: &'a Rows,
    lengths: &'a [f64],
    base: usize,
}

impl<'a> LengthRows<'a> {
    fn new(rows: &'a Rows, lengths: &'a [f64]) -> Self {
        LengthRows {
            rows,
            lengths,
            base: base(rows),
        }
    }

    /// Neighbours of `v` and the length of the arc to each.
    #[inline]
    pub fn row(&self, v: u32) -> (&'a [u32], &'a [f64]) {
        let t = self.rows.neighbors_slice(v);
        let start = (t.as_ptr() as usize - self.base) / std::mem::size_of::<u32>();
        (t, &self.lengths[start..start + t.len()])
    }
}

/// The compact graphs of one slice's [`SimpleGraph`] (or of a network read
/// from a file), each built at most once, on first use, and shared by every
/// measure asked of the slice.
#[derive(Debug)]
pub struct Compact<'g> {
    graph: Option<&'g SimpleGraph>,
    n: usize,
    undirected: OnceLock<CsrGraph>,
    directed: OnceLock<CsrGraph>,
}

impl<'g> Compact<'g> {
    /// Nothing is built until a measure asks.
    pub fn new(graph: &'g SimpleGraph) -> Self {
        Compact {
            graph: Some(graph),
            n: graph.nodes.len(),
            undirected: OnceLock::new(),
            directed: OnceLock::new(),
        }
    }

    /// Compact graphs built elsewhere (e.g. from an edge list), with no
    /// simple graph behind them. Without `directed`, the directed view is
    /// the undirected graph (each edge an arc both ways).
    pub fn from_csr(undirected: CsrGraph, directed: Option<CsrGraph>) -> Compact<'static> {
        let n = undirected.node_count();
        let (u, d) = (OnceLock::new(), OnceLock::new());
        let _ = u.set(undirected);
        if let Some(g) = directed {
            let _ = d.set(g);
        }
        Compact {
            graph: None,
            n,
            undirected: u,
            directed: d,
        }
    }

    /// The simple graph (labels, groups, provenance), when there is one.
    pub fn graph(&self) -> Option<&'g SimpleGraph> {
        self.graph
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// The undirected compact graph of the edges.
    pub fn undirected(&self) -> &CsrGraph {
        self.undirected.get_or_init(|| match self.graph {
            Some(g) => CsrGraph::from_simple_edges(g),
            None => CsrGraph::undirected(self.n, &[]),
        })
    }

    /// The directed compact graph of the arcs.
    pub fn directed(&self) -> &CsrGraph {
        match (self.directed.get(), self.graph) {
            (Some(d), _) => d,
            (None, Some(g)) => self.directed.get_or_init(|| CsrGraph::from_simple_arcs(g)),
            (None, None) => self.undirected(),
        }
    }

    /// The directed graph when `directed`, else the undirected one.
    pub fn get(&self, directed: bool) -> &CsrGraph {
        if directed {
            self.directed()
        } else {
            self.undirected()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_sorted_deduplicated_and_traceable() {
        // Edges given out of order, one repeated, one self-loop.
        let g = CsrGraph::undirected(4, &[(2, 0, 1.0), (0, 1, 2.0), (1, 0, 9.0), (3, 3, 1.0)]);
        assert_eq!(g.node_count(), 4);
        assert_eq!(g.out(0), &[1, 2]);
        assert_eq!(g.out_weights(0), &[2.0, 1.0]);
        assert_eq!(g.edge_of(0), &[1, 0]);
        assert_eq!(g.out(1), &[0]);
        assert_eq!(g.out_weights(1), &[2.0], "the first of repeated pairs wins");
        assert_eq!(g.out(3), &[3]);
        assert_eq!(g.arc_count(), 5);
        let (t, l) = g.out_length_rows().row(0);
        assert_eq!(t, &[1, 2]);
        assert_eq!(l, &[0.5, 1.0]);
    }

    #[test]
    fn directed_rows_both_ways_and_isolated_tail() {
        let g = CsrGraph::directed(5, &[(0, 1, 1.0), (2, 1, 4.0), (1, 0, 2.0)]);
        assert_eq!(g.node_count(), 5);
        assert_eq!(g.out(1), &[0]);
        assert_eq!(g.inc(1), &[0, 2]);
        assert_eq!(g.inc_weights(1), &[1.0, 4.0]);
        let (t, l) = g.inc_length_rows().row(1);
        assert_eq!((t, l), (&[0u32, 2][..], &[1.0, 0.25][..]));
        assert!(g.out(4).is_empty() && g.inc(4).is_empty());
        assert_eq!(g.edge_of(2), &[1]);
    }

    #[test]
    fn compact_builds_each_view_once() {
        let s = SimpleGraph::from_arcs(
            ["a", "b", "c"].map(String::from).to_vec(),
            &[(0, 1, 1.0), (1, 2, 2.0)],
        );
        let c = Compact::new(&s);
        assert!(std::ptr::eq(c.undirected(), c.undirected()));
        assert_eq!(c.directed().out(1), &[2]);
        assert_eq!(c.undirected().out(1), &[0, 2]);
        assert!(CsrGraph::undirected(0, &[]).out_rows().node_count() == 0);
    }
}
