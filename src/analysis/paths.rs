//! Shortest chains between actors, ego networks, connected components and
//! the diameter, on the unweighted graph (a hop is one tie, whatever its
//! weight). Everything runs on the compact graph ([`CsrGraph`]): one
//! breadth-first search is O(n + m), components are one pass over all of
//! them, and the diameter is exact with few searches (iFUB).

use crate::analysis::shortest::{chunk_ranges, par_chunks, Workspace, PARALLEL_WORK, UNSEEN};
use crate::graph::csr::CsrGraph;
use crate::graph::SimpleGraph;
use petgraph::unionfind::UnionFind;

/// Breadth-first distances from `source` (None where unreachable).
/// O(n + m).
pub fn distances(graph: &SimpleGraph, source: usize) -> Vec<Option<usize>> {
    let g = CsrGraph::from_simple_edges(graph);
    let mut ws = Workspace::new(g.node_count());
    ws.bfs(g.out_rows(), source as u32, false, None);
    ws.dist
        .iter()
        .map(|&d| (d != UNSEEN).then_some(d as usize))
        .collect()
}

/// Every shortest path from `a` to `b` as node index lists, in lexicographic
/// order of actor ids, at most `limit` of them. Empty when unreachable.
pub fn all_shortest_paths(
    graph: &SimpleGraph,
    a: usize,
    b: usize,
    limit: usize,
) -> Vec<Vec<usize>> {
    let from_b = distances(graph, b);
    let Some(total) = from_b[a] else {
        return Vec::new();
    };
    let mut adj = graph.adjacency();
    for list in adj.iter_mut() {
        list.sort_by(|x, y| graph.nodes[x.0].cmp(&graph.nodes[y.0]));
    }
    let mut out = Vec::new();
    let mut path = vec![a];
    fn walk(
        adj: &[Vec<(usize, f64)>],
        from_b: &[Option<usize>],
        path: &mut Vec<usize>,
        left: usize,
        limit: usize,
        out: &mut Vec<Vec<usize>>,
    ) {
        if out.len() >= limit {
            return;
        }
        let v = *path.last().unwrap_or(&0);
        if left == 0 {
            out.push(path.clone());
            return;
        }
        for &(w, _) in &adj[v] {
            if from_b[w] == Some(left - 1) {
                path.push(w);
                walk(adj, from_b, path, left - 1, limit, out);
                path.pop();
            }
        }
    }
    walk(&adj, &from_b, &mut path, total, limit, &mut out);
    out
}

/// The connected components, largest first (equal sizes: by their node
/// lists), each an ascending node list. O(n + m).
pub fn components(graph: &SimpleGraph) -> Vec<Vec<usize>> {
    let g = CsrGraph::from_simple_edges(graph);
    components_of(&g)
        .into_iter()
        .map(|c| c.into_iter().map(|v| v as usize).collect())
        .collect()
}

/// The connected components of an undirected compact graph (for a directed
/// one: the weakly connected components), largest first, each ascending.
/// One pass: O(n + m).
pub fn components_of(g: &CsrGraph) -> Vec<Vec<u32>> {
    weak_components(g)
}

/// The weakly connected components of a compact graph (arcs followed both
/// ways), largest first, then by node list; each ascending. One pass over
/// the out-rows with petgraph's union-find (union by rank, path
/// compression): O((n + m) α(n)), no queue and no incoming rows needed.
pub fn weak_components(g: &CsrGraph) -> Vec<Vec<u32>> {
    let n = g.node_count();
    let mut sets: UnionFind<u32> = UnionFind::new(n);
    for v in 0..n as u32 {
        for &w in g.out(v) {
            sets.union(v, w);
        }
    }
    // Number the components in order of their smallest node, so nodes are
    // pushed in ascending order and each list comes out sorted.
    let roots = sets.into_labeling();
    let mut number = vec![u32::MAX; n];
    let mut comps: Vec<Vec<u32>> = Vec::new();
    for (v, &root) in roots.iter().enumerate() {
        let slot = &mut number[root as usize];
        if *slot == u32::MAX {
            *slot = comps.len() as u32;
            comps.push(Vec::new());
        }
        comps[*slot as usize].push(v as u32);
    }
    comps.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    comps
}

/// Longest shortest path within a set of mutually reachable nodes.
pub fn diameter(graph: &SimpleGraph, component: &[usize]) -> usize {
    let g = CsrGraph::from_simple_edges(graph);
    let c: Vec<u32> = component.iter().map(|&v| v as u32).collect();
    diameter_of(&g, &c)
}

