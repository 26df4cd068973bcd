//! From agreements to graphs.
//!
//! - [`TwoMode`]: actors × agreements, one edge per participation, carrying
//!   the role and side.
//! - [`ActorGraph`]: the projection onto actors. Each [`Tie`] is one relation
//!   between two actors and keeps the agreements that produced it, so every
//!   number computed on the graph can be traced back to agreements and sources.
//! - [`SimpleGraph`]: the weighted simple graph measures run on: one edge per
//!   actor pair for the chosen relations, weight = number of distinct
//!   agreements behind it.
//!
//! Projection rules (docs/codebook.md): signatories on opposite sides →
//! `signing`; on the same side → `co-signing`; parties (signatory or
//! negotiator) on opposite sides where one only negotiated → `negotiating`;
//! guarantor → each signatory → `guaranteeing`; mediator/sponsor/host → each
//! party → `mediating`. No self-loops.

use crate::error::{Error, Result};
use crate::model::{Agreement, Role, Side};
use indexmap::IndexMap;
use petgraph::graph::UnGraph;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A kind of tie between two actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Signing,
    CoSigning,
    Negotiating,
    Guaranteeing,
    Mediating,
}

impl Relation {
    pub const ALL: [Relation; 5] = [
        Relation::Signing,
        Relation::CoSigning,
        Relation::Negotiating,
        Relation::Guaranteeing,
        Relation::Mediating,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Signing => "signing",
            Relation::CoSigning => "co-signing",
            Relation::Negotiating => "negotiating",
            Relation::Guaranteeing => "guaranteeing",
            Relation::Mediating => "mediating",
        }
    }

    /// Whether the tie runs from a third party to a party.
    pub fn is_directed(self) -> bool {
        matches!(self, Relation::Guaranteeing | Relation::Mediating)
    }

    /// Parses a comma-separated list; `all` means every relation.
    pub fn parse_list(text: &str) -> Result<Vec<Relation>> {
        let mut out = Vec::new();
        for part in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if part == "all" {
                return Ok(Relation::ALL.to_vec());
            }
            match Relation::ALL.iter().find(|r| r.as_str() == part) {
                Some(r) if !out.contains(r) => out.push(*r),
                Some(_) => {}
                None => {
                    return Err(Error::BadArgument(format!(
                        "--relation: unknown relation '{part}'\n  help: use a comma-separated list of signing, co-signing, negotiating, guaranteeing, mediating, or all"
                    )))
                }
            }
        }
        if out.is_empty() {
            return Err(Error::BadArgument("--relation: no relation given".into()));
        }
        out.sort();
        Ok(out)
    }
}

/// The default relations for measures: every relation that joins actors
/// across or around an agreement.
pub const DEFAULT_RELATIONS: &str = "signing,negotiating,guaranteeing,mediating";

/// One relation between two actors with the agreements behind it. For
/// undirected relations `from < to`; for directed ones `from` is the guarantor
/// or mediator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tie {
    pub from: String,
    pub to: String,
    pub relation: Relation,
    pub agreements: Vec<String>,
}

impl Tie {
    pub fn weight(&self) -> usize {
        self.agreements.len()
    }
}

/// The actor graph projected from a set of agreements.
#[derive(Debug, Clone, Default)]
pub struct ActorGraph {
    /// Ties sorted by (relation, from, to).
    pub ties: Vec<Tie>,
}

