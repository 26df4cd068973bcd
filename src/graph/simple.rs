//! The weighted simple graph measures run on: one edge per actor pair for the
//! chosen relations (and the same ties as directed arcs), weighted by
//! agreement count, Newman's collaboration weighting, or 1.

use crate::graph::{ActorGraph, Relation, Tie};
use crate::model::vocab::vocabulary;
use indexmap::IndexMap;
use petgraph::graph::UnGraph;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

vocabulary!(
    /// How the projection weights an actor pair.
    Weighting, "weighting" {
    Count => "count", "number of distinct agreements behind the pair";
    Newman => "newman", "Newman's collaboration weighting: each agreement adds 1/(k - 1), k = the actors it ties together in the chosen relations";
    None => "none", "every edge weighs 1";
});

// The vocabulary macro defines the enum, so `Default` cannot be derived.
#[allow(clippy::derivable_impls)]
impl Default for Weighting {
    fn default() -> Self {
        Weighting::Count
    }
}

impl Weighting {
    /// The weight of a set of agreements behind one edge; `size` gives the
    /// number of actors an agreement ties together (for Newman's weighting).
    pub fn weigh<'a>(
        self,
        agreements: impl IntoIterator<Item = &'a str>,
        size: impl Fn(&str) -> usize,
    ) -> f64 {
        match self {
            Weighting::Count => agreements.into_iter().count() as f64,
            Weighting::None => 1.0,
            Weighting::Newman => agreements
                .into_iter()
                .map(|a| 1.0 / (size(a).max(2) - 1) as f64)
                .sum(),
        }
    }
}

/// A directed arc of the simple graph: guarantor/mediator → party for the
/// directed relations, both ways for the symmetric ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimpleArc {
    pub from: usize,
    pub to: usize,
    pub weight: f64,
}

/// An edge of the simple graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimpleEdge {
    /// Node indices into [`SimpleGraph::nodes`], `a < b`.
    pub a: usize,
    pub b: usize,
    /// Number of distinct agreements behind the pair in the chosen relations.
    pub weight: f64,
    pub relations: Vec<Relation>,
    pub agreements: Vec<String>,
    /// The agreements (among `agreements`) where the pair is tied only
    /// through roles the coders inferred.
    pub inferred: Vec<String>,
}

/// The weighted simple graph that measures run on.
#[derive(Debug, Clone, Default)]
pub struct SimpleGraph {
    /// Actor ids, sorted.
    pub nodes: Vec<String>,
    /// Edges sorted by (a, b).
    pub edges: Vec<SimpleEdge>,
    /// The same ties as directed arcs, sorted by (from, to).
    pub arcs: Vec<SimpleArc>,
    /// A group label per node (the actor's alignment), for brokerage; empty
    /// when not set.
    pub groups: Vec<String>,
}

/// For Newman's weighting: the number of actors each agreement ties together
/// through the given ties.
pub fn agreement_sizes<'a>(ties: impl IntoIterator<Item = &'a Tie>) -> BTreeMap<&'a str, usize> {
    let mut members: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for t in ties {
        for a in &t.agreements {
            let m = members.entry(a.as_str()).or_default();
            m.insert(t.from.as_str());
            m.insert(t.to.as_str());
        }
    }
    members.into_iter().map(|(a, m)| (a, m.len())).collect()
}

impl ActorGraph {
    /// Collapses the chosen relations to one undirected edge per actor pair,
    /// weighted by agreement count. Nodes are the actors with at least one
    /// tie in those relations.
    pub fn simple(&self, relations: &[Relation]) -> SimpleGraph {
        self.simple_weighted(relations, Weighting::Count)
    }

    /// Like [`ActorGraph::simple`], with a choice of weighting.
    pub fn simple_weighted(&self, relations: &[Relation], weighting: Weighting) -> SimpleGraph {
        let chosen: Vec<&Tie> = self
            .ties
            .iter()
            .filter(|t| relations.contains(&t.relation))
            .collect();
        let sizes = agreement_sizes(chosen.iter().copied());
        let size = |a: &str| sizes.get(a).copied().unwrap_or(2);
        let weigh = |ags: &BTreeSet<String>| weighting.weigh(ags.iter().map(String::as_str), size);
        // pair → (relations, agreements, agreements that rest on a stated role)
        #[allow(clippy::type_complexity)]
        let mut pairs: BTreeMap<
            (String, String),
            (BTreeSet<Relation>, BTreeSet<String>, BTreeSet<String>),
        > = BTreeMap::new();
        let mut directed: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
        for t in &chosen {
            let key = if t.from < t.to {
                (t.from.clone(), t.to.clone())
            } else {
                (t.to.clone(), t.from.clone())
            };
            let e = pairs.entry(key).or_default();
            e.0.insert(t.relation);
            e.1.extend(t.agreements.iter().cloned());
            e.2.extend(
                t.agreements
                    .iter()
                    .filter(|a| !t.inferred.contains(a))
                    .cloned(),
            );
            directed
                .entry((t.from.clone(), t.to.clone()))
                .or_default()
                .extend(t.agreements.iter().cloned());
            if !t.relation.is_directed() {
                directed
                    .entry((t.to.clone(), t.from.clone()))
                    .or_default()
                    .extend(t.agreements.iter().cloned());
            }
        }
        let nodes: Vec<String> = pairs
            .keys()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let index: IndexMap<&str, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let edges = pairs
            .iter()
            .map(|((a, b), (rels, ags, stated))| SimpleEdge {
                a: index[a.as_str()],
                b: index[b.as_str()],
                weight: weigh(ags),
                relations: rels.iter().copied().collect(),
                agreements: ags.iter().cloned().collect(),
                inferred: ags.difference(stated).cloned().collect(),
            })
            .collect();
        let arcs = directed
            .iter()
            .map(|((a, b), ags)| SimpleArc {
                from: index[a.as_str()],
                to: index[b.as_str()],
                weight: weigh(ags),
            })
            .collect();
        SimpleGraph {
            nodes,
            edges,
            arcs,
            groups: Vec::new(),
        }
    }
}

