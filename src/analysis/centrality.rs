//! Centrality measures on the weighted simple actor graph.
//!
//! Every definition follows NetworkX so results can be checked against it
//! (tests/fixtures/reference/, produced by scripts/networkx_reference.py);
//! docs/measures.md gives each formula. Weights are agreement counts (or
//! Newman weights, or 1, see [`crate::graph::Weighting`]); where a measure
//! needs distances, a tie of weight w is 1/w long.
//!
//! | measure | undirected | `--directed` |
//! |---|---|---|
//! | `degree` | neighbours/(n−1) | (in + out arcs)/(n−1) |
//! | `strength` | Σ edge weights | Σ in + out arc weights |
//! | `betweenness` | Brandes, normalised by (n−1)(n−2)/2; `--weighted`: distances 1/w | normalised by (n−1)(n−2) |
//! | `closeness` | Wasserman–Faust; `--weighted`: distances 1/w | incoming distances |
//! | `eigenvector` | power iteration on A+I, weighted, unit norm | left eigenvector (in-arcs) |
//! | `pagerank` | α = 0.85, weighted | on the arcs |
//! | `brokerage` | Gould–Fernandez roles, always on the directed arcs | same |
//! | `effective-size`, `constraint` | Burt, on mutual weights | same |

use crate::analysis::{brokerage, holes};
use crate::error::{Error, Result};
use crate::graph::SimpleGraph;
use crate::model::vocab::vocabulary;
use petgraph::visit::EdgeRef;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

vocabulary!(
    /// A centrality measure (exact definitions in docs/measures.md).
    Measure, "measure" {
    Degree => "degree", "neighbours / (n - 1)";
    Strength => "strength", "sum of tie weights";
    Betweenness => "betweenness", "share of shortest paths through the actor (Brandes)";
    Closeness => "closeness", "inverse mean distance to the actors it reaches (Wasserman-Faust)";
    Eigenvector => "eigenvector", "principal eigenvector of the weighted adjacency";
    PageRank => "pagerank", "PageRank, damping 0.85";
    Brokerage => "brokerage", "Gould-Fernandez brokerage roles between alignment groups";
    EffectiveSize => "effective-size", "Burt's effective size of the ego network";
    Constraint => "constraint", "Burt's constraint";
});

/// How to compute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Use the directed arcs (guarantor/mediator → party; symmetric ties both ways).
    pub directed: bool,
    /// Shortest paths (betweenness, closeness) use distance 1/weight.
    pub weighted: bool,
}

/// One named series of scores, indexed like `graph.nodes`.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// Scores of one single-valued measure with default options (for brokerage,
/// the total); indexed like `graph.nodes`.
pub fn compute(graph: &SimpleGraph, measure: Measure) -> Result<Vec<f64>> {
    Ok(compute_with(graph, measure, Options::default())?
        .into_iter()
        .next()
        .map(|s| s.values)
        .unwrap_or_default())
}

