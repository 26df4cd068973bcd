//! `musalaha stats`: size and shape of the actor graph, per slice.

use super::args::{FormatArg, NetworkArgs, RelationsArg, SliceArgs};
use crate::model::Dataset;
use crate::output::Output;
use crate::query::stats::StatsQuery;
use crate::slice::Over;

/// Arguments of `musalaha stats`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  musalaha stats\n  musalaha stats --over year\n  musalaha stats --over period --relation signing --format csv\n  musalaha stats --edges edges.csv"
)]
pub struct Args {
    #[command(flatten)]
    pub slice: SliceArgs,
    #[command(flatten)]
    pub network: NetworkArgs,
    #[command(flatten)]
    pub relation: RelationsArg,
    /// One row per year or named period.
    #[arg(long, value_enum, conflicts_with = "edges")]
    pub over: Option<Over>,
    #[command(flatten)]
    pub format: FormatArg,
}

/// Runs the command on the network of --edges: one row named after the file.
pub fn run_network(args: &Args, out: &mut Output) -> anyhow::Result<()> {
    let Some(net) = args.network.read(false)? else {
        return Ok(());
    };
    let label = args
        .network
        .edges
        .as_deref()
        .and_then(|p| p.file_name())
        .map_or_else(String::new, |f| f.to_string_lossy().into_owned());
    let row = crate::query::stats::network_stats(&net, &label);
    if let Some(note) = crate::query::stats::diameter_note(std::slice::from_ref(&row)) {
        eprintln!("musalaha: note: {note}");
    }
    Ok(out.rows(args.format.format, vec![row])?)
}

/// Runs the command.
pub fn run(args: &Args, ds: &Dataset, out: &mut Output) -> anyhow::Result<()> {
    let rows = StatsQuery {
        slice: args.slice.spec(),
        relations: args.relation.get(),
        over: args.over,
    }
    .run(ds)?;
    super::answer(ds, out, args.format.format, rows)
}