/// Projects agreements onto actors.
pub fn project(agreements: &[&Agreement]) -> ActorGraph {
    let mut map: BTreeMap<(Relation, String, String), BTreeSet<String>> = BTreeMap::new();
    let mut add = |rel: Relation, a: &str, b: &str, agr: &str| {
        if a == b {
            return;
        }
        let (x, y) = if rel.is_directed() || a < b {
            (a, b)
        } else {
            (b, a)
        };
        map.entry((rel, x.to_string(), y.to_string()))
            .or_default()
            .insert(agr.to_string());
    };
    for ag in agreements {
        let ps = &ag.participants;
        for (i, p) in ps.iter().enumerate() {
            for q in ps.iter().skip(i + 1) {
                if p.role.is_party() && q.role.is_party() {
                    let opposite = matches!(
                        (p.side, q.side),
                        (Some(Side::Regime), Some(Side::Opposition))
                            | (Some(Side::Opposition), Some(Side::Regime))
                    );
                    let both_signed = p.role == Role::Signatory && q.role == Role::Signatory;
                    if opposite && both_signed {
                        add(Relation::Signing, &p.actor, &q.actor, &ag.id);
                    } else if opposite {
                        add(Relation::Negotiating, &p.actor, &q.actor, &ag.id);
                    } else if both_signed && p.side.is_some() && p.side == q.side {
                        add(Relation::CoSigning, &p.actor, &q.actor, &ag.id);
                    }
                }
            }
            for q in ps {
                if p.role == Role::Guarantor && q.role == Role::Signatory {
                    add(Relation::Guaranteeing, &p.actor, &q.actor, &ag.id);
                }
                if p.role.is_mediating() && q.role.is_party() {
                    add(Relation::Mediating, &p.actor, &q.actor, &ag.id);
                }
            }
        }
    }
    ActorGraph {
        ties: map
            .into_iter()
            .map(|((relation, from, to), ags)| Tie {
                from,
                to,
                relation,
                agreements: ags.into_iter().collect(),
            })
            .collect(),
    }
}

