//! Betweenness centrality: exact (Brandes), by source sampling, and with a
//! guaranteed error (Riondato–Kornaropoulos).
//!
//! All three return NetworkX's normalised betweenness,
//! `betweenness_centrality(G, normalized=True)`: the sum over ordered pairs
//! (s, t), s ≠ v ≠ t, of σ_st(v)/σ_st, divided by (n − 1)(n − 2) (for an
//! undirected graph each unordered pair is counted both ways, which is the
//! same as NetworkX's division of the unordered sum by (n − 1)(n − 2)/2).
//! With `weighted`, an arc of weight w is 1/w long and path lengths that
//! agree to a relative 1e-10 tie ([`crate::analysis::shortest::same_length`]).

use crate::analysis::paths::weak_components;
use crate::analysis::shortest::{chunk_ranges, par_chunks, sum_in_order, Workspace, PARALLEL_WORK};
use crate::analysis::shortest::{same_length, UNSEEN};
use crate::graph::csr::CsrGraph;
use crate::random::Rng;

/// How betweenness is computed.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Sampling {
    /// Every source (exact).
    #[default]
    Exact,
    /// Brandes & Pich (2007) source sampling: `k` sources drawn uniformly
    /// without replacement with the seed; the dependencies they give are
    /// scaled by n/k (an unbiased estimate, no error bound). `k` ≥ n is exact.
    Sources { k: usize, seed: u64 },
    /// Riondato & Kornaropoulos (2016): enough random shortest paths that,
    /// with probability at least 1 − `delta`, every node's estimate of the
    /// betweenness normalised by n(n − 1) is within `epsilon` of the exact
    /// value (within `epsilon` · n/(n − 2) on the (n − 1)(n − 2) scale
    /// returned here).
    Epsilon { epsilon: f64, delta: f64, seed: u64 },
}

/// Most chunks the sources are cut into (the partial sums are added in
/// chunk order, so the result does not depend on the number of threads).
fn chunk_count(n: usize) -> usize {
    ((1usize << 24) / n.max(1)).clamp(2, 32)
}

/// Unnormalised betweenness summed over the ordered pairs (s, t) with s in
/// `sources`: Σ_s Σ_t σ_st(v)/σ_st. Parallel over sources with one
/// [`Workspace`] per worker; deterministic.
///
/// O(|sources| · m) unweighted, O(|sources| · m log n) weighted; O(n) memory
/// per worker and per chunk.
pub fn brandes_sum(g: &CsrGraph, weighted: bool, sources: &[u32]) -> Vec<f64> {
    let n = g.node_count();
    if !weighted {
        return hop_brandes_sum(g, sources);
    }
    let ranges = chunk_ranges(sources.len(), chunk_count(n));
    let parallel = sources.len().saturating_mul(g.arc_count() + n) > PARALLEL_WORK;
    let parts = par_chunks(
        &ranges,
        parallel,
        || Workspace::new(n),
        |ws, range| {
            let mut scores = vec![0.0; n];
            for &s in &sources[range] {
                if weighted {
                    ws.dijkstra(g.out_length_rows(), g.inc_length_rows(), s, true, None);
                    ws.dependencies_weighted(g.out_length_rows(), s, &mut scores);
                } else {
                    ws.bfs(g.out_rows(), s, true, None);
                    ws.dependencies_hops(g.out_rows(), s, &mut scores);
                }
            }
            scores
        },
    );
    sum_in_order(parts, n)
}

/// One node's state in the unweighted kernel, 16 bytes so that a neighbour
/// costs one cache line: `val` is σ in the forward pass and becomes
/// (1 + δ)/σ once the backward pass has done the node (its predecessors
/// read only that); `level` is the BFS level stamped with the search's base
/// (a level below `base` is unseen, so nothing is reset between searches).
#[derive(Clone, Copy)]
struct HopNode {
    val: f64,
    level: u32,
}

struct HopState {
    nodes: Vec<HopNode>,
    order: Vec<u32>,
    base: u32,
}

impl HopState {
    fn new(n: usize) -> Self {
        HopState {
            nodes: vec![HopNode { val: 0.0, level: 0 }; n],
            order: Vec::with_capacity(n),
            base: 1,
        }
    }

