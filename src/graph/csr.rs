//! The compact graph core that every measure runs on.
//!
//! A [`CsrGraph`] is a graph of `n` nodes numbered `0..n` (u32) in
//! compressed sparse rows: for each node the sorted list of its
//! out-neighbours, and beside it, in its own array, the weight of each of
//! those arcs ([`Rows`]: one offset per node, one target and one weight per
//! arc, built in place by a counting sort with no intermediate copy of the
//! arcs; every row sorted and free of repeats). Nothing else lives in it: node labels stay in the
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
use std::sync::OnceLock;

/// Compressed sparse rows with u32 node numbers and an f64 weight per arc:
/// row `v` is `targets[offsets[v]..offsets[v + 1]]`, ascending and without
/// repeats, and `weights` holds the weight of each slot beside it.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
}

impl Rows {
    /// Number of rows (nodes).
    #[inline]
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of slots (arcs).
    #[inline]
    pub fn edge_count(&self) -> usize {
        self.targets.len()
    }

    /// The first slot of `v`'s row.
    #[inline]
    pub fn start(&self, v: u32) -> usize {
        self.offsets[v as usize]
    }

    /// The targets of `v`'s row, ascending.
    #[inline]
    pub fn neighbors_slice(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The weights of `v`'s row, beside its targets.
    #[inline]
    pub fn edges_slice(&self, v: u32) -> &[f64] {
        let v = v as usize;
        &self.weights[self.offsets[v]..self.offsets[v + 1]]
    }
}

/// A graph in compressed sparse rows, ready for the kernels of
/// [`crate::analysis`].
#[derive(Debug, Clone, Default)]
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
/// sort by source (stable, so input order is kept within a row) written
/// straight into the final arrays, then sorts the rows that are not yet
/// sorted by target, and drops repeated arcs (keeping the first) in place.
/// Input already sorted by (from, to), or the two directions of edges sorted
/// by (a, b) with a < b, needs no sorting at all. Memory: the rows
/// themselves (16 bytes per arc with the input index) and one offset per
/// node; no intermediate copy of the arcs.
fn rows(n: usize, arcs: impl Iterator<Item = (u32, u32, f64, u32)> + Clone) -> (Rows, Vec<u32>) {
    let mut offsets = vec![0usize; n + 1];
    for (a, _, _, _) in arcs.clone() {
        offsets[a as usize + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let total = offsets[n];
    let mut targets: Vec<u32> = vec![0; total];
    let mut weights: Vec<f64> = vec![0.0; total];
    let mut edge_of: Vec<u32> = vec![0; total];
    {
        // `next[v]` is where the next arc of row v goes; it starts at the
        // row's offset (kept in `offsets[v]`, restored below).
        for (a, b, w, i) in arcs {
            let at = &mut offsets[a as usize];
            targets[*at] = b;
            weights[*at] = w;
            edge_of[*at] = i;
            *at += 1;
        }
        // Every offsets[v] now holds the end of row v = start of row v + 1.
        for v in (1..=n).rev() {
            offsets[v] = offsets[v - 1];
        }
        offsets[0] = 0;
    }
    let mut row: Vec<(u32, f64, u32)> = Vec::new();
    for v in 0..n {
        let (lo, hi) = (offsets[v], offsets[v + 1]);
        if targets[lo..hi].windows(2).all(|w| w[0] < w[1]) {
            continue;
        }
        row.clear();
        row.extend((lo..hi).map(|k| (targets[k], weights[k], edge_of[k])));
        row.sort_by_key(|x| x.0);
        for (k, &(b, w, i)) in (lo..hi).zip(&row) {
            targets[k] = b;
            weights[k] = w;
            edge_of[k] = i;
        }
    }
    drop(row);
    // Drop repeated arcs in place, keeping the first, and close up the rows.
    let mut keep = 0;
    for v in 0..n {
        let (lo, hi) = (offsets[v], offsets[v + 1]);
        offsets[v] = keep;
        for k in lo..hi {
            if keep > offsets[v] && targets[keep - 1] == targets[k] {
                continue;
            }
            targets[keep] = targets[k];
            weights[keep] = weights[k];
            edge_of[keep] = edge_of[k];
            keep += 1;
        }
    }
    offsets[n] = keep;
    if keep < total {
        targets.truncate(keep);
        weights.truncate(keep);
        edge_of.truncate(keep);
        targets.shrink_to_fit();
        weights.shrink_to_fit();
        edge_of.shrink_to_fit();
    }
    (
        Rows {
            offsets,
            targets,
            weights,
        },
        edge_of,
    )
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

    /// An undirected graph of `n` nodes from edges `(a, b, w)` sorted by
    /// `(a, b)`, with `a < b` and no pair twice (as [`crate::network`] reads
    /// them), consumed: each row comes out sorted from one pass, so no
    /// sorting and no copy of the edges is needed, and the edges are freed
    /// before the lengths are computed. [`CsrGraph::edge_of`] is empty for
    /// such a graph (its edges are its slots `b > a` in row order).
    /// Unsorted input falls back to [`CsrGraph::undirected`].
    ///
    /// ```
    /// use musalaha::graph::csr::CsrGraph;
    /// let g = CsrGraph::from_sorted_edges(3, vec![(0, 1, 2.0), (0, 2, 1.0), (1, 2, 3.0)]);
    /// assert_eq!(g.out(2), &[0, 1]);
    /// assert_eq!(g.out_weights(2), &[1.0, 3.0]);
    /// ```
    pub fn from_sorted_edges(n: usize, edges: Vec<(u32, u32, f64)>) -> CsrGraph {
        let sorted = edges
            .windows(2)
            .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1))
            && edges.iter().all(|e| e.0 < e.1 && (e.1 as usize) < n);
        if !sorted {
            return CsrGraph::undirected(n, &edges);
        }
        let mut offsets = vec![0usize; n + 1];
        for &(a, b, _) in &edges {
            offsets[a as usize + 1] += 1;
            offsets[b as usize + 1] += 1;
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let total = offsets[n];
        let mut targets: Vec<u32> = vec![0; total];
        let mut weights: Vec<f64> = vec![0.0; total];
        // Row v gets its smaller neighbours (edges (a, v), met in order of
        // a) before its larger ones (edges (v, b), met later, in order of b).
        for &(a, b, w) in &edges {
            let at = offsets[a as usize];
            targets[at] = b;
            weights[at] = w;
            offsets[a as usize] += 1;
            let at = offsets[b as usize];
            targets[at] = a;
            weights[at] = w;
            offsets[b as usize] += 1;
        }
        drop(edges);
        for v in (1..=n).rev() {
            offsets[v] = offsets[v - 1];
        }
        offsets[0] = 0;
        CsrGraph {
            directed: false,
            out: Rows {
                offsets,
                targets,
                weights,
            },
            inc: None,
            edge_of: Vec::new(),
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
        self.out.edge_count()
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
        let s = self.out.start(v);
        self.edge_of
            .get(s..s + self.out(v).len())
            .unwrap_or_default()
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

/// Rows with a length per arc, kept in one flat array beside the rows.
#[derive(Debug, Clone, Copy)]
pub struct LengthRows<'a> {
    rows: &'a Rows,
    lengths: &'a [f64],
}

impl<'a> LengthRows<'a> {
    fn new(rows: &'a Rows, lengths: &'a [f64]) -> Self {
        LengthRows { rows, lengths }
    }

    /// Neighbours of `v` and the length of the arc to each.
    #[inline]
    pub fn row(&self, v: u32) -> (&'a [u32], &'a [f64]) {
        let t = self.rows.neighbors_slice(v);
        let start = self.rows.start(v);
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
