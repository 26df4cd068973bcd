//! `musalaha stats`: size and shape of the actor graph, per slice.

use crate::analysis::stats::{stats, GraphStats};
use crate::error::Result;
use crate::filter::{Over, Slice, SliceArgs};
use crate::graph::{Relation, DEFAULT_RELATIONS};
use crate::model::Dataset;
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha stats`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha stats\n  musalaha stats --over year\n  musalaha stats --over period --relation signing --format csv"
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Relations that make the graph (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// One row per year or named period.
    #[arg(long, value_enum)]
    pub over: Option<Over>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// Statistics of one slice (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct StatsRow {
    pub slice: String,
    #[serde(flatten)]
    pub stats: GraphStats,
}

impl Listing for StatsRow {
    fn headers() -> Vec<&'static str> {
        vec![
            "slice",
            "agreements",
            "nodes",
            "edges",
            "density",
            "components",
            "largest_component",
            "diameter",
            "mean_degree",
            "total_weight",
        ]
    }
    fn cells(&self) -> Vec<String> {
        let s = &self.stats;
        vec![
            self.slice.clone(),
            s.agreements.to_string(),
            s.nodes.to_string(),
            s.edges.to_string(),
            format!("{:.6}", s.density),
            s.components.to_string(),
            s.largest_component.to_string(),
            s.diameter.to_string(),
            format!("{:.6}", s.mean_degree),
            format!("{}", s.total_weight),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let slice = Slice::resolve(ds, &args.slice)?;
    let relations = Relation::parse_list(&args.relation)?;
    let slices = match args.over {
        None => vec![(slice.describe(), slice)],
        Some(o) => slice.over(ds, o),
    };
    let rows: Vec<StatsRow> = slices
        .into_iter()
        .map(|(label, s)| {
            let g = s.actor_graph(ds).simple(&relations);
            StatsRow {
                slice: label,
                stats: stats(&g, s.select(ds).len()),
            }
        })
        .collect();
    Ok(render(&rows, args.format))
}
