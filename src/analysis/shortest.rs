//! Single-source shortest paths on a [`CsrGraph`], with buffers reused from
//! one source to the next, and the deterministic parallel driver every
//! all-sources kernel uses.
//!
//! - [`Workspace::bfs`]: hop distances, and with `count` the number σ of
//!   shortest paths to each node (Brandes 2001, "A faster algorithm for
//!   betweenness centrality", J. Math. Sociol. 25(2)).
//! - [`Workspace::dijkstra`]: distances with arc lengths 1/w, and σ, where
//!   two path lengths count as equal when they agree to a relative
//!   [`TIE_TOLERANCE`] (exact arithmetic would find them equal; floating
//!   point may differ in the last bits: 1/2 + 1/3 + 1/6 against 1).
//! - [`Workspace::dependencies`]: Brandes' backward pass, adding each node's
//!   dependency δ_s(v) to a score vector.
//!
//! Only the nodes a search reached are reset afterwards, so a search costs
//! O(reached nodes + their arcs), not O(n).
//!
//! [`par_chunks`] splits a range of work into chunks whose bounds depend on
//! the range's length only, runs them (in parallel when large), and returns
//! their results in chunk order: sums reduced over them in that order give
//! the same bits whatever the number of threads.

use crate::graph::csr::{LengthRows, Rows};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

/// Relative tolerance within which two weighted path lengths are the same
/// length (the value igraph uses).
pub const TIE_TOLERANCE: f64 = 1e-10;

/// Whether two path lengths are equal up to [`TIE_TOLERANCE`].
///
/// ```
/// use musalaha::analysis::shortest::same_length;
/// let path = 1.0 / 2.0 + 1.0 / 3.0 + 1.0 / 6.0;
/// assert_ne!(path, 1.0); // floating point: 0.9999999999999999…
/// assert!(same_length(path, 1.0)); // …but the lengths are equal
/// assert!(!same_length(1.0, 1.000001));
/// ```
#[inline]
pub fn same_length(a: f64, b: f64) -> bool {
    (a - b).abs() <= TIE_TOLERANCE * a.abs().max(b.abs())
}

/// A hop distance not reached.
pub const UNSEEN: u32 = u32::MAX;

#[derive(Debug, PartialEq)]
struct HeapEntry(f64, u32);

impl Eq for HeapEntry {}
impl PartialOrd for HeapEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapEntry {
    /// Smallest distance first, then smallest node.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

/// Buffers of one single-source search, sized for a graph of `n` nodes.
#[derive(Debug)]
pub struct Workspace {
    /// Hop distance of each node from the source ([`UNSEEN`] if not reached).
    pub dist: Vec<u32>,
    /// Weighted distance (infinite if not reached).
    pub wdist: Vec<f64>,
    /// Number of shortest paths from the source.
    pub sigma: Vec<f64>,
    /// Scratch of the backward pass.
    pub delta: Vec<f64>,
    /// Nodes reached, in the order they were settled (nondecreasing distance).
    pub order: Vec<u32>,
    done: Vec<bool>,
    touched: Vec<u32>,
    heap: BinaryHeap<HeapEntry>,
}

impl Workspace {
    /// Buffers for a graph of `n` nodes.
    pub fn new(n: usize) -> Self {
        Workspace {
            dist: vec![UNSEEN; n],
            wdist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            order: Vec::with_capacity(n),
            done: vec![false; n],
            touched: Vec::new(),
            heap: BinaryHeap::new(),
        }
    }

    /// Whether the last [`Workspace::dijkstra`] settled `v`.
    #[inline]
    pub fn settled(&self, v: u32) -> bool {
        self.done[v as usize]
    }

    fn reset_hops(&mut self) {
        for &v in &self.order {
            self.dist[v as usize] = UNSEEN;
            self.sigma[v as usize] = 0.0;
        }
        self.order.clear();
    }

    fn reset_weighted(&mut self) {
        for &v in &self.touched {
            self.wdist[v as usize] = f64::INFINITY;
            self.done[v as usize] = false;
            self.sigma[v as usize] = 0.0;
        }
        self.touched.clear();
        self.order.clear();
        self.heap.clear();
    }

