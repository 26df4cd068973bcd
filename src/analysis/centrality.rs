//! Centrality measures on the weighted simple actor graph.
//!
//! Definitions follow NetworkX so results can be checked against it
//! (tests/fixtures/reference/, produced by scripts/networkx_reference.py):
//!
//! - `degree`: number of neighbours / (n − 1) (`nx.degree_centrality`).
//! - `strength`: sum of edge weights (agreement counts) at the node
//!   (`G.degree(weight="weight")`); not normalised.
//! - `betweenness`: shortest-path betweenness, unweighted, normalised by
//!   (n − 1)(n − 2)/2 for an undirected graph (`nx.betweenness_centrality`).
//! - `closeness`: (r − 1)/(sum of distances to the r − 1 reachable nodes),
//!   scaled by (r − 1)/(n − 1) — the Wasserman–Faust form NetworkX uses for
//!   disconnected graphs (`nx.closeness_centrality`, wf_improved=True).

use crate::error::{Error, Result};
use crate::graph::SimpleGraph;

/// A centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Degree,
    Strength,
    Betweenness,
    Closeness,
}

impl Measure {
    pub const ALL: [Measure; 4] = [
        Measure::Degree,
        Measure::Strength,
        Measure::Betweenness,
        Measure::Closeness,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::Strength => "strength",
            Measure::Betweenness => "betweenness",
            Measure::Closeness => "closeness",
        }
    }

    /// Parses a measure name, or `all`.
    pub fn parse_list(text: &str) -> Result<Vec<Measure>> {
        if text == "all" {
            return Ok(Measure::ALL.to_vec());
        }
        let mut out = Vec::new();
        for part in text.split(',').map(str::trim) {
            match Measure::ALL.iter().find(|m| m.as_str() == part) {
                Some(m) => out.push(*m),
                None => {
                    return Err(Error::BadArgument(format!(
                        "--measure: unknown measure '{part}'\n  help: use one of degree, strength, betweenness, closeness, or all"
                    )))
                }
            }
        }
        Ok(out)
    }
}

/// Scores of one measure, indexed like `graph.nodes`.
pub fn compute(graph: &SimpleGraph, measure: Measure) -> Vec<f64> {
    let n = graph.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    match measure {
        Measure::Degree => {
            let denom = if n > 1 { (n - 1) as f64 } else { 1.0 };
            graph
                .degrees()
                .into_iter()
                .map(|d| if n > 1 { d as f64 / denom } else { 0.0 })
                .collect()
        }
        Measure::Strength => {
            let mut s = vec![0.0; n];
            for e in &graph.edges {
                s[e.a] += e.weight;
                s[e.b] += e.weight;
            }
            s
        }
        Measure::Betweenness => {
            let g = graph.to_petgraph();
            rustworkx_core::centrality::betweenness_centrality(&g, false, true, usize::MAX)
                .into_iter()
                .map(|x| x.unwrap_or(0.0))
                .collect()
        }
        Measure::Closeness => {
            let g = graph.to_petgraph();
            rustworkx_core::centrality::closeness_centrality(&g, true, usize::MAX)
                .into_iter()
                .map(|x| x.unwrap_or(0.0))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::SimpleEdge;

    /// A path a–b–c plus an isolated pair d–e.
    fn path_and_pair() -> SimpleGraph {
        let e = |a, b, w| SimpleEdge {
            a,
            b,
            weight: w,
            relations: vec![],
            agreements: vec![],
        };
        SimpleGraph {
            nodes: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
            edges: vec![e(0, 1, 2.0), e(1, 2, 1.0), e(3, 4, 1.0)],
        }
    }

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-12, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn hand_computed_values() {
        let g = path_and_pair();
        close(
            &compute(&g, Measure::Degree),
            &[0.25, 0.5, 0.25, 0.25, 0.25],
        );
        close(&compute(&g, Measure::Strength), &[2.0, 3.0, 1.0, 1.0, 1.0]);
        // b lies on the one shortest path a–c; normaliser (n-1)(n-2)/2 = 6.
        close(
            &compute(&g, Measure::Betweenness),
            &[0.0, 1.0 / 6.0, 0.0, 0.0, 0.0],
        );
        // a reaches 2 nodes at total distance 3: (2/3) * (2/4); b: (2/2) * (2/4); d: 1 * 1/4.
        close(
            &compute(&g, Measure::Closeness),
            &[1.0 / 3.0, 0.5, 1.0 / 3.0, 0.25, 0.25],
        );
    }

    #[test]
    fn measure_names() {
        assert_eq!(Measure::parse_list("all").unwrap().len(), 4);
        assert_eq!(
            Measure::parse_list("betweenness").unwrap(),
            vec![Measure::Betweenness]
        );
        assert!(Measure::parse_list("prestige").is_err());
    }
}
