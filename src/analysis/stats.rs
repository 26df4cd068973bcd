//! Whole-graph statistics of a slice.

use crate::analysis::paths::{components_of, diameter_of};
use crate::graph::csr::CsrGraph;
use crate::graph::SimpleGraph;
use serde::Serialize;

/// Size and shape of one slice's actor graph.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GraphStats {
    pub nodes: usize,
    pub edges: usize,
    /// 2m / (n(n − 1)); 0 for fewer than two nodes.
    pub density: f64,
    pub components: usize,
    /// Nodes in the largest component.
    pub largest_component: usize,
    /// Longest shortest path within the largest component.
    pub diameter: usize,
    /// Mean number of neighbours.
    pub mean_degree: f64,
    /// Sum of edge weights.
    pub total_weight: f64,
}

/// Statistics of a simple graph.
///
/// O(n + m) for everything but the diameter (components in one pass); the
/// diameter of the largest component is exact, by iFUB
/// ([`crate::analysis::paths::diameter_of`]).
pub fn stats(graph: &SimpleGraph) -> GraphStats {
    let g = CsrGraph::from_simple_edges(graph);
    let total = graph.edges.iter().fold(0.0, |s, e| s + e.weight);
    stats_of(&g, graph.edges.len(), total)
}

/// Statistics of an undirected compact graph of `m` edges whose weights sum
/// to `total_weight` (the compact graph stores each edge twice).
pub fn stats_of(g: &CsrGraph, m: usize, total_weight: f64) -> GraphStats {
    let n = g.node_count();
    let comps = components_of(g);
    GraphStats {
        nodes: n,
        edges: m,
        density: if n > 1 {
            2.0 * m as f64 / (n * (n - 1)) as f64
        } else {
            0.0
        },
        components: comps.len(),
        largest_component: comps.first().map_or(0, Vec::len),
        diameter: comps.first().map_or(0, |c| diameter_of(g, c)),
        mean_degree: if n > 0 {
            2.0 * m as f64 / n as f64
        } else {
            0.0
        },
        total_weight,
    }
}