    /// Brandes from `s` along `rows` (which must have `nodes.len()` nodes):
    /// adds `mult` · δ_s(v) to `scores[v]`; returns the number of nodes
    /// reached (s included).
    fn source(
        &mut self,
        rows: &crate::graph::csr::Rows,
        s: u32,
        mult: f64,
        scores: &mut [f64],
    ) -> usize {
        let n = self.nodes.len();
        assert!(rows.node_count() == n && scores.len() == n && (s as usize) < n);
        if self.base > u32::MAX - n as u32 - 2 {
            for x in self.nodes.iter_mut() {
                x.level = 0;
            }
            self.base = 1;
        }
        let base = self.base;
        let nodes = &mut self.nodes[..];
        let order = &mut self.order;
        order.clear();
        nodes[s as usize] = HopNode {
            val: 1.0,
            level: base,
        };
        order.push(s);
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let HopNode { val: sigma, level } = nodes[v as usize];
            let next = level + 1;
            for &w in rows.neighbors_slice(v) {
                // SAFETY: every target of a CsrGraph row is below its node
                // count (rows() builds them so), which equals nodes.len()
                // (asserted above).
                let x = unsafe { nodes.get_unchecked_mut(w as usize) };
                if x.level < base {
                    x.level = next;
                    x.val = sigma;
                    order.push(w);
                } else if x.level == next {
                    x.val += sigma;
                }
            }
        }
        // Order is by level: the last node is on the deepest one, whose
        // nodes have no successors to scan.
        let top = nodes[order[order.len() - 1] as usize].level;
        for &v in order.iter().rev() {
            let HopNode { val: sigma, level } = nodes[v as usize];
            let mut sum = 0.0;
            if level < top {
                let next = level + 1;
                for &w in rows.neighbors_slice(v) {
                    // SAFETY: as above.
                    let x = unsafe { nodes.get_unchecked(w as usize) };
                    if x.level == next {
                        sum += x.val;
                    }
                }
            }
            let dep = sigma * sum;
            if v != s {
                scores[v as usize] += mult * dep;
            }
            nodes[v as usize].val = (1.0 + dep) / sigma;
        }
        self.base = top + 2;
        order.len()
    }
}

/// The graph with nodes renumbered in breadth-first order from a node of
/// highest degree, neighbours by degree (Cuthill–McKee): neighbours get near
/// numbers and their states share cache lines (20–25% faster than the
/// input order on the generated graphs); and the old number of each new
/// node.
fn renumbered(g: &CsrGraph) -> (CsrGraph, Vec<u32>) {
    let n = g.node_count();
    let mut by_degree: Vec<u32> = (0..n as u32).collect();
    by_degree.sort_by(|&a, &b| g.out(b).len().cmp(&g.out(a).len()).then(a.cmp(&b)));
    let old = bfs_order(g, &by_degree);
    let mut new = vec![0u32; n];
    for (i, &o) in old.iter().enumerate() {
        new[o as usize] = i as u32;
    }
    let mut arcs = Vec::with_capacity(g.arc_count());
    for v in 0..n as u32 {
        for (&w, &x) in g.out(v).iter().zip(g.out_weights(v)) {
            arcs.push((new[v as usize], new[w as usize], x));
        }
    }
    (CsrGraph::directed_out_only(n, &arcs), old)
}

/// Nodes in breadth-first order from the first of `by_degree` (neighbours
/// visited highest degree first), component after component: neighbours get
/// near numbers (Cuthill–McKee).
fn bfs_order(g: &CsrGraph, by_degree: &[u32]) -> Vec<u32> {
    let n = g.node_count();
    let mut rank = vec![0u32; n];
    for (i, &v) in by_degree.iter().enumerate() {
        rank[v as usize] = i as u32;
    }
    let mut seen = vec![false; n];
    let mut out = Vec::with_capacity(n);
    let mut nbrs: Vec<u32> = Vec::new();
    for &s in by_degree {
        if seen[s as usize] {
            continue;
        }
        seen[s as usize] = true;
        let mut head = out.len();
        out.push(s);
        while head < out.len() {
            let v = out[head];
            head += 1;
            nbrs.clear();
            nbrs.extend(g.out(v).iter().copied().filter(|&w| !seen[w as usize]));
            nbrs.sort_by_key(|&w| rank[w as usize]);
            for &w in &nbrs {
                seen[w as usize] = true;
                out.push(w);
            }
        }
    }
    out
}

