//! The actor-graph edges of a slice with the agreements behind each: one row
//! per tie (pair and relation), or per pair (the simple graph measures run
//! on).

use crate::error::Result;
use crate::graph::Relation;
use crate::model::Dataset;
use crate::output::{join, Column, Row};
use crate::query::Answer;
use crate::slice::{Slice, SliceSpec};
use serde::Serialize;

/// Which edges to list.
#[derive(Debug, Clone)]
pub struct EdgesQuery {
    pub slice: SliceSpec,
    pub relations: Vec<Relation>,
    /// One row per actor pair.
    pub simple: bool,
}

/// One edge (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct EdgeRow {
    pub source: String,
    pub target: String,
    /// Relation names joined by `+` for simple edges.
    pub relation: String,
    pub directed: bool,
    pub weight: usize,
    pub agreements: Vec<String>,
    /// The agreements (among `agreements`) where the edge rests only on
    /// roles the coders inferred.
    pub inferred: Vec<String>,
}

/// CSV record of an [`EdgeRow`].
#[derive(Debug, Default, Serialize)]
pub struct EdgeCsv {
    pub source: String,
    pub target: String,
    pub relation: String,
    pub directed: bool,
    pub weight: usize,
    pub agreements: String,
    pub inferred: String,
}

impl Row for EdgeRow {
    type Csv = EdgeCsv;
    fn csv(&self) -> EdgeCsv {
        EdgeCsv {
            source: self.source.clone(),
            target: self.target.clone(),
            relation: self.relation.clone(),
            directed: self.directed,
            weight: self.weight,
            agreements: join(&self.agreements),
            inferred: join(&self.inferred),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("source", |r: &Self| r.source.clone()),
            Column::new("target", |r: &Self| r.target.clone()),
            Column::new("relation", |r: &Self| r.relation.clone()),
            Column::new("directed", |r: &Self| r.directed.to_string()),
            Column::new("weight", |r: &Self| r.weight.to_string()),
            Column::new("agreements", |r: &Self| join(&r.agreements)),
        ]
    }
}

impl EdgesQuery {
    /// The edges, ties by (relation, from, to) or pairs by ids.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<EdgeRow>> {
        let slice = Slice::resolve(ds, &self.slice)?;
        let graph = slice.actor_graph(ds);
        let rows = if self.simple {
            let s = graph.simple(&self.relations);
            s.edges
                .iter()
                .map(|e| EdgeRow {
                    source: s.nodes[e.a].clone(),
                    target: s.nodes[e.b].clone(),
                    relation: e
                        .relations
                        .iter()
                        .map(|r| r.as_str())
                        .collect::<Vec<_>>()
                        .join("+"),
                    directed: false,
                    weight: e.agreements.len(),
                    agreements: e.agreements.clone(),
                    inferred: e.inferred.clone(),
                })
                .collect()
        } else {
            graph
                .ties_in(&self.relations)
                .map(|t| EdgeRow {
                    source: t.from.clone(),
                    target: t.to.clone(),
                    relation: t.relation.as_str().to_string(),
                    directed: t.relation.is_directed(),
                    weight: t.weight(),
                    agreements: t.agreements.clone(),
                    inferred: t.inferred.clone(),
                })
                .collect()
        };
        Ok(Answer {
            rows,
            resolved: slice.resolved,
            notes: Vec::new(),
        })
    }
}

/// One edge of a network read from files (`edges --edges FILE`; JSON
/// contract: docs/formats.md): per tie (pair and kind), or per pair with
/// `--simple`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NetworkEdgeRow {
    pub source: String,
    pub target: String,
    /// The kind as written (`tie` when the file gives none); kinds joined
    /// by `+` for pairs.
    pub relation: String,
    pub directed: bool,
    /// The weights of the rows, summed.
    pub weight: f64,
    /// Rows of the file behind the edge.
    pub rows: u32,
    /// The first and last day the dated rows may mean.
    pub since: Option<String>,
    pub until: Option<String>,
}

impl Row for NetworkEdgeRow {
    type Csv = NetworkEdgeRow;
    fn csv(&self) -> NetworkEdgeRow {
        self.clone()
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("source", |r: &Self| r.source.clone()),
            Column::new("target", |r: &Self| r.target.clone()),
            Column::new("relation", |r: &Self| r.relation.clone()),
            Column::new("directed", |r: &Self| r.directed.to_string()),
            Column::new("weight", |r: &Self| format!("{}", r.weight)),
            Column::new("rows", |r: &Self| r.rows.to_string()),
            Column::new("since", |r: &Self| r.since.clone().unwrap_or_default()),
            Column::new("until", |r: &Self| r.until.clone().unwrap_or_default()),
        ]
    }
}

/// The edges of a network read with
/// [`crate::network::ReadOptions::details`]: its ties by (source, target,
/// kind) with ids, or with `simple` one row per pair, by ids.
pub fn network_edges(net: &crate::network::Network, simple: bool) -> Vec<NetworkEdgeRow> {
    let id = |i: u32| net.nodes.id(i as usize).to_string();
    let kind = |t: &crate::network::Tie| match net.kind_of(t) {
        "" => "tie".to_string(),
        k => k.to_string(),
    };
    let span = |d: &[(crate::model::Day, crate::model::Day)]| {
        (
            d.iter().map(|x| x.0).min().map(|x| x.to_string()),
            d.iter().map(|x| x.1).max().map(|x| x.to_string()),
        )
    };
    if !simple {
        return net
            .ties
            .iter()
            .map(|t| {
                let (since, until) = span(&t.dates);
                NetworkEdgeRow {
                    source: id(t.source),
                    target: id(t.target),
                    relation: kind(t),
                    directed: t.directed,
                    weight: t.weight,
                    rows: t.rows,
                    since,
                    until,
                }
            })
            .collect();
    }
    let mut by_pair: std::collections::BTreeMap<(u32, u32), Vec<&crate::network::Tie>> =
        std::collections::BTreeMap::new();
    for t in &net.ties {
        by_pair
            .entry((t.source.min(t.target), t.source.max(t.target)))
            .or_default()
            .push(t);
    }
    by_pair
        .into_iter()
        .map(|((a, b), ties)| {
            let mut kinds: Vec<String> = ties.iter().map(|t| kind(t)).collect();
            kinds.sort_unstable();
            kinds.dedup();
            let dates: Vec<_> = ties.iter().flat_map(|t| t.dates.iter().copied()).collect();
            let (since, until) = span(&dates);
            NetworkEdgeRow {
                source: id(a),
                target: id(b),
                relation: kinds.join("+"),
                directed: false,
                weight: ties.iter().map(|t| t.weight).sum(),
                rows: ties.iter().map(|t| t.rows).sum(),
                since,
                until,
            }
        })
        .collect()
}