impl SimpleGraph {
    /// The graph as a petgraph undirected graph with weights; node `i` is `nodes[i]`.
    pub fn to_petgraph(&self) -> UnGraph<(), f64> {
        let mut g = UnGraph::with_capacity(self.nodes.len(), self.edges.len());
        for _ in &self.nodes {
            g.add_node(());
        }
        for e in &self.edges {
            g.add_edge(
                petgraph::graph::NodeIndex::new(e.a),
                petgraph::graph::NodeIndex::new(e.b),
                e.weight,
            );
        }
        g
    }

    /// The arcs as a petgraph directed graph with weights.
    pub fn to_petgraph_directed(&self) -> petgraph::graph::DiGraph<(), f64> {
        let mut g = petgraph::graph::DiGraph::with_capacity(self.nodes.len(), self.arcs.len());
        for _ in &self.nodes {
            g.add_node(());
        }
        for a in &self.arcs {
            g.add_edge(
                petgraph::graph::NodeIndex::new(a.from),
                petgraph::graph::NodeIndex::new(a.to),
                a.weight,
            );
        }
        g
    }

    /// Neighbour lists with weights (undirected).
    pub fn adjacency(&self) -> Vec<Vec<(usize, f64)>> {
        let mut adj = vec![Vec::new(); self.nodes.len()];
        for e in &self.edges {
            adj[e.a].push((e.b, e.weight));
            adj[e.b].push((e.a, e.weight));
        }
        adj
    }

    /// Out-neighbour lists with weights (directed arcs).
    pub fn out_adjacency(&self) -> Vec<Vec<(usize, f64)>> {
        let mut adj = vec![Vec::new(); self.nodes.len()];
        for a in &self.arcs {
            adj[a.from].push((a.to, a.weight));
        }
        adj
    }

    /// Builds a simple graph from an undirected weighted edge list (arcs both
    /// ways). For tests, fixtures and benchmarks.
    pub fn from_edges(nodes: Vec<String>, edges: &[(usize, usize, f64)]) -> SimpleGraph {
        let mut es: Vec<SimpleEdge> = edges
            .iter()
            .map(|&(a, b, w)| SimpleEdge {
                a: a.min(b),
                b: a.max(b),
                weight: w,
                relations: vec![],
                agreements: vec![],
                inferred: vec![],
            })
            .collect();
        es.sort_by_key(|e| (e.a, e.b));
        let mut arcs: Vec<SimpleArc> = es
            .iter()
            .flat_map(|e| {
                [
                    SimpleArc {
                        from: e.a,
                        to: e.b,
                        weight: e.weight,
                    },
                    SimpleArc {
                        from: e.b,
                        to: e.a,
                        weight: e.weight,
                    },
                ]
            })
            .collect();
        arcs.sort_by_key(|a| (a.from, a.to));
        SimpleGraph {
            nodes,
            edges: es,
            arcs,
            groups: Vec::new(),
        }
    }

    /// Builds a simple graph from directed weighted arcs; the undirected edges
    /// join each pair with an arc either way (weight: the larger).
    pub fn from_arcs(nodes: Vec<String>, arcs: &[(usize, usize, f64)]) -> SimpleGraph {
        let mut pairs: BTreeMap<(usize, usize), f64> = BTreeMap::new();
        for &(a, b, w) in arcs {
            let e = pairs.entry((a.min(b), a.max(b))).or_insert(0.0);
            *e = e.max(w);
        }
        let edges: Vec<(usize, usize, f64)> =
            pairs.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        let mut g = SimpleGraph::from_edges(nodes, &edges);
        let mut arcs: Vec<SimpleArc> = arcs
            .iter()
            .map(|&(from, to, weight)| SimpleArc { from, to, weight })
            .collect();
        arcs.sort_by_key(|a| (a.from, a.to));
        g.arcs = arcs;
        g
    }

    /// Degree of each node (number of distinct neighbours).
    pub fn degrees(&self) -> Vec<usize> {
        let mut d = vec![0; self.nodes.len()];
        for e in &self.edges {
            d[e.a] += 1;
            d[e.b] += 1;
        }
        d
    }
}
