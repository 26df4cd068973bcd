//! Whole-graph statistics of a slice.

use crate::analysis::paths::{components_of, diameter_within, DIAMETER_WORK};
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
    /// Longest shortest path within the largest component (a lower bound
    /// when not `diameter_exact`).
    pub diameter: usize,
    /// Mean number of neighbours.
    pub mean_degree: f64,
    /// Sum of edge weights.
    pub total_weight: f64,
    /// Whether `diameter` is exact: false when the largest component is too
    /// large and hub-less for the search budget
    /// ([`crate::analysis::paths::DIAMETER_WORK`]); then the diameter lies
    /// between `diameter` and `diameter_upper`.
    pub diameter_exact: bool,
    /// An upper bound of the diameter (equal to it when exact).
    pub diameter_upper: usize,
}

/// Statistics of a simple graph.
///
/// O(n + m) for everything but the diameter (components in one pass); the
/// diameter of the largest component is exact, by iFUB
/// ([`crate::analysis::paths::diameter_of`]), unless that would take more
/// than [`DIAMETER_WORK`]: then bounds (`diameter_exact` false).
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
    let diameter = comps.first().map(|c| diameter_within(g, c, DIAMETER_WORK));
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
        diameter: diameter.map_or(0, |d| d.value),
        mean_degree: if n > 0 {
            2.0 * m as f64 / n as f64
        } else {
            0.0
        },
        total_weight,
        diameter_exact: diameter.is_none_or(|d| d.exact),
        diameter_upper: diameter.map_or(0, |d| d.upper),
    }
}