/// Scores of a measure; brokerage yields its total and one series per role.
pub fn compute_with(graph: &SimpleGraph, measure: Measure, opts: Options) -> Result<Vec<Series>> {
    let n = graph.nodes.len();
    let one = |values: Vec<f64>| {
        Ok(vec![Series {
            name: measure.as_str().to_string(),
            values,
        }])
    };
    if n == 0 {
        return one(Vec::new());
    }
    match measure {
        Measure::Degree => {
            let d: Vec<f64> = if opts.directed {
                let mut d = vec![0.0; n];
                for a in &graph.arcs {
                    d[a.from] += 1.0;
                    d[a.to] += 1.0;
                }
                d
            } else {
                graph.degrees().into_iter().map(|x| x as f64).collect()
            };
            let denom = if n > 1 { (n - 1) as f64 } else { 1.0 };
            one(d
                .into_iter()
                .map(|x| if n > 1 { x / denom } else { 0.0 })
                .collect())
        }
        Measure::Strength => {
            let mut s = vec![0.0; n];
            if opts.directed {
                for a in &graph.arcs {
                    s[a.from] += a.weight;
                    s[a.to] += a.weight;
                }
            } else {
                for e in &graph.edges {
                    s[e.a] += e.weight;
                    s[e.b] += e.weight;
                }
            }
            one(s)
        }
        Measure::Betweenness => {
            if opts.weighted {
                let adj = if opts.directed {
                    graph.out_adjacency()
                } else {
                    graph.adjacency()
                };
                let raw = brandes(&adj, true);
                let scale = if n > 2 {
                    1.0 / ((n - 1) * (n - 2)) as f64
                } else {
                    0.0
                };
                one(raw.into_iter().map(|x| x * scale).collect())
            } else if opts.directed {
                let g = graph.to_petgraph_directed();
                one(unwrap_all(
                    rustworkx_core::centrality::betweenness_centrality(&g, false, true, usize::MAX),
                ))
            } else {
                let g = graph.to_petgraph();
                one(unwrap_all(
                    rustworkx_core::centrality::betweenness_centrality(&g, false, true, usize::MAX),
                ))
            }
        }
        Measure::Closeness => {
            use rustworkx_core::centrality::{
                closeness_centrality, newman_weighted_closeness_centrality,
            };
            let values = match (opts.directed, opts.weighted) {
                (false, false) => closeness_centrality(&graph.to_petgraph(), true, usize::MAX),
                (true, false) => {
                    closeness_centrality(&graph.to_petgraph_directed(), true, usize::MAX)
                }
                (false, true) => newman_weighted_closeness_centrality(
                    &graph.to_petgraph(),
                    true,
                    |e| *e.weight(),
                    usize::MAX,
                ),
                (true, true) => newman_weighted_closeness_centrality(
                    &graph.to_petgraph_directed(),
                    true,
                    |e| *e.weight(),
                    usize::MAX,
                ),
            };
            one(unwrap_all(values))
        }
        Measure::Eigenvector => {
            use rustworkx_core::centrality::eigenvector_centrality;
            let weight = |e: petgraph::graph::EdgeReference<f64>| -> std::result::Result<f64, std::convert::Infallible> { Ok(*e.weight()) };
            let r = if opts.directed {
                eigenvector_centrality(
                    &graph.to_petgraph_directed(),
                    weight,
                    Some(EIGEN_MAX_ITER),
                    Some(EIGEN_TOL),
                )
            } else {
                eigenvector_centrality(
                    &graph.to_petgraph(),
                    weight,
                    Some(EIGEN_MAX_ITER),
                    Some(EIGEN_TOL),
                )
            };
            match r {
                Ok(Some(v)) => one(v),
                _ => Err(Error::DidNotConverge {
                    measure: Measure::Eigenvector.as_str(),
                    iterations: EIGEN_MAX_ITER,
                }),
            }
        }
        Measure::PageRank => one(pagerank(graph, opts.directed)?),
        Measure::Brokerage => Ok(brokerage::roles(graph)),
        Measure::EffectiveSize => one(holes::effective_size(graph, opts.directed)),
        Measure::Constraint => one(holes::constraint(graph, opts.directed)),
    }
}

/// Iteration limits shared with scripts/networkx_reference.py.
pub const EIGEN_MAX_ITER: usize = 10_000;
pub const EIGEN_TOL: f64 = 1e-12;
pub const PAGERANK_ALPHA: f64 = 0.85;
pub const PAGERANK_MAX_ITER: usize = 10_000;
pub const PAGERANK_TOL: f64 = 1e-12;

fn unwrap_all(v: Vec<Option<f64>>) -> Vec<f64> {
    v.into_iter().map(|x| x.unwrap_or(0.0)).collect()
}

/// A heap entry ordered by smallest distance first, then insertion order.
#[derive(PartialEq)]
struct Entry(f64, usize, usize, usize);

impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

