//! The command line: one file per subcommand, each an argument struct (clap
//! derive) with a `run` that returns the text to print. `src/main.rs` only
//! parses, calls [`run`] and prints.

pub mod actors;
pub mod agreements;
pub mod centrality;
pub mod codebook;
pub mod edges;
pub mod ego;
pub mod explain;
pub mod export;
pub mod partners;
pub mod path;
pub mod places;
pub mod render;
pub mod stats;
pub mod timeline;
pub mod validate;

use crate::error::Result;
use crate::model::Dataset;
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
Exit codes: 0 success, 1 failure (I/O), 2 bad input (data problems, unknown names, bad arguments).";

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
    /// Export the actor graph of a slice (Graphviz DOT).
    Export(export::Args),
    /// Draw a slice as SVG, PNG or PDF with Graphviz.
    Render(render::Args),
    /// Check the dataset: counts by kind, or every problem with file:line:column.
    Validate(validate::Args),
    /// Print the controlled vocabularies (kinds, roles, sides, statuses, term codes).
    Codebook(codebook::Args),
}

/// Loads the dataset the user chose.
pub fn dataset(cli_data: Option<&std::path::Path>) -> Result<Dataset> {
    crate::load::load(cli_data)
}

/// Runs a parsed command line; returns what to print on stdout.
pub fn run(cli: &Cli) -> Result<String> {
    let data = cli.data.as_deref();
    let ds = || dataset(data);
    match &cli.command {
        Command::Validate(a) => validate::run(a, data),
        Command::Codebook(a) => codebook::run(a),
        Command::Actors(a) => actors::run(a, &ds()?),
        Command::Places(a) => places::run(a, &ds()?),
        Command::Periods(a) => places::run_periods(a, &ds()?),
        Command::Agreements(a) => agreements::run(a, &ds()?),
        Command::Centrality(a) => centrality::run(a, &ds()?),
        Command::Partners(a) => partners::run(a, &ds()?),
        Command::Edges(a) => edges::run(a, &ds()?),
        Command::Path(a) => path::run(a, &ds()?),
        Command::Ego(a) => ego::run(a, &ds()?),
        Command::Timeline(a) => timeline::run(a, &ds()?),
        Command::Explain(a) => explain::run(a, &ds()?),
        Command::Stats(a) => stats::run(a, &ds()?),
        Command::Export(a) => export::run(a, &ds()?),
        Command::Render(a) => render::run(a, &ds()?),
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
