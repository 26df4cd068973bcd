//! The shortest chains of ties linking two actors, with the relations and
//! agreements on each link.

use crate::analysis::paths::all_shortest_paths;
use crate::error::{Error, Result, Scope};
use crate::graph::Relation;
use crate::model::Dataset;
use crate::network::Network;
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::resolve;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;
use std::collections::HashMap;

/// The chains between two actors.
#[derive(Debug, Clone)]
pub struct PathQuery {
    /// The two actors (ids or names).
    pub from: String,
    pub to: String,
    pub slice: SliceSpec,
    /// Relations to walk along.
    pub relations: Vec<Relation>,
    /// At most this many shortest paths.
    pub max: usize,
}

/// One link of a path.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub relations: Vec<Relation>,
    pub agreements: Vec<String>,
    /// A network read from files (`--edges`): the kinds of the link's ties
    /// that are not musalaha relations (`tie` for rows without a kind).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// A network read from files: the weight of the link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
}

impl Link {
    /// The relations and kinds joined by `+`.
    pub fn relation_text(&self) -> String {
        self.relations
            .iter()
            .map(|x| x.as_str())
            .chain(self.kinds.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("+")
    }
}

/// One shortest path (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct PathRow {
    pub path: usize,
    pub length: usize,
    pub actors: Vec<String>,
    pub links: Vec<Link>,
}

/// CSV record of a [`PathRow`] (not listed: CSV lists [`LinkRow`]s).
#[derive(Debug, Default, Serialize)]
pub struct PathCsv {
    pub path: usize,
    pub length: usize,
    pub actors: String,
    pub links: String,
}

impl Row for PathRow {
    type Csv = PathCsv;
    fn csv(&self) -> PathCsv {
        PathCsv {
            path: self.path,
            length: self.length,
            actors: self.actors.join(" > "),
            links: join(
                &self
                    .links
                    .iter()
                    .map(|l| format!("{}-{}: {}", l.from, l.to, l.agreements.join(" ")))
                    .collect::<Vec<_>>(),
            ),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("path", |r: &Self| r.path.to_string()),
            Column::new("length", |r: &Self| r.length.to_string()),
            Column::new("chain", |r: &Self| {
                let mut chain = r.actors.first().cloned().unwrap_or_default();
                for l in &r.links {
                    let strength = match l.weight {
                        Some(w) => format!("w {w}"),
                        None => format!("×{}", l.agreements.len()),
                    };
                    chain.push_str(&format!(" —[{} {strength}]— {}", l.relation_text(), l.to));
                }
                chain
            }),
        ]
    }
}

/// One link of one path, flat (the CSV form of `path`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct LinkRow {
    pub path: usize,
    pub step: usize,
    pub from: String,
    pub to: String,
    pub relations: String,
    pub agreements: String,
}

impl Row for LinkRow {
    type Csv = LinkRow;
    fn csv(&self) -> LinkRow {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("path", |r: &Self| r.path.to_string()),
            Column::new("step", |r: &Self| r.step.to_string()),
            Column::new("from", |r: &Self| r.from.clone()),
            Column::new("to", |r: &Self| r.to.clone()),
            Column::new("relations", |r: &Self| r.relations.clone()),
            Column::new("agreements", |r: &Self| r.agreements.clone()),
        ]
    }
}

impl PathRow {
    /// The path's links as flat rows.
    pub fn link_rows(&self) -> impl Iterator<Item = LinkRow> + '_ {
        self.links.iter().enumerate().map(move |(s, l)| LinkRow {
            path: self.path,
            step: s + 1,
            from: l.from.clone(),
            to: l.to.clone(),
            relations: l.relation_text(),
            agreements: join(&l.agreements),
        })
    }
}