/// [`brandes_sum`] without weights: renumbered ([`renumbered`]), one
/// [`HopState`] per worker, partial sums added in chunk order.
///
/// When every node is a source of an undirected graph, a leaf l (one
/// neighbour u) is not searched from: its shortest paths are u's, one step
/// longer, so δ_l(v) = δ_u(v) for v ≠ u, l and δ_l(u) = (nodes u reaches) − 2
/// (Baglioni, Geraci, Pellegrini & Lastres 2012, "Fast exact computation of
/// betweenness centrality in social networks", ASONAM). u's search counts
/// 1 + its leaves times.
fn hop_brandes_sum(g: &CsrGraph, sources: &[u32]) -> Vec<f64> {
    let n = g.node_count();
    let (h, old) = renumbered(g);
    let mut new = vec![0u32; n];
    for (i, &o) in old.iter().enumerate() {
        new[o as usize] = i as u32;
    }
    let everyone = !g.is_directed() && sources.len() == n;
    let degree = |v: u32| h.out(v).len();
    // leaves[u]: the leaves hanging on u (u itself not a leaf).
    let mut leaves = vec![0u32; n];
    if everyone {
        for v in 0..n as u32 {
            if degree(v) == 1 {
                let u = h.out(v)[0];
                if degree(u) > 1 {
                    leaves[u as usize] += 1;
                }
            }
        }
    }
    let skip = |v: u32| everyone && degree(v) == 1 && degree(h.out(v)[0]) > 1;
    let mapped: Vec<u32> = sources
        .iter()
        .map(|&s| new[s as usize])
        .filter(|&s| !skip(s))
        .collect();
    let ranges = chunk_ranges(mapped.len(), chunk_count(n));
    let parallel = mapped.len().saturating_mul(g.arc_count() + n) > PARALLEL_WORK;
    let parts = par_chunks(
        &ranges,
        parallel,
        || HopState::new(n),
        |st, range| {
            let mut scores = vec![0.0; n];
            for &s in &mapped[range] {
                let k = leaves[s as usize] as f64;
                let reached = st.source(h.out_rows(), s, 1.0 + k, &mut scores);
                if k > 0.0 {
                    scores[s as usize] += k * (reached - 2) as f64;
                }
            }
            scores
        },
    );
    let renumbered = sum_in_order(parts, n);
    let mut out = vec![0.0; n];
    for (i, &o) in old.iter().enumerate() {
        out[o as usize] = renumbered[i];
    }
    out
}

/// 1 / ((n − 1)(n − 2)), or 0 when n ≤ 2 (no pair has an inner node).
fn scale(n: usize) -> f64 {
    if n > 2 {
        1.0 / ((n - 1) * (n - 2)) as f64
    } else {
        0.0
    }
}

/// Normalised betweenness of every node (NetworkX's
/// `betweenness_centrality(normalized=True)`, with `weight=` 1/w when
/// `weighted`), exact or sampled.
///
/// # Complexity
/// Exact: O(n·m) unweighted, O(n·m·log n) weighted (Brandes 2001), on as
/// many threads as rayon has. `Sources { k }`: O(k·m). `Epsilon`:
/// O(r·m) for r = (0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ)) paths, VD an upper
/// bound of the vertex diameter ([`sample_size`]).
///
/// # Example
/// ```
/// use musalaha::analysis::betweenness::{betweenness, Sampling};
/// use musalaha::graph::csr::CsrGraph;
/// // A path 0 – 1 – 2: node 1 is on the one path of the pair (0, 2), of 1 pair.
/// let g = CsrGraph::undirected(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// assert_eq!(betweenness(&g, false, Sampling::Exact), vec![0.0, 1.0, 0.0]);
/// ```
pub fn betweenness(g: &CsrGraph, weighted: bool, sampling: Sampling) -> Vec<f64> {
    let n = g.node_count();
    let sc = scale(n);
    match sampling {
        Sampling::Sources { k, seed } if k < n => {
            let sources = sample_sources(n, k, seed);
            let factor = n as f64 / k as f64;
            brandes_sum(g, weighted, &sources)
                .into_iter()
                .map(|x| x * factor * sc)
                .collect()
        }
        Sampling::Epsilon {
            epsilon,
            delta,
            seed,
        } => {
            let r = sample_size(g, weighted, epsilon, delta);
            let counts = path_counts(g, weighted, r, seed);
            let f = if r == 0 || n <= 2 {
                0.0
            } else {
                n as f64 / ((n - 2) as f64 * r as f64)
            };
            counts.into_iter().map(|c| c as f64 * f).collect()
        }
        _ => {
            let all: Vec<u32> = (0..n as u32).collect();
            brandes_sum(g, weighted, &all)
                .into_iter()
                .map(|x| x * sc)
                .collect()
        }
    }
}

