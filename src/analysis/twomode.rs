//! Bipartite measures on the two-mode graph (actors × agreements), as
//! NetworkX's `bipartite` module defines them (Borgatti & Everett 1997):
//!
//! - degree: deg(v) / size of the other mode;
//! - betweenness: unnormalised betweenness divided by the bipartite maximum
//!   for the node's mode;
//! - closeness: (size of other mode + 2·(size of own mode − 1)) / Σ distances,
//!   times (reachable − 1)/(n − 1).
//!
//! An actor that plays several roles in one agreement has one edge to it;
//! the graph is [`crate::graph::TwoMode`], the same one two-mode figures draw.

use crate::analysis::betweenness::brandes_sum;
use crate::analysis::shortest::{chunk_ranges, par_chunks, Workspace, PARALLEL_WORK, UNSEEN};
use crate::graph::csr::CsrGraph;
use crate::graph::TwoMode;

/// Node labels (actor ids, then `agreement:<id>`) and adjacency of a two-mode graph.
pub struct Bipartite {
    pub labels: Vec<String>,
    /// How many of the first labels are actors.
    pub actors: usize,
    pub adj: Vec<Vec<(usize, f64)>>,
}

impl Bipartite {
    /// The bipartite graph of a two-mode graph: actors first, then agreements.
    pub fn new(tm: &TwoMode) -> Bipartite {
        let actors = tm.actors.len();
        let mut labels: Vec<String> = tm.actors.clone();
        labels.extend(tm.agreements.iter().map(|a| format!("agreement:{a}")));
        let mut adj = vec![Vec::new(); labels.len()];
        for l in &tm.links {
            let g = actors + l.agreement;
            adj[l.actor].push((g, l.weight));
            adj[g].push((l.actor, l.weight));
        }
        Bipartite {
            labels,
            actors,
            adj,
        }
    }

    /// The compact graph of the links.
    fn csr(&self) -> CsrGraph {
        let mut edges = Vec::new();
        for (v, l) in self.adj.iter().enumerate() {
            for &(w, x) in l {
                if v < w {
                    edges.push((v as u32, w as u32, x));
                }
            }
        }
        CsrGraph::undirected(self.labels.len(), &edges)
    }

    fn sizes(&self, v: usize) -> (f64, f64) {
        let n = self.actors as f64;
        let m = (self.labels.len() - self.actors) as f64;
        if v < self.actors {
            (n, m)
        } else {
            (m, n)
        }
    }

    /// Bipartite degree centrality.
    pub fn degree(&self) -> Vec<f64> {
        (0..self.labels.len())
            .map(|v| {
                let (_, other) = self.sizes(v);
                if other == 0.0 {
                    0.0
                } else {
                    self.adj[v].len() as f64 / other
                }
            })
            .collect()
    }

    /// Weighted degree: the sum of a node's link weights (1 per link with
    /// the `count` weighting, so then the number of links).
    pub fn strength(&self) -> Vec<f64> {
        self.adj
            .iter()
            .map(|l| l.iter().map(|(_, w)| w).sum())
            .collect()
    }

    /// Bipartite betweenness centrality.
    pub fn betweenness(&self) -> Vec<f64> {
        let all: Vec<u32> = (0..self.labels.len() as u32).collect();
        let raw = brandes_sum(&self.csr(), false, &all);
        let max_for = |n: i64, m: i64| -> f64 {
            if m == 0 {
                return 0.0;
            }
            let (s, t) = ((n - 1).div_euclid(m), (n - 1).rem_euclid(m));
            (((m * m) * ((s + 1) * (s + 1))) + (m * (s + 1) * (2 * t - s - 1))
                - (t * ((2 * s) - t + 3))) as f64
                / 2.0
        };
        let n = self.actors as i64;
        let m = (self.labels.len() - self.actors) as i64;
        let (top, bottom) = (max_for(n, m), max_for(m, n));
        raw.iter()
            .enumerate()
            .map(|(v, &b)| {
                let unnormalised = b / 2.0;
                let max = if v < self.actors { top } else { bottom };
                if max == 0.0 {
                    0.0
                } else {
                    unnormalised / max
                }
            })
            .collect()
    }

    /// Bipartite closeness centrality (normalised by the reachable share):
    /// one array breadth-first search per node, in parallel.
    pub fn closeness(&self) -> Vec<f64> {
        let total = self.labels.len();
        let g = self.csr();
        let ranges = chunk_ranges(total, 64);
        let parallel = total.saturating_mul(g.arc_count() + total) > PARALLEL_WORK;
        par_chunks(
            &ranges,
            parallel,
            || Workspace::new(total),
            |ws, range| {
                range
                    .map(|s| {
                        ws.bfs(g.out_rows(), s as u32, false, None);
                        let tot: u64 = ws
                            .order
                            .iter()
                            .map(|&v| ws.dist[v as usize])
                            .filter(|&d| d != UNSEEN)
                            .map(u64::from)
                            .sum();
                        if tot == 0 || total < 2 {
                            return 0.0;
                        }
                        let (own, other) = self.sizes(s);
                        let c = (other + 2.0 * (own - 1.0)) / tot as f64;
                        c * (ws.order.len() - 1) as f64 / (total - 1) as f64
                    })
                    .collect::<Vec<f64>>()
            },
        )
        .concat()
    }
}
