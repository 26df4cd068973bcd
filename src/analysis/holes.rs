//! Burt's structural-hole measures, as NetworkX defines them
//! (`nx.effective_size`, `nx.constraint` with weights).
//!
//! With mutual weight m(u,v) = w(u→v) + w(v→u) (an undirected edge counts
//! both ways), p(u,v) = m(u,v)/Σ_x m(u,x) and q(v,w) = m(v,w)/max_x m(v,x):
//!
//! - effective size e(u) = Σ_{v∈N(u)} (1 − Σ_{w∈N(u)} p(u,w)·q(v,w))
//! - constraint c(u) = Σ_{v∈N(u)} (p(u,v) + Σ_{w∈N(u)} p(u,w)·p(w,v))²
//!
//! N(u) are the in- and out-neighbours of u. Isolated nodes have neither
//! (NaN, printed as null/empty); the actor graph has none.

use crate::graph::SimpleGraph;
use std::collections::BTreeMap;

/// Mutual weights per node: neighbour → m(u, v).
fn mutual(graph: &SimpleGraph, directed: bool) -> Vec<BTreeMap<usize, f64>> {
    let mut m: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); graph.nodes.len()];
    let mut add = |a: usize, b: usize, w: f64| {
        if a != b {
            *m[a].entry(b).or_insert(0.0) += w;
            *m[b].entry(a).or_insert(0.0) += w;
        }
    };
    if directed {
        for a in &graph.arcs {
            add(a.from, a.to, a.weight);
        }
    } else {
        for e in &graph.edges {
            add(e.a, e.b, 2.0 * e.weight);
        }
    }
    m
}

/// Normalised mutual weights p(u, v) = m(u, v) / Σ_x m(u, x), per node.
fn proportions(m: &[BTreeMap<usize, f64>]) -> Vec<BTreeMap<usize, f64>> {
    m.iter()
        .map(|row| {
            let total: f64 = row.values().sum();
            row.iter()
                .map(|(&v, &w)| (v, if total == 0.0 { 0.0 } else { w / total }))
                .collect()
        })
        .collect()
}

fn get(row: &BTreeMap<usize, f64>, v: usize) -> f64 {
    row.get(&v).copied().unwrap_or(0.0)
}

/// Burt's effective size per node.
pub fn effective_size(graph: &SimpleGraph, directed: bool) -> Vec<f64> {
    let m = mutual(graph, directed);
    let p = proportions(&m);
    let max: Vec<f64> = m
        .iter()
        .map(|row| row.values().cloned().fold(0.0, f64::max))
        .collect();
    (0..graph.nodes.len())
        .map(|u| {
            if m[u].is_empty() {
                return f64::NAN;
            }
            m[u].keys()
                .map(|&v| {
                    let r: f64 = p[u]
                        .iter()
                        .map(|(&w, &puw)| {
                            let q = if max[v] == 0.0 {
                                0.0
                            } else {
                                get(&m[v], w) / max[v]
                            };
                            puw * q
                        })
                        .sum();
                    1.0 - r
                })
                .sum()
        })
        .collect()
}

/// Burt's constraint per node.
pub fn constraint(graph: &SimpleGraph, directed: bool) -> Vec<f64> {
    let m = mutual(graph, directed);
    let p = proportions(&m);
    (0..graph.nodes.len())
        .map(|u| {
            if m[u].is_empty() {
                return f64::NAN;
            }
            p[u].keys()
                .map(|&v| {
                    let indirect: f64 = p[u].iter().map(|(&w, &puw)| puw * get(&p[w], v)).sum();
                    (get(&p[u], v) + indirect).powi(2)
                })
                .sum()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_and_triangle_by_hand() {
        // Star: hub with 3 unconnected leaves: effective size 3, constraint 3 * (1/3)^2 = 1/3.
        let star = SimpleGraph::from_edges(
            ["h", "a", "b", "c"].map(String::from).to_vec(),
            &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)],
        );
        let e = effective_size(&star, false);
        assert!((e[0] - 3.0).abs() < 1e-12);
        assert!((e[1] - 1.0).abs() < 1e-12);
        let c = constraint(&star, false);
        assert!((c[0] - 1.0 / 3.0).abs() < 1e-12);
        assert!((c[1] - 1.0).abs() < 1e-12);
        // Triangle: each has 2 contacts tied to each other: effective size 2 - 2*1/2 = 1;
        // constraint 2 * (1/2 + 1/2 * 1/2)^2 = 2 * 9/16.
        let tri = SimpleGraph::from_edges(
            ["x", "y", "z"].map(String::from).to_vec(),
            &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)],
        );
        assert!((effective_size(&tri, false)[0] - 1.0).abs() < 1e-12);
        assert!((constraint(&tri, false)[0] - 1.125).abs() < 1e-12);
    }
}
