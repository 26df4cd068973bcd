//! Size and shape of the actor graph of a slice, once or per year or period.

use crate::analysis::stats::{stats, GraphStats};
use crate::error::Result;
use crate::graph::Relation;
use crate::model::Dataset;
use crate::output::{Column, Row};
use crate::query::Answer;
use crate::slice::{Over, Slice, SliceSpec};
use serde::Serialize;

/// Graph statistics of a slice.
#[derive(Debug, Clone)]
pub struct StatsQuery {
    pub slice: SliceSpec,
    /// Relations that make the graph.
    pub relations: Vec<Relation>,
    /// One row per year or named period.
    pub over: Option<Over>,
}

/// Statistics of one slice (JSON contract: docs/formats.md).
#[derive(Debug, Clone, Serialize)]
pub struct StatsRow {
    pub slice: String,
    #[serde(flatten)]
    pub stats: GraphStats,
}

/// CSV record of a [`StatsRow`].
#[derive(Debug, Default, Serialize)]
pub struct StatsCsv {
    pub slice: String,
    pub agreements: usize,
    pub nodes: usize,
    pub edges: usize,
    pub density: String,
    pub components: usize,
    pub largest_component: usize,
    pub diameter: usize,
    pub mean_degree: String,
    pub total_weight: String,
}

impl Row for StatsRow {
    type Csv = StatsCsv;
    fn csv(&self) -> StatsCsv {
        let s = &self.stats;
        StatsCsv {
            slice: self.slice.clone(),
            agreements: s.agreements,
            nodes: s.nodes,
            edges: s.edges,
            density: format!("{:.6}", s.density),
            components: s.components,
            largest_component: s.largest_component,
            diameter: s.diameter,
            mean_degree: format!("{:.6}", s.mean_degree),
            total_weight: format!("{}", s.total_weight),
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("slice", |r: &Self| r.slice.clone()),
            Column::new("agreements", |r: &Self| r.stats.agreements.to_string()),
            Column::new("nodes", |r: &Self| r.stats.nodes.to_string()),
            Column::new("edges", |r: &Self| r.stats.edges.to_string()),
            Column::new("density", |r: &Self| format!("{:.6}", r.stats.density)),
            Column::new("components", |r: &Self| r.stats.components.to_string()),
            Column::new("largest_component", |r: &Self| {
                r.stats.largest_component.to_string()
            }),
            Column::new("diameter", |r: &Self| r.stats.diameter.to_string()),
            Column::new("mean_degree", |r: &Self| {
                format!("{:.6}", r.stats.mean_degree)
            }),
            Column::new("total_weight", |r: &Self| {
                format!("{}", r.stats.total_weight)
            }),
        ]
    }
}

impl StatsQuery {
    /// One row for the slice, or one per year or period.
    pub fn run(&self, ds: &Dataset) -> Result<Answer<StatsRow>> {
        let slice = Slice::resolve(ds, &self.slice)?;
        let resolved = slice.resolved.clone();
        let slices = match self.over {
            None => vec![(slice.describe(), slice)],
            Some(o) => slice.over(ds, o),
        };
        let rows = slices
            .into_iter()
            .map(|(label, s)| {
                let g = s.actor_graph(ds).simple(&self.relations);
                StatsRow {
                    slice: label,
                    stats: stats(&g, s.select(ds).len()),
                }
            })
            .collect();
        Ok(Answer { rows, resolved })
    }
}