/// How the projection weights an actor pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Weighting {
    /// Number of distinct agreements behind the pair.
    #[default]
    Count,
    /// Newman's collaboration weighting: each agreement adds 1/(k - 1), where k is
    /// the number of actors the agreement ties together in the chosen relations.
    Newman,
    /// Every edge weighs 1.
    None,
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
        // Newman: k = number of actors each agreement ties together.
        let mut members: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for t in &chosen {
            for a in &t.agreements {
                let m = members.entry(a.as_str()).or_default();
                m.insert(t.from.as_str());
                m.insert(t.to.as_str());
            }
        }
        let weigh = |ags: &BTreeSet<String>| -> f64 {
            match weighting {
                Weighting::Count => ags.len() as f64,
                Weighting::None => 1.0,
                Weighting::Newman => ags
                    .iter()
                    .map(|a| {
                        let k = members.get(a.as_str()).map_or(2, |m| m.len());
                        1.0 / (k.max(2) - 1) as f64
                    })
                    .sum(),
            }
        };
        let mut pairs: BTreeMap<(String, String), (BTreeSet<Relation>, BTreeSet<String>)> =
            BTreeMap::new();
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
            .map(|((a, b), (rels, ags))| SimpleEdge {
                a: index[a.as_str()],
                b: index[b.as_str()],
                weight: weigh(ags),
                relations: rels.iter().copied().collect(),
                agreements: ags.iter().cloned().collect(),
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

    /// Ties that touch an actor.
    pub fn ties_of<'a>(&'a self, actor: &'a str) -> impl Iterator<Item = &'a Tie> + 'a {
        self.ties
            .iter()
            .filter(move |t| t.from == actor || t.to == actor)
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

/// One actor's participation in one agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participation {
    pub actor: String,
    pub agreement: String,
    pub role: Role,
    pub side: Option<Side>,
}

/// The two-mode (bipartite) graph: actors × agreements.
#[derive(Debug, Clone, Default)]
pub struct TwoMode {
    pub actors: Vec<String>,
    pub agreements: Vec<String>,
    pub edges: Vec<Participation>,
}

/// Builds the two-mode graph of a set of agreements.
pub fn two_mode(agreements: &[&Agreement]) -> TwoMode {
    let mut actors = BTreeSet::new();
    let mut edges = Vec::new();
    for ag in agreements {
        for p in &ag.participants {
            actors.insert(p.actor.clone());
            edges.push(Participation {
                actor: p.actor.clone(),
                agreement: ag.id.clone(),
                role: p.role,
                side: p.side,
            });
        }
    }
    TwoMode {
        actors: actors.into_iter().collect(),
        agreements: agreements.iter().map(|a| a.id.clone()).collect(),
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn part(actor: &str, role: Role, side: Option<Side>) -> Participant {
        Participant {
            actor: actor.into(),
            role,
            side,
            locator: None,
            note: None,
        }
    }

    fn agreement(id: &str, ps: Vec<Participant>) -> Agreement {
        Agreement {
            id: id.into(),
            title: id.into(),
            title_ar: None,
            date: FuzzyDate::parse("2018-01-01").unwrap(),
            date_readings: vec![],
            date_note: None,
            places: vec!["p".into()],
            kind: AgreementKind::FinalSettlement,
            phase: None,
            follows: None,
            status: Status::Signed,
            participants: ps,
            terms: vec![],
            sources: vec![],
            note: None,
        }
    }

    use Role::*;
    const R: Option<Side> = Some(Side::Regime);
    const O: Option<Side> = Some(Side::Opposition);
    const N: Option<Side> = Some(Side::Neutral);

    fn rel(g: &ActorGraph, r: Relation) -> Vec<(String, String, usize)> {
        g.ties
            .iter()
            .filter(|t| t.relation == r)
            .map(|t| (t.from.clone(), t.to.clone(), t.weight()))
            .collect()
    }

    #[test]
    fn projection_rules() {
        let a = agreement(
            "a1",
            vec![
                part("fac1", Signatory, O),
                part("fac2", Signatory, O),
                part("hmeimim", Signatory, R),
                part("russia", Guarantor, R),
                part("egypt", Mediator, N),
                part("un", Witness, N),
                part("mp", Implementer, R),
            ],
        );
        let g = project(&[&a]);
        let s = |x: &str, y: &str, w| (x.to_string(), y.to_string(), w);
        assert_eq!(
            rel(&g, Relation::Signing),
            vec![s("fac1", "hmeimim", 1), s("fac2", "hmeimim", 1)]
        );
        assert_eq!(rel(&g, Relation::CoSigning), vec![s("fac1", "fac2", 1)]);
        assert_eq!(
            rel(&g, Relation::Guaranteeing),
            vec![
                s("russia", "fac1", 1),
                s("russia", "fac2", 1),
                s("russia", "hmeimim", 1)
            ]
        );
        assert_eq!(
            rel(&g, Relation::Mediating),
            vec![
                s("egypt", "fac1", 1),
                s("egypt", "fac2", 1),
                s("egypt", "hmeimim", 1)
            ]
        );
        assert!(rel(&g, Relation::Negotiating).is_empty());
        // Witnesses and implementers make no actor-graph edges.
        assert!(!g
            .ties
            .iter()
            .any(|t| t.from == "un" || t.to == "un" || t.from == "mp" || t.to == "mp"));
    }

    #[test]
    fn negotiators_and_weights_and_no_self_loops() {
        let a = agreement(
            "a1",
            vec![
                part("x", Negotiator, O),
                part("y", Signatory, R),
                part("y", Guarantor, R),
            ],
        );
        let b = agreement("a2", vec![part("x", Signatory, O), part("y", Signatory, R)]);
        let g = project(&[&a, &b]);
        assert_eq!(
            rel(&g, Relation::Negotiating),
            vec![("x".into(), "y".into(), 1)]
        );
        assert_eq!(
            rel(&g, Relation::Signing),
            vec![("x".into(), "y".into(), 1)]
        );
        // The guarantor who is also a signatory gets no edge to itself.
        assert!(rel(&g, Relation::Guaranteeing).is_empty());
        let s = g.simple(&Relation::ALL);
        assert_eq!(s.nodes, vec!["x", "y"]);
        assert_eq!(s.edges.len(), 1);
        assert_eq!(s.edges[0].weight, 2.0);
        assert_eq!(
            s.edges[0].relations,
            vec![Relation::Signing, Relation::Negotiating]
        );
        let only_signing = g.simple(&[Relation::Signing]);
        assert_eq!(only_signing.edges[0].weight, 1.0);
    }

    #[test]
    fn side_missing_never_yields_signing() {
        let a = agreement(
            "a1",
            vec![part("x", Negotiator, None), part("y", Negotiator, R)],
        );
        assert!(project(&[&a]).ties.is_empty());
    }

    #[test]
    fn relation_lists() {
        assert_eq!(Relation::parse_list("all").unwrap().len(), 5);
        assert_eq!(
            Relation::parse_list("mediating,signing,signing").unwrap(),
            vec![Relation::Signing, Relation::Mediating]
        );
        assert!(Relation::parse_list("friendship").is_err());
    }
}