impl PathQuery {
    /// The shortest paths on a network read from files (read with
    /// [`crate::network::ReadOptions::details`] for the kinds of the
    /// links); names resolve to node ids and labels.
    pub fn run_network(&self, net: &Network) -> Result<Answer<PathRow>> {
        let (ia, ra) = net.nodes.resolve(&self.from)?;
        let (ib, rb) = net.nodes.resolve(&self.to)?;
        let graph = net.simple();
        let paths = all_shortest_paths(&graph, ia, ib, self.max.max(1));
        if paths.is_empty() {
            return Err(Error::NoPath {
                from: ra.id.clone(),
                to: rb.id.clone(),
                within: Scope::Network,
            });
        }
        let edges: HashMap<(usize, usize), usize> = graph
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.a, e.b), i))
            .collect();
        let kinds = pair_kinds(net);
        let rows = paths
            .iter()
            .enumerate()
            .map(|(i, p)| PathRow {
                path: i + 1,
                length: p.len() - 1,
                actors: p.iter().map(|&v| graph.nodes[v].clone()).collect(),
                links: p
                    .windows(2)
                    .map(|w| {
                        let key = (w[0].min(w[1]), w[0].max(w[1]));
                        let (relations, kinds) = kinds.get(&key).cloned().unwrap_or_default();
                        Link {
                            from: graph.nodes[w[0]].clone(),
                            to: graph.nodes[w[1]].clone(),
                            relations,
                            agreements: Vec::new(),
                            kinds,
                            weight: edges.get(&key).map(|&i| graph.edges[i].weight),
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(Answer {
            rows,
            resolved: vec![ra, rb],
            notes: Vec::new(),
        })
    }

    /// The shortest paths, in lexicographic order of actor ids.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<PathRow>> {
        let ra = resolve::actor(ds, &self.from)?;
        let rb = resolve::actor(ds, &self.to)?;
        let (a, b) = (ra.id.clone(), rb.id.clone());
        let mut slice = Slice::resolve(ds, &self.slice)?;
        slice.resolved.splice(0..0, [ra, rb]);
        let graph = slice.actor_graph(ds).simple(&self.relations);
        let index: HashMap<&str, usize> = graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let (ia, ib) = match (index.get(a.as_str()), index.get(b.as_str())) {
            (Some(x), Some(y)) => (*x, *y),
            (None, _) => return Err(Error::NotInGraph { actor: a }),
            (_, None) => return Err(Error::NotInGraph { actor: b }),
        };
        let paths = all_shortest_paths(&graph, ia, ib, self.max.max(1));
        if paths.is_empty() {
            return Err(Error::NoPath {
                from: a,
                to: b,
                within: Scope::Slice,
            });
        }
        let edges: HashMap<(usize, usize), usize> = graph
            .edges
            .iter()
            .enumerate()
            .map(|(i, e)| ((e.a, e.b), i))
            .collect();
        let rows = paths
            .iter()
            .enumerate()
            .map(|(i, p)| PathRow {
                path: i + 1,
                length: p.len() - 1,
                actors: p.iter().map(|&v| graph.nodes[v].clone()).collect(),
                links: p
                    .windows(2)
                    .map(|w| {
                        let e = edges
                            .get(&(w[0].min(w[1]), w[0].max(w[1])))
                            .map(|&i| &graph.edges[i]);
                        Link {
                            from: graph.nodes[w[0]].clone(),
                            to: graph.nodes[w[1]].clone(),
                            relations: e.map(|e| e.relations.clone()).unwrap_or_default(),
                            agreements: e.map(|e| e.agreements.clone()).unwrap_or_default(),
                            kinds: Vec::new(),
                            weight: None,
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}

/// The relations and other kinds of each pair of a network's ties.
pub(crate) fn pair_kinds(net: &Network) -> HashMap<(usize, usize), (Vec<Relation>, Vec<String>)> {
    let mut out: HashMap<(usize, usize), (Vec<Relation>, Vec<String>)> = HashMap::new();
    for t in &net.ties {
        let (a, b) = (t.source as usize, t.target as usize);
        let e = out.entry((a.min(b), a.max(b))).or_default();
        match Relation::parse(net.kind_of(t)) {
            Some(r) if !e.0.contains(&r) => e.0.push(r),
            Some(_) => {}
            None => {
                let k = match net.kind_of(t) {
                    "" => "tie".to_string(),
                    k => k.to_string(),
                };
                if !e.1.contains(&k) {
                    e.1.push(k);
                }
            }
        }
    }
    for (r, k) in out.values_mut() {
        r.sort_unstable();
        k.sort_unstable();
    }
    out
}
