//! `musalaha edges`: the actor-graph edges of a slice, with the agreements
//! behind each (for spreadsheets and the NetworkX reference script).

use super::args::{FormatArg, NetworkArgs, RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::edges::EdgesQuery;

/// Arguments of `musalaha edges`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha edges --relation signing --format csv > signing.csv\n  musalaha edges --simple --relation all --format json\n  musalaha edges --edges my-network.csv --simple --format csv\n  musalaha edges --edges my-network.tsv --directed --format json\n\nWith --edges, one row per tie of the file (pair and kind, weights summed) with its row\ncount and dates, or per pair with --simple (docs/formats.md)."
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    /// With --edges: read the rows as arcs source → target (rows of the symmetric
    /// relations signing, co-signing and negotiating both ways).
    #[arg(long, requires = "edges")]
    pub directed: bool,
    #[command(flatten)]
    pub relation: RelationsArg,
    /// One row per actor pair (the weighted simple graph measures run on).
    #[arg(long)]
    pub simple: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command on the network of --edges (and --nodes).
pub fn run_network(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    let Some(net) = args.network.read_details(args.directed)? else {
        return Ok(());
    };
    let rows = crate::query::edges::network_edges(&net, args.simple);
    Ok(out.rows(args.format.format, rows)?)
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = EdgesQuery {
        slice: args.slice.spec(),
        relations: args.relation.get(),
        simple: args.simple,
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