    /// Breadth-first search from `s` along `rows`. Fills `dist` and `order`
    /// (all nodes reached, by distance), and with `count` also `sigma`. With
    /// `stop`, stops once that node is settled (its σ is then final; nodes
    /// after it in `order` may be partial).
    ///
    /// O(reached nodes + their arcs).
    pub fn bfs(&mut self, rows: &Rows, s: u32, count: bool, stop: Option<u32>) {
        self.reset_hops();
        self.dist[s as usize] = 0;
        self.sigma[s as usize] = 1.0;
        self.order.push(s);
        let mut head = 0;
        while head < self.order.len() {
            let v = self.order[head];
            head += 1;
            if stop == Some(v) {
                break;
            }
            let next = self.dist[v as usize] + 1;
            let sv = self.sigma[v as usize];
            for &w in rows.neighbors_slice(v) {
                let dw = &mut self.dist[w as usize];
                if *dw == UNSEEN {
                    *dw = next;
                    self.order.push(w);
                }
                if count && *dw == next {
                    self.sigma[w as usize] += sv;
                }
            }
        }
    }

    /// Dijkstra from `s` along `out` (arc lengths 1/w). Fills `wdist`,
    /// `order` (settled nodes, by distance) and with `count` also `sigma`:
    /// σ(v) sums σ(u) over the arcs u → v of `inc` (the same arcs, by
    /// target) with d(u) + len(u, v) the same length as d(v). With `stop`,
    /// stops once that node is settled.
    ///
    /// O((reached nodes + their arcs) · log n).
    pub fn dijkstra(
        &mut self,
        out: LengthRows<'_>,
        inc: LengthRows<'_>,
        s: u32,
        count: bool,
        stop: Option<u32>,
    ) {
        self.reset_weighted();
        self.wdist[s as usize] = 0.0;
        self.touched.push(s);
        self.heap.push(HeapEntry(0.0, s));
        while let Some(HeapEntry(d, v)) = self.heap.pop() {
            let vi = v as usize;
            if self.done[vi] {
                continue;
            }
            self.done[vi] = true;
            self.order.push(v);
            if count {
                if v == s {
                    self.sigma[vi] = 1.0;
                } else {
                    let (us, ls) = inc.row(v);
                    let mut sg = 0.0;
                    for (&u, &l) in us.iter().zip(ls) {
                        let ui = u as usize;
                        if self.done[ui] && u != v && same_length(self.wdist[ui] + l, d) {
                            sg += self.sigma[ui];
                        }
                    }
                    self.sigma[vi] = sg;
                }
            }
            if stop == Some(v) {
                break;
            }
            let (ws, ls) = out.row(v);
            for (&w, &l) in ws.iter().zip(ls) {
                let wi = w as usize;
                if self.done[wi] {
                    continue;
                }
                let nd = d + l;
                if nd < self.wdist[wi] {
                    if self.wdist[wi] == f64::INFINITY {
                        self.touched.push(w);
                    }
                    self.wdist[wi] = nd;
                    self.heap.push(HeapEntry(nd, w));
                }
            }
        }
    }

    /// Brandes' backward pass after [`Workspace::bfs`] with `count`: adds
    /// δ_s(v) = Σ_{w: v on a shortest s–w path} σ(v)/σ(w) · (1 + δ_s(w)) to
    /// `scores[v]` for every reached v ≠ s. O(reached nodes + their arcs).
    pub fn dependencies_hops(&mut self, rows: &Rows, s: u32, scores: &mut [f64]) {
        // delta[w] holds (1 + δ(w)) / σ(w) once w is done; successors of v are
        // done before v in reverse order.
        for i in (0..self.order.len()).rev() {
            let v = self.order[i];
            let next = self.dist[v as usize] + 1;
            let mut sum = 0.0;
            for &w in rows.neighbors_slice(v) {
                if self.dist[w as usize] == next {
                    sum += self.delta[w as usize];
                }
            }
            let sv = self.sigma[v as usize];
            let dep = sv * sum;
            if v != s {
                scores[v as usize] += dep;
            }
            self.delta[v as usize] = (1.0 + dep) / sv;
        }
    }