/// Brandes' algorithm: unnormalised betweenness summed over ordered pairs
/// (s, t). With `weighted`, a neighbour at weight w is 1/w away (Dijkstra,
/// exact tie test as in NetworkX); otherwise breadth-first.
pub fn brandes(adj: &[Vec<(usize, f64)>], weighted: bool) -> Vec<f64> {
    let n = adj.len();
    let mut bc = vec![0.0; n];
    for s in 0..n {
        let mut stack = Vec::with_capacity(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0f64; n];
        let mut dist: Vec<Option<f64>> = vec![None; n];
        sigma[s] = 1.0;
        if weighted {
            let mut seen: Vec<Option<f64>> = vec![None; n];
            let mut heap = BinaryHeap::new();
            let mut counter = 0;
            seen[s] = Some(0.0);
            heap.push(Entry(0.0, counter, s, s));
            while let Some(Entry(d, _, pred, v)) = heap.pop() {
                if dist[v].is_some() {
                    continue;
                }
                if pred != v {
                    sigma[v] += sigma[pred];
                }
                stack.push(v);
                dist[v] = Some(d);
                for &(w, weight) in &adj[v] {
                    let vw = d + 1.0 / weight;
                    if dist[w].is_none() && seen[w].is_none_or(|sw| vw < sw) {
                        seen[w] = Some(vw);
                        counter += 1;
                        heap.push(Entry(vw, counter, v, w));
                        sigma[w] = 0.0;
                        preds[w] = vec![v];
                    } else if seen[w] == Some(vw) {
                        sigma[w] += sigma[v];
                        preds[w].push(v);
                    }
                }
            }
        } else {
            let mut queue = std::collections::VecDeque::new();
            dist[s] = Some(0.0);
            queue.push_back(s);
            while let Some(v) = queue.pop_front() {
                stack.push(v);
                let dv = dist[v].unwrap_or(0.0);
                for &(w, _) in &adj[v] {
                    if dist[w].is_none() {
                        dist[w] = Some(dv + 1.0);
                        queue.push_back(w);
                    }
                    if dist[w] == Some(dv + 1.0) {
                        sigma[w] += sigma[v];
                        preds[w].push(v);
                    }
                }
            }
        }
        let mut delta = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                bc[w] += delta[w];
            }
        }
    }
    bc
}