/// The diameter (longest shortest path, in hops) of one connected component
/// of an undirected compact graph, exactly, by iFUB (Crescenzi, Grossi,
/// Habib, Lanzi & Marino 2013, "On computing the diameter of real-world
/// undirected graphs", Theor. Comput. Sci. 514): from a node u of highest
/// degree, the eccentricities of the nodes farthest from u, level by level,
/// until the lower bound they give exceeds twice the next level. The levels'
/// searches run in parallel.
///
/// Worst case O(n·m); on sparse real-world graphs a few searches.
///
/// ```
/// use musalaha::analysis::paths::diameter_of;
/// use musalaha::graph::csr::CsrGraph;
/// let path = CsrGraph::undirected(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
/// assert_eq!(diameter_of(&path, &[0, 1, 2, 3]), 3);
/// ```
pub fn diameter_of(g: &CsrGraph, component: &[u32]) -> usize {
    diameter_within(g, component, usize::MAX).value
}

/// Work (arcs and nodes scanned by breadth-first searches) that
/// [`crate::analysis::stats`] allows the diameter of one graph: about 40
/// searches of a graph of 10⁸ arcs, more than every node of any graph up to
/// ~60,000 nodes and 10⁵ edges. iFUB usually needs a handful of searches,
/// but on graphs without hubs (random graphs, meshes) it can need one per
/// node, which is quadratic.
pub const DIAMETER_WORK: usize = 4_000_000_000;

/// A diameter, or bounds on it when the search budget ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diameter {
    /// The diameter when `exact`, else a lower bound (the largest
    /// eccentricity found).
    pub value: usize,
    /// An upper bound (equal to `value` when exact).
    pub upper: usize,
    pub exact: bool,
}