    /// Brandes' backward pass after [`Workspace::dijkstra`] with `count`,
    /// with the same tie test as the forward pass.
    pub fn dependencies_weighted(&mut self, out: LengthRows<'_>, s: u32, scores: &mut [f64]) {
        for i in (0..self.order.len()).rev() {
            let v = self.order[i];
            let dv = self.wdist[v as usize];
            let mut sum = 0.0;
            let (ws, ls) = out.row(v);
            for (&w, &l) in ws.iter().zip(ls) {
                let wi = w as usize;
                if self.done[wi] && w != v && same_length(dv + l, self.wdist[wi]) {
                    sum += self.delta[wi];
                }
            }
            let sv = self.sigma[v as usize];
            let dep = sv * sum;
            if v != s {
                scores[v as usize] += dep;
            }
            self.delta[v as usize] = (1.0 + dep) / sv;
        }
    }
}

/// Below this much work (roughly nodes × arcs of all the searches) kernels
/// run on the calling thread: thread start-up would cost more than it saves.
pub const PARALLEL_WORK: usize = 1 << 18;

/// Splits `0..len` into at most `max` contiguous ranges whose bounds depend
/// only on `len` and `max`.
pub fn chunk_ranges(len: usize, max: usize) -> Vec<Range<usize>> {
    let k = max.clamp(1, len.max(1));
    (0..k).map(|i| (i * len / k)..((i + 1) * len / k)).collect()
}

/// Runs `f` on each range, with one `init()` per worker, in parallel when
/// `parallel`, and returns the results in range order.
pub fn par_chunks<S, R, I, F>(ranges: &[Range<usize>], parallel: bool, init: I, f: F) -> Vec<R>
where
    R: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, Range<usize>) -> R + Sync + Send,
{
    if parallel && ranges.len() > 1 {
        ranges
            .par_iter()
            .map_init(&init, |s, r| f(s, r.clone()))
            .collect()
    } else {
        let mut s = init();
        ranges.iter().map(|r| f(&mut s, r.clone())).collect()
    }
}

/// Adds vectors element-wise in the order given.
pub fn sum_in_order(parts: Vec<Vec<f64>>, n: usize) -> Vec<f64> {
    let mut total = vec![0.0; n];
    for p in parts {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::csr::CsrGraph;

    #[test]
    fn bfs_counts_paths_and_resets() {
        // Square 0-1-3, 0-2-3: two shortest paths from 0 to 3.
        let g = CsrGraph::undirected(5, &[(0, 1, 1.0), (0, 2, 1.0), (1, 3, 1.0), (2, 3, 1.0)]);
        let mut ws = Workspace::new(5);
        ws.bfs(g.out_rows(), 0, true, None);
        assert_eq!(ws.dist[..4], [0, 1, 1, 2]);
        assert_eq!(ws.dist[4], UNSEEN);
        assert_eq!(ws.sigma[3], 2.0);
        assert_eq!(ws.order, [0, 1, 2, 3]);
        let mut bc = vec![0.0; 5];
        ws.dependencies_hops(g.out_rows(), 0, &mut bc);
        assert_eq!(bc, [0.0, 0.5, 0.5, 0.0, 0.0]);
        ws.bfs(g.out_rows(), 3, true, None);
        assert_eq!(ws.dist[..4], [2, 1, 1, 0]);
        assert_eq!(ws.sigma[0], 2.0);
    }

    #[test]
    fn dijkstra_counts_ties_of_unequal_floats() {
        // 0 – 3 directly (w 1, length 1) and 0 – 1 – 2 – 3 with weights 2, 3, 6: the
        // lengths 1/2 + 1/3 + 1/6 do not sum to 1 in floating point, but the paths tie.
        assert_ne!(0.5 + 1.0 / 3.0 + 1.0 / 6.0, 1.0);
        let g = CsrGraph::undirected(4, &[(0, 3, 1.0), (0, 1, 2.0), (1, 2, 3.0), (2, 3, 6.0)]);
        let mut ws = Workspace::new(4);
        ws.dijkstra(g.out_length_rows(), g.inc_length_rows(), 0, true, None);
        assert_eq!(ws.sigma[3], 2.0);
        let mut bc = vec![0.0; 4];
        ws.dependencies_weighted(g.out_length_rows(), 0, &mut bc);
        // Source 0: node 1 is on the one path to 2 and on one of two to 3; node 2 on one of two.
        assert_eq!(bc, [0.0, 1.5, 0.5, 0.0]);
    }

    #[test]
    fn chunks_cover_the_range_in_order() {
        let c = chunk_ranges(10, 4);
        assert_eq!(c, vec![0..2, 2..5, 5..7, 7..10]);
        assert_eq!(chunk_ranges(2, 8), vec![0..1, 1..2]);
        assert_eq!(chunk_ranges(0, 8), vec![0..0]);
    }
}
