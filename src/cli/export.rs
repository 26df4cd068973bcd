//! `musalaha export dot`: write the actor graph of a slice as Graphviz DOT.

use crate::error::{Error, Result};
use crate::export::dot::{to_dot, DotOptions, Labels};
use crate::filter::{Slice, SliceArgs};
use crate::graph::{Relation, DEFAULT_RELATIONS};
use crate::model::Dataset;
use std::path::PathBuf;

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    /// Graphviz DOT (render with `dot -Tsvg` or `neato -Tpng`).
    Dot,
}

/// Arguments of `musalaha export`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha export dot --region eastern-ghouta -o ghouta.dot && dot -Tsvg ghouta.dot -o ghouta.svg\n  musalaha export dot --period before-hmeimim --labels both -o before.dot\n\nStyle: node shape = actor kind, fill = alignment (colour-blind-safe palette); edges: signing solid,\nco-signing bold grey, negotiating tapered, guaranteeing dashed arrow, mediating dotted arrow;\nline width grows with the number of agreements. A legend cluster is included unless --no-legend."
)]
pub struct Args {
    /// What to write.
    #[arg(value_enum)]
    pub target: Target,
    #[command(flatten)]
    pub slice: SliceArgs,
    /// Relations to draw (comma-separated), or all.
    #[arg(long, default_value = DEFAULT_RELATIONS)]
    pub relation: String,
    /// Node labels: English, Arabic, or both (one line each).
    #[arg(long, value_enum, default_value_t)]
    pub labels: Labels,
    /// Leave out the legend.
    #[arg(long)]
    pub no_legend: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs the command; with `-o` writes the file and returns a one-line summary.
pub fn run(args: &Args, ds: &Dataset) -> Result<String> {
    let slice = Slice::resolve(ds, &args.slice)?;
    let relations = Relation::parse_list(&args.relation)?;
    let agreements = slice.select(ds);
    let graph = slice.actor_graph(ds);
    let simple = graph.simple(&relations);
    let opts = DotOptions {
        title: format!("Reconciliation network: {}", slice.describe()),
        caption: format!(
            "{} agreements, {} actors. Source: musalaha dataset (study-2018 and others)",
            agreements.len(),
            simple.nodes.len()
        ),
        labels: args.labels,
        relations,
        legend: !args.no_legend,
    };
    let text = to_dot(ds, &graph, &simple, &opts);
    match &args.output {
        None => Ok(text),
        Some(path) => {
            std::fs::write(path, &text).map_err(|source| Error::Write {
                target: path.display().to_string(),
                source,
            })?;
            Ok(format!(
                "wrote {} ({} actors, {} edges)\n",
                path.display(),
                simple.nodes.len(),
                graph
                    .ties
                    .iter()
                    .filter(|t| opts.relations.contains(&t.relation))
                    .count()
            ))
        }
    }
}
