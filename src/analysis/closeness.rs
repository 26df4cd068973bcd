//! Closeness and harmonic closeness: distances from every node, by array
//! breadth-first searches (Dijkstra with `weighted`), in parallel, no
//! hashing.
//!
//! Unweighted, the searches run 64 at a time (multi-source BFS, Then et al.
//! 2014, "The more the merrier: efficient multi-source graph traversal",
//! PVLDB 8(4)): each node holds a 64-bit word with one bit per source, a
//! level's frontier spreads along each arc with one OR for all 64 searches,
//! and the nodes a level reaches are counted per source in bit-sliced
//! counters. On graphs of small diameter this reads each arc a few times per
//! 64 sources instead of 64 times.
//!
//! Distances run *to* each node: along the in-arcs of a directed graph (as
//! NetworkX's `closeness_centrality` and `harmonic_centrality` do), along
//! the edges of an undirected one. Each node's value comes from its own
//! search (integer distance sums unweighted), so the result does not depend
//! on the number of threads.

use crate::analysis::shortest::{chunk_ranges, par_chunks, Workspace, PARALLEL_WORK};
use crate::graph::csr::{CsrGraph, Rows};

/// Per-source results of a batch of searches: Σ distances, nodes reached
/// (the source included), Σ 1/distance.
type Sums = (u64, usize, f64);

/// Buffers of a multi-source search over `n` nodes.
struct Batch {
    seen: Vec<u64>,
    frontier: Vec<u64>,
    next: Vec<u64>,
    active: Vec<u32>,
    reached: Vec<u32>,
    touched: Vec<u32>,
}

impl Batch {
    fn new(n: usize) -> Self {
        Batch {
            seen: vec![0; n],
            frontier: vec![0; n],
            next: vec![0; n],
            active: Vec::new(),
            reached: Vec::new(),
            touched: Vec::new(),
        }
    }

    /// Breadth-first searches from up to 64 `sources` at once along `rows`.
    fn run(&mut self, rows: &Rows, sources: &[u32]) -> Vec<Sums> {
        let k = sources.len();
        let mut out: Vec<Sums> = vec![(0, 1, 0.0); k];
        self.active.clear();
        self.touched.clear();
        for (b, &s) in sources.iter().enumerate() {
            let si = s as usize;
            if self.seen[si] == 0 {
                self.touched.push(s);
                self.active.push(s);
            }
            self.seen[si] |= 1 << b;
            self.frontier[si] |= 1 << b;
        }
        let mut level = 0u64;
        while !self.active.is_empty() {
            level += 1;
            self.reached.clear();
            for &v in &self.active {
                let f = self.frontier[v as usize];
                for &w in rows.neighbors_slice(v) {
                    let wi = w as usize;
                    let new = f & !self.seen[wi];
                    if new != 0 {
                        if self.next[wi] == 0 {
                            self.reached.push(w);
                        }
                        self.next[wi] |= new;
                    }
                }
            }
            for &v in &self.active {
                self.frontier[v as usize] = 0;
            }
            // Count, per source, the nodes this level reached: bit-sliced
            // counters (plane p holds bit p of each source's count).
            let mut planes = [0u64; 33];
            for &w in &self.reached {
                let wi = w as usize;
                let new = self.next[wi];
                self.next[wi] = 0;
                if self.seen[wi] == 0 {
                    self.touched.push(w);
                }
                self.seen[wi] |= new;
                self.frontier[wi] = new;
                let mut carry = new;
                for p in planes.iter_mut() {
                    let c = *p & carry;
                    *p ^= carry;
                    carry = c;
                    if carry == 0 {
                        break;
                    }
                }
            }
            if self.reached.is_empty() {
                break;
            }
            for (b, o) in out.iter_mut().enumerate() {
                let mut count = 0u64;
                for (p, plane) in planes.iter().enumerate() {
                    count |= ((plane >> b) & 1) << p;
                }
                if count > 0 {
                    o.0 += level * count;
                    o.1 += count as usize;
                    o.2 += count as f64 / level as f64;
                }
            }
            std::mem::swap(&mut self.active, &mut self.reached);
        }
        for &v in &self.touched {
            self.seen[v as usize] = 0;
            self.frontier[v as usize] = 0;
        }
        out
    }
}

/// Σ distances, nodes reached and Σ 1/d of the unweighted searches to every
/// node, 64 at a time, in parallel.
fn hop_sums(g: &CsrGraph) -> Vec<Sums> {
    let n = g.node_count();
    let batches = n.div_ceil(64);
    let ranges = chunk_ranges(batches, 64);
    let parallel = n.saturating_mul(g.arc_count() + n) / 16 > PARALLEL_WORK;
    par_chunks(
        &ranges,
        parallel,
        || Batch::new(n),
        |batch, range| {
            let mut out = Vec::new();
            for b in range {
                let sources: Vec<u32> = ((b * 64)..((b + 1) * 64).min(n))
                    .map(|v| v as u32)
                    .collect();
                out.extend(batch.run(g.inc_rows(), &sources));
            }
            out
        },
    )
    .concat()
}

