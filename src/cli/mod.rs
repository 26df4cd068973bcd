//! The command line (behind the default `cli` feature): one file per
//! subcommand, each a clap argument struct with help text and examples and a
//! `run` that maps the flags to a library query and writes its rows.
//! `src/main.rs` only parses, calls [`run`] and reports the error, worded by
//! [`words`].

pub mod actors;
pub mod agreements;
pub mod args;
pub mod centrality;
pub mod codebook;
pub mod completions;
pub mod edges;
pub mod ego;
pub mod explain;
pub mod export;
pub mod import;
pub mod page;
pub mod participations;
pub mod partners;
pub mod path;
pub mod places;
pub mod render;
pub mod stats;
pub mod timeline;
pub mod validate;
pub mod words;

use crate::model::Dataset;
use crate::output::Output;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

const ABOUT: &str =
    "Syria's local reconciliation agreements (2012-2018) as a network of actors.\n\n\
Actors (the ministry, the Hmeimim centre, factions, committees, guarantor states, ...) are nodes; \
taking part in an agreement yields signing, guaranteeing and mediating edges. The dataset is built \
into the binary; --data DIR loads another copy.";

const AFTER: &str = "Examples:\n  \
musalaha centrality --measure betweenness --top 10\n  \
musalaha agreements --region eastern-ghouta --from 2018-03\n  \
musalaha partners \"جيش الإسلام\"\n  \
musalaha export dot --period de-escalation -o de-escalation.dot\n  \
musalaha validate --data ./graph-data\n\n\
Exit codes: 0 success, 1 failure (I/O, external programs), 2 bad input (data problems, unknown names, bad arguments).";

/// Top-level arguments.
#[derive(Debug, Parser)]
#[command(name = "musalaha", version, about = ABOUT, after_help = AFTER)]
pub struct Cli {
    /// Load the dataset from this folder instead of the built-in one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List actors (states, the ministry, Hmeimim, factions, committees, ...).
    Actors(actors::Args),
    /// List places and the hierarchy used by --region.
    Places(places::Args),
    /// List named periods usable with --period.
    Periods(places::PeriodArgs),
    /// List agreements (and other dated events) in a slice.
    Agreements(agreements::Args),
    /// Rank actors by a centrality measure on the actor graph.
    Centrality(centrality::Args),
    /// Whom an actor negotiated with, and who guaranteed or mediated for it.
    Partners(partners::Args),
    /// Every actor's role in every agreement of a slice (who was excluded where, …).
    Participations(participations::Args),
    /// The shortest chains of actors linking two actors, with the agreements on each link.
    Path(path::Args),
    /// The actors within N ties of an actor.
    Ego(ego::Args),
    /// Every event of an actor in date order, with its role.
    Timeline(timeline::Args),
    /// Every agreement and source locator behind the ties between two actors.
    Explain(explain::Args),
    /// Nodes, edges, density, components and diameter of the actor graph, per slice.
    Stats(stats::Args),
    /// List the actor-graph edges with the agreements behind each.
    Edges(edges::Args),
    /// Export the actor graph of a slice: Graphviz DOT, GraphML, GEXF, JSON, Cytoscape.js or CSV.
    Export(export::Args),
    /// Draw a slice as SVG, PNG or PDF with Graphviz.
    Render(render::Args),
    /// Turn a folder of CSV tables (as `export csv` writes them) into data files that validate.
    Import(import::Args),
    /// Check the dataset: counts by kind, or every problem with file:line:column.
    Validate(validate::Args),
    /// Print the controlled vocabularies (kinds, roles, sides, statuses, term codes).
    Codebook(codebook::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::Args),
}

/// Loads the dataset the user chose.
pub fn dataset(data: Option<&std::path::Path>) -> crate::Result<Dataset> {
    crate::load::load(data)
}

/// The width terminal tables are fitted to: `COLUMNS` when set to a
/// sensible number, else 100.
pub fn table_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| (40..=1000).contains(w))
        .unwrap_or(crate::output::DEFAULT_TABLE_WIDTH)
}

/// Says on stderr how the names of a query were taken (when they were not
/// exact ids), then writes its rows.
pub fn answer<R: crate::output::Row>(
    ds: &Dataset,
    out: &mut Output,
    format: crate::output::Format,
    answer: crate::query::Answer<R>,
) -> anyhow::Result<()> {
    notes(ds, &answer.resolved);
    for n in &answer.notes {
        eprintln!("musalaha: note: {n}");
    }
    if answer.rows.is_empty() {
        eprintln!("musalaha: note: nothing to list in this slice (widen it with --region, --from, --to, --period, --agreement-kind or --relation)");
    }
    Ok(out.rows(format, answer.rows)?)
}

/// Prints the resolution notes on stderr.
pub fn notes(ds: &Dataset, resolved: &[crate::resolve::Resolution]) {
    for r in resolved {
        if let Some(n) = words::resolution(ds, r) {
            eprintln!("musalaha: {n}");
        }
    }
}

/// Prints on stderr how the node names of a network were taken.
pub fn node_notes(resolved: &[crate::resolve::Resolution]) {
    for r in resolved {
        if let Some(n) = words::node_resolution(r) {
            eprintln!("musalaha: {n}");
        }
    }
}

/// Runs a parsed command line, writing what it prints to `out`.
pub fn run(cli: &Cli, out: &mut Output) -> anyhow::Result<()> {
    let data = cli.data.as_deref();
    let ds = || dataset(data);
    match &cli.command {
        Command::Validate(a) => validate::run(a, data, out),
        Command::Codebook(a) => codebook::run(a, out),
        Command::Completions(a) => completions::run(a, out),
        Command::Import(a) => import::run(a, out),
        Command::Actors(a) => actors::run(a, &ds()?, out),
        Command::Places(a) => places::run(a, &ds()?, out),
        Command::Periods(a) => places::run_periods(a, &ds()?, out),
        Command::Agreements(a) => agreements::run(a, &ds()?, out),
        Command::Centrality(a) if a.network.edges.is_some() => centrality::run_network(a, out),
        Command::Centrality(a) => centrality::run(a, &ds()?, out),
        Command::Partners(a) => partners::run(a, &ds()?, out),
        Command::Participations(a) => participations::run(a, &ds()?, out),
        Command::Edges(a) if a.network.edges.is_some() => edges::run_network(a, out),
        Command::Edges(a) => edges::run(a, &ds()?, out),
        Command::Path(a) if a.network.edges.is_some() => path::run_network(a, out),
        Command::Path(a) => path::run(a, &ds()?, out),
        Command::Ego(a) if a.network.edges.is_some() => ego::run_network(a, out),
        Command::Ego(a) => ego::run(a, &ds()?, out),
        Command::Timeline(a) => timeline::run(a, &ds()?, out),
        Command::Explain(a) => explain::run(a, &ds()?, out),
        Command::Stats(a) if a.network.edges.is_some() => stats::run_network(a, out),
        Command::Stats(a) => stats::run(a, &ds()?, out),
        Command::Export(a) if a.network.edges.is_some() => export::run_network(a, out),
        Command::Export(a) => export::run(a, &ds()?, out),
        Command::Render(a) if a.network.edges.is_some() => render::run_network(a, out),
        Command::Render(a) => render::run(a, &ds()?, out),
    }
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
