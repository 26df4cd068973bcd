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