/// `k` distinct nodes of `0..n` drawn uniformly with the seed (a partial
/// Fisher–Yates shuffle), ascending.
pub fn sample_sources(n: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut rng = Rng::new(seed);
    let mut all: Vec<u32> = (0..n as u32).collect();
    let k = k.min(n);
    for i in 0..k {
        let j = i + rng.below((n - i) as u64) as usize;
        all.swap(i, j);
    }
    all.truncate(k);
    all.sort_unstable();
    all
}

/// An upper bound of the vertex diameter (the most nodes on any shortest
/// path). Unweighted undirected: per component, e₁ + e₂ + 1 for the two
/// largest distances from one node (any path detours through it at most
/// that long). Otherwise the size of the largest weakly connected component.
pub fn vertex_diameter_bound(g: &CsrGraph, weighted: bool) -> usize {
    let comps = weak_components(g);
    if weighted || g.is_directed() {
        return comps.iter().map(Vec::len).max().unwrap_or(0);
    }
    let mut ws = Workspace::new(g.node_count());
    let mut best = 0;
    for c in &comps {
        ws.bfs(g.out_rows(), c[0], false, None);
        let (mut e1, mut e2) = (0usize, 0usize);
        for &v in &ws.order {
            let d = ws.dist[v as usize] as usize;
            if d > e1 {
                e2 = e1;
                e1 = d;
            } else if d > e2 {
                e2 = d;
            }
        }
        best = best.max((e1 + e2 + 1).min(c.len()));
    }
    best
}

/// Riondato–Kornaropoulos sample size for error `epsilon` with probability
/// 1 − `delta`: ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ (0 when VD < 3:
/// no shortest path has an inner node).
pub fn sample_size(g: &CsrGraph, weighted: bool, epsilon: f64, delta: f64) -> usize {
    let vd = vertex_diameter_bound(g, weighted);
    if vd < 3 {
        return 0;
    }
    let log = ((vd - 2) as f64).log2().floor();
    (0.5 / (epsilon * epsilon) * (log + 1.0 + (1.0 / delta).ln())).ceil() as usize
}

/// For `r` random pairs (s, t) (sample i from `Rng::stream(seed, i)`), one
/// shortest s–t path drawn uniformly (each predecessor u of w with
/// probability σ_su/σ_sw), and how many of those paths each node is inside.
fn path_counts(g: &CsrGraph, weighted: bool, r: usize, seed: u64) -> Vec<u64> {
    let n = g.node_count();
    if n < 2 || r == 0 {
        return vec![0; n];
    }
    let ranges = chunk_ranges(r, chunk_count(n));
    let parallel = r.saturating_mul(g.arc_count() + n) > PARALLEL_WORK;
    let parts = par_chunks(
        &ranges,
        parallel,
        || Workspace::new(n),
        |ws, range| {
            let mut counts = vec![0u32; n];
            for i in range {
                let mut rng = Rng::stream(seed, i as u64);
                let s = rng.below(n as u64) as u32;
                let mut t = rng.below(n as u64 - 1) as u32;
                if t >= s {
                    t += 1;
                }
                walk(g, weighted, ws, s, t, &mut rng, &mut counts);
            }
            counts
        },
    );
    let mut total = vec![0u64; n];
    for p in parts {
        for (t, c) in total.iter_mut().zip(p) {
            *t += c as u64;
        }
    }
    total
}

