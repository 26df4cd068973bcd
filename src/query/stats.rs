//! Size and shape of the actor graph of a slice, once or per year or period.

use crate::analysis::stats::{stats, GraphStats};
use crate::error::Result;
use crate::graph::Relation;
use crate::model::Dataset;
use crate::output::{Column, Row};
use crate::query::Answer;
use crate::slice::{DateRule, Over, Slice, SliceSpec};
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
    /// Agreements proper that were concluded (see
    /// [`crate::model::Agreement::is_concluded_agreement`]) among `events`.
    pub agreements: usize,
    /// Every record the slice selects (meetings, offers, demands, … too).
    pub events: usize,
    /// Records that may fall in the window but are not surely in it (their
    /// date may mean days outside it); counted in `events` under `overlap`.
    pub uncertain: usize,
    /// The date rule that selected the records and built the graph.
    pub dates: DateRule,
    #[serde(flatten)]
    pub stats: GraphStats,
}

/// CSV record of a [`StatsRow`].
#[derive(Debug, Default, Serialize)]
pub struct StatsCsv {
    pub slice: String,
    pub agreements: usize,
    pub events: usize,
    pub uncertain: usize,
    pub dates: &'static str,
    pub nodes: usize,
    pub edges: usize,
    pub density: String,
    pub components: usize,
    pub largest_component: usize,
    pub diameter: usize,
    pub mean_degree: String,
    pub total_weight: String,
    pub diameter_exact: bool,
    pub diameter_upper: usize,
}

impl Row for StatsRow {
    type Csv = StatsCsv;
    fn csv(&self) -> StatsCsv {
        let s = &self.stats;
        StatsCsv {
            slice: self.slice.clone(),
            agreements: self.agreements,
            events: self.events,
            uncertain: self.uncertain,
            dates: self.dates.as_str(),
            nodes: s.nodes,
            edges: s.edges,
            density: format!("{:.6}", s.density),
            components: s.components,
            largest_component: s.largest_component,
            diameter: s.diameter,
            mean_degree: format!("{:.6}", s.mean_degree),
            total_weight: format!("{}", s.total_weight),
            diameter_exact: s.diameter_exact,
            diameter_upper: s.diameter_upper,
        }
    }
    fn columns() -> Vec<Column<Self>> {
        vec![
            Column::new("slice", |r: &Self| r.slice.clone()),
            Column::new("agreements", |r: &Self| r.agreements.to_string()),
            Column::new("events", |r: &Self| r.events.to_string()),
            Column::new("uncertain", |r: &Self| r.uncertain.to_string()),
            Column::new("nodes", |r: &Self| r.stats.nodes.to_string()),
            Column::new("edges", |r: &Self| r.stats.edges.to_string()),
            Column::new("density", |r: &Self| format!("{:.6}", r.stats.density)),
            Column::new("comps", |r: &Self| r.stats.components.to_string()),
            Column::new("diam", |r: &Self| {
                if r.stats.diameter_exact {
                    r.stats.diameter.to_string()
                } else {
                    format!("{}-{}", r.stats.diameter, r.stats.diameter_upper)
                }
            }),
            Column::new("mean_deg", |r: &Self| format!("{:.3}", r.stats.mean_degree)),
            Column::new("weight", |r: &Self| format!("{}", r.stats.total_weight)),
        ]
    }
}

/// Statistics of a network read from files ([`crate::network`]): one row
/// labelled `label`; `events` counts the edge rows, `agreements` and
/// `uncertain` are 0 (an edge list has no agreements).
pub fn network_stats(net: &crate::network::Network, label: &str) -> StatsRow {
    let g = net.graph();
    let total = net.total_weight();
    StatsRow {
        slice: label.to_string(),
        agreements: 0,
        events: net.rows,
        uncertain: 0,
        dates: DateRule::Overlap,
        stats: crate::analysis::stats::stats_of(g, net.edge_count(), total),
    }
}

/// A note when a diameter is given as bounds (its search budget ran out).
pub fn diameter_note(rows: &[StatsRow]) -> Option<String> {
    let inexact: Vec<&str> = rows
        .iter()
        .filter(|r| !r.stats.diameter_exact)
        .map(|r| r.slice.as_str())
        .collect();
    (!inexact.is_empty()).then(|| {
        format!(
            "the diameter of {} is given as bounds (diam LOW-HIGH; diameter_exact false in JSON and CSV): an exact value would need more breadth-first searches than the {} arc scans musalaha allows (docs/formats.md)",
            inexact.join(", "),
            crate::analysis::paths::DIAMETER_WORK
        )
    })
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
        let rows: Vec<StatsRow> = slices
            .into_iter()
            .map(|(label, s)| {
                let g = s.actor_graph(ds).simple(&self.relations);
                let selected = s.select(ds);
                let (_, maybe) = s.certainty(ds);
                StatsRow {
                    slice: label,
                    agreements: selected
                        .iter()
                        .filter(|a| a.is_concluded_agreement())
                        .count(),
                    events: selected.len(),
                    uncertain: maybe.len(),
                    dates: s.date_rule(),
                    stats: stats(&g),
                }
            })
            .collect();
        let rule = match rows.first().map(|r: &StatsRow| r.dates) {
            Some(DateRule::Within) => "records whose dates fall wholly in the slice",
            _ => "records whose dates may fall in the slice (overlap)",
        };
        let mut notes = vec![format!(
            "counted {rule}; 'agreements' are the concluded truces, settlements, de-escalation memoranda, evacuation exchanges and frameworks among them, 'events' every record, 'uncertain' those whose dates may also fall outside (see docs/queries.md)"
        )];
        notes.extend(diameter_note(&rows));
        Ok(Answer {
            rows,
            resolved,
            notes,
        })
    }
}