/// [`diameter_of`] with at most `work` arcs and nodes scanned: when iFUB
/// would need more, the bounds it has reached (`exact: false`).
pub fn diameter_within(g: &CsrGraph, component: &[u32], work: usize) -> Diameter {
    let exact = |value| Diameter {
        value,
        upper: value,
        exact: true,
    };
    if component.len() < 2 {
        return exact(0);
    }
    let n = g.node_count();
    let rows = g.out_rows();
    let u = *component
        .iter()
        .max_by(|&&a, &&b| g.out(a).len().cmp(&g.out(b).len()).then(b.cmp(&a)))
        .unwrap_or(&component[0]);
    let mut ws = Workspace::new(n);
    ws.bfs(rows, u, false, None);
    let dist_u: Vec<(u32, u32)> = ws.order.iter().map(|&v| (v, ws.dist[v as usize])).collect();
    let ecc_u = dist_u.last().map_or(0, |x| x.1) as usize;
    let mut levels: Vec<Vec<u32>> = vec![Vec::new(); ecc_u + 1];
    for &(v, d) in &dist_u {
        levels[d as usize].push(v);
    }
    let arcs = g.arc_count() + n;
    let ecc_max = |nodes: &[u32]| -> usize {
        let ranges = chunk_ranges(nodes.len(), 32);
        let parallel = nodes.len().saturating_mul(arcs) > PARALLEL_WORK;
        par_chunks(
            &ranges,
            parallel,
            || Workspace::new(n),
            |ws, r| {
                let mut best = 0;
                for &x in &nodes[r] {
                    ws.bfs(rows, x, false, None);
                    let last = *ws.order.last().unwrap_or(&x);
                    best = best.max(ws.dist[last as usize] as usize);
                }
                best
            },
        )
        .into_iter()
        .max()
        .unwrap_or(0)
    };
    let per_search = arcs.max(1);
    let mut budget = work.saturating_sub(per_search) / per_search;
    let mut lb = ecc_u;
    let mut i = ecc_u;
    while i > 0 && 2 * i > lb {
        if levels[i].len() > budget {
            // Every eccentricity is at most 2·ecc(u), and the nodes of
            // levels above i were all searched: at most 2i.
            return Diameter {
                value: lb,
                upper: (2 * i).min(2 * ecc_u),
                exact: false,
            };
        }
        budget -= levels[i].len();
        let b = ecc_max(&levels[i]).max(lb);
        if b > 2 * (i - 1) {
            return exact(b);
        }
        lb = b;
        i -= 1;
    }
    exact(lb)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> SimpleGraph {
        // Square a-b-d, a-c-d plus tail d-e and a separate pair x-y.
        SimpleGraph::from_edges(
            ["a", "b", "c", "d", "e", "x", "y"]
                .map(String::from)
                .to_vec(),
            &[
                (0, 1, 1.0),
                (0, 2, 1.0),
                (1, 3, 1.0),
                (2, 3, 1.0),
                (3, 4, 1.0),
                (5, 6, 1.0),
            ],
        )
    }

    #[test]
    fn shortest_paths_all_and_limited() {
        let g = g();
        assert_eq!(
            all_shortest_paths(&g, 0, 4, 10),
            vec![vec![0, 1, 3, 4], vec![0, 2, 3, 4]]
        );
        assert_eq!(all_shortest_paths(&g, 0, 4, 1).len(), 1);
        assert!(all_shortest_paths(&g, 0, 5, 10).is_empty());
        assert_eq!(all_shortest_paths(&g, 2, 2, 10), vec![vec![2]]);
    }

    #[test]
    fn components_and_diameter() {
        let g = g();
        let c = components(&g);
        assert_eq!(c, vec![vec![0, 1, 2, 3, 4], vec![5, 6]]);
        assert_eq!(diameter(&g, &c[0]), 3);
        assert_eq!(diameter(&g, &c[1]), 1);
    }

    /// iFUB against the eccentricity of every node on seeded random graphs.
    #[test]
    fn ifub_equals_brute_force() {
        let mut rng = crate::random::Rng::new(5);
        for trial in 0..40 {
            let n = 5 + trial * 3;
            let mut e = Vec::new();
            for a in 0..n as u32 {
                for _ in 0..(1 + trial % 3) {
                    let b = rng.below(n as u64) as u32;
                    if a != b {
                        e.push((a, b, 1.0));
                    }
                }
            }
            let g = CsrGraph::undirected(n, &e);
            let mut ws = Workspace::new(n);
            for c in components_of(&g) {
                let brute = c
                    .iter()
                    .map(|&x| {
                        ws.bfs(g.out_rows(), x, false, None);
                        c.iter().map(|&y| ws.dist[y as usize]).max().unwrap_or(0) as usize
                    })
                    .max()
                    .unwrap_or(0);
                assert_eq!(diameter_of(&g, &c), brute, "trial {trial}");
            }
        }
    }

    /// The union-find components against petgraph's own connected
    /// components of the same graph (as a petgraph `UnGraph`) on seeded
    /// random graphs, sparse enough to fall apart.
    #[test]
    fn components_agree_with_petgraph() {
        let mut rng = crate::random::Rng::new(11);
        for trial in 0..30 {
            let n = 3 + trial * 4;
            let mut e = Vec::new();
            for _ in 0..n / 2 + trial {
                let a = rng.below(n as u64) as usize;
                let b = rng.below(n as u64) as usize;
                if a != b {
                    e.push((a.min(b), a.max(b), 1.0));
                }
            }
            e.sort_by_key(|x| (x.0, x.1));
            e.dedup_by(|x, y| (x.0, x.1) == (y.0, y.1));
            let names = (0..n).map(|i| format!("n{i}")).collect();
            let g = SimpleGraph::from_edges(names, &e);
            let ours = components(&g);
            assert_eq!(
                ours.len(),
                petgraph::algo::connected_components(&g.to_petgraph()),
                "trial {trial}"
            );
            assert_eq!(ours.iter().map(Vec::len).sum::<usize>(), n);
            assert!(ours.windows(2).all(|w| w[0].len() >= w[1].len()));
        }
    }

    /// With too small a budget the diameter comes back as bounds that hold
    /// it; with enough, exact.
    #[test]
    fn diameter_bounds_when_the_budget_runs_out() {
        // A cycle of 40 nodes: every node is at the far level, iFUB's worst case.
        let n = 40u32;
        let e: Vec<(u32, u32, f64)> = (0..n).map(|v| (v, (v + 1) % n, 1.0)).collect();
        let g = CsrGraph::undirected(n as usize, &e);
        let all: Vec<u32> = (0..n).collect();
        assert_eq!(diameter_of(&g, &all), 20);
        let d = diameter_within(&g, &all, 3 * (g.arc_count() + n as usize));
        assert!(!d.exact);
        assert!(d.value <= 20 && 20 <= d.upper, "{d:?}");
        let d = diameter_within(&g, &all, usize::MAX);
        assert_eq!((d.value, d.upper, d.exact), (20, 20, true));
    }

    #[test]
    fn weak_components_follow_arcs_both_ways() {
        let g = CsrGraph::directed(5, &[(1, 0, 1.0), (2, 1, 1.0), (3, 4, 1.0)]);
        assert_eq!(weak_components(&g), vec![vec![0, 1, 2], vec![3, 4]]);
    }
}