/// PageRank with damping 0.85 and uniform teleport, as NetworkX computes it:
/// each node's out-weights are normalised to 1; dangling nodes spread their
/// rank uniformly. Undirected graphs use each edge both ways.
pub fn pagerank(graph: &SimpleGraph, directed: bool) -> Result<Vec<f64>> {
    let n = graph.nodes.len();
    let arcs: Vec<(usize, usize, f64)> = if directed {
        graph
            .arcs
            .iter()
            .map(|a| (a.from, a.to, a.weight))
            .collect()
    } else {
        graph
            .edges
            .iter()
            .flat_map(|e| [(e.a, e.b, e.weight), (e.b, e.a, e.weight)])
            .collect()
    };
    let mut out_w = vec![0.0; n];
    for &(a, _, w) in &arcs {
        out_w[a] += w;
    }
    let nf = n as f64;
    let mut x = vec![1.0 / nf; n];
    for _ in 0..PAGERANK_MAX_ITER {
        let dangling: f64 = (0..n).filter(|&i| out_w[i] == 0.0).map(|i| x[i]).sum();
        let mut next = vec![0.0; n];
        for &(a, b, w) in &arcs {
            next[b] += x[a] * w / out_w[a];
        }
        for v in next.iter_mut() {
            *v = PAGERANK_ALPHA * (*v + dangling / nf) + (1.0 - PAGERANK_ALPHA) / nf;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < nf * PAGERANK_TOL {
            return Ok(x);
        }
    }
    Err(Error::DidNotConverge {
        measure: Measure::PageRank.as_str(),
        iterations: PAGERANK_MAX_ITER,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path a–b–c plus a separate pair d–e.
    fn path_and_pair() -> SimpleGraph {
        SimpleGraph::from_edges(
            ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
            &[(0, 1, 2.0), (1, 2, 1.0), (3, 4, 1.0)],
        )
    }

    fn compute_ok(g: &SimpleGraph, m: Measure) -> Vec<f64> {
        compute(g, m).unwrap()
    }

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-9, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn hand_computed_values() {
        let g = path_and_pair();
        close(
            &compute_ok(&g, Measure::Degree),
            &[0.25, 0.5, 0.25, 0.25, 0.25],
        );
        close(
            &compute_ok(&g, Measure::Strength),
            &[2.0, 3.0, 1.0, 1.0, 1.0],
        );
        // b lies on the one shortest path a–c; normaliser (n-1)(n-2)/2 = 6.
        close(
            &compute_ok(&g, Measure::Betweenness),
            &[0.0, 1.0 / 6.0, 0.0, 0.0, 0.0],
        );
        // a reaches 2 nodes at total distance 3: (2/3) * (2/4); b: (2/2) * (2/4); d: 1 * 1/4.
        close(
            &compute_ok(&g, Measure::Closeness),
            &[1.0 / 3.0, 0.5, 1.0 / 3.0, 0.25, 0.25],
        );
    }

    #[test]
    fn weighted_paths_prefer_strong_ties() {
        // Square a-b-c-d-a; a–b and b–c strong (w=4, length 1/4), c–d and d–a weak (length 1).
        // From a to c: via b costs 1/2, via d costs 2: b is on the one weighted shortest path.
        let g = SimpleGraph::from_edges(
            ["a", "b", "c", "d"].map(String::from).to_vec(),
            &[(0, 1, 4.0), (1, 2, 4.0), (2, 3, 1.0), (3, 0, 1.0)],
        );
        let unweighted = compute_ok(&g, Measure::Betweenness);
        close(&unweighted, &[1.0 / 6.0; 4]);
        let w = compute_with(
            &g,
            Measure::Betweenness,
            Options {
                weighted: true,
                directed: false,
            },
        )
        .unwrap();
        // Pairs: a–c via b (b +1). b–d: via a (1/4+1=1.25) or c (1.25): a and c +1/2 each.
        // Normalised by (n-1)(n-2)/2 = 3.
        close(&w[0].values, &[0.5 / 3.0, 1.0 / 3.0, 0.5 / 3.0, 0.0]);
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_hubs() {
        let star = SimpleGraph::from_edges(
            ["hub", "a", "b", "c"].map(String::from).to_vec(),
            &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)],
        );
        let pr = compute_ok(&star, Measure::PageRank);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // Closed form for a star with 3 leaves: hub = (1 - α)/4 + α * 3 * leaf, leaf = (1 - α)/4 + α * hub / 3.
        let a = PAGERANK_ALPHA;
        let hub = ((1.0 - a) / 4.0 + a * (1.0 - a) / 4.0 * 3.0) / (1.0 - a * a);
        assert!((pr[0] - hub).abs() < 1e-9, "{pr:?} vs {hub}");
    }

    #[test]
    fn eigenvector_of_a_star() {
        // Principal eigenvector of a star with k leaves: hub sqrt(k) times a leaf; unit norm.
        let star = SimpleGraph::from_edges(
            ["hub", "a", "b", "c", "d"].map(String::from).to_vec(),
            &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (0, 4, 1.0)],
        );
        let e = compute_ok(&star, Measure::Eigenvector);
        let leaf = 1.0 / (4.0f64 + 4.0).sqrt();
        close(&e, &[2.0 * leaf, leaf, leaf, leaf, leaf]);
    }

    #[test]
    fn directed_degree_counts_arcs() {
        let g = SimpleGraph::from_arcs(
            ["g", "a", "b"].map(String::from).to_vec(),
            &[(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (2, 1, 1.0)],
        );
        let d = compute_with(
            &g,
            Measure::Degree,
            Options {
                directed: true,
                weighted: false,
            },
        )
        .unwrap();
        close(&d[0].values, &[1.0, 1.5, 1.5]);
    }

    #[test]
    fn measure_names() {
        use crate::model::vocab::parse_list;
        assert_eq!(parse_list("all", Measure::ALL).unwrap().len(), 9);
        assert_eq!(
            parse_list("betweenness", Measure::ALL).unwrap(),
            vec![Measure::Betweenness]
        );
        assert_eq!(
            parse_list("pagerank,effective-size", Measure::ALL).unwrap(),
            vec![Measure::PageRank, Measure::EffectiveSize]
        );
        assert!(parse_list("prestige", Measure::ALL).is_err());
    }
}