/// Runs one search to every node and folds its distances with `f(sum of
/// distances, number reached including the node, Σ 1/d)`.
fn per_node(g: &CsrGraph, weighted: bool, f: impl Fn(f64, usize, f64) -> f64 + Sync) -> Vec<f64> {
    let n = g.node_count();
    if !weighted {
        return hop_sums(g)
            .into_iter()
            .map(|(total, reached, harmonic)| f(total as f64, reached, harmonic))
            .collect();
    }
    let ranges = chunk_ranges(n, 64);
    let parallel = n.saturating_mul(g.arc_count() + n) > PARALLEL_WORK;
    par_chunks(
        &ranges,
        parallel,
        || Workspace::new(n),
        |ws, range| {
            let mut out = Vec::with_capacity(range.len());
            for v in range {
                let v = v as u32;
                let (mut total, mut harmonic) = (0.0, 0.0);
                if weighted {
                    // Distances to v: search the reversed arcs.
                    ws.dijkstra(g.inc_length_rows(), g.out_length_rows(), v, false, None);
                    for &u in &ws.order[1..] {
                        let d = ws.wdist[u as usize];
                        total += d;
                        harmonic += 1.0 / d;
                    }
                } else {
                    ws.bfs(g.inc_rows(), v, false, None);
                    let mut hops: u64 = 0;
                    for &u in &ws.order[1..] {
                        let d = ws.dist[u as usize];
                        hops += d as u64;
                        harmonic += 1.0 / d as f64;
                    }
                    total = hops as f64;
                }
                out.push(f(total, ws.order.len(), harmonic));
            }
            out
        },
    )
    .concat()
}

/// Closeness centrality with Wasserman and Faust's correction for graphs
/// that are not connected (NetworkX's `closeness_centrality(G,
/// wf_improved=True)`, with `distance=` 1/w when `weighted`):
///
/// C(v) = (r − 1)/D(v) · (r − 1)/(n − 1)
///
/// where r counts the nodes that reach v (v included) and D(v) sums their
/// distances to v; 0 when nothing reaches v. Weighted distances are summed
/// in the order Dijkstra settles the nodes, as NetworkX does.
///
/// O(n·m) unweighted, O(n·m·log n) weighted; parallel over nodes.
///
/// ```
/// use musalaha::analysis::closeness::closeness;
/// use musalaha::graph::csr::CsrGraph;
/// // A path 0 – 1 – 2 and a pair 3 – 4 (n = 5).
/// let g = CsrGraph::undirected(5, &[(0, 1, 1.0), (1, 2, 1.0), (3, 4, 1.0)]);
/// let c = closeness(&g, false);
/// assert_eq!(c[1], 2.0 / 2.0 * (2.0 / 4.0));
/// assert_eq!(c[0], 2.0 / 3.0 * (2.0 / 4.0));
/// assert_eq!(c[3], 1.0 / 1.0 * (1.0 / 4.0));
/// ```
pub fn closeness(g: &CsrGraph, weighted: bool) -> Vec<f64> {
    let n = g.node_count();
    per_node(g, weighted, |total, reached, _| {
        if total > 0.0 && n > 1 {
            let r = (reached - 1) as f64;
            (r / total) * (r / (n - 1) as f64)
        } else {
            0.0
        }
    })
}

/// Harmonic closeness (Marchiori & Latora 2000; NetworkX's
/// `harmonic_centrality`, with `distance=` 1/w when `weighted`): the sum of
/// 1/d(u, v) over the nodes u ≠ v that reach v. Not normalised.
///
/// O(n·m) unweighted, O(n·m·log n) weighted; parallel over nodes.
///
/// ```
/// use musalaha::analysis::closeness::harmonic;
/// use musalaha::graph::csr::CsrGraph;
/// let g = CsrGraph::undirected(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
/// assert_eq!(harmonic(&g, false), vec![1.0 + 0.5 + 1.0 / 3.0, 2.5, 2.5, 1.0 + 0.5 + 1.0 / 3.0]);
/// ```
pub fn harmonic(g: &CsrGraph, weighted: bool) -> Vec<f64> {
    per_node(g, weighted, |_, _, h| h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_closeness_counts_incoming_distances() {
        // 0 → 1 → 2: node 2 is reached by both (distances 2 and 1), node 0 by none.
        let g = CsrGraph::directed(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
        let c = closeness(&g, false);
        assert_eq!(c, vec![0.0, 1.0 * 0.5, (2.0 / 3.0) * 1.0]);
        let h = harmonic(&g, false);
        assert_eq!(h, vec![0.0, 1.0, 1.5]);
    }

    /// The 64-at-a-time searches against one plain search per node.
    #[test]
    fn batched_searches_equal_single_searches() {
        let mut rng = crate::random::Rng::new(3);
        for (n, directed) in [(5usize, false), (70, false), (150, true), (200, false)] {
            let mut e = Vec::new();
            for a in 0..n as u32 {
                for _ in 0..2 {
                    let b = rng.below(n as u64) as u32;
                    if a != b {
                        e.push((a, b, 1.0));
                    }
                }
            }
            let g = if directed {
                CsrGraph::directed(n, &e)
            } else {
                CsrGraph::undirected(n, &e)
            };
            let batched = hop_sums(&g);
            let mut ws = Workspace::new(n);
            for v in 0..n as u32 {
                ws.bfs(g.inc_rows(), v, false, None);
                let total: u64 = ws.order.iter().map(|&u| ws.dist[u as usize] as u64).sum();
                let harmonic: f64 = ws.order[1..]
                    .iter()
                    .map(|&u| 1.0 / ws.dist[u as usize] as f64)
                    .sum();
                let (t, r, h) = batched[v as usize];
                assert_eq!((t, r), (total, ws.order.len()), "node {v} of {n}");
                assert!((h - harmonic).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn weighted_uses_inverse_weights() {
        // 0 – 1 with w 4 (length 1/4), 1 – 2 with w 1.
        let g = CsrGraph::undirected(3, &[(0, 1, 4.0), (1, 2, 1.0)]);
        let c = closeness(&g, true);
        assert_eq!(c[0], 2.0 / (0.25 + 1.25));
        assert_eq!(harmonic(&g, true)[1], 4.0 + 1.0);
    }
}
