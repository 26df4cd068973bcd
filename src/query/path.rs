//! The shortest chains of ties linking two actors, with the relations and
//! agreements on each link.

use crate::analysis::paths::all_shortest_paths;
use crate::error::{Error, Result};
use crate::graph::Relation;
use crate::model::Dataset;
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

fn relation_names(r: &[Relation]) -> String {
    r.iter().map(|x| x.as_str()).collect::<Vec<_>>().join("+")
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
                    chain.push_str(&format!(
                        " —[{} ×{}]— {}",
                        relation_names(&l.relations),
                        l.agreements.len(),
                        l.to
                    ));
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
            relations: relation_names(&l.relations),
            agreements: join(&l.agreements),
        })
    }
}

impl PathQuery {
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
            return Err(Error::NoPath { from: a, to: b });
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