/// One uniform shortest s–t path: counts its inner nodes.
fn walk(
    g: &CsrGraph,
    weighted: bool,
    ws: &mut Workspace,
    s: u32,
    t: u32,
    rng: &mut Rng,
    counts: &mut [u32],
) {
    if weighted {
        ws.dijkstra(g.out_length_rows(), g.inc_length_rows(), s, true, Some(t));
        if !ws.settled(t) {
            return;
        }
    } else {
        ws.bfs(g.out_rows(), s, true, Some(t));
        if ws.dist[t as usize] == UNSEEN {
            return;
        }
    }
    let inc = g.inc_length_rows();
    let mut w = t;
    loop {
        let (us, ls) = inc.row(w);
        let target = rng.unit() * ws.sigma[w as usize];
        let mut acc = 0.0;
        let mut pick = None;
        for (&u, &l) in us.iter().zip(ls) {
            let ui = u as usize;
            let pred = if weighted {
                u != w && ws.settled(u) && same_length(ws.wdist[ui] + l, ws.wdist[w as usize])
            } else {
                ws.dist[ui] != UNSEEN && ws.dist[ui] + 1 == ws.dist[w as usize]
            };
            if pred {
                acc += ws.sigma[ui];
                pick = Some(u);
                if acc > target {
                    break;
                }
            }
        }
        match pick {
            Some(u) if u != s => {
                counts[u as usize] += 1;
                w = u;
            }
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring_with_chords(n: u32) -> CsrGraph {
        let mut e = Vec::new();
        for i in 0..n {
            e.push((i, (i + 1) % n, 1.0 + (i % 3) as f64));
            if i % 4 == 0 {
                e.push((i, (i + n / 2) % n, 2.0));
            }
        }
        CsrGraph::undirected(n as usize, &e)
    }

    #[test]
    fn exact_is_deterministic_and_sources_k_n_is_exact() {
        let g = ring_with_chords(60);
        let a = betweenness(&g, false, Sampling::Exact);
        let b = betweenness(&g, false, Sampling::Exact);
        assert_eq!(a, b);
        let c = betweenness(&g, false, Sampling::Sources { k: 60, seed: 3 });
        assert_eq!(a, c);
        let w = betweenness(&g, true, Sampling::Exact);
        assert_ne!(a, w);
    }

    #[test]
    fn sampling_estimates_are_close_and_seeded() {
        let g = ring_with_chords(200);
        for weighted in [false, true] {
            let exact = betweenness(&g, weighted, Sampling::Exact);
            let s = betweenness(&g, weighted, Sampling::Sources { k: 100, seed: 1 });
            assert_eq!(
                s,
                betweenness(&g, weighted, Sampling::Sources { k: 100, seed: 1 })
            );
            let err = exact
                .iter()
                .zip(&s)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            assert!(err < 0.05, "source sampling error {err}");
            let eps = 0.02;
            let rk = betweenness(
                &g,
                weighted,
                Sampling::Epsilon {
                    epsilon: eps,
                    delta: 0.1,
                    seed: 1,
                },
            );
            let err = exact
                .iter()
                .zip(&rk)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max);
            assert!(err < eps * 200.0 / 198.0, "RK error {err} above {eps}");
        }
    }

    /// Leaves are not searched from; the result is Brandes' all the same.
    #[test]
    fn leaf_shortcut_equals_plain_brandes() {
        // A ring with pendant leaves, a pendant pair, and a two-node component.
        let mut e: Vec<(u32, u32, f64)> = (0..12).map(|i| (i, (i + 1) % 12, 1.0)).collect();
        e.extend([
            (0, 12, 1.0),
            (0, 13, 1.0),
            (5, 14, 1.0),
            (14, 15, 1.0),
            (16, 17, 1.0),
        ]);
        let g = CsrGraph::undirected(18, &e);
        let fast = brandes_sum(&g, false, &(0..18).collect::<Vec<u32>>());
        let mut ws = Workspace::new(18);
        let mut plain = vec![0.0; 18];
        for s in 0..18 {
            ws.bfs(g.out_rows(), s, true, None);
            ws.dependencies_hops(g.out_rows(), s, &mut plain);
        }
        for (a, b) in fast.iter().zip(&plain) {
            assert!((a - b).abs() < 1e-9, "{fast:?} vs {plain:?}");
        }
    }

    #[test]
    fn sources_are_distinct_and_reproducible() {
        let s = sample_sources(50, 10, 9);
        assert_eq!(s.len(), 10);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(s, sample_sources(50, 10, 9));
        assert_ne!(s, sample_sources(50, 10, 10));
    }

    #[test]
    fn vertex_diameter_bounds() {
        // A path of 5 nodes: vertex diameter 5; the bound from node 0 is 4 + 3 + 1 capped at 5.
        let p = CsrGraph::undirected(5, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0), (3, 4, 1.0)]);
        assert_eq!(vertex_diameter_bound(&p, false), 5);
        let star = CsrGraph::undirected(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
        assert_eq!(vertex_diameter_bound(&star, false), 3);
        let pair = CsrGraph::undirected(2, &[(0, 1, 1.0)]);
        assert_eq!(sample_size(&pair, false, 0.1, 0.1), 0);
        assert_eq!(
            betweenness(
                &pair,
                false,
                Sampling::Epsilon {
                    epsilon: 0.1,
                    delta: 0.1,
                    seed: 0
                }
            ),
            vec![0.0, 0.0]
        );
    }
}
