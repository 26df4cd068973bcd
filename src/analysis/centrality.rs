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
//! | `harmonic` | Σ 1/d over the nodes reaching it; `--weighted`: distances 1/w | incoming distances |
//! | `eigenvector` | power iteration on A+I, weighted, unit norm | left eigenvector (in-arcs) |
//! | `pagerank` | α = 0.85, weighted | on the arcs |
//! | `brokerage` | Gould–Fernandez roles, always on the directed arcs | same |
//! | `effective-size`, `constraint` | Burt, on mutual weights | same |

use crate::analysis::betweenness::{betweenness, Sampling};
use crate::analysis::{brokerage, closeness, holes, spectral};
use crate::error::{Error, Result};
use crate::graph::csr::{Compact, CsrGraph};
use crate::graph::SimpleGraph;
use crate::model::vocab::vocabulary;

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
    Harmonic => "harmonic", "sum of 1/distance from the actors that reach it (harmonic closeness)";
});

/// How to compute.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Options {
    /// Use the directed arcs (guarantor/mediator → party; symmetric ties both ways).
    pub directed: bool,
    /// Shortest paths (betweenness, closeness, harmonic) use distance 1/weight.
    pub weighted: bool,
    /// Exact betweenness, or an estimate from sampled sources or paths.
    pub sampling: Sampling,
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
/// Builds the compact graph for this one call: to compute several measures
/// of one graph, build a [`Compact`] once and use [`compute_on`].
pub fn compute_with(graph: &SimpleGraph, measure: Measure, opts: Options) -> Result<Vec<Series>> {
    compute_on(&Compact::new(graph), measure, opts)
}

/// Scores of a measure on the compact graphs of one simple graph (built on
/// first use and shared by every measure asked of them).
pub fn compute_on(compact: &Compact<'_>, measure: Measure, opts: Options) -> Result<Vec<Series>> {
    let n = compact.node_count();
    let one = |values: Vec<f64>| {
        Ok(vec![Series {
            name: measure.as_str().to_string(),
            values,
        }])
    };
    if n == 0 {
        return one(Vec::new());
    }
    let g = || -> &CsrGraph { compact.get(opts.directed) };
    match (measure, compact.graph()) {
        (Measure::Degree, Some(graph)) => {
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
            one(normalise_degree(d))
        }
        (Measure::Strength, Some(graph)) => {
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
        (Measure::Degree, None) => {
            let g = g();
            let d = (0..n as u32)
                .map(|v| {
                    let both = if g.is_directed() { g.inc(v).len() } else { 0 };
                    (g.out(v).len() + both) as f64
                })
                .collect();
            one(normalise_degree(d))
        }
        (Measure::Strength, None) => {
            let g = g();
            one((0..n as u32)
                .map(|v| {
                    let out: f64 = g.out_weights(v).iter().sum();
                    let inc: f64 = if g.is_directed() {
                        g.inc_weights(v).iter().sum()
                    } else {
                        0.0
                    };
                    out + inc
                })
                .collect())
        }
        (Measure::Betweenness, _) => one(betweenness(g(), opts.weighted, opts.sampling)),
        (Measure::Closeness, _) => one(closeness::closeness(g(), opts.weighted)),
        (Measure::Harmonic, _) => one(closeness::harmonic(g(), opts.weighted)),
        (Measure::Eigenvector, _) => match spectral::eigenvector(g(), EIGEN_TOL, EIGEN_MAX_ITER) {
            Some(v) => one(v),
            None => Err(Error::DidNotConverge {
                measure: Measure::Eigenvector.as_str(),
                iterations: EIGEN_MAX_ITER,
            }),
        },
        (Measure::PageRank, _) => one(pagerank_on(g())?),
        (Measure::Brokerage, Some(graph)) => Ok(brokerage::roles(graph)),
        (Measure::EffectiveSize, Some(graph)) => one(holes::effective_size(graph, opts.directed)),
        (Measure::Constraint, Some(graph)) => one(holes::constraint(graph, opts.directed)),
        (Measure::Brokerage | Measure::EffectiveSize | Measure::Constraint, None) => {
            Err(Error::NeedsSimpleGraph {
                measure: measure.as_str(),
            })
        }
    }
}

/// Degrees divided by n − 1 (0 for a single node).
fn normalise_degree(d: Vec<f64>) -> Vec<f64> {
    let n = d.len();
    let denom = if n > 1 { (n - 1) as f64 } else { 1.0 };
    d.into_iter()
        .map(|x| if n > 1 { x / denom } else { 0.0 })
        .collect()
}

/// Iteration limits shared with scripts/networkx_reference.py.
pub const EIGEN_MAX_ITER: usize = 10_000;
pub const EIGEN_TOL: f64 = 1e-12;
pub const PAGERANK_ALPHA: f64 = 0.85;
pub const PAGERANK_MAX_ITER: usize = 10_000;
pub const PAGERANK_TOL: f64 = 1e-12;

/// Unnormalised betweenness summed over ordered pairs (s, t) of a graph
/// given as neighbour lists (each undirected edge listed at both ends).
/// With `weighted`, a neighbour at weight w is 1/w away. See
/// [`crate::analysis::betweenness::brandes_sum`].
pub fn brandes(adj: &[Vec<(usize, f64)>], weighted: bool) -> Vec<f64> {
    let arcs: Vec<(u32, u32, f64)> = adj
        .iter()
        .enumerate()
        .flat_map(|(v, l)| l.iter().map(move |&(w, x)| (v as u32, w as u32, x)))
        .collect();
    let g = CsrGraph::directed(adj.len(), &arcs);
    let all: Vec<u32> = (0..adj.len() as u32).collect();
    crate::analysis::betweenness::brandes_sum(&g, weighted, &all)
}

/// PageRank with damping 0.85 and uniform teleport, as NetworkX computes it
/// (see [`spectral::pagerank`]); undirected graphs use each edge both ways.
pub fn pagerank(graph: &SimpleGraph, directed: bool) -> Result<Vec<f64>> {
    pagerank_on(Compact::new(graph).get(directed))
}

fn pagerank_on(g: &CsrGraph) -> Result<Vec<f64>> {
    spectral::pagerank(g, PAGERANK_ALPHA, PAGERANK_TOL, PAGERANK_MAX_ITER).ok_or(
        Error::DidNotConverge {
            measure: Measure::PageRank.as_str(),
            iterations: PAGERANK_MAX_ITER,
        },
    )
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
                ..Options::default()
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
                ..Options::default()
            },
        )
        .unwrap();
        close(&d[0].values, &[1.0, 1.5, 1.5]);
    }

    #[test]
    fn measure_names() {
        use crate::model::vocab::parse_list;
        assert_eq!(parse_list("all", Measure::ALL).unwrap().len(), 10);
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
