//! `musalaha edges`: the actor-graph edges of a slice, with the agreements
//! behind each (for spreadsheets, Gephi, and the NetworkX reference script).

use crate::error::Result;
use crate::filter::{Slice, SliceArgs};
use crate::graph::{Relation, DEFAULT_RELATIONS};
use crate::model::Dataset;
use crate::output::{render, Format, Listing};
use serde::Serialize;

/// Arguments of `musalaha edges`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha edges --relation signing --format csv > signing.csv\n  musalaha edges --simple --relation all --format json"
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Relations to list (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// One row per actor pair (the weighted simple graph measures run on).
    #[arg(long)]
    pub simple: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// One edge (JSON contract: docs/formats.md).
#[derive(Debug, Serialize)]
pub struct EdgeRow {
    pub source: String,
    pub target: String,
    /// Relation names joined by `+` for simple edges.
    pub relation: String,
    pub directed: bool,
    pub weight: usize,
    pub agreements: Vec<String>,
}

impl Listing for EdgeRow {
    fn headers() -> Vec<&'static str> {
        vec![
            "source",
            "target",
            "relation",
            "directed",
            "weight",
            "agreements",
        ]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.source.clone(),
            self.target.clone(),
            self.relation.clone(),
            self.directed.to_string(),
            self.weight.to_string(),
            self.agreements.join("; "),
        ]
    }
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let slice = Slice::resolve(ds, &args.slice)?;
    let relations = Relation::parse_list(&args.relation)?;
    let graph = slice.actor_graph(ds);
    let rows: Vec<EdgeRow> = if args.simple {
        let s = graph.simple(&relations);
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
            })
            .collect()
    } else {
        graph
            .ties
            .iter()
            .filter(|t| relations.contains(&t.relation))
            .map(|t| EdgeRow {
                source: t.from.clone(),
                target: t.to.clone(),
                relation: t.relation.as_str().to_string(),
                directed: t.relation.is_directed(),
                weight: t.weight(),
                agreements: t.agreements.clone(),
            })
            .collect()
    };
    Ok(render(&rows, args.format))
}
