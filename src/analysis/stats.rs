//! Whole-graph statistics of a slice.

use crate::analysis::paths::{components, diameter};
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
pub fn stats(graph: &SimpleGraph) -> GraphStats {
    let n = graph.nodes.len();
    let m = graph.edges.len();
    let comps = components(graph);
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
        diameter: comps.first().map_or(0, |c| diameter(graph, c)),
        mean_degree: if n > 0 {
            2.0 * m as f64 / n as f64
        } else {
            0.0
        },
        total_weight: graph.edges.iter().fold(0.0, |s, e| s + e.weight),
    }
}
